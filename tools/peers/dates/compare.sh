#!/usr/bin/env bash
# Date normalisation on the shared corpus gold: recoupe vs dateparser vs duckling, one run.
# Run from anywhere: tools/peers/dates/compare.sh
# Needs ../shared/corpus (skips otherwise) and, for dateparser, the gitignored venv:
#   python3 -m venv tools/.venv && tools/.venv/bin/pip install dateparser
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
corpus="$repo/../shared/corpus"
if [[ ! -f "$corpus/gold.jsonl" ]]; then
  echo "no corpus at $corpus; skipping"
  exit 0
fi

echo "== recoupe (crates/recoupe-values, test corpus_measure)"
recoupe=$(cd "$repo" && cargo test -q -p recoupe-values --test corpus_measure -- --nocapture 2>/dev/null | grep -E '^(dates|quantities)')
echo "$recoupe"

echo "== dateparser"
if [[ -x "$repo/tools/.venv/bin/python" ]]; then
  dateparser=$("$repo/tools/.venv/bin/python" "$repo/tools/peers/dates/run_dateparser.py" "$corpus" | tail -1)
else
  dateparser="dateparser: venv missing (python3 -m venv tools/.venv && tools/.venv/bin/pip install dateparser)"
fi
echo "$dateparser"

echo "== duckling"
duckling=$(cd "$repo/tools/peers/dates/duckling" && cargo run -q --release -- "$corpus" 2>&1 | tail -1)
echo "$duckling"

echo
echo "== side by side (gold dates, value-exact)"
printf '%-12s %s\n' "recoupe" "$(echo "$recoupe" | grep -E '^dates' | tr '\n' ' ')"
printf '%-12s %s\n' "dateparser" "${dateparser#*: }"
printf '%-12s %s\n' "duckling" "${duckling#*: }"
