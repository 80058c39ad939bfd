#!/usr/bin/env python3
"""Peer comparison: dateparser on the gold dates of the shared corpus.

For each gold date, dateparser (languages=['fr'], PREFER_DATES_FROM='past', RELATIVE_BASE =
the article's publication date) parses the gold text alone; the value is formatted at the
period dateparser reports (day → YYYY-MM-DD, month → YYYY-MM, year → YYYY, week → the ISO
week as an interval). Articles without a publication date are parsed with today as base
(dateparser cannot answer "unknown"), and the figure on articles that have a publication
date is printed too.

Setup (venv is gitignored):
    python3 -m venv tools/.venv && tools/.venv/bin/pip install dateparser
Run from the repository root:
    tools/.venv/bin/python tools/peers/dates/run_dateparser.py [corpus_dir]
"""
import datetime as dt
import json
import os
import sys
from pathlib import Path

import dateparser
from dateparser.date import DateDataParser

REPO = Path(__file__).resolve().parents[3]
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "corpus"


def fmt(data):
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        start = d - dt.timedelta(days=d.weekday())
        return f"{start.isoformat()}/{(start + dt.timedelta(days=6)).isoformat()}"
    return d.isoformat()


def main():
    gold_path = CORPUS / "gold.jsonl"
    if not gold_path.is_file():
        print(f"no corpus at {CORPUS}; skipping")
        return
    published = {}
    for line in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            published[record["id"]] = record.get("published")
    verbose = bool(os.environ.get("PEER_VERBOSE"))
    total = right = sub_total = sub_right = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        pub = published.get(gold["id"])
        base = dt.datetime.fromisoformat(pub).replace(hour=12) if pub else dt.datetime.now()
        parser = DateDataParser(
            languages=["fr"],
            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
        )
        for item in gold.get("dates", []):
            try:
                got = fmt(parser.get_date_data(item["text"]))
            except Exception as error:  # a peer crash counts as a miss, and is shown
                got = None
                print(f"{gold['id']}: dateparser raised {error!r} on {item['text']!r}")
            ok = got == item["value"]
            total += 1
            right += ok
            if pub:
                sub_total += 1
                sub_right += ok
            if verbose and not ok:
                print(f"{gold['id']}: {item['text']!r} want {item['value']!r} got {got!r}")
    print(
        f"dateparser {dateparser.__version__} (fr): value-exact {right}/{total} = {right / max(total, 1):.3f}; "
        f"on articles with a publication date {sub_right}/{sub_total} = {sub_right / max(sub_total, 1):.3f}"
    )


if __name__ == "__main__":
    main()
