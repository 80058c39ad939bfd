#!/usr/bin/env python3
"""Validate a corpus directory in the shared corpus format (FORMAT.md): articles.jsonl, gold.jsonl and,
when present, stories.jsonl and events.jsonl. Standard library only.

    python3 tools/checks/validate.py checks/general-c checks/stories-a [--verbose]

Errors (exit status 1) are what breaks the format: a gold string not found with FORMAT.md's cursor
rule, an id used with two types, a `q` index that does not point at the report's text, a story
referring to an unknown article or fact. Warnings are what an annotator should look at again: a
match in the middle of a word, a listed copy whose shared passage looks shorter than ~30 words, an
unlisted pair of articles that share a long passage, a speaker not among the article's entities.
"""
import argparse
import datetime
import difflib
import json
import math
import os
import re
import sys
import unicodedata

ENTITY_TYPES = {"PER", "ORG", "LOC", "MISC"}
PLACE_KINDS = {"country", "admin", "city", "river", "area", "other"}
QUALIFIERS = {"exact", "more_than", "less_than", "about", "range"}
ATTR_KINDS = {"direct", "indirect", "mixed", "according_to"}
EVENT_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER"}
KNOWN_MODES = {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
               "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional",
               "demo", "strike", "hunger", "boycott", "riot", "convict", "arrest", "censor", "curfew", "expel",
               "seize", "deport", "ban", "raid"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE1 = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
DATE = re.compile(rf"^({DATE1})(?:/({DATE1}))?$")
ARTICLE_KEYS = {"id", "pool", "url", "outlet", "published", "cluster", "text"}
GOLD_KEYS = {"id", "entities", "nationalities", "places", "dates", "quantities", "attributions", "unsourced"}
ATTR_KEYS = {"content", "speaker", "speaker_text", "via", "kind", "hedged"}
EVENT_KEYS = {"type", "modes", "what", "actors", "recipients", "place", "country", "date", "fatalities_fact",
              "responsibility"}


class Report:
    def __init__(self, corpus):
        self.corpus = corpus
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")


def read_jsonl(path, rep):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                rep.error(f"{os.path.basename(path)}:{n}", f"not JSON ({e})")
    return rows


def valid_date_part(s):
    parts = [int(p) for p in s.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        return True
    except ValueError:
        return False


def check_date_value(v):
    """None when fine, else the reason."""
    if v is None:
        return None
    if not isinstance(v, str):
        return f"value {v!r} is not a string or null"
    m = DATE.match(v)
    if not m:
        return f"value {v!r} is not YYYY, YYYY-MM, YYYY-MM-DD or start/end"
    for part in m.groups():
        if part and not valid_date_part(part):
            return f"value {v!r} is not a calendar date"
    if m.group(2) and m.group(2) < m.group(1)[: len(m.group(2))]:
        return f"interval {v!r} ends before it starts"
    return None


WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def weekday_mismatch(text, value):
    """True when a single-day value falls on another weekday than the one the text names."""
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return False
    named = [i for i, w in enumerate(WEEKDAYS) if re.search(rf"\b{w}\b", text.lower())]
    return len(named) == 1 and datetime.date.fromisoformat(value).weekday() != named[0]


def is_word_char(c):
    return c.isalnum() or c == "_"


def locate(text, items, key, advance_to_end, rep, where, boundary_check):
    """FORMAT.md cursor rule. Returns the list of (start, end) or None for items not found."""
    cursor, spans = 0, []
    for n, item in enumerate(items):
        s = item if key is None else item.get(key)
        if not isinstance(s, str) or not s:
            rep.error(where, f"item {n} has no {key or 'string'}: {item!r}")
            spans.append(None)
            continue
        if s != s.strip():
            rep.warn(where, f"item {n} {s!r} has leading or trailing white space")
        i = text.find(s, cursor)
        if i < 0:
            earlier = text.find(s)
            hint = f" (it occurs earlier, at {earlier}: list out of order?)" if earlier >= 0 else ""
            rep.error(where, f"item {n} {s!r} not found at or after offset {cursor}{hint}")
            spans.append(None)
            continue
        j = i + len(s)
        if boundary_check and ((i > 0 and is_word_char(text[i - 1]) and is_word_char(s[0]))
                               or (j < len(text) and is_word_char(text[j]) and is_word_char(s[-1]))):
            rep.warn(where, f"item {n} {s!r} matched inside a word at {i}")
        spans.append((i, j))
        cursor = j if advance_to_end else i + 1
    return spans


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def same_place(a, b):
    """Two gold rows for one place id agree: same name, country and kind, points within 25 km."""
    if a[:3] != b[:3] or (a[3] is None) != (b[3] is None):
        return False
    return a[3] is None or km(a[3], a[4], b[3], b[4]) <= 25


def interval(value, qualifier):
    if qualifier == "range":
        return (value[0], value[1])
    if qualifier == "exact":
        return (value, value)
    if qualifier == "more_than":
        return (value, math.inf)
    if qualifier == "less_than":
        return (-math.inf, value)
    if qualifier == "about":
        return (0.9 * value, 1.1 * value)
    raise ValueError(qualifier)


def norm_tokens(text):
    t = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return re.findall(r"\w+", t)


def shared_passage(ta, tb, gap=3):
    """Longest passage (in tokens of ta) shared by two texts, merging exact runs separated by small edits."""
    a, b = norm_tokens(ta), norm_tokens(tb)
    blocks = [m for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size]
    best, cur = 0, None
    for m in blocks:
        if cur and m.a - (cur[0] + cur[2]) <= gap and 0 <= m.b - (cur[1] + cur[3]) <= gap:
            cur = (cur[0], cur[1], m.a + m.size - cur[0], m.b + m.size - cur[1])
        else:
            cur = (m.a, m.b, m.size, m.size)
        best = max(best, min(cur[2], cur[3]))
    return best


def validate(corpus, verbose=False):
    rep = Report(corpus)
    apath, gpath = os.path.join(corpus, "articles.jsonl"), os.path.join(corpus, "gold.jsonl")
    if not os.path.exists(apath) or not os.path.exists(gpath):
        rep.error(corpus, "articles.jsonl and gold.jsonl are required")
        return rep, {}
    articles = {}
    for n, a in enumerate(read_jsonl(apath, rep), 1):
        where = f"articles.jsonl:{n}"
        if set(a) != ARTICLE_KEYS:
            rep.error(where, f"keys {sorted(a)} differ from {sorted(ARTICLE_KEYS)}")
        aid = a.get("id")
        if aid in articles:
            rep.error(where, f"duplicate id {aid!r}")
        articles[aid] = a
        if a.get("pool") not in ("domain", "general"):
            rep.error(where, f"pool {a.get('pool')!r}")
        pub = a.get("published")
        if pub is not None and (not re.match(r"^\d{4}-\d{2}-\d{2}$", str(pub)) or not valid_date_part(pub)):
            rep.error(where, f"published {pub!r} is not YYYY-MM-DD or null")
        cl = a.get("cluster")
        if cl is not None and (not isinstance(cl, str) or not SLUG.match(cl)):
            rep.error(where, f"cluster {cl!r} is not a slug or null")
        if not isinstance(a.get("text"), str) or not a.get("text").strip():
            rep.error(where, "empty text")

    seeds = os.path.join(corpus, "seeds")
    gold, id_types, place_rows = {}, {}, {}
    counts = {k: 0 for k in ("entities", "nationalities", "places", "dates", "quantities", "attributions", "unsourced")}
    for n, g in enumerate(read_jsonl(gpath, rep), 1):
        gid = g.get("id")
        where = f"gold {gid}"
        if set(g) != GOLD_KEYS:
            rep.error(where, f"keys {sorted(g)} differ from {sorted(GOLD_KEYS)}")
            continue
        if gid in gold:
            rep.error(where, "duplicate gold line")
        if gid in articles:
            text = articles[gid]["text"]
        elif os.path.exists(os.path.join(seeds, f"{gid}.txt")):
            text = open(os.path.join(seeds, f"{gid}.txt"), encoding="utf-8").read()
        else:
            rep.error(where, "no article or seed with this id")
            continue
        gold[gid] = g
        for k in counts:
            counts[k] += len(g[k])
        # entities
        ents = g["entities"]
        locate(text, ents, "text", True, rep, f"{where} entities", True)
        ent_ids = set()
        for e in ents:
            if e.get("type") not in ENTITY_TYPES:
                rep.error(where, f"entity {e.get('text')!r} has type {e.get('type')!r}")
            eid = e.get("id")
            if not isinstance(eid, str) or not SLUG.match(eid):
                rep.error(where, f"entity {e.get('text')!r} has id {eid!r} (not a slug)")
                continue
            ent_ids.add(eid)
            prev = id_types.setdefault(eid, (e.get("type"), gid))
            if prev[0] != e.get("type"):
                rep.error(where, f"id {eid!r} is {e.get('type')} here but {prev[0]} in {prev[1]}")
        # nationalities
        locate(text, g["nationalities"], "text", True, rep, f"{where} nationalities", True)
        for nat in g["nationalities"]:
            if not re.match(r"^[A-Z]{2}$", str(nat.get("country"))):
                rep.error(where, f"nationality {nat.get('text')!r} country {nat.get('country')!r}")
        # places: one entry per LOC id, in order of first mention
        loc_order = []
        for e in ents:
            if e.get("type") == "LOC" and e.get("id") not in loc_order:
                loc_order.append(e.get("id"))
        pids = [p.get("id") for p in g["places"]]
        if sorted(pids) != sorted(loc_order) or len(set(pids)) != len(pids):
            rep.error(where, f"places {pids} are not one entry per LOC id {loc_order}")
        elif pids != loc_order:
            rep.warn(where, f"places not in order of first mention: {pids} vs {loc_order}")
        for p in g["places"]:
            if p.get("kind") not in PLACE_KINDS:
                rep.error(where, f"place {p.get('id')} kind {p.get('kind')!r}")
            # null country: a place spanning countries (a sea, a continent)
            if p.get("country") is not None and not re.match(r"^[A-Z]{2}$", str(p.get("country"))):
                rep.error(where, f"place {p.get('id')} country {p.get('country')!r}")
            lat, lon = p.get("lat"), p.get("lon")
            if (lat is None) != (lon is None):
                rep.error(where, f"place {p.get('id')} has only one of lat/lon")
            elif lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
                rep.error(where, f"place {p.get('id')} lat/lon out of range")
            row = (p.get("name"), p.get("country"), p.get("kind"), lat, lon)
            prev = place_rows.setdefault(p.get("id"), (row, gid))
            if prev[0] != row and not same_place(prev[0], row):
                rep.warn(where, f"place {p.get('id')} is {row} here but {prev[0]} in {prev[1]}")
        # dates
        locate(text, g["dates"], "text", True, rep, f"{where} dates", True)
        for d in g["dates"]:
            why = check_date_value(d.get("value"))
            if why:
                rep.error(where, f"date {d.get('text')!r}: {why}")
            elif weekday_mismatch(d.get("text", ""), d.get("value")):
                rep.warn(where, f"date {d.get('text')!r} names a weekday that {d.get('value')} is not")
        # quantities
        locate(text, g["quantities"], "text", True, rep, f"{where} quantities", True)
        for q in g["quantities"]:
            v, ql = q.get("value"), q.get("qualifier")
            if ql not in QUALIFIERS:
                rep.error(where, f"quantity {q.get('text')!r} qualifier {ql!r}")
            elif ql == "range":
                if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v) and v[0] <= v[1]):
                    rep.error(where, f"quantity {q.get('text')!r}: a range needs [low, high], got {v!r}")
            elif not isinstance(v, (int, float)) or isinstance(v, bool):
                rep.error(where, f"quantity {q.get('text')!r}: value {v!r} is not a number")
            if not isinstance(q.get("unit"), str):
                rep.error(where, f"quantity {q.get('text')!r} has no unit")
        # attributions
        locate(text, g["attributions"], "content", False, rep, f"{where} attributions", False)
        for at in g["attributions"]:
            if set(at) != ATTR_KEYS:
                rep.error(where, f"attribution keys {sorted(at)}")
                continue
            if at["kind"] not in ATTR_KINDS:
                rep.error(where, f"attribution {at['content'][:30]!r} kind {at['kind']!r}")
            if not isinstance(at["hedged"], bool):
                rep.error(where, f"attribution {at['content'][:30]!r} hedged is not a boolean")
            if at["speaker"] is not None and at["speaker"] not in ent_ids:
                rep.warn(where, f"speaker {at['speaker']!r} is not among the article's entity ids")
            if not isinstance(at["via"], list):
                rep.error(where, f"attribution {at['content'][:30]!r} via is not a list")
            else:
                for v in at["via"]:
                    if v not in ent_ids:
                        rep.warn(where, f"via {v!r} is not among the article's entity ids")
            if at["speaker_text"] is not None and not isinstance(at["speaker_text"], str):
                rep.error(where, f"attribution {at['content'][:30]!r}: speaker_text is not a string or null")
            elif not at["speaker_text"]:
                rep.warn(where, f"attribution {at['content'][:30]!r} has no speaker_text")
            if len(at["content"].split()) > 16:
                rep.warn(where, f"attribution content is {len(at['content'].split())} words (guideline: 6 to 12)")
        # unsourced
        locate(text, g["unsourced"], None, False, rep, f"{where} unsourced", False)
    for aid in articles:
        if aid not in gold:
            rep.warn(aid, "article without gold")

    stats = {"articles": len(articles), **counts}
    # stories
    spath = os.path.join(corpus, "stories.jsonl")
    story_articles, story_facts = {}, {}
    if os.path.exists(spath):
        stories = read_jsonl(spath, rep)
        in_story = {}
        all_facts = set()
        n_copies = n_facts = n_reports = n_dis = 0
        dis_pairs = []
        for s in stories:
            sid = s.get("story")
            where = f"story {sid}"
            if set(s) != {"story", "articles", "copies", "facts"}:
                rep.error(where, f"keys {sorted(s)}")
                continue
            if not isinstance(sid, str) or not SLUG.match(sid) or sid in story_articles:
                rep.error(where, "story id missing, not a slug, or duplicated")
            arts = s["articles"]
            story_articles[sid] = arts
            if len(arts) < 2 or len(set(arts)) != len(arts):
                rep.error(where, f"articles {arts}: a story line needs two or more distinct articles")
            for a in arts:
                if a not in articles:
                    rep.error(where, f"unknown article {a!r}")
                    continue
                if a in in_story:
                    rep.error(where, f"article {a} is also in story {in_story[a]}")
                in_story[a] = sid
                if articles[a]["cluster"] != sid:
                    rep.error(where, f"article {a} has cluster {articles[a]['cluster']!r}")
            # copies
            pairs = set()
            for c in s["copies"]:
                a, b, passage = c.get("a"), c.get("b"), c.get("passage")
                if a not in arts or b not in arts or a == b:
                    rep.error(where, f"copy {a}/{b} is not a pair of two articles of the story")
                    continue
                key = frozenset((a, b))
                if key in pairs:
                    rep.error(where, f"copy pair {a}/{b} listed twice")
                pairs.add(key)
                if not isinstance(passage, str) or passage not in articles[a]["text"]:
                    rep.error(where, f"copy {a}/{b}: passage {passage!r} is not verbatim in {a}")
                elif " ".join(norm_tokens(passage)[:5]) not in " ".join(norm_tokens(articles[b]["text"])):
                    rep.warn(where, f"copy {a}/{b}: the passage's first words are not in {b}")
                n = shared_passage(articles[a]["text"], articles[b]["text"])
                if n < 25:
                    rep.warn(where, f"copy {a}/{b}: longest shared passage is only about {n} words")
                elif verbose:
                    print(f"  {corpus} {sid}: copy {a}/{b} shares about {n} words")
            n_copies += len(pairs)
            for i, a in enumerate(arts):
                for b in arts[i + 1:]:
                    if a in articles and b in articles and frozenset((a, b)) not in pairs:
                        n = shared_passage(articles[a]["text"], articles[b]["text"])
                        if n >= 25:
                            rep.warn(where, f"{a}/{b} share about {n} words but are not listed as a copy")
                        elif verbose:
                            print(f"  {corpus} {sid}: {a}/{b} (not a copy) share at most about {n} words")
            # facts
            story_facts[sid] = set()
            for f in s["facts"]:
                fid = f.get("fact")
                fwhere = f"{where} fact {fid}"
                if set(f) != {"fact", "about", "reports"}:
                    rep.error(fwhere, f"keys {sorted(f)}")
                    continue
                if not isinstance(fid, str) or not SLUG.match(fid) or fid in all_facts:
                    rep.error(fwhere, "fact id missing, not a slug, or used twice in the corpus")
                all_facts.add(fid)
                story_facts[sid].add(fid)
                if not f["about"]:
                    rep.error(fwhere, "empty about")
                n_facts += 1
                reps_ok = []
                for r in f["reports"]:
                    if set(r) != {"article", "q", "text", "source", "earlier"}:
                        rep.error(fwhere, f"report keys {sorted(r)}")
                        continue
                    a = r["article"]
                    if a not in arts or a not in gold:
                        rep.error(fwhere, f"report article {a!r} is not a gold article of the story")
                        continue
                    qs = gold[a]["quantities"]
                    if not isinstance(r["q"], int) or not 0 <= r["q"] < len(qs):
                        rep.error(fwhere, f"report {a} q={r['q']!r} out of range (0..{len(qs) - 1})")
                        continue
                    if qs[r["q"]]["text"] != r["text"]:
                        rep.error(fwhere, f"report {a} q={r['q']} is {qs[r['q']]['text']!r}, not {r['text']!r}")
                        continue
                    if r["source"] is not None and r["source"] not in {e["id"] for e in gold[a]["entities"]}:
                        rep.error(fwhere, f"report {a} q={r['q']}: source {r['source']!r} is not an entity of {a}")
                    if not isinstance(r["earlier"], bool):
                        rep.error(fwhere, f"report {a} q={r['q']}: earlier is not a boolean")
                    reps_ok.append((a, r, qs[r["q"]]))
                n_reports += len(f["reports"])
                if len({a for a, _, _ in reps_ok}) < 2:
                    rep.error(fwhere, "a fact needs reports from two or more articles")
                seen_q = set()
                for a, r, _ in reps_ok:
                    if (a, r["q"]) in seen_q:
                        rep.error(fwhere, f"report {a} q={r['q']} listed twice")
                    seen_q.add((a, r["q"]))
                for i, (a1, r1, q1) in enumerate(reps_ok):
                    for a2, r2, q2 in reps_ok[i + 1:]:
                        if a1 == a2 or r1["earlier"] or r2["earlier"]:
                            continue
                        l1, h1 = interval(q1["value"], q1["qualifier"])
                        l2, h2 = interval(q2["value"], q2["qualifier"])
                        if h1 < l2 or h2 < l1:
                            n_dis += 1
                            dis_pairs.append(f"{fid}: {a1} {r1['text']!r} vs {a2} {r2['text']!r}")
        used = {}
        for s in stories:
            for f in s.get("facts", []):
                for r in f.get("reports", []):
                    k = (r.get("article"), r.get("q"))
                    if k in used:
                        rep.error(f"story {s.get('story')}", f"quantity {k} is a report of {used[k]} and {f.get('fact')}")
                    used[k] = f.get("fact")
        clusters = {}
        for aid, a in articles.items():
            if a["cluster"] is not None:
                clusters.setdefault(a["cluster"], []).append(aid)
        for cl, arts in clusters.items():
            if cl not in story_articles:
                if len(arts) >= 2:
                    rep.error(f"cluster {cl}", f"articles {arts} share a cluster with no stories.jsonl line")
                else:
                    rep.warn(f"cluster {cl}", f"a cluster of one article ({arts[0]}): use null")
            elif sorted(arts) != sorted(story_articles[cl]):
                rep.error(f"story {cl}", f"articles {story_articles[cl]} differ from the cluster's {arts}")
        stats.update(stories=len(stories), copies=n_copies, facts=n_facts, reports=n_reports, disagreements=n_dis)
        if verbose:
            for d in dis_pairs:
                print(f"  {corpus} disagreement {d}")
    # events
    epath = os.path.join(corpus, "events.jsonl")
    if os.path.exists(epath):
        events = read_jsonl(epath, rep)
        seen = set()
        for e in events:
            sid = e.get("story")
            where = f"event {sid}"
            if set(e) != {"story", "event"} or not isinstance(e.get("event"), dict):
                rep.error(where, "an events line is {\"story\", \"event\": {...}}")
                continue
            if sid not in story_articles:
                rep.error(where, "no such story in stories.jsonl")
                continue
            if sid in seen:
                rep.error(where, "two events for one story")
            seen.add(sid)
            ev = e["event"]
            if set(ev) != EVENT_KEYS:
                rep.error(where, f"event keys {sorted(ev)} differ from {sorted(EVENT_KEYS)}")
                continue
            ids = {x["id"] for a in story_articles[sid] if a in gold for x in gold[a]["entities"]}
            places = {p["id"]: p for a in story_articles[sid] if a in gold for p in gold[a]["places"]}
            if ev["type"] not in EVENT_TYPES:
                rep.error(where, f"type {ev['type']!r}")
            if not isinstance(ev["modes"], list):
                rep.error(where, "modes is not a list")
            else:
                for m in ev["modes"]:
                    if m not in KNOWN_MODES:
                        rep.warn(where, f"mode {m!r} is not one this checker knows")
            if not isinstance(ev["what"], str) or not ev["what"]:
                rep.error(where, "empty what")
            for k in ("actors", "recipients"):
                for x in ev[k]:
                    if x not in ids:
                        rep.error(where, f"{k[:-1]} {x!r} is not an entity of the story's articles")
            if ev["place"] is not None and ev["place"] not in places:
                rep.error(where, f"place {ev['place']!r} is not among the story's gold places")
            elif ev["place"] is not None and places[ev["place"]]["country"] != ev["country"]:
                rep.warn(where, f"country {ev['country']} differs from the place's {places[ev['place']]['country']}")
            if not re.match(r"^[A-Z]{2}$", str(ev["country"])):
                rep.error(where, f"country {ev['country']!r}")
            why = check_date_value(ev["date"])
            if why:
                rep.error(where, f"date: {why}")
            if ev["fatalities_fact"] is not None and ev["fatalities_fact"] not in story_facts.get(sid, set()):
                rep.error(where, f"fatalities_fact {ev['fatalities_fact']!r} is not a fact of the story")
            for r in ev["responsibility"]:
                if set(r) != {"actor", "claimed_by", "denied_by"}:
                    rep.error(where, f"responsibility keys {sorted(r)}")
                    continue
                for x in [r["actor"], *r["claimed_by"], *r["denied_by"]]:
                    if x not in ids:
                        rep.error(where, f"responsibility id {x!r} is not an entity of the story's articles")
        for sid in story_articles:
            if sid not in seen:
                rep.error(f"story {sid}", "no events.jsonl line")
        stats["events"] = len(events)
    return rep, stats


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="+", help="corpus directories")
    ap.add_argument("--verbose", action="store_true", help="print shared-passage lengths and disagreements")
    args = ap.parse_args()
    failed = False
    for corpus in args.corpora:
        rep, stats = validate(corpus, args.verbose)
        for w in rep.warnings:
            print(f"warning: {corpus}: {w}")
        for e in rep.errors:
            print(f"error: {corpus}: {e}")
        summary = ", ".join(f"{k} {v}" for k, v in stats.items())
        print(f"{corpus}: {'FAILED' if rep.errors else 'ok'} ({len(rep.errors)} errors, {len(rep.warnings)} warnings): {summary}")
        failed |= bool(rep.errors)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
