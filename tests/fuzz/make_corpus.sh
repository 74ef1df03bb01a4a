#!/usr/bin/env bash
# Rebuilds the checked-in seed corpus (tests/fuzz/corpus/) from readable sources: the envelopes in
# seeds/*.txtpb (Protobuf text format, encoded with protoc), framed for the frame decoder, and the
# text inputs below. Run it after changing a seed; commit the result.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$here/corpus
rm -rf "$out"
mkdir -p "$out"/{frames,child_messages,url,ipc_log_line,control}

for seed in "$here"/seeds/*.txtpb; do
  name=$(basename "$seed" .txtpb)
  protoc --proto_path="$root/proto" --encode=sb.wire.Envelope sandbrowser.proto \
    < "$seed" > "$out/child_messages/$name"
done

# Frames: a read-size byte, then 4-byte little-endian lengths and payloads, one envelope per
# frame and all of them in one stream.
frame() {
  local size
  size=$(stat -c %s "$1")
  printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $((size & 255)) $(((size >> 8) & 255)) \
    $(((size >> 16) & 255)) $(((size >> 24) & 255)))"
  cat "$1"
}
for message in "$out"/child_messages/*; do
  { printf '\x07'; frame "$message"; } > "$out/frames/$(basename "$message")"
done
{ printf '\x01'; for message in "$out"/child_messages/*; do frame "$message"; done; } \
  > "$out/frames/all-in-one-stream"

urls=("demo://home" "demo://clock?x=1" "https://news.example.com:8443/a?b=c#d" "http://[::1]/"
      "https://10.0.0.7/" "file:///etc/passwd" "javascript:alert(1)" "example.com" "  demo://news  ")
for i in "${!urls[@]}"; do printf '%s' "${urls[$i]}" > "$out/url/url$i"; done

requests=('{"cmd":"open_tab","url":"demo://clock"}' '{"cmd":"list_tabs"}' '{"cmd":"list_processes"}'
          '{"cmd":"navigate","tab":1,"url":"demo://news"}' '{"cmd":"kill","pid":1,"signal":"KILL"}'
          '{"cmd":"crash","tab":1,"how":"segv"}' '{"cmd":"wait","tab":1,"state":"loaded","timeout_ms":10}'
          '{"cmd":"ipc_log","since":0,"limit":5}' '{"cmd":"back","tab":1}' '{"cmd":"quit"}')
for i in "${!requests[@]}"; do printf '%s\n' "${requests[$i]}" > "$out/control/request$i"; done
printf '%s\n' "${requests[@]}" > "$out/control/session"

# Log lines: tests/fuzz/seeds/ipc_log_lines.jsonl, as sandbrowser writes them, one per file.
i=0
while IFS= read -r line; do printf '%s' "$line" > "$out/ipc_log_line/line$i"; i=$((i + 1)); done \
  < "$here/seeds/ipc_log_lines.jsonl"
echo "corpus: $(find "$out" -type f | wc -l) files in $out"
