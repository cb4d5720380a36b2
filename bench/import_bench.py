"""How fast `beacon import incidents` takes over another ITSM's history.

    .venv/bin/python bench/import_bench.py [--rows 100000] [--postgres postgresql://…/empty_db] [--keep DIR]

Writes a ServiceNow-style audit export (one row per update, several per incident: New → In Progress,
sometimes Awaiting User Info and back, Resolved, Closed, a few reopened or cancelled, problem and
change numbers, Korean and English texts; about 4.5 rows per incident), then on a fresh database
with the demo bank's organisation (no incidents) times the dry run (read, validate, plan) and the
import (the same plus the one-transaction write), and a second import of the same file (idempotent:
nothing to do). Goal: 100,000 rows in under a minute on SQLite. Prints figures; asserts nothing
about time.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("BEACON_FAST_HASH", "1")
os.environ.setdefault("BEACON_BENCH", "1")  # the fast hash is allowed in tests and benchmarks only
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.demo.bank import load_demo
from desktop.models import Event, Incident, SlaClock, SlaPause, User, database, ensure_schema
from desktop.models import db as dbmod
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.integrations import importer

COLUMNS = ["number", "short_description", "description", "incident_state", "opened_at", "impact", "urgency",
           "priority", "cmdb_ci", "category", "assignment_group", "assigned_to", "opened_by", "problem_id", "rfc",
           "resolved_at", "closed_at", "close_code", "close_notes", "reopen_count", "sys_updated_on",
           "sys_updated_by"]
APPS = ["인터넷뱅킹", "Mobile Banking", "계정계", "APP-INFO"]
TITLES = ["{app} 로그인 지연", "{app} 이체 오류 E{n}", "{app} screen freezes after sign-in", "{app} batch timeout"]
LEVELS = ["1 - High", "2 - Medium", "3 - Low"]
CATEGORIES = ["Software", "Hardware", "Network", "Database", "Inquiry / Help"]


def _stamp(moment: datetime) -> str:
    return moment.strftime("%d-%m-%Y %H:%M:%S")


def make_export(rows: int, handlers: list[str], customers: list[str], seed: int = 11) -> bytes:
    """A ServiceNow-style audit export of about `rows` rows, deterministic by seed."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    written, number = 0, 10_000
    start = datetime(2025, 1, 2, 9, 0)
    while written < rows:
        number += 1
        opened = start + timedelta(minutes=number * 7 % 600_000 + rng.randrange(600))
        app = rng.choice(APPS)
        title = rng.choice(TITLES).format(app=app, n=rng.randrange(100, 999))
        handler = rng.choice(handlers)
        base = {"number": f"INC{number:07d}", "short_description": title, "description": f"{title} — 영업점 문의 다수",
                "opened_at": _stamp(opened), "impact": rng.choice(LEVELS), "urgency": rng.choice(LEVELS),
                "priority": rng.choice(["1 - Critical", "2 - High", "3 - Moderate", "4 - Low"]), "cmdb_ci": app,
                "category": rng.choice(CATEGORIES), "assignment_group": "", "assigned_to": handler,
                "opened_by": rng.choice(customers), "problem_id": "", "rfc": "", "resolved_at": "", "closed_at": "",
                "close_code": "", "close_notes": "", "reopen_count": "0", "sys_updated_by": handler}
        if rng.random() < 0.05:
            base["problem_id"] = f"PRB{rng.randrange(40_000, 40_400):07d}"
        if rng.random() < 0.02:
            base["rfc"] = f"CHG{rng.randrange(30_000, 30_200):07d}"
        steps = [("New", 0)]
        t = rng.randrange(2, 60)
        steps.append(("In Progress", t))
        if rng.random() < 0.25:
            t += rng.randrange(10, 300)
            steps.append(("Awaiting User Info", t))
            t += rng.randrange(30, 1500)
            steps.append(("In Progress", t))
        if rng.random() < 0.04:
            steps.append(("Canceled", t + rng.randrange(5, 60)))
        else:
            t += rng.randrange(20, 3000)
            steps.append(("Resolved", t))
            if rng.random() < 0.06:
                t += rng.randrange(60, 600)
                steps.append(("In Progress", t))
                base["reopen_count"] = "1"
                t += rng.randrange(20, 600)
                steps.append(("Resolved", t))
            steps.append(("Closed", t + 3 * 24 * 60))
        resolved = ""
        for state, minutes in steps:
            moment = opened + timedelta(minutes=minutes)
            row = dict(base, incident_state=state, sys_updated_on=_stamp(moment))
            if state == "Resolved":
                resolved = _stamp(moment)
                row.update(close_code="Solved (Permanently)", close_notes="WAS 재기동 후 정상화")
            if state in ("Resolved", "Closed"):
                row["resolved_at"] = resolved
            if state == "Closed":
                row.update(closed_at=_stamp(moment), close_code="Solved (Permanently)",
                           close_notes="WAS 재기동 후 정상화")
            if state == "In Progress" and resolved:
                resolved = ""
            writer.writerow([row.get(c, "") for c in COLUMNS])
            written += 1
    return out.getvalue().encode("utf-8-sig")


