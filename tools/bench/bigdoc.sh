#!/usr/bin/env bash
# Cost of one big document: builds documents of 0.5, 1, 2 and 5 MB from the repository's
# own article texts (tools/bench/bigdoc.py), then for each size times, with the release
# binary, the pipeline alone (`recoupe extract`), an ingest into a fresh store without
# clustering (`ingest --no-cluster`: pipeline + store) and the entity-clustering pass on
# that store (`merges --recluster`). Times are CPU seconds (user + system) of each
# process, which a machine shared with other work disturbs far less than wall time; one
# document runs on one thread. Prints seconds per MB and fails (exit 1) when the largest
# document costs more than twice per MB what the smallest does, or when the mentions
# stored per MB drift by more than 10 % (a fast run that lost its annotations is no
# result).
#
# Usage: tools/bench/bigdoc.sh [SIZES_MB...]   (default 0.5 1 2 5; run from the repository root)
#        RECOUPE_BIN=path/to/recoupe tools/bench/bigdoc.sh   (another build, e.g. a baseline)
#        SHAPE=no-punct tools/bench/bigdoc.sh  (a document without any punctuation; see bigdoc.py)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${RECOUPE_BIN:-target/release/recoupe}"
shape="${SHAPE:-news}"
[ -x "$bin" ] || cargo build --release -q -p recoupe
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0.5 1 2 5)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "one document of N MB ($shape), release build, $bin; CPU seconds"
printf '%6s %9s %8s %10s %8s %10s %8s %10s\n' MB mentions "extract" "s/MB" "ingest" "s/MB" "cluster" "s/MB"
results="$work/results.tsv"
for mb in "${sizes[@]}"; do
  input="$work/doc-$mb.jsonl"
  python3 tools/bench/bigdoc.py "$mb" "$input" --shape "$shape"
  real_mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1048576)" "$input")
  cpu() { # output-file command...: CPU seconds (user + system) of the command
    local out="$1"; shift
    /usr/bin/time -f "%U %S" -o "$out.time" "$@" > "$out"
    awk '{ print $1 + $2 }' "$out.time"
  }
  extract=$(cpu "$work/extract.jsonl" "$bin" --no-progress extract "$input")
  db="$work/db-$mb.sqlite"
  ingest=$(cpu "$work/summary.json" "$bin" --no-progress --db "$db" ingest --no-cluster --json "$input")
  cluster=$(cpu "$work/merges.json" "$bin" --no-progress --db "$db" merges --recluster --json)
  "$bin" --no-progress --db "$db" stats --json > "$work/stats.json"
  python3 - "$mb" "$real_mb" "$extract" "$ingest" "$cluster" "$work/summary.json" "$work/stats.json" >> "$results" <<'PY'
import json, sys
mb, real_mb, extract, ingest, cluster, summary, stats = sys.argv[1:]
s = json.load(open(summary))
assert s["ingested"] == 1, f"expected 1 document ingested, got {s}"
mentions = json.load(open(stats))["mentions"]
print("\t".join(str(v) for v in [mb, real_mb, mentions, extract, ingest, cluster]))
PY
  tail -n 1 "$results" | awk -F'\t' '{ printf "%6s %9d %7.2fs %9.2fs %7.2fs %9.2fs %7.2fs %9.2fs\n", $1, $3, $4, $4/$2, $5, $5/$2, $6, $6/$2 }'
done
python3 - "$results" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
rows = [(r[0], float(r[1]), int(r[2]), float(r[3]), float(r[4]), float(r[5])) for r in rows]
if len(rows) < 2:
    sys.exit(0)
small, large = rows[0], rows[-1]
ok = True
for name, k in [("extract", 3), ("ingest", 4), ("cluster", 5)]:
    # Sub-second timings are dominated by start-up (reference data, ~0.2 s) and noise:
    # give them a 0.5 s floor.
    a = max(small[k], 0.5) / small[1]
    b = max(large[k], 0.5) / large[1]
    ratio = b / a
    flag = "ok" if ratio <= 2.0 else "NOT LINEAR"
    ok &= ratio <= 2.0
    print(f"{name:8} s/MB at {large[0]} MB / at {small[0]} MB = {ratio:5.2f}  {flag}")
density = [r[2] / r[1] for r in rows]
drift = max(density) / min(density)
print(f"mentions per MB: {min(density):.0f} to {max(density):.0f} ({'ok' if drift <= 1.1 else 'DRIFT'})")
ok &= drift <= 1.1
sys.exit(0 if ok else 1)
PY
