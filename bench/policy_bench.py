"""What the priority matrix and SLA screens cost on a big database.

    .venv/bin/python bench/policy_bench.py [--incidents 200000] [--open-share 0.05] [--runs 5]

Fills a throw-away SQLite file with `--incidents` incidents (a share of them open) spread over the
urgency × impact cells, then prints the median time of:
  - `open_incidents_by_cell` (read once when the matrix screen opens),
  - `matrix_impact` (recomputed in memory on every edit of the grid),
  - `level_usage` for one urgency level (asked when a level is removed),
  - `save_matrix` of a one-cell change,
  - `preview_deadline` for a business-calendar grade across a holiday week.
Goals: opening the screen < 100 ms at 200k incidents; an edit's preview < 5 ms; a deadline preview < 20 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.models import (
    Case,
    ConfigurationItem,
    Grade,
    ImpactLevel,
    Incident,
    Role,
    UrgencyLevel,
    User,
    UserRole,
    database,
    ensure_schema,
)
from desktop.models import db as dbmod
from desktop.workflow.admin import policy as ap
from desktop.workflow.admin.defaults import seed_defaults


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fill(n: int, open_share: float) -> int:
    admin = User.create(login="admin", name="관리자", name_en="Admin")
    UserRole.create(user=admin, role=Role.get(Role.code == "admin"))
    impacts = list(ImpactLevel.select())
    apps = [ConfigurationItem.create(code=f"APP{i}", name=f"업무{i}", name_en=f"App {i}", kind="application",
                                     impact=impacts[i % len(impacts)]) for i in range(30)]
    urgencies = [u.id for u in UrgencyLevel.select()]
    grades = [g.id for g in Grade.select()]
    rng = random.Random(7)
    t0 = datetime(2025, 1, 1)
    batch = 5000
    with database.atomic():
        for start in range(0, n, batch):
            size = min(batch, n - start)
            cases = [{"kind": "incident", "number": f"INC-B-{start + i:07d}", "created_at": t0} for i in range(size)]
            Case.insert_many(cases).execute()
            ids = [i for (i,) in Case.select(Case.id).where(Case.number.in_([c["number"] for c in cases])).tuples()]
            rows = []
            for case_id in ids:
                app = apps[rng.randrange(len(apps))]
                rows.append({"case": case_id, "title": "bench", "application": app.id, "urgency": rng.choice(urgencies),
                             "impact": app.impact_id, "grade": rng.choice(grades),
                             "state": "in_progress" if rng.random() < open_share else "closed",
                             "registered_by": admin.id, "registered_at": t0 + timedelta(minutes=case_id)})
            Incident.insert_many(rows).execute()
    return admin.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=200_000)
    parser.add_argument("--open-share", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dbmod.connect(f"sqlite:///{Path(tempfile.mkdtemp()) / 'policy-bench.db'}")
    ensure_schema()
    seed_defaults()
    started = time.perf_counter()
    admin_id = fill(args.incidents, args.open_share)
    print(f"filled {args.incidents} incidents ({args.open_share:.0%} open) in {time.perf_counter() - started:.1f} s")

    stored = ap.read_matrix()
    counts = ap.open_incidents_by_cell()
    draft = ap.read_matrix()
    draft.cells[("high", "high")] = "2"
    print(f"open_incidents_by_cell: {median_ms(ap.open_incidents_by_cell, args.runs):8.2f} ms "
          f"({sum(counts.values())} open in {len(counts)} cells)")
    print(f"matrix_impact (per edit): {median_ms(lambda: ap.matrix_impact(stored, draft, counts), args.runs):6.2f} ms")
    print(f"level_usage('urgency', 'low'): {median_ms(lambda: ap.level_usage('urgency', 'low'), args.runs):6.2f} ms")

    def save_one_cell() -> None:
        d = ap.read_matrix()
        d.cells[("low", "low")] = "3" if d.cells[("low", "low")] == "4" else "4"
        ap.save_matrix(actor_id=admin_id, draft=d)

    print(f"save_matrix (one cell): {median_ms(save_one_cell, args.runs):8.2f} ms")
    target = next(t for t in ap.read_sla_targets() if t.grade == 4)
    calendar = next(c for c in ap.list_calendars() if c.code == "kr_business")
    at = datetime(2026, 9, 23, 8, 0)  # Wednesday 17:00 Seoul, before 추석
    ms = median_ms(lambda: ap.preview_deadline(registered_at=at, target=target, calendar=calendar), args.runs)
    print(f"preview_deadline (3 business days over 추석): {ms:6.2f} ms")
    dbmod.close()


if __name__ == "__main__":
    main()
