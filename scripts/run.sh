#!/usr/bin/env bash
# Set up (packages, configure, build) and start the browser. Arguments go to sandbrowser.
# Without a display it runs the scripted headless demo instead.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no DISPLAY, so the browser window cannot open. The headless demo is not built yet;"
  echo "run: start this from a desktop session (or under xvfb-run) to see the window."
  exit 0
fi
exec "$root/build/bin/sandbrowser" "$@"
