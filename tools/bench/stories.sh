#!/usr/bin/env bash
# The cross-article layer's cost.
#  1. Time to add one article (stories, copies, facts and event record updated in the
#     transaction that stores it) to synthetic stores of 10k and 100k story-structured
#     articles (recoupe-store's synthetic::story_document): p50 / p95 / max over PROBES
#     single-article transactions. Stores are kept in $RECOUPE_BENCH_DIR (default
#     target/bench-stories) so the 100k one is built once.
#  2. Ingest throughput of the real corpora (demo, checks/*, ../shared/corpus when present)
#     with the layer on and off (`ingest --no-stories`), same release binary, fresh stores,
#     alternating, ROUNDS (default 5) times: articles per CPU-second (user + sys of the
#     process, robust on a shared machine) and per wall-clock second, medians.
#
# Usage: tools/bench/stories.sh [SIZES] [PROBES]   (default "10000 100000" 200; SIZES "" runs
#        only the ingest comparison;
#        run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes="${1-10000 100000}"
probes="${2-200}"
export CARGO_INCREMENTAL=0
cargo build --release -q -p recoupe -p recoupe-store --bin recoupe --bin recoupe-stories-bench
dir="${RECOUPE_BENCH_DIR:-target/bench-stories}"
mkdir -p "$dir"

echo "== adding one article to a store of N synthetic articles ($(nproc) cores)"
for n in $sizes; do
  base="$dir/synthetic-$n.db"
  # Built once (layer on, transactions of 2,048 with a large page cache: minutes for 100k);
  # the probes go to a copy, so every run measures at N articles.
  fill=$(target/release/recoupe-stories-bench "$base" "$n" 0)
  rm -f "$dir/probe.db" "$dir/probe.db-wal" "$dir/probe.db-shm"
  cp "$base" "$dir/probe.db"
  probe=$(target/release/recoupe-stories-bench "$dir/probe.db" "$n" "$probes")
  python3 - "$probe" "$fill" <<'PY'
import json, sys
r, fill = json.loads(sys.argv[1]), json.loads(sys.argv[2])
line = (f"{r['store_articles']:>7} articles: add one p50 {r['add_ms_p50']:.1f} ms, "
        f"p95 {r['add_ms_p95']:.1f} ms, max {r['add_ms_max']:.1f} ms over {r['probes']} articles "
        f"(CPU {r.get('add_cpu_ms_mean') or 0:.1f} ms per article); "
        f"{r['stories_of_several_articles']} stories of several articles")
if fill["filled"]:
    line += (f"; built {fill['filled']} in {fill['fill_seconds']:.0f}s "
             f"({fill['filled'] / max(fill['fill_seconds'], 1e-9):.0f} articles/s, layer on, "
             f"{fill.get('fill_cpu_seconds') or 0:.0f} CPU-s)")
print(line)
PY
  rm -f "$dir/probe.db" "$dir/probe.db-wal" "$dir/probe.db-shm"
done

echo "== ingest throughput of the corpora, layer on vs off"
inputs=(demo/articles.jsonl checks/general-a/articles.jsonl checks/general-b/articles.jsonl
        checks/general-c/articles.jsonl checks/stories-a/articles.jsonl)
for extra in checks/stories-b checks/general-d checks/stories-c checks/general-e checks/stories-d \
    checks/general-f checks/stories-e checks/general-g checks/general-h checks/stories-f; do
  [ -f "$extra/articles.jsonl" ] && inputs+=("$extra/articles.jsonl")
done
[ -f ../shared/corpus/articles.jsonl ] && inputs+=(../shared/corpus/articles.jsonl)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
declare -A rate cpu
rounds="${ROUNDS:-5}"
for round in $(seq "$rounds"); do
  for mode in off on; do
    flag=(); [ "$mode" = off ] && flag=(--no-stories)
    rm -f "$work/$mode.db"*
    /usr/bin/time -f "%e %U %S" -o "$work/time" target/release/recoupe --no-progress --db "$work/$mode.db" ingest --no-cluster "${flag[@]}" --json "${inputs[@]}" > "$work/$mode.json"
    read -r wall user sys < "$work/time"
    n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ingested"])' "$work/$mode.json")
    rate[$mode]="${rate[$mode]:-} $(python3 -c "print($n / $wall)")"
    cpu[$mode]="${cpu[$mode]:-} $(python3 -c "print($n / ($user + $sys))")"
  done
done
python3 - "$n" "${rate[off]}" "${rate[on]}" "${cpu[off]}" "${cpu[on]}" <<'PY'
import statistics, sys
n = int(sys.argv[1])
off, on, cpu_off, cpu_on = ([float(x) for x in a.split()] for a in sys.argv[2:6])
mo, mn = statistics.median(off), statistics.median(on)
co, cn = statistics.median(cpu_off), statistics.median(cpu_on)
print(f"{n} articles, median of {len(off)} fresh ingests (process start-up included): "
      f"per CPU-second (user + sys, what a busy machine does not skew) layer off {co:.1f}, "
      f"on {cn:.1f} articles: {100 * (co - cn) / co:+.1f}% slower with the layer; "
      f"wall clock off {mo:.1f}, on {mn:.1f} articles/s: {100 * (mo - mn) / mo:+.1f}% "
      f"(rounds off {', '.join(f'{x:.1f}' for x in off)}; on {', '.join(f'{x:.1f}' for x in on)})")
PY
