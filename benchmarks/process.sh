#!/usr/bin/env bash
# benchmarks/process.sh [RUNS] [BATCH]
# The minutes command as whole processes, beside the peers measured in the same sitting (hyperfine medians):
#   one file   the seed example rendered by one process: the framework-dependent command (dotnet minutes.dll,
#              what `dotnet run` and a tool package without a native build give), the native one (Native AOT,
#              linux-x64), a whole Node docxtemplater process, a whole Python docxtpl process, pandoc
#   batch      BATCH copies of the seed (default 1000) in one `minutes render DIR` (native) and in one Node
#              docxtemplater process; documents per second
#   large      minutes of 300 items and the largest accepted (4 MiB, made by the benchmarks' `generate`), each in one
#              native process: the median time and the peak memory (maximum resident set, /usr/bin/time)
# Installs what is missing where it can (hyperfine, clang and zlib1g-dev for the native build, Node's docxtemplater
# in a scratch folder, Debian's python3-docxtpl and pandoc) and says which peer it could not run.
# The peers' scripts and the seed's content in their form are in PEERS_DIR (default ../shared/bench/peers, beside the repository).
# MINUTES_NATIVE=PATH measures an installed or already published native minutes instead of publishing one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs="${1:-10}"
batch="${2:-1000}"
peers_dir="${PEERS_DIR:-../shared/bench/peers}"
peers_dir="$(cd "$peers_dir" 2>/dev/null && pwd || echo "$peers_dir")"   # absolute: commands run from other folders
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

apt_install() {
    command -v apt-get >/dev/null || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null 2>&1 \
        || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null 2>&1; }
}
command -v hyperfine >/dev/null || apt_install hyperfine
[[ -x /usr/bin/time ]] || apt_install time
command -v clang >/dev/null && [[ -e /usr/include/zlib.h ]] || apt_install clang zlib1g-dev

echo "::: building the command: framework-dependent, and native (Native AOT, linux-x64)"
dotnet build src/Minutes.Templating.Cli -c Release -v quiet -nologo >/dev/null
jit=(dotnet src/Minutes.Templating.Cli/bin/Release/net10.0/minutes.dll)
native="${MINUTES_NATIVE:-$work/native/minutes}"
if [[ -z "${MINUTES_NATIVE:-}" ]]; then
    dotnet publish src/Minutes.Templating.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/native" -v quiet -nologo >/dev/null
fi
seed=examples/lrt-2023-04-21.yaml

"${jit[@]}" render "$seed" -o "$work/jit-out/" >/dev/null 2>&1
"$native" render "$seed" -o "$work/native-out/" >/dev/null 2>&1
cmp "$work/jit-out/lrt-2023-04-21.docx" "$work/native-out/lrt-2023-04-21.docx" \
    || { echo "error: the native command's document differs from the framework-dependent one's" >&2; exit 1; }

echo "::: peers"
commands=(
    "minutes (framework-dependent)::${jit[*]} render $seed -o $work/o1/"
    "minutes (native)::$native render $seed -o $work/o2/"
)
missing=()
peers="$work/peers"
mkdir -p "$peers/json1" "$peers/jsonN"
cp "$peers_dir/seed-data.json" "$peers/json1/seed.json"
if command -v node >/dev/null && command -v npm >/dev/null \
    && (cd "$peers" && npm init -y >/dev/null && npm install docxtemplater pizzip >/dev/null 2>&1); then
    export NODE_PATH="$peers/node_modules"
else
    missing+=("docxtemplater (Node.js, npm or the npm packages docxtemplater and pizzip could not be installed)")
fi
if ! /usr/bin/python3 -c 'import docxtpl, docx' 2>/dev/null; then apt_install python3-docxtpl python3-docx || true; fi
if /usr/bin/python3 -c 'import docx' 2>/dev/null && [[ -n "${NODE_PATH:-}" ]]; then
    /usr/bin/python3 "$peers_dir/make-template.py" "$peers/dt.docx"
    commands+=("docxtemplater (Node process)::node $peers_dir/docxtemplater-batch.js $peers/dt.docx $peers/json1 $work/o3/")
elif [[ -n "${NODE_PATH:-}" ]]; then
    missing+=("docxtemplater (its template is made with python3-docx, which could not be installed)")
fi
if /usr/bin/python3 -c 'import docxtpl' 2>/dev/null; then
    /usr/bin/python3 "$peers_dir/make-docxtpl-template.py" "$peers/tpl.docx"
    # One rendering, as a user's script would do it (docxtpl-bench.py renders three warm-up documents first).
    cat > "$peers/docxtpl-once.py" <<'PY'
