#!/usr/bin/env bash
# Shared by run.sh and test.sh: install missing Debian packages, configure, build.
# Safe to run again: installs nothing when everything is present, builds incrementally.
# --packages-only: stop after the packages (for scripts that build another preset).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev
  qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-translations-l10n
  protobuf-compiler libprotobuf-dev
  libspdlog-dev libfmt-dev libseccomp-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth fonts-dejavu-core fonts-nanum
)

"$root/scripts/install-packages.sh" "${packages[@]}"

[ "${1:-}" = "--packages-only" ] && exit 0

cd "$root"
if [ ! -f build/build.ninja ]; then
  cmake --preset default
fi
cmake --build build -j "$(nproc)"
