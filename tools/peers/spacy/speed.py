#!/usr/bin/env python3
"""Measures spaCy's throughput (words/s) on a corpus's texts, single process.

The texts (every article of DIR/articles.jsonl, then DIR/seeds/*.txt) are cycled until they
reach --min-words words, and processed as separate documents with `nlp.pipe` twice:
  - full: the model's default pipeline (tok2vec, morphologizer, parser, attribute_ruler,
    lemmatizer, ner for the French pipelines);
  - ner_only: every pipe disabled except `ner` and the pipes it listens to (the French
    pipelines give `ner` its own embedding layer, so that is `ner` alone).
Words are counted as `wc -w` counts them (runs of non-whitespace), so the figure compares with
a `wc -w` count of the same texts fed to another tool. Model loading and a short warm-up are
not timed. BLAS/OpenMP threads are pinned to 1 before numpy loads: one process, one core.

--write-dir DIR2 also writes the exact texts measured as DIR2/NNNNN.txt (outside the repository:
the corpus must not be copied into it) so that another tool can be timed on the same input.

Usage: speed.py --corpus DIR [--model fr_core_news_sm] [--min-words 200000] [--runs 1]
                [--write-dir DIR2] [--json]
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

# wc -w splits on the C locale's isspace set; Python's str.split would also split on NBSP.
WC_WORD = re.compile(r"[^ \t\n\r\v\f]+")


def count_words(text: str) -> int:
    return sum(1 for _ in WC_WORD.finditer(text))


def corpus_texts(directory: Path) -> list[str]:
    texts = []
    articles = directory / "articles.jsonl"
    if not articles.is_file():
        raise SystemExit(f"speed: {articles}: missing")
    with articles.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                texts.append(json.loads(line)["text"])
    seeds = directory / "seeds"
    if seeds.is_dir():
        for path in sorted(seeds.glob("*.txt")):
            with path.open(encoding="utf-8", newline="") as handle:
                texts.append(handle.read())
    texts = [t for t in texts if t.strip()]
    if not texts:
        raise SystemExit(f"speed: {directory}: no texts")
    return texts


def repeated(texts: list[str], min_words: int) -> tuple[list[str], int]:
    out: list[str] = []
    words = 0
    while words < min_words:
        for text in texts:
            out.append(text)
            words += count_words(text)
            if words >= min_words:
                break
    return out, words


def time_pipe(nlp, texts: list[str], runs: int, disable: list[str]) -> tuple[float, float]:
    """Best (wall, CPU) seconds over `runs` passes. The machine may be shared: the best pass
    is the least disturbed one, and CPU time (user + system of this process) shows what the
    work costs when other processes take turns on the core."""
    best_wall = best_cpu = float("inf")
    with nlp.select_pipes(disable=disable):
        for _ in nlp.pipe(texts[:3]):  # warm-up: first calls allocate
            pass
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            for _ in nlp.pipe(texts, batch_size=32):
                pass
            best_wall = min(best_wall, time.perf_counter() - wall)
            best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu


def ner_dependencies(nlp) -> set[str]:
    """`ner` plus every shared embedding pipe (tok2vec/transformer) that `ner` listens to."""
    keep = {"ner"}
    for name, pipe in nlp.pipeline:
        if "ner" in getattr(pipe, "listening_components", []):
            keep.add(name)
    return keep


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--model", default="fr_core_news_sm")
    parser.add_argument("--min-words", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--write-dir", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        # The shared corpus is not part of the repository: no corpus, nothing to time.
        print(f"speed: no corpus at {args.corpus}; skipping", file=sys.stderr)
        return 0

    texts, words = repeated(corpus_texts(args.corpus), args.min_words)
    if args.write_dir:
        args.write_dir.mkdir(parents=True, exist_ok=True)
        for index, text in enumerate(texts):
            (args.write_dir / f"{index:05}.txt").write_text(text, encoding="utf-8", newline="")

    import spacy

    try:
        nlp = spacy.load(args.model)
    except OSError as error:
        print(f"speed: cannot load {args.model!r}: {error}", file=sys.stderr)
        return 2
    keep = ner_dependencies(nlp)
    full_seconds, full_cpu = time_pipe(nlp, texts, args.runs, disable=[])
    ner_seconds, ner_cpu = time_pipe(
        nlp, texts, args.runs, disable=[p for p in nlp.pipe_names if p not in keep]
    )
    report = {
        "model": args.model,
        "spacy_version": spacy.__version__,
        "model_version": nlp.meta.get("version"),
        "documents": len(texts),
        "words": words,
        "chars": sum(len(t) for t in texts),
        "runs": args.runs,
        "full": {
            "pipes": nlp.pipe_names,
            "seconds": full_seconds,
            "cpu_seconds": full_cpu,
            "words_per_s": words / full_seconds,
            "words_per_cpu_s": words / full_cpu,
        },
        "ner_only": {
            "pipes": [p for p in nlp.pipe_names if p in keep],
            "seconds": ner_seconds,
            "cpu_seconds": ner_cpu,
            "words_per_s": words / ner_seconds,
            "words_per_cpu_s": words / ner_cpu,
        },
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(
            f"spaCy {report['spacy_version']} {args.model} {report['model_version']}: "
            f"{len(texts)} documents, {words} words (wc -w), best of {args.runs} run(s), 1 process"
        )
        for key in ("full", "ner_only"):
            entry = report[key]
            print(
                f"  {key:<9} {'+'.join(entry['pipes']):<62}"
                f" {entry['seconds']:8.2f} s wall {entry['words_per_s']:8.0f} words/s;"
                f" {entry['cpu_seconds']:8.2f} s CPU {entry['words_per_cpu_s']:8.0f} words/CPU-s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
