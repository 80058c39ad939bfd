#!/usr/bin/env bash
# Ingest throughput and memory: builds JSONL inputs of N and 10×N articles from the
# bundled demo corpus (each copy made unique so nothing is a duplicate), ingests each into
# a fresh SQLite store with the release binary, and reports articles/s and peak RSS.
#
# Usage: tools/bench/ingest.sh [N]   (default N=5000; run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-5000}"
bin=target/release/recoupe
[ -x "$bin" ] || cargo build --release -q
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

make_input() { # count out
  python3 - "$1" "$2" <<'PY'
import json, sys
count, out = int(sys.argv[1]), sys.argv[2]
articles = [json.loads(l) for l in open("demo/articles.jsonl", encoding="utf-8") if l.strip()]
with open(out, "w", encoding="utf-8") as f:
    for i in range(count):
        a = dict(articles[i % len(articles)])
        a["id"] = f"bench-{i}"
        a["text"] = a["text"] + f"\nDépêche n° {i}."
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
PY
}

run() { # count
  local input="$work/in-$1.jsonl" db="$work/db-$1.sqlite"
  make_input "$1" "$input"
  local mb; mb=$(du -m "$input" | cut -f1)
  # --no-stories: the inputs are thousands of near-copies of a dozen texts, which the
  # cross-article layer would compare pairwise as copies of one story; its own cost is
  # measured by tools/bench/stories.sh.
  /usr/bin/time -f "%e %M" -o "$work/time-$1" "$bin" --no-progress --db "$db" ingest --no-stories --json "$input" > "$work/summary-$1.json"
  read -r secs rss_kb < "$work/time-$1"
  python3 - "$1" "$mb" "$secs" "$rss_kb" "$work/summary-$1.json" <<'PY'
import json, sys
n, mb, secs, rss_kb, summary = sys.argv[1:]
s = json.load(open(summary))
assert s["ingested"] == int(n), f"expected {n} ingested, got {s['ingested']}"
print(f"{int(n):>7} articles ({mb} MB): {float(secs):6.2f}s wall, {int(n)/float(secs):8.0f} articles/s end to end, "
      f"{s['docs_per_second']:8.0f} articles/s in the ingest loop, peak RSS {int(rss_kb)/1024:6.1f} MB")
PY
}

echo "ingest benchmark (pipeline + SQLite, release build, $(nproc) cores)"
run "$n"
run "$((n * 10))"
