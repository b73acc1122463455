#!/usr/bin/env bash
# Runs the real-VS-Code end-to-end tests: installs what they need (skipped when already there), then
# runs every tests/e2e/*.test.mjs with node's test runner under the cached Node 24 (the Node code-server
# itself needs, so the tests do not depend on the machine's own node). The TAP reporter ends with
# "# pass N" / "# fail N" lines a caller can count. Screenshots go to test-output/e2e/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${IDE_TRACKER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ide-tracker}/e2e"

# Install progress goes to stderr so that stdout carries only the test report.
bash "$root/scripts/e2e/install.sh" >&2

cd "$root"
exec "$cache/node/bin/node" --test --test-reporter=tap --test-concurrency=1 tests/e2e/*.test.mjs
