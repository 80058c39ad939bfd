#!/usr/bin/env python3
"""One line of headline figures per corpus, from `recoupe eval --json`.

    python3 tools/eval/summary.py [--bin target/release/recoupe] DIR [DIR …]

Prints, for each corpus: entity mention F1, places right (of gold), dates and quantities value
right, attributions found F1 and speaker right, unsourced F1, and where the corpus has story and
event gold: stories pairwise F1, copies F1, fact linking F1, disagreements F1, sources right,
event type accuracy. A layer the corpus has no gold for prints `-`. Standard library only.
"""
import argparse
import json
import subprocess
import sys

COLUMNS = [
    ("ent", ("entities", "overall", "f1")),
    ("plc", ("places", "accuracy", "accuracy")),
    ("dat", ("dates", "value", "accuracy")),
    ("qty", ("quantities", "value", "accuracy")),
    ("att", ("attributions", "found", "f1")),
    ("spk", ("attributions", "speaker", "accuracy")),
    ("uns", ("unsourced", "found", "f1")),
    ("sto", ("stories", "pairwise", "f1")),
    ("cop", ("copies", "pairs", "f1")),
    ("fac", ("facts", "pairs", "f1")),
    ("dis", ("disagreements", "pairs", "f1")),
    ("src", ("sources", "right", "accuracy")),
    ("evt", ("events", "type", "accuracy")),
]


def pick(layers, path):
    value = layers
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="target/release/recoupe")
    parser.add_argument("corpora", nargs="+")
    args = parser.parse_args()
    print("corpus".ljust(22) + " ".join(name.rjust(5) for name, _ in COLUMNS))
    status = 0
    for corpus in args.corpora:
        run = subprocess.run(
            [args.bin, "eval", "--corpus", corpus, "--json"], capture_output=True, text=True
        )
        if run.returncode != 0:
            print(f"{corpus}: eval failed ({run.returncode}): {run.stderr.strip()}", file=sys.stderr)
            status = 1
            continue
        layers = json.loads(run.stdout)["layers"]
        cells = []
        for _, path in COLUMNS:
            value = pick(layers, path)
            cells.append(f"{value:.3f}" if isinstance(value, (int, float)) else "-")
        print(corpus[-22:].ljust(22) + " ".join(cell.rjust(5) for cell in cells))
    return status


if __name__ == "__main__":
    sys.exit(main())
