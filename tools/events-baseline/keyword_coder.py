#!/usr/bin/env python3
"""A transparent keyword dictionary event coder, the peer baseline of issue 14.

No CAMEO/PLOVER coder for French runs here (PETRARCH2 and its successors parse English
with CoreNLP and are not on PyPI; nothing on npm), so this is the classic dictionary
approach written out: every word of a story's articles that starts with a stem of the
dictionary below votes for its PLOVER category (and mode); the story gets the category
with most votes, and every mode voted for at least twice. Stems are written for this
baseline from general French news vocabulary, with no look at the evaluation stories.

Usage: python3 tools/events-baseline/keyword_coder.py ../shared/corpus
Prints type accuracy, modes P/R/F1 and the always-ASSAULT baseline on the same stories.
Standard library only; reads the corpus from the given directory, writes nothing.
"""

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

# category -> stems (folded: lowercase, no accents)
TYPES = {
    "ASSAULT": ["attaqu", "attentat", "frapp", "bombard", "tir", "tue", "tuer", "massacr",
                "assassin", "explos", "offensiv", "combat", "raid", "fusillad", "execut"],
    "PROTEST": ["manifest", "greve", "grevist", "emeut", "rassembl"],
    "COERCE": ["arret", "interpell", "garde a vue", "detenu", "incarcer", "expuls"],
    "SANCTION": ["condamn", "verdict", "sanction", "censur", "peine"],
    "ACCUSE": ["accus", "denonc", "reproch"],
    "REJECT": ["rejet", "refus", "dement", "nie"],
    "REQUEST": ["appel", "exig", "reclam", "demand"],
    "THREATEN": ["menac", "ultimatum"],
    "AGREE": ["accord", "trev", "cessez-le-feu"],
    "CONSULT": ["rencontr", "entretien", "sommet", "negoci", "visit"],
    "COOPERATE": ["cooper", "rouv", "reouvert"],
    "AID": ["aide", "humanitair"],
    "MOBILIZE": ["mobilis", "deploi", "deploy"],
    "OTHER": ["seism", "inond", "crue", "tempet", "accident", "elect", "scrutin", "vote",
              "match", "final", "ceremon", "epidem"],
}
MODES = {
    "drone": ["drone"],
    "aerial": ["aerien", "aviation"],
    "heavy-weapons": ["missil", "roquet", "obus", "artiller"],
    "explosives": ["bomb", "explosi"],
    "firearms": ["balle", "fusil", "feu"],
    "targeted": ["execut", "massacr"],
    "sexual": ["viol"],
    "torture": ["tortur"],
    "destroy": ["incendi", "brul"],
    "arrest": ["interpell", "arrest"],
    "convict": ["condamn"],
    "demo": ["manifest"],
    "strike": ["greve"],
}


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text):
    out, cur = [], []
    for c in fold(text):
        if c.isalnum() or c == "-":
            cur.append(c)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def code(texts):
    votes, modes = Counter(), Counter()
    for text in texts:
        for w in words(text):
            for t, stems in TYPES.items():
                if any(w.startswith(s) for s in stems):
                    votes[t] += 1
            for m, stems in MODES.items():
                if any(w.startswith(s) for s in stems):
                    modes[m] += 1
    kind = votes.most_common(1)[0][0] if votes else "OTHER"
    return kind, {m for m, n in modes.items() if n >= 2}


def main():
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
    texts = {}
    for line in (corpus / "articles.jsonl").open(encoding="utf-8"):
        if line.strip():
            a = json.loads(line)
            texts[a["id"]] = a["text"]
    members = {}
    for line in (corpus / "stories.jsonl").open(encoding="utf-8"):
        if line.strip():
            s = json.loads(line)
            members[s["story"]] = s["articles"]
    right = assault = total = 0
    tp = fp = fn = 0
    for line in (corpus / "events.jsonl").open(encoding="utf-8"):
        if not line.strip():
            continue
        record = json.loads(line)
        gold = record["event"]
        kind, modes = code(texts[a] for a in members[record["story"]] if a in texts)
        total += 1
        right += kind == gold["type"]
        assault += gold["type"] == "ASSAULT"
        gm = set(gold.get("modes", []))
        tp += len(modes & gm)
        fp += len(modes - gm)
        fn += len(gm - modes)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"stories {total}")
    print(f"keyword coder   type accuracy {right / total:.3f} ({right}/{total})")
    print(f"keyword coder   modes P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})")
    print(f"always ASSAULT  type accuracy {assault / total:.3f} ({assault}/{total})")


if __name__ == "__main__":
    main()
