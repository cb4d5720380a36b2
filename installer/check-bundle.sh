#!/bin/sh
# Check a built bundle (dist/beacon/, from `make dist`) the way a new desk meets it: each run has a
# fresh, empty HOME, no site file and QT_QPA_PLATFORM=offscreen.
#   0. every resource (desktop/resources/) is inside, the translations compiled;
#   1. --smoke-test on a fresh SQLite database (the default one in the empty HOME);
#   2. --smoke-test on a fresh PostgreSQL database: $BEACON_SMOKE_POSTGRES_URL (its public schema is
#      emptied first!), or as root with Debian's cluster running, a database beacon_smoke made and
#      dropped again;
#   3. the oldest databases we keep (tests/fixtures): upgraded by the bundle's init-db, then a report
#      of one of their incidents and, for the demo bank, --smoke-test on it.
# Exits non-zero on the first failure. Used by .ci/run; run it yourself after `make dist`.
set -eu
unset BEACON_USER BEACON_PASSWORD  # who signs in is set per step below, never inherited
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BEACON="$ROOT/dist/beacon/beacon"
PY="$ROOT/.venv/bin/python"
[ -x "$BEACON" ] || { echo "check-bundle: no $BEACON; run 'make dist' first" >&2; exit 1; }
WORK=$(mktemp -d)
pg_made=""
cleanup() {
    if [ -n "$pg_made" ]; then su postgres -c "dropdb --if-exists beacon_smoke" >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# beacon ARGS... in a brand-new HOME (a fresh folder per call unless HOME_DIR is set)
fresh() {
    home=${HOME_DIR:-$(mktemp -d "$WORK/home.XXXXXX")}
    # a clean environment but for who signs in (BEACON_USER/BEACON_PASSWORD, when set here)
    env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen BEACON_SITE_CONFIG= \
        ${BEACON_USER:+"BEACON_USER=$BEACON_USER"} ${BEACON_PASSWORD:+"BEACON_PASSWORD=$BEACON_PASSWORD"} \
        "$BEACON" "$@"
}
step() {
    echo "check-bundle: $*"
}

ms_since() {
    echo $(( ($(date +%s%N) - $1) / 1000000 ))
}

step "resources: all of desktop/resources/ but the .ts sources, and a .qm for each of those"
(cd "$ROOT" && find desktop/resources -type f ! -name '*.ts' ! -name '*.qm') | while read -r f; do
    [ -f "$ROOT/dist/beacon/_internal/$f" ] || { echo "check-bundle: the bundle lacks $f" >&2; exit 1; }
done
for ts in "$ROOT"/desktop/resources/translations/*.ts; do
    qm=desktop/resources/translations/$(basename "${ts%.ts}").qm
    [ -f "$ROOT/dist/beacon/_internal/$qm" ] || { echo "check-bundle: the bundle lacks $qm" >&2; exit 1; }
done

step "cold start, SQLite, empty HOME"
start=$(date +%s%N)
fresh --smoke-test > "$WORK/smoke.out"; cat "$WORK/smoke.out"
grep -Eq "incident list \(장애\) shows [0-9]+ rows" "$WORK/smoke.out"  # Korean by default: translations bundled
step "  whole process: $(ms_since "$start") ms (the first start creates the demo database)"
HOME_DIR=$(mktemp -d "$WORK/home.XXXXXX")
HOME_DIR=$HOME_DIR fresh --smoke-test >/dev/null 2>&1  # make the database, then time a start on it
start=$(date +%s%N)
HOME_DIR=$HOME_DIR fresh --smoke-test
step "  whole process: $(ms_since "$start") ms (a later start: database and ~/.qt_material exist)"

PG_URL=${BEACON_SMOKE_POSTGRES_URL:-}
if [ -z "$PG_URL" ] && [ "$(id -u)" = 0 ] && su postgres -c "psql -Atqc 'select 1'" >/dev/null 2>&1; then
    su postgres -c "dropdb --if-exists beacon_smoke && createdb -O beacon beacon_smoke"
    pg_made=1
    PG_URL=postgresql://beacon:beacon@127.0.0.1:5432/beacon_smoke
elif [ -n "$PG_URL" ]; then  # a database given for this: emptied first, so it is fresh
    "$PY" -c "import psycopg2, sys; c = psycopg2.connect(sys.argv[1]); c.autocommit = True; \
c.cursor().execute('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')" "$PG_URL"
fi
if [ -n "$PG_URL" ]; then
    step "PostgreSQL: init-db --demo, then the smoke test"
    fresh init-db --demo --admin-password beacon --database "$PG_URL" >/dev/null
    fresh --smoke-test --database "$PG_URL"
elif [ "${CI:-}" = true ]; then
    echo "check-bundle: no PostgreSQL for the smoke test (CI=true: that is a failure)" >&2
    exit 1
else
    step "PostgreSQL: skipped (set BEACON_SMOKE_POSTGRES_URL, or run as root with the cluster up)"
fi

step "schema v1 fixture: upgraded by the bundle, with a backup, and read back"
cp "$ROOT/tests/fixtures/beacon-schema-v1.db" "$WORK/v1.db"
fresh --lang en init-db --database "sqlite:///$WORK/v1.db" > "$WORK/v1.out"; cat "$WORK/v1.out"
grep -q "Upgraded the schema from v1 to v" "$WORK/v1.out"
ls "$WORK"/v1.db.v1-*.bak >/dev/null
# (its process rows are test stubs, not shipped definitions, so no report is printed from it)
# every command signs in: v1's one account with a password is the handler 'user3' (tests/fixtures/README.md)
BEACON_USER=user3 BEACON_PASSWORD=비밀번호1 fresh --lang en setting get --database "sqlite:///$WORK/v1.db" \
    > "$WORK/v1.settings"
grep -q "reopen_window" "$WORK/v1.settings"
fresh --lang en init-db --database "sqlite:///$WORK/v1.db" > "$WORK/v1.again"  # a second run changes nothing
grep -q "Database ready" "$WORK/v1.again" && ! grep -q "Upgraded" "$WORK/v1.again"

step "first demo bank (schema v2): upgraded, a report, and the GUI on it"
"$PY" -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).executescript(open(sys.argv[2], encoding='utf-8').read())" \
    "$WORK/demo.db" "$ROOT/tests/fixtures/beacon-schema-v2-demo.sql"
fresh --lang en init-db --database "sqlite:///$WORK/demo.db" > "$WORK/demo.out"; cat "$WORK/demo.out"
grep -q "Upgraded the schema from v2 to v" "$WORK/demo.out"
export BEACON_USER=admin BEACON_PASSWORD=beacon  # that first demo bank's administrator
fresh --lang ko report incident INC-2025-000003 --out "$WORK/demo.pdf" --database "sqlite:///$WORK/demo.db"
fresh --smoke-test --database "sqlite:///$WORK/demo.db"
fresh --lang en export incidents --format xlsx --out "$WORK/demo.xlsx" --database "sqlite:///$WORK/demo.db" \
    > "$WORK/export.out"
cat "$WORK/export.out"
grep -q "(40 rows)" "$WORK/export.out"
step "all passed"
