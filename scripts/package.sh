#!/usr/bin/env bash
# Builds the Debian package (build/package/sandbrowser_VERSION_ARCH.deb) and checks it: unpacked
# into a clean folder root, its installed `sandbrowser --headless --demo` must pass.
# --install: also install it on this machine (apt-get) and run the demo from /usr/bin.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/install-packages.sh" dpkg-dev file
cd "$root/build"
cpack -B package >/dev/null
deb=$(ls -t package/sandbrowser_*.deb | head -1)
echo "package: build/$deb"
dpkg-deb --info "$deb" | grep -E "Package|Version|Depends|Installed-Size"

folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
dpkg-deb -x "$deb" "$folder"
echo "unpacked into $folder:"
(cd "$folder" && find . -type f -o -type l | sort | sed 's/^/  /')
"$folder/usr/bin/sandbrowser" --headless --demo
echo "the unpacked package's headless demo passed"

if [ "${1:-}" = --install ]; then
  apt-get install -y -q "./$deb" >/dev/null
  /usr/bin/sandbrowser --headless --demo
  echo "the installed package's headless demo passed (remove it with: apt-get remove sandbrowser)"
fi