def prepare(url: str) -> int:
    """A fresh database with the demo bank's organisation and no incidents; returns the admin's id."""
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    load_demo(incidents=0, problems=0, now=datetime(2026, 11, 1))
    return int(User.get(User.login == "admin").id)


def run(url: str, data: bytes, label: str) -> None:
    admin = prepare(url)
    mapping = importer.builtin_mapping("servicenow")
    t0 = time.perf_counter()
    dry = importer.run_import(actor_id=admin, data=data, mapping=mapping, dry_run=True)
    t1 = time.perf_counter()
    assert dry.ok, [i.message("en") for i in dry.issues[:5]]
    done = importer.run_import(actor_id=admin, data=data, mapping=mapping, file_name="bench.csv")
    t2 = time.perf_counter()
    again = importer.run_import(actor_id=admin, data=data, mapping=mapping)
    t3 = time.perf_counter()
    counts = (Incident.select().count(), Event.select().count(), SlaClock.select().count(), SlaPause.select().count())
    print(f"{label}: {done.rows:,} rows → {done.new:,} incidents ({counts[1]:,} events, {counts[2]:,} SLA clocks, "
          f"{counts[3]:,} pauses, {done.links:,} links, {done.placeholders:,} placeholders)")
    print(f"  dry run   {t1 - t0:6.1f} s  ({dry.rows / (t1 - t0):,.0f} rows/s)")
    goal = ""
    if label == "SQLite":
        goal = f"  goal < 60 s per 100,000 rows: {'met' if t2 - t1 < 60 * done.rows / 100_000 else 'NOT met'}"
    print(f"  import    {t2 - t1:6.1f} s  ({done.rows / (t2 - t1):,.0f} rows/s){goal}")
    print(f"  again     {t3 - t2:6.1f} s  ({again.new} new, {again.skipped:,} skipped)")
    dbmod.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--postgres", metavar="URL", help="also time an empty PostgreSQL database (its schema is "
                        "dropped first)")
    parser.add_argument("--keep", metavar="DIR", help="keep the generated CSV and SQLite file here")
    args = parser.parse_args(argv)
    folder = Path(args.keep or tempfile.mkdtemp(prefix="beacon-import-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_file = folder / "import-bench.db"
    db_file.unlink(missing_ok=True)
    prepare(f"sqlite:///{db_file}")
    handlers = [u for (u,) in User.select(User.login).where(User.team.is_null(False)).tuples()][:12]
    customers = [u for (u,) in User.select(User.login).where(User.team.is_null(True)).tuples()] or handlers
    dbmod.close()
    db_file.unlink()
    t0 = time.perf_counter()
    data = make_export(args.rows, handlers, customers)
    (folder / "servicenow-audit.csv").write_bytes(data)
    print(f"generated {args.rows:,}-row ServiceNow audit export ({len(data) / 1e6:.1f} MB) in "
          f"{time.perf_counter() - t0:.1f} s: {folder / 'servicenow-audit.csv'}")
    run(f"sqlite:///{db_file}", data, "SQLite")
    if args.postgres:
        dbmod.connect(args.postgres)
        database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        database.execute_sql("CREATE SCHEMA public")
        dbmod.close()
        run(args.postgres, data, "PostgreSQL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
