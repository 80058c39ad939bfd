#!/usr/bin/env python3
"""Write a subset of a gold corpus (FORMAT.md layout) to a new directory, selected by article id.

Used to score one part of a corpus on its own, e.g. the articles added in one batch, so that a
first-sight figure on new articles can be reproduced:

    python3 tools/eval/subset.py ../shared/corpus /tmp/new --prefix p r s t x y
    cargo run --release -- eval --corpus /tmp/new

`--prefix` keeps articles whose id starts with any of the prefixes; `--ids` keeps exact ids.
Stories and events whose articles are all kept are copied too; seeds are not. Reads only the
standard library; the subset stays outside the repository (shared data is never copied in).
"""
import argparse
import json
import pathlib
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--prefix", nargs="*", default=[])
    parser.add_argument("--ids", nargs="*", default=[])
    args = parser.parse_args()
    if not args.prefix and not args.ids:
        parser.error("give --prefix or --ids")

    def keep(article_id: str) -> bool:
        return article_id in args.ids or any(article_id.startswith(p) for p in args.prefix)

    args.out.mkdir(parents=True, exist_ok=True)
    kept = set()
    with open(args.corpus / "articles.jsonl", encoding="utf-8") as src, open(
        args.out / "articles.jsonl", "w", encoding="utf-8"
    ) as dst:
        for line in src:
            if line.strip() and keep(json.loads(line)["id"]):
                kept.add(json.loads(line)["id"])
                dst.write(line if line.endswith("\n") else line + "\n")
    counts = {"articles": len(kept)}
    for name, key in (("gold.jsonl", "id"), ("stories.jsonl", "articles"), ("events.jsonl", "story")):
        path = args.corpus / name
        if not path.exists():
            continue
        stories_kept = set()
        if name == "events.jsonl":
            stories_path = args.out / "stories.jsonl"
            if stories_path.exists():
                stories_kept = {json.loads(l)["story"] for l in open(stories_path, encoding="utf-8") if l.strip()}
        n = 0
        with open(path, encoding="utf-8") as src, open(args.out / name, "w", encoding="utf-8") as dst:
            for line in src:
                if not line.strip():
                    continue
                record = json.loads(line)
                if key == "id":
                    ok = record["id"] in kept
                elif key == "articles":
                    ok = all(a in kept for a in record["articles"])
                else:
                    ok = record["story"] in stories_kept
                if ok:
                    dst.write(line if line.endswith("\n") else line + "\n")
                    n += 1
        counts[name] = n
    print(json.dumps(counts), file=sys.stderr)
    return 0 if kept else 1


if __name__ == "__main__":
    sys.exit(main())
