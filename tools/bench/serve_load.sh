#!/usr/bin/env bash
# Load test of the workbench (`recoupe serve`) on a store of N synthetic articles
# (crates/recoupe-store/src/synthetic.rs, filled by recoupe-store-fill), plus N/50 articles
# made of stories (synthetic::story_document, stored with the cross-article layer on by
# recoupe-stories-bench: stories of 1 to 5 articles sharing copies and figures): CLIENTS
# concurrent connections for DURATION on the search page, the article page, the story
# pages, the search API and the entity pages, each request a random URL of a fixed list
# (search words common and rare; 500 articles; the story lists and 200 stories, page and
# API; every entity's page and the entity lists). The server starts empty-cached, so each
# scenario's figures include the first computation of every URL of its list.
# Reports requests/s, p50/p99 latency and errors for each. Loopback only.
#
# Usage: tools/bench/serve_load.sh [N=100000] [DURATION=30s] [CLIENTS=200]
# RECOUPE=path/to/recoupe serves with another build (e.g. a copy of an older one, to compare).
# Needs wrk (Debian: apt-get install wrk). The store is kept in target/load/ for reruns.
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100000}"
duration="${2:-30s}"
clients="${3:-200}"
port="${PORT:-8799}"
command -v wrk > /dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
cargo build --release -q -p recoupe --bin recoupe -p recoupe-store --bin recoupe-store-fill --bin recoupe-stories-bench
mkdir -p target/load
db="target/load/synthetic-$n.db"
have=0
if [ -f "$db" ]; then
  have=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from documents').fetchone()[0])" "$db")
fi
if [ "$have" -lt "$n" ]; then
  echo "filling $db: $have → $n synthetic articles"
  target/release/recoupe-store-fill "$db" 1000 $(( (n - have) / 1000 )) > /dev/null
fi
stories=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from stories').fetchone()[0])" "$db")
if [ "$stories" -eq 0 ]; then
  extra=$(( n / 50 ))
  echo "adding $extra articles made of stories (cross-article layer on)"
  have=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from documents').fetchone()[0])" "$db")
  target/release/recoupe-stories-bench "$db" $(( have + extra )) 0 > /dev/null
fi

"${RECOUPE:-target/release/recoupe}" --db "$db" serve --addr "127.0.0.1:$port" 2> target/load/serve.log > /dev/null &
server=$!
trap 'kill -TERM $server 2> /dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" > /dev/null && break
  sleep 0.1
done

python3 - "$port" <<'PY'
import json, random, sys, urllib.parse, urllib.request
port = sys.argv[1]
base = f"http://127.0.0.1:{port}"
random.seed(11)
words = ["Lyon", "Genève", "Dakar", "Beyrouth", "Liège", "Québec", "Haddad", "Tremblay", "Diallo",
         "Benali", "Croix-Rouge", "ministère", "Observatoire régional", "\"nouvelles tensions\"",
         "évacuées", "bilan", "humanitaire", "routes fermées", "accord durable", "armée mobilisée",
         "écoles", "habitants", "agence de presse", "situation tendue", "évacu*", "Moreau-Lefèvre",
         "Vandenberghe", "Dépêche", "tensions Dakar", "Croix-Rouge Beyrouth"]
words += [f"Dépêche {random.randrange(100000)}" for _ in range(20)]
words += [str(random.randrange(3000)) for _ in range(20)]
def q(w): return "/search?q=" + urllib.parse.quote(w)
ids = []
for offset in range(0, 100000, 200):
    page = json.load(urllib.request.urlopen(f"{base}/api/v1/documents?limit=200&offset={offset}"))
    ids += [d["id"] for d in page["documents"]]
    if not page["documents"] or len(ids) >= 20000:
        break
sample = random.sample(ids, min(500, len(ids)))
entities = json.load(urllib.request.urlopen(f"{base}/api/v1/entities?limit=200"))
entity_pages = ["/entity/" + urllib.parse.quote(e["key"], safe="") for e in entities]
entity_pages += ["/entities"] + [f"/entities?type={t}" for t in ("PER", "ORG", "LOC", "MISC")]
stories = json.load(urllib.request.urlopen(f"{base}/api/v1/stories?min_articles=2&limit=200"))
story_pages = ["/stories", "/stories?min_articles=2", "/stories?disagreeing=true", "/stories?sort=articles"]
story_pages += ["/story/" + s["id"] for s in stories] + ["/api/v1/stories/" + s["id"] for s in stories]
story_pages += ["/api/v1/facts?disagreeing=true", "/api/v1/stories"]
lists = {
    "search-page": [q(w) for w in words],
    "article-page": ["/doc/" + i for i in sample],
    "story-page": story_pages,
    "search-api": ["/api/v1/search?q=" + urllib.parse.quote(w) for w in words],
    "entity-page": entity_pages,
}
for name, paths in lists.items():
    with open(f"target/load/{name}.lua", "w") as f:
        f.write("local paths = {\n" + ",\n".join(json.dumps(p) for p in paths) + "\n}\n")
        f.write("math.randomseed(7)\nrequest = function()\n  return wrk.format('GET', paths[math.random(#paths)])\nend\n")
print(f"{len(words)} searches, {len(sample)} articles, {len(story_pages)} story pages and API answers ({len(stories)} stories), {len(entity_pages)} entity pages")
PY

printf '\n%-13s %10s %9s %9s %9s %8s\n' scenario "req/s" p50 p90 p99 errors
for scenario in search-page article-page story-page search-api entity-page; do
  out="target/load/$scenario.txt"
  wrk -t2 -c"$clients" -d"$duration" --timeout 10s --latency -s "target/load/$scenario.lua" "http://127.0.0.1:$port" > "$out"
  python3 - "$scenario" "$out" <<'PY'
import re, sys
name, path = sys.argv[1], sys.argv[2]
text = open(path).read()
def pct(p):
    m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
print(f"{name:<13} {rps:10.0f} {pct(50):7.1f}ms {pct(90):7.1f}ms {pct(99):7.1f}ms {errors:8d}")
PY
done
kill -TERM $server
wait $server && echo "server stopped cleanly (SIGTERM)"
trap - EXIT
