#!/usr/bin/env python3
"""Markdown table of `recoupe eval --json` reports, one column each: the breakdown the check corpora's
first-sight records in checks/README.md quote.

    target/release/recoupe eval --corpus checks/general-g --json > g.json
    python3 tools/eval/table.py general-g=g.json [NAME=REPORT.json …]

Standard library only.
"""
import json
import sys


def load(argument):
    """NAME=REPORT.json → (NAME, the report's layers); exits with a message naming what is wrong."""
    name, sep, path = argument.partition('=')
    if not sep or not name or not path:
        sys.exit(f"table.py: {argument!r} is not NAME=REPORT.json (a column name, '=', the file "
                 "`recoupe eval --json` wrote)")
    try:
        with open(path, encoding='utf-8') as file:
            report = json.load(file)
    except OSError as error:
        sys.exit(f"table.py: cannot read {path}: {error.strerror}")
    except json.JSONDecodeError as error:
        sys.exit(f"table.py: {path} line {error.lineno}: not JSON ({error.msg}); "
                 "write it with `recoupe eval --corpus DIR --json > FILE`")
    if not isinstance(report, dict) or not isinstance(report.get('layers'), dict):
        sys.exit(f"table.py: {path} has no \"layers\" object: is it a `recoupe eval --json` report?")
    return name, report['layers']


if len(sys.argv) < 2:
    sys.exit(__doc__.strip())
cols = [load(argument) for argument in sys.argv[1:]]
def g(L, *path):
    v = L
    for k in path:
        if not isinstance(v, dict) or k not in v: return None
        v = v[k]
    return v
def f(x): return '' if x is None else f'{x:.3f}'
rows = []
def ent(L):
    o = g(L,'entities','overall','f1'); bt = g(L,'entities','by_type') or {}
    parts = ' / '.join(f(bt.get(t,{}).get('f1')) or '–' for t in ('LOC','ORG','PER','MISC'))
    return f'{f(o)} ({parts})'
rows.append(('entities, mention F1 (LOC / ORG / PER / MISC)', ent))
rows.append(('PER precision', lambda L: f(g(L,'entities','by_type','PER','p'))))
rows.append(('places right (of gold)', lambda L: f(g(L,'places','accuracy','accuracy'))))
rows.append(('dates value right (exact spans / overlapping)', lambda L: f"{f(g(L,'dates','value','accuracy'))} / {f(g(L,'dates','value_overlap','accuracy'))}"))
rows.append(('quantities value+qualifier right (exact / overlapping)', lambda L: f"{f(g(L,'quantities','value','accuracy'))} / {f(g(L,'quantities','value_overlap','accuracy'))}"))
rows.append(('attributions found F1 / speaker right', lambda L: f"{f(g(L,'attributions','found','f1'))} / {f(g(L,'attributions','speaker','accuracy'))}"))
rows.append(('unsourced F1', lambda L: f(g(L,'unsourced','found','f1'))))
def pair(layer, key, bkey):
    def h(L):
        if g(L, layer, key) is None: return ''
        return f"{f(g(L,layer,key,'f1') if 'f1' in (g(L,layer,key) or {}) else g(L,layer,key,'accuracy'))} ({f(g(L,layer,'baseline',bkey,'f1') if g(L,layer,'baseline',bkey,'f1') is not None else g(L,layer,'baseline',bkey,'accuracy'))})"
    return h
rows.append(('stories pairwise F1 (baseline)', pair('stories','pairwise','pairwise')))
rows.append(('copies F1 (baseline)', pair('copies','pairs','pairs')))
rows.append(('fact linking F1 (baseline)', pair('facts','pairs','pairs')))
rows.append(('disagreements F1 (baseline)', pair('disagreements','pairs','pairs')))
rows.append(('sources right (always none)', pair('sources','right','right')))
def ev(L):
    e = g(L,'events')
    if not e or e.get('status') != 'scored': return ''
    return ' / '.join(f(x) if x is not None else '–' for x in (g(e,'type','accuracy'), g(e,'modes','f1'), g(e,'actors','f1'), g(e,'recipients','f1'), g(e,'place','accuracy'), g(e,'date','accuracy'), g(e,'fatalities','accuracy'), g(e,'responsibility','f1')))
rows.append(('events: type / modes / actors / recipients / place / date / fatalities / responsibility', ev))
print('| layer | ' + ' | '.join(c for c,_ in cols) + ' |')
print('|---|' + '---|'*len(cols))
for name, fn in rows:
    vals = [fn(L) for _, L in cols]
    if any(vals): print(f'| {name} | ' + ' | '.join(vals) + ' |')