import json, sys
from docxtpl import DocxTemplate
template = DocxTemplate(sys.argv[1]); template.render(json.load(open(sys.argv[2], encoding="utf-8"))); template.save(sys.argv[3])
PY
    commands+=("docxtpl (Python process)::/usr/bin/python3 $peers/docxtpl-once.py $peers/tpl.docx $peers_dir/seed-data.json $work/o4.docx")
else
    missing+=("docxtpl (Debian's python3-docxtpl could not be installed)")
fi
command -v pandoc >/dev/null || apt_install pandoc || true
if command -v pandoc >/dev/null; then
    /usr/bin/python3 "$peers_dir/to-markdown.py" "$peers_dir/seed-data.json" 1 > "$peers/seed.md"
    commands+=("pandoc (markdown to docx)::pandoc $peers/seed.md -o $work/o5.docx")
else
    missing+=("pandoc (Debian's pandoc could not be installed)")
fi

echo "::: one file, whole process ($runs runs each, after 3 warm-up runs)"
args=()
for entry in "${commands[@]}"; do
    args+=(-n "${entry%%::*}" "${entry#*::}")
done
hyperfine -N -w 3 -r "$runs" --export-json "$work/one.json" "${args[@]}" >/dev/null 2>&1 \
    || hyperfine -w 3 -r "$runs" --export-json "$work/one.json" "${args[@]}" >/dev/null
/usr/bin/python3 - "$work/one.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
native = next(r["median"] for r in results if r["command"] == "minutes (native)")
print(f"| command | median ms | min ms | max ms | times the native minutes |")
print(f"|---|---:|---:|---:|---:|")
for r in results:
    print(f"| {r['command']} | {r['median']*1000:.0f} | {r['min']*1000:.0f} | {r['max']*1000:.0f} | {r['median']/native:.1f} |")
PY

echo "::: batch: $batch copies of the seed in one process"
mkdir -p "$work/batch"
for i in $(seq -w 1 "$batch"); do
    cp "$seed" "$work/batch/minutes-$i.yaml"
    cp "$peers_dir/seed-data.json" "$peers/jsonN/minutes-$i.json"
done
batch_commands=(-n "minutes render DIR (native)" "$native render $work/batch -o $work/b1/")
if [[ -f "$peers/dt.docx" ]]; then
    batch_commands+=(-n "docxtemplater (one Node process)" "node $peers_dir/docxtemplater-batch.js $peers/dt.docx $peers/jsonN $work/b2/")
fi
hyperfine -N -w 1 -r 3 --export-json "$work/batch.json" "${batch_commands[@]}" >/dev/null 2>&1 \
    || hyperfine -w 1 -r 3 --export-json "$work/batch.json" "${batch_commands[@]}" >/dev/null
/usr/bin/python3 - "$work/batch.json" "$batch" <<'PY'
import json, sys
results = json.load(open(sys.argv[1])); count = int(sys.argv[2])
print(f"| command | median s | documents per second |")
print(f"|---|---:|---:|")
for r in results["results"]:
    print(f"| {r['command']} | {r['median']:.2f} | {count / r['median']:.0f} |")
PY

echo "::: large minutes, one file, one process (native): time and peak memory"
dotnet run -c Release --project benchmarks/Minutes.Templating.Benchmarks -v quiet -- generate "$work/inputs" >/dev/null
[[ -f "$work/inputs/largest.yaml" ]] || { echo "error: the benchmarks' generate wrote no inputs to $work/inputs" >&2; exit 1; }
printf '| input | median s | peak memory (max RSS) MB |\n|---|---:|---:|\n'
for input in items-300 largest; do
    hyperfine -N -w 1 -r 5 --export-json "$work/$input.json" "$native render $work/inputs/$input.yaml -o $work/o6/" >/dev/null 2>&1 \
        || hyperfine -w 1 -r 5 --export-json "$work/$input.json" "$native render $work/inputs/$input.yaml -o $work/o6/" >/dev/null
    peaks=()
    for run in 1 2 3; do
        peaks+=("$(/usr/bin/time -f %M "$native" render "$work/inputs/$input.yaml" -o "$work/o6/" 2>&1 >/dev/null | tail -n 1)")
    done
    /usr/bin/python3 - "$work/$input.json" "$input" "${peaks[@]}" <<'PY'
import json, statistics, sys
median = json.load(open(sys.argv[1]))["results"][0]["median"]
name = {"items-300": "300 items (0.5 MB)", "largest": "the largest accepted (4 MiB)"}[sys.argv[2]]
print(f"| {name} | {median:.2f} | {statistics.median(int(k) for k in sys.argv[3:]) / 1024:.0f} |")
PY
done

for peer in "${missing[@]}"; do
    echo "not measured: $peer"
done
echo "machine: $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
