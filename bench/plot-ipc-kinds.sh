#!/usr/bin/env bash
# Runs `sandbrowser-ipcbench --kinds all --json` and draws p50 round-trip latency and one-way
# throughput per IPC kind and message size with gnuplot into docs/ipc-kinds.png
# (docs/performance.md, "IPC kinds compared"). Arguments go to the benchmark, e.g. --quick or
# --kinds pipe,shm. IPCBENCH=path uses that binary instead of setting up and building build/;
# PLOT=path writes the picture elsewhere; JSON=path keeps the measured rows.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
plot=${PLOT:-$root/docs/ipc-kinds.png}

if [ -z "${IPCBENCH:-}" ]; then
  "$root/scripts/setup.sh"
  IPCBENCH=$root/build/bin/sandbrowser-ipcbench
fi
# gnuplot-nox: gnuplot without X11 or Qt, which is all a PNG needs.
"$root/scripts/install-packages.sh" gnuplot-nox

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$IPCBENCH" --kinds all --json "$@" > "$work/rows.jsonl"
[ -z "${JSON:-}" ] || cp "$work/rows.jsonl" "$JSON"

# JSON rows -> one line per kind with "p50 at each size" and "MiB/s at each size", in the
# benchmark's order (its fields are flat and in a fixed order, so sed is enough).
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"]*\).*/\1/p"; }
paste -d' ' <(field kind < "$work/rows.jsonl") <(field bytes < "$work/rows.jsonl") \
  <(field p50_us < "$work/rows.jsonl") <(field mib_per_s < "$work/rows.jsonl") > "$work/flat.txt"
sizes=$(awk '{ print $2 }' "$work/flat.txt" | awk '!seen[$0]++' | tr '\n' ' ')
awk -v sizes="$sizes" '
  BEGIN { n = split(sizes, s, " ") }
  { if (!($1 in order)) { order[$1] = ++kinds; name[kinds] = $1 } lat[$1, $2] = $3; rate[$1, $2] = $4 }
  END {
    printf "kind"; for (i = 1; i <= n; i++) printf " %s", (s[i] >= 1048576 ? s[i] / 1048576 "MiB" : s[i] >= 1024 ? s[i] / 1024 "KiB" : s[i] "B"); print ""
    for (k = 1; k <= kinds; k++) {
      printf "%s", name[k]; for (i = 1; i <= n; i++) printf " %s", lat[name[k], s[i]]; printf " |"
      for (i = 1; i <= n; i++) printf " %s", rate[name[k], s[i]]; print ""
    }
  }' "$work/flat.txt" | sed 's/ |//' > "$work/table.txt"
count=$(echo "$sizes" | wc -w)
cores=$(nproc)

gnuplot <<GNUPLOT
set terminal pngcairo size 1400,900 font "DejaVu Sans,11"
set output "$plot"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set grid ytics lc rgb "#dddddd"
set logscale y
set xtics nomirror noenhanced scale 0
set ytics nomirror
set border 3
set key top left noenhanced title "message size"
set multiplot layout 2,1 title "IPC kinds, parent <-> forked child (threads: two threads), $cores CPU cores" font ",14"
set title "Round-trip latency, p50 (µs, log scale; lower is better)"
plot for [i=2:$((count + 1))] "$work/table.txt" using i:xtic(1) title columnhead(i)
set title "One-way throughput (MiB/s, log scale; higher is better)"
plot for [i=$((count + 2)):$((2 * count + 1))] "$work/table.txt" using i:xtic(1) title columnhead(i - $count)
unset multiplot
GNUPLOT
echo "plot: wrote $plot"
