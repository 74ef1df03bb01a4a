#!/usr/bin/env bash
# Set up (packages, configure, build) and run the whole test suite. Exits non-zero on any failure.
# Under CI (CI=true) the sanitizer and fuzz stage follows: scripts/ci-sanitizers.sh.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
cd "$root/build"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure -j "$(nproc)" "$@"
if [ "${CI:-}" = true ]; then
  "$root/scripts/ci-sanitizers.sh"
fi
