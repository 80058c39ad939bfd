#!/usr/bin/env python3
"""Builds resources/fr/word_df.tsv, the fixed reference weight table of the stories layer.

For every folded word form (lowercase, diacritics removed) of the UD French treebanks
(GSD dev+test, Sequoia train+dev+test, as laid in ../shared/ud), the number of sentences it
occurs in. The stories layer turns this into an IDF that never changes as articles arrive,
which keeps story decisions independent of ingest order. Only forms seen in at least two
sentences are kept (rarer forms get the table's top weight anyway); no sentence is stored.

Usage: python3 tools/stories/build_word_df.py [UD_DIR] > resources/fr/word_df.tsv
"""
import glob
import os
import sys
import unicodedata


def fold(word):
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text):
    """Maximal runs of alphanumeric characters, as the Rust side splits them."""
    out, current = [], []
    for char in text:
        if char.isalnum():
            current.append(char)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def main():
    ud = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "..", "shared", "ud")
    files = sorted(glob.glob(os.path.join(ud, "fr_gsd", "*.conllu"))) + sorted(
        glob.glob(os.path.join(ud, "fr_sequoia", "*.conllu")))
    if not files:
        sys.exit(f"no .conllu file under {ud}")
    df, sentences = {}, 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("# text = "):
                    sentences += 1
                    seen = {fold(w) for w in words(line[len("# text = "):])}
                    for word in seen:
                        if not word.isdigit():
                            df[word] = df.get(word, 0) + 1
    print("# recoupe — reference document frequencies for the stories layer (crates/recoupe-stories).")
    print("# Source: sentence counts of folded word forms in Universal Dependencies UD_French-GSD")
    print("#   (dev, test; CC BY-SA 4.0) and UD_French-Sequoia (train, dev, test; LGPL-LR), built by")
    print("#   tools/stories/build_word_df.py. No sentence is stored. Licence of this table: CC BY-SA 4.0.")
    print("# Format: first data line `sentences<TAB>N`; then `word<TAB>sentences containing it`,")
    print("#   forms seen in at least two sentences, most frequent first.")
    print(f"sentences\t{sentences}")
    for word, count in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
        if count >= 2:
            print(f"{word}\t{count}")


if __name__ == "__main__":
    main()
