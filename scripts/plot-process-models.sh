#!/usr/bin/env bash
# Runs `sandbrowser --headless --compare-models` and draws its CSV with gnuplot into
# docs/process-models-comparison.png (docs/process-models.md). Arguments go to sandbrowser, e.g.
# --compare-tabs=10 or --no-sandbox. SANDBROWSER=path uses that binary instead of setting up and
# building build/; PLOT=path writes the picture elsewhere.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
plot=${PLOT:-$root/docs/process-models-comparison.png}

if [ -z "${SANDBROWSER:-}" ]; then
  "$root/scripts/setup.sh"
  SANDBROWSER=$root/build/bin/sandbrowser
fi
# gnuplot-nox: gnuplot without X11 or Qt, which is all a PNG needs.
"$root/scripts/install-packages.sh" gnuplot-nox

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$SANDBROWSER" --headless --compare-models --compare-csv="$work/models.csv" "$@"

tabs=$(awk -F, 'NR == 2 { print $2 }' "$work/models.csv")
cores=$(nproc)

# Columns (see the CSV header): 1 model, 2 tabs, 3 processes, 5 pss_per_tab_kb,
# 6 first_paint_p50_ms, 7 tabs_lost, 8 browser_survived.
gnuplot <<GNUPLOT
set terminal pngcairo size 1200,820 font "DejaVu Sans,11"
set output "$plot"
set datafile separator ","
set key autotitle columnhead
unset key
set style fill solid 0.85 border -1
set boxwidth 0.6
set grid ytics lc rgb "#dddddd"
set xrange [-0.6:3.6]  # four models
set yrange [0:*]
set offsets 0, 0, graph 0.18, 0
set xtics nomirror noenhanced scale 0
set ytics nomirror
set border 3
csv = "$work/models.csv"
set multiplot layout 2,2 title "The same $tabs tabs in each process model, then one renderer crash ($cores CPU cores)" font ",14"

set title "Processes (the browser and everything below it)"
plot csv using 0:3:xtic(1) with boxes lc rgb "#4a7ab8", \
     '' using 0:3:(sprintf("%d", \$3)) with labels offset 0,0.8

set title "Memory per tab: total PSS / tabs (MiB)"
plot csv using 0:(\$5/1024):xtic(1) with boxes lc rgb "#6a9a4a", \
     '' using 0:(\$5/1024):(sprintf("%.1f", \$5/1024)) with labels offset 0,0.8

set title "Time to first paint per tab, p50 (ms)"
plot csv using 0:6:xtic(1) with boxes lc rgb "#d08a2a", \
     '' using 0:6:(sprintf("%.1f", \$6)) with labels offset 0,0.8

set title "Tabs lost to one renderer crash (dark: the browser died too)"
plot csv using 0:7:(stringcolumn(8) eq "yes" ? 0xe07a6a : 0x8b0000):xtic(1) with boxes lc rgb variable, \
     '' using 0:7:(sprintf("%d of %d", \$7, \$2)) with labels offset 0,0.8, \
     '' using 0:(\$7/2):(stringcolumn(8) eq "yes" ? "" : "browser\ndied") with labels tc rgb "white"
unset multiplot
GNUPLOT
echo "plot: wrote $plot"
