"""What the database's own rules cost: `python bench/security_bench.py --postgres URL [--incidents N]`.

URL is an owner's (CREATEROLE) connection to a scratch database: its public schema is dropped and the
demo bank loaded (N incidents, logins per demo user with the demo password). Then the same work is timed
twice — as the owner with the audit and actor triggers switched off (no grants, no row security: what
Beacon did before schema v10), and as a handler's own login with every rule in place — and once as a
customer's login (row security narrowing the incident list): the first incident-list page, 20 actions
through the workflow, and 300 raw incident updates in one transaction (one audit row each).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("BEACON_FAST_HASH", "1")
os.environ.setdefault("BEACON_BENCH", "1")  # the fast hash is allowed in tests and benchmarks only
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.demo.bank import load_demo
from desktop.models import Incident, User, database, ensure_schema
from desktop.models import db as dbmod
from desktop.models.security import login_prefix
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.queries import list_incidents, timeline

TRIGGERED = ("cases", "incident", "action", "event", "sla_clock")


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", required=True, metavar="URL", help="an owner's URL of a scratch database")
    parser.add_argument("--incidents", type=int, default=1500)
    args = parser.parse_args()
    dbmod.connect(args.postgres)
    database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
    database.execute_sql("CREATE SCHEMA public")
    ensure_schema()
    seed_defaults()
    load_demo(incidents=args.incidents, problems=max(4, args.incidents // 40))
    handler = User.get(User.login == "kim.minsu").id
    customer = User.get(User.login == "kim.jieun").id
    cases = [i for (i,) in Incident.select(Incident.case).order_by(Incident.case).limit(300).tuples()]
    open_cases = [i for (i,) in Incident.select(Incident.case)
                  .where(Incident.state.not_in(["closed", "cancelled", "resolved"]))
                  .order_by(Incident.case).limit(20).tuples()]

    def actions() -> None:
        for case_id in open_cases:
            cs.add_action(actor_id=handler, case_id=case_id, body="bench note")

    def updates() -> None:
        with database.atomic():
            for case_id in cases:
                Incident.update(description=Incident.description.concat("."), version=Incident.version + 1) \
                    .where(Incident.case == case_id).execute()

    def row(label: str, who: int) -> None:
        print(f"{label:<44} list page {median_ms(lambda: list_incidents(actor_id=who), 30):6.1f} ms   "
              f"20 actions {median_ms(actions, 5):6.1f} ms   300 updates {median_ms(updates, 5):6.1f} ms")

    for table in TRIGGERED:
        database.execute_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
    database.execute_sql("ALTER TABLE event ENABLE TRIGGER event_append_only")
    database.execute_sql("ALTER TABLE event ENABLE TRIGGER event_notify_change")
    row("before: owner, no audit, no row security", handler)
    theirs = list_incidents(actor_id=customer).rows[0].case_id
    print(f"{'a customer, as the owner (no row security)':<44} list page "
          f"{median_ms(lambda: list_incidents(actor_id=customer), 30):6.1f} ms   "
          f"own case's history {median_ms(lambda: timeline(actor_id=customer, case_id=theirs), 30):6.1f} ms")
    for table in TRIGGERED:
        database.execute_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
    dbmod.connect(args.postgres, user=login_prefix() + "kim.minsu", password="beacon")
    row("after: the handler's own login, every rule", handler)
    dbmod.connect(args.postgres, user=login_prefix() + "kim.jieun", password="beacon")
    print(f"{'after: a customer (row security)':<44} list page "
          f"{median_ms(lambda: list_incidents(actor_id=customer), 30):6.1f} ms   "
          f"own case's history {median_ms(lambda: timeline(actor_id=customer, case_id=theirs), 30):6.1f} ms")
    dbmod.close()


if __name__ == "__main__":
    main()
