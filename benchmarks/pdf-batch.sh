#!/usr/bin/env bash
# benchmarks/pdf-batch.sh [N]
# Times PDF conversion of N documents (default 50), whole processes as a user runs them:
#   batch     minutes render DIR --pdf, all N converted by one LibreOffice start
#   per file  minutes render FILE --pdf once per file, so one LibreOffice start per document
# Needs LibreOffice (soffice) and the .NET SDK; builds the minutes command in Release first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

count="${1:-50}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build src/Minutes.Templating.Cli -c Release -v quiet -nologo >/dev/null
minutes=(dotnet "src/Minutes.Templating.Cli/bin/Release/net10.0/minutes.dll")

mkdir -p "$work/in"
for i in $(seq -w 1 "$count"); do
    cp examples/lrt-2023-04-21.yaml "$work/in/minutes-$i.yaml"
done


start="$EPOCHREALTIME"
"${minutes[@]}" render "$work/in" -o "$work/batch/" --pdf >/dev/null
batch="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')"

start="$EPOCHREALTIME"
for file in "$work"/in/*.yaml; do
    "${minutes[@]}" render "$file" -o "$work/single/" --pdf >/dev/null
done
single="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')"

written="$(find "$work/batch" "$work/single" -name '*.pdf' | wc -l)"
if [[ "$written" -ne $((2 * count)) ]]; then
    echo "error: $written PDFs were written, not $((2 * count))" >&2
    exit 1
fi

awk -v n="$count" -v batch="$batch" -v single="$single" 'BEGIN {
    printf "%-10s %5d documents %8.1f s  %6.2f s/document\n", "batch", n, batch, batch / n
    printf "%-10s %5d documents %8.1f s  %6.2f s/document\n", "per file", n, single, single / n
    printf "one LibreOffice start for the batch is %.1f times as fast as one per file\n", single / batch
}'
