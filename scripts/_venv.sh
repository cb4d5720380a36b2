# Shared by scripts/run and scripts/test: make .venv and install Beacon into it
# (with EXTRAS, e.g. "[test]"), reinstalling only when pyproject.toml changed.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV="$ROOT/.venv"
PYTHON=${PYTHON:-python3}
EXTRAS=${EXTRAS:-}
stamp="$VENV/.installed$(echo "$EXTRAS" | tr -c 'a-z' '-')"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT$EXTRAS"
    touch "$stamp"
fi
# Compiled translations are built here, never committed (see desktop/resources/translations/).
for ts in "$ROOT"/desktop/resources/translations/*.ts; do
    [ -e "$ts" ] || continue
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
        "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
    fi
done
