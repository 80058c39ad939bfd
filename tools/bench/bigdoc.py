#!/usr/bin/env python3
"""Builds one big French document from the repository's own article texts (demo/ and
checks/*/), for measuring how the cost of one document grows with its size.

The texts are concatenated in a fixed order, each copy of the whole set preceded by a
headline line ("Dépêches, partie N"), until the document reaches the requested size; the
result is one JSONL record (id, outlet, published, text) that `recoupe extract` and
`recoupe ingest` read like any corpus record.

Shapes:
  news      the articles as written (paragraphs, sentences, punctuation)
  no-punct  the same words with every punctuation mark and line break removed: one
            "sentence" of the whole document, the pathological case of a text with no
            sentence boundary at all
  one-line  the articles joined on one line (line breaks replaced by spaces), keeping
            their punctuation

Usage: tools/bench/bigdoc.py MEGABYTES OUT.jsonl [--shape news|no-punct|one-line]
(run from the repository root; MEGABYTES may be fractional: 0.5)
"""

import argparse
import glob
import json
import re
import sys


def source_texts():
    files = ["demo/articles.jsonl"] + sorted(glob.glob("checks/*/articles.jsonl"))
    texts = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    texts.append(json.loads(line)["text"].strip())
    if not texts:
        sys.exit("no article texts found: run from the repository root")
    return texts


def shaped(text, shape):
    if shape == "no-punct":
        # Letters, digits, spaces and apostrophes/hyphens inside words only.
        text = re.sub(r"[^\w\s'’-]", " ", text)
        return re.sub(r"\s+", " ", text).strip()
    if shape == "one-line":
        return re.sub(r"\s+", " ", text).strip()
    return text


def build(megabytes, shape):
    target = int(megabytes * 1024 * 1024)
    texts = source_texts()
    parts = []
    size = 0
    part = 0
    separator = " " if shape != "news" else "\n\n"
    while size < target:
        part += 1
        for text in [f"Dépêches, partie {part}"] + texts:
            piece = shaped(text, shape)
            parts.append(piece)
            size += len(piece.encode("utf-8")) + len(separator)
            if size >= target:
                break
    return separator.join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("megabytes", type=float)
    parser.add_argument("out")
    parser.add_argument("--shape", choices=["news", "no-punct", "one-line"], default="news")
    args = parser.parse_args()
    text = build(args.megabytes, args.shape)
    record = {
        "id": f"bigdoc-{args.shape}-{args.megabytes:g}mb",
        "outlet": "bench",
        "published": "2024-03-01",
        "text": text,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
