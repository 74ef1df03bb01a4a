#!/usr/bin/env bash
# Draws the diagrams in docs/ from their text sources (docs/diagrams/*.dot, Graphviz): run it
# after editing one and commit both.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-packages.sh" graphviz fonts-dejavu-core
for source in "$root"/docs/diagrams/*.dot; do
  out=$root/docs/$(basename "$source" .dot).svg
  dot -Tsvg "$source" -o "$out"
  echo "drew docs/$(basename "$out")"
done
