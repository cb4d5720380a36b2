"""Three people import the same file at once on PostgreSQL: one import writes it, the others find it imported
before; nobody gets a database error (the fuzz of issue 18 found `IntegrityError team_code` here)."""

from __future__ import annotations

import threading

from desktop.models import Incident, Team, database
from tests.bank import make_bank
from tests.db.test_importer import audit_export, run, to_csv


def test_three_concurrent_imports_of_one_file_write_it_once(pg_db):
    bank = make_bank()
    rows = [{**r, "assignment_group": "신규 운영팀"} for r in audit_export()]  # a team the import creates
    data = to_csv(rows)
    barrier = threading.Barrier(3, timeout=30)
    reports, errors = [], []

    def one() -> None:
        try:
            barrier.wait()
            reports.append(run(bank, data))
        except Exception as exc:  # collected: the assertion names it
            errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            database.close()

    threads = [threading.Thread(target=one) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    print(f"\nthree imports at once: {[(r.applied, r.new, r.skipped) for r in reports]}, errors {errors}")
    assert errors == []
    assert sorted(r.new for r in reports if r.applied) == [3]  # written once
    assert all(r.skipped == 3 for r in reports if not r.applied)
    assert Incident.select().count() == 3 and Team.select().where(Team.name == "신규 운영팀").count() == 1
