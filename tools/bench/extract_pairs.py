#!/usr/bin/env python3
"""Whole-pipeline CPU cost of two recoupe builds, run in alternating pairs.

Each build runs `recoupe extract --without tokens,sentences` over the same input: every
article of ../shared/corpus (when present), checks/*/ and demo/, repeated until about
900,000 words. The figure is words per CPU-second of the process (user + system time, so a
busy shared machine skews it less than wall time), start-up, reading and JSON output
included; the ratio of each pair says which build is faster, their median how much.
Stage-by-stage times are `cargo run --release -p recoupe-pipeline --example stage_times`.

Usage:
    python3 tools/bench/extract_pairs.py OLD_BINARY NEW_BINARY [PAIRS]   (default 5 pairs)
Example: build the session-start commit, copy its target/release/recoupe to /tmp/recoupe_old,
then `python3 tools/bench/extract_pairs.py /tmp/recoupe_old target/release/recoupe 10`.
"""

import glob
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile

TARGET_WORDS = 900_000


def articles():
    paths = sorted(glob.glob("checks/*/articles.jsonl")) + ["demo/articles.jsonl"]
    if os.path.exists("../shared/corpus/articles.jsonl"):
        paths.insert(0, "../shared/corpus/articles.jsonl")
    found = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            found.extend(json.loads(line) for line in f if line.strip())
    return found


def build_input(out):
    arts = articles()
    words = sum(len(a["text"].split()) for a in arts)
    rounds = max(1, TARGET_WORDS // max(words, 1))
    for r in range(rounds):
        for a in arts:
            copy = dict(a)
            copy["id"] = f"{a.get('id', 'article')}-{r}"
            out.write(json.dumps(copy, ensure_ascii=False) + "\n")
    return len(arts) * rounds, words * rounds


def cpu_seconds(binary, path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [binary, "extract", "--without", "tokens,sentences", path],
        stdout=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        sys.exit(f"error: {binary} extract {path} failed with exit code {done.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    old, new = (os.path.abspath(b) for b in sys.argv[1:3])
    try:
        pairs = int(sys.argv[3]) if len(sys.argv) == 4 else 5
    except ValueError:
        sys.exit(f"error: PAIRS must be a whole number of pairs, got {sys.argv[3]!r}")
    if pairs < 1:
        sys.exit(f"error: PAIRS must be at least 1, got {pairs}")
    for binary in (old, new):
        if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
            sys.exit(f"error: {binary} is not an executable recoupe build")
    # the corpora are read relative to the repository root, wherever the script is run from
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        count, words = build_input(f)
        path = f.name
    try:
        print(f"input: {count} articles, {words} words")
        old_rates, new_rates, ratios = [], [], []
        for i in range(pairs):
            # alternate which build runs first: the second of a pair tends to run slower
            order = [(old, old_rates), (new, new_rates)]
            if i % 2:
                order.reverse()
            seconds = {}
            for binary, rates in order:
                seconds[binary] = cpu_seconds(binary, path)
                rates.append(words / seconds[binary])
            ratios.append(seconds[old] / seconds[new])
            print(
                f"pair {i + 1}: old {old_rates[-1]:,.0f}  new {new_rates[-1]:,.0f} words/CPU-s"
                f"  new/old speed {ratios[-1]:.3f}"
            )
        print(
            f"median words/CPU-s: old {statistics.median(old_rates):,.0f}, "
            f"new {statistics.median(new_rates):,.0f}; median new/old speed "
            f"{statistics.median(ratios):.3f} (range {min(ratios):.3f}–{max(ratios):.3f})"
        )
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
