#!/usr/bin/env bash
# Set up (packages, configure, build) and start the browser. Arguments go to sandbrowser.
# Without a display it runs the scripted headless demo instead.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no DISPLAY, so the window cannot open: running the scripted headless isolation demo."
  exec "$root/build/bin/sandbrowser" --headless --demo "$@"
fi
exec "$root/build/bin/sandbrowser" "$@"
