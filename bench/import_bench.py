"""How fast `beacon import incidents` takes over another ITSM's history.

    nice .venv/bin/python bench/import_bench.py [--rows 150000] [--postgres postgresql://…/empty_db] [--keep DIR]

Writes a ServiceNow-style audit export (one row per update, about six per incident: New → In Progress,
reassignments and group changes, sometimes Awaiting User Info and back, Resolved, a reassignment on
the Resolved row, Closed, a few reopened or cancelled; sys_mod_count; the final record's resolved_at
and closed_at repeated on every row as real exports do; problem and change numbers, about 1 % of
them equal to an incident number of the same file; Korean and English texts), then on a fresh
database with the demo bank's organisation (no incidents) times the dry run (read, validate, plan,
and the write rolled back) and the import (the same, committed), and a second import of the same file
(idempotent: nothing to do), with each phase's peak memory (VmHWM). Goal: 150,000 rows (about 25,000
incidents) imported in under 60 s on SQLite with peak memory under 400 MB. Prints figures; asserts
nothing about time.
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
from desktop.models.imports import ImportedRecord
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.integrations import importer

COLUMNS = ["number", "short_description", "description", "incident_state", "opened_at", "impact", "urgency",
           "priority", "cmdb_ci", "category", "assignment_group", "assigned_to", "opened_by", "problem_id", "rfc",
           "resolved_at", "closed_at", "close_code", "close_notes", "reopen_count", "sys_updated_on",
           "sys_mod_count", "sys_updated_by"]
GROUPS = ["채널운영팀", "계정계운영팀", "DB운영팀", "Network Ops"]
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
                "category": rng.choice(CATEGORIES), "assignment_group": rng.choice(GROUPS), "assigned_to": handler,
                "opened_by": rng.choice(customers), "problem_id": "", "rfc": "", "resolved_at": "", "closed_at": "",
                "close_code": "", "close_notes": "", "reopen_count": "0", "sys_updated_by": handler}
        if rng.random() < 0.05:
            base["problem_id"] = f"PRB{rng.randrange(40_000, 40_400):07d}"
        if rng.random() < 0.02:
            base["rfc"] = f"CHG{rng.randrange(30_000, 30_200):07d}"
        if number > 10_100 and rng.random() < 0.01:  # a change or problem number that equals an incident's
            base["rfc" if rng.random() < 0.5 else "problem_id"] = f"INC{number - rng.randrange(1, 90):07d}"
        steps: list[tuple[str, int, dict[str, str]]] = [("New", 0, {"assigned_to": ""})]
        t = rng.randrange(2, 60)
        steps.append(("In Progress", t, {}))
        if rng.random() < 0.6:
            t += rng.randrange(5, 120)
            steps.append(("In Progress", t, {"assigned_to": rng.choice(handlers),
                                            "assignment_group": rng.choice(GROUPS)}))
        if rng.random() < 0.3:
            t += rng.randrange(10, 300)
            steps.append(("Awaiting User Info", t, {}))
            t += rng.randrange(30, 1500)
            steps.append(("In Progress", t, {}))
        reopened = False
        if rng.random() < 0.04:
            steps.append(("Canceled", t + rng.randrange(5, 60), {}))
        else:
            t += rng.randrange(20, 3000)
            steps.append(("Resolved", t, {}))
            if rng.random() < 0.5:
                steps.append(("Resolved", t, {"assigned_to": rng.choice(handlers)}))  # same second, next sequence
            if rng.random() < 0.08:
                reopened = True
                t += rng.randrange(60, 600)
                steps.append(("In Progress", t, {}))
                t += rng.randrange(20, 600)
                steps.append(("Resolved", t, {}))
            steps.append(("Closed", t + 3 * 24 * 60, {}))
        final = {"reopen_count": "1" if reopened else "0"}
        if steps[-1][0] == "Closed":
            final.update(resolved_at=_stamp(opened + timedelta(minutes=steps[-2][1])),
                         closed_at=_stamp(opened + timedelta(minutes=steps[-1][1])), close_code="Solved (Permanently)",
                         close_notes="WAS 재기동 후 정상화")
        current = dict(base)
        for sequence, (state, minutes, change) in enumerate(steps):
            current.update(change)
            if state != "New" and not current["assigned_to"]:
                current["assigned_to"] = handler
            row = dict(current, **final, incident_state=state,
                       sys_updated_on=_stamp(opened + timedelta(minutes=minutes)), sys_mod_count=str(sequence))
            writer.writerow([row.get(c, "") for c in COLUMNS])
            written += 1
    return out.getvalue().encode("utf-8-sig")


def peak_mb(reset: bool = False) -> int:
    """This process's peak resident memory so far (VmHWM), in MB; `reset` starts a new peak from here."""
    status = Path("/proc/self/status")
    if not status.exists():
        return 0
    value = next(int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM"))
    if reset:
        Path("/proc/self/clear_refs").write_text("5")
    return value // 1024


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
    peak_mb(reset=True)
    c0 = time.process_time()
    t0 = time.perf_counter()
    dry = importer.run_import(actor_id=admin, data=data, mapping=mapping, dry_run=True)
    t1 = time.perf_counter()
    c1 = time.process_time()
    dry_peak = peak_mb(reset=True)
    assert dry.ok, [i.message("en") for i in dry.issues[:5]]
    done = importer.run_import(actor_id=admin, data=data, mapping=mapping, file_name="bench.csv")
    t2 = time.perf_counter()
    c2 = time.process_time()
    import_peak = peak_mb()
    again = importer.run_import(actor_id=admin, data=data, mapping=mapping)
    t3 = time.perf_counter()
    counts = (Incident.select().count(), Event.select().count(), SlaClock.select().count(), SlaPause.select().count())
    print(f"{label}: {done.rows:,} rows → {done.new:,} incidents ({counts[1]:,} events, {counts[2]:,} SLA clocks, "
          f"{counts[3]:,} pauses, {done.links:,} links, {done.placeholders:,} placeholders)")
    collisions = (ImportedRecord.select().where(ImportedRecord.kind != "incident")
                  .where(ImportedRecord.source_number.startswith("INC")).count())
    print(f"  {collisions} problem/change numbers equal to an incident number; {len(dry.warnings)} warnings")
    print(f"  dry run   {t1 - t0:6.1f} s  ({dry.rows / (t1 - t0):,.0f} rows/s; {c1 - c0:.1f} s CPU), "
          f"peak memory {dry_peak} MB")
    goal = ""
    if label == "SQLite":
        goal = f"  goal < 60 s and < 400 MB: {'met' if t2 - t1 < 60 and import_peak < 400 else 'NOT met'}"
    print(f"  import    {t2 - t1:6.1f} s  ({done.rows / (t2 - t1):,.0f} rows/s; {c2 - c1:.1f} s CPU), "
          f"peak memory {import_peak} MB{goal}")
    print(f"  again     {t3 - t2:6.1f} s  ({again.new} new, {again.skipped:,} skipped)")
    dbmod.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=150_000)
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
    del data  # read back as `beacon import` reads it: the generator's text is not part of the import's memory
    data = (folder / "servicenow-audit.csv").read_bytes()
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
