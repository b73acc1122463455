#!/usr/bin/env bash
# Builds whisper.cpp's shared library (the C API the transcription worker calls) from the source inside the
# npm package nodejs-whisper, into a cache folder outside the repository. The package tarball is checked
# against its known sha256 before anything in it is used. Idempotent: a stamp holding the package version,
# the whisper.cpp version and the build flags skips the build when it matches; anything else rebuilds.
# Prints the folder holding libwhisper.so and the libggml*.so it needs as its last line.
# Also installs, from Debian packages when missing, what the build needs (cmake, g++) and the tools the speech
# tests make spoken audio with: espeak-ng (text to speech) and sox (resampling, channels). Without the latter
# those tests skip, naming them.
set -euo pipefail

PACKAGE=nodejs-whisper
PACKAGE_VERSION=0.3.1
PACKAGE_SHA256=92041caf2b26c74b7f489fedf37bd093f216eebd61df512045ec2d19d0531d37
WHISPER_VERSION=1.9.1
# Portable x86-64 (no -march=native, so a cache can move between machines), no OpenMP (slower on 2 cores).
CMAKE_FLAGS=(
  -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON
  -DWHISPER_BUILD_TESTS=OFF -DWHISPER_BUILD_EXAMPLES=OFF -DWHISPER_BUILD_SERVER=OFF
  -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_OPENMP=OFF
  -DCMAKE_BUILD_RPATH_USE_ORIGIN=ON
)

CACHE="${IDE_TRACKER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ide-tracker}/whisper"
LIB_DIR="$CACHE/$WHISPER_VERSION/lib"
STAMP="$CACHE/$WHISPER_VERSION/stamp"
WANTED="$PACKAGE@$PACKAGE_VERSION whisper.cpp $WHISPER_VERSION ${CMAKE_FLAGS[*]}"

say() { printf 'whisper install: %s\n' "$*" >&2; }

now_ms() { date +%s%3N; }

elapsed() { local ms=$(( $(now_ms) - $1 )); printf '%d.%01ds' $(( ms / 1000 )) $(( ms % 1000 / 100 )); }

# Each is a command and the Debian package of the same name.
SPEECH_TOOLS=(cmake g++ espeak-ng sox)

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi
}

install_speech_tools() {
  local missing=() tool
  for tool in "${SPEECH_TOOLS[@]}"; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    say "skip apt packages (${SPEECH_TOOLS[*]} already installed)"
    return
  fi
  if ! command -v apt-get >/dev/null; then
    say "no apt-get here: install ${missing[*]} yourself, or the spoken-audio tests skip"
    return
  fi
  local t0; t0=$(now_ms)
  say "installing apt packages: ${missing[*]}"
  if as_root apt-get update -qq >&2 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
    say "installed ${missing[*]} in $(elapsed "$t0")"
  else
    say "could not install ${missing[*]} (needs root or sudo): without cmake and g++ whisper.cpp cannot be built; without espeak-ng and sox the spoken-audio tests skip"
  fi
}

install_speech_tools

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANTED" && -e "$LIB_DIR/libwhisper.so.$WHISPER_VERSION" ]]; then
  say "skip whisper.cpp $WHISPER_VERSION (in $LIB_DIR)"
  printf '%s\n' "$LIB_DIR"
  exit 0
fi

for tool in cmake g++ npm tar sha256sum; do
  command -v "$tool" >/dev/null || { say "needs $tool on PATH"; exit 1; }
done

t0=$(now_ms)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say "fetching $PACKAGE@$PACKAGE_VERSION from the npm registry"
(cd "$work" && npm pack "$PACKAGE@$PACKAGE_VERSION" --silent >/dev/null)
tarball="$work/$PACKAGE-$PACKAGE_VERSION.tgz"
actual=$(sha256sum "$tarball" | cut -d' ' -f1)
if [[ "$actual" != "$PACKAGE_SHA256" ]]; then
  say "refusing $tarball: sha256 is $actual, expected $PACKAGE_SHA256"
  exit 1
fi

tar -xzf "$tarball" -C "$work" package/cpp/whisper.cpp
source_dir="$work/package/cpp/whisper.cpp"
say "building whisper.cpp $WHISPER_VERSION (target whisper only)"
cmake -S "$source_dir" -B "$work/build" "${CMAKE_FLAGS[@]}" >"$work/configure.log" 2>&1 \
  || { tail -20 "$work/configure.log" >&2; say "cmake configure failed"; exit 1; }
cmake --build "$work/build" --target whisper -j "$(nproc)" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; say "build failed"; exit 1; }

rm -rf "$CACHE/$WHISPER_VERSION"
mkdir -p "$LIB_DIR"
find "$work/build" \( -name 'libwhisper.so*' -o -name 'libggml*.so*' \) -exec cp -P {} "$LIB_DIR/" \;
[[ -e "$LIB_DIR/libwhisper.so.$WHISPER_VERSION" ]] || { ls "$LIB_DIR" >&2; say "no libwhisper.so.$WHISPER_VERSION was built"; exit 1; }
printf '%s\n' "$WANTED" > "$STAMP"
say "built whisper.cpp $WHISPER_VERSION in $(elapsed "$t0")"
printf '%s\n' "$LIB_DIR"
