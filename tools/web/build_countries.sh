#!/usr/bin/env bash
# Rebuilds crates/recoupe-server/assets/countries-50m.txt from the npm package world-atlas.
# Needs npm (the npm registry) and python3; writes nothing else.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 > /dev/null && tar xzf world-atlas-2.0.2.tgz)
python3 tools/web/build_countries.py "$work/package/countries-50m.json" --tolerance "${TOLERANCE:-0.05}" \
  > crates/recoupe-server/assets/countries-50m.txt
wc -c crates/recoupe-server/assets/countries-50m.txt
