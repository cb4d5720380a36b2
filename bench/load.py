"""Concurrency load: `python bench/load.py --database URL [--clients 20] [--seconds 60]`.

Each client is its own process with its own connection, working as a desk would through
the workflow services: it registers an incident (as a customer; the group of 20 is told),
accepts it and closes it (as the application's handler), and between those edits one of
a few shared "hot" incidents (reassigns it, as an administrator, with the version it has
just read) — so clients race on the same rows and some saves are refused as stale.

Afterwards the database is checked against what the clients were told: every save a
client saw succeed is in the event log exactly once, each incident's version is one more
than its transitions, the hot incidents' versions moved by exactly the number of
successful reassignments (a lost update would leave it short), and every registration,
acceptance and closure wrote its notices; incident numbers are unique and gapless. Prints
throughput, p50/p95/max latency per operation, errors (only stale-version refusals are expected)
and the checks; exits 1 if a check fails or an unexpected error occurred. Meant for PostgreSQL; runs on SQLite too.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("BEACON_FAST_HASH", "1")
os.environ.setdefault("BEACON_BENCH", "1")  # the fast hash is allowed in tests and benchmarks only
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from peewee import fn

from desktop.errors import StaleRecordError
from desktop.models import (
    Case,
    ConfigurationItem,
    Event,
    Incident,
    Notification,
    OwnerMatrixEntry,
    Role,
    User,
    UserRole,
)
from desktop.models import db as dbmod
from desktop.workflow.cases import case_service as cs

HOT = 5  # incidents every client edits now and then
CLOSING = {"resolution": "WAS 재기동 후 정상화", "cause": "세션 풀 고갈", "result": "정상 처리 확인",
           "follow_up_plan": "모니터링 강화", "recurrence_prevention": "임계치 조정"}


@dataclass(frozen=True)
class Plan:
    url: str
    run: str
    seconds: float
    customer: int
    handler: int
    admin: int
    handlers: tuple[int, ...]
    application: int
    hot: tuple[int, ...]


@dataclass
class Tally:
    """What one client did and saw."""

    ok: Counter[str] = field(default_factory=Counter)
    stale: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)

    def time(self, op: str, call: Any) -> Any:
        started = time.perf_counter()
        try:
            result = call()
        except StaleRecordError:
            self.stale[op] += 1
            self.latencies.setdefault(op, []).append((time.perf_counter() - started) * 1000)
            return None
        except Exception as exc:  # counted and reported: only stale refusals are expected
            self.errors.append(f"{op}: {type(exc).__name__}: {exc}")
            return None
        self.latencies.setdefault(op, []).append((time.perf_counter() - started) * 1000)
        self.ok[op] += 1
        return result


def client(plan: Plan, number: int, out: Any) -> None:
    """One desk: register → reassign a hot one → accept → reassign a hot one → close, until the time is up."""
    rng = random.Random(number)
    tally = Tally()
    try:
        dbmod.connect(plan.url)
        deadline = time.monotonic() + plan.seconds
        while time.monotonic() < deadline:
            registered = tally.time("register", lambda: cs.register_incident(
                actor_id=plan.customer, title=f"[load {plan.run}] 인터넷뱅킹 로그인 지연 #{number}",
                description="부하 시험 등록", application_id=plan.application, urgency="medium",
                incident_type="application"))
            hot(plan, tally, rng)
            if registered is None:
                continue
            accepted = tally.time("accept", lambda r=registered: cs.accept_incident(
                actor_id=plan.handler, case_id=r.case_id, version=r.version))
            hot(plan, tally, rng)
            if accepted is None:
                continue
            tally.time("close", lambda a=accepted: cs.close_incident(
                actor_id=plan.handler, case_id=a.case_id, version=a.version, **CLOSING))
    except Exception as exc:
        tally.errors.append(f"client {number}: {type(exc).__name__}: {exc}")
    finally:
        dbmod.close()
        out.put((dict(tally.ok), dict(tally.stale), tally.errors, tally.latencies))


def hot(plan: Plan, tally: Tally, rng: random.Random) -> None:
    """Reassign one of the shared incidents with the version just read (others may save in between)."""
    case_id = rng.choice(plan.hot)
    version = Incident.select(Incident.version).where(Incident.case == case_id).scalar()
    tally.time("reassign_hot", lambda: cs.assign(actor_id=plan.admin, case_id=case_id, version=version,
                                                 assignee_id=rng.choice(plan.handlers)))


def prepare(url: str, seconds: float) -> tuple[Plan, dict[int, int]]:
    dbmod.connect(url)
    app = (ConfigurationItem.select().where(ConfigurationItem.kind == "application")
           .order_by(ConfigurationItem.code != "APP-IB", ConfigurationItem.id).first())
    if app is None:
        raise SystemExit("load: no application in the database; fill it with bench/generate.py first")
    handlers = tuple(u for (u,) in OwnerMatrixEntry.select(OwnerMatrixEntry.user).join(Role)
                     .where((OwnerMatrixEntry.ci == app.id) & (Role.code == "primary_handler"))
                     .order_by(OwnerMatrixEntry.position).tuples())
    customer = User.select(User.id).join(UserRole).join(Role).where(Role.code == "customer").order_by(User.id).scalar()
    admin = User.get(User.login == "admin").id
    if not handlers or customer is None:
        raise SystemExit("load: the application needs a primary handler and the database a customer")
    run = uuid.uuid4().hex[:8]
    hot_ids = []
    for i in range(HOT):
        r = cs.register_incident(actor_id=customer, title=f"[load {run}] 공용 장애 {i + 1}", description="부하 시험",
                                 application_id=app.id, urgency="high", incident_type="application")
        cs.accept_incident(actor_id=handlers[0], case_id=r.case_id, version=r.version)
        hot_ids.append(r.case_id)
    before = dict(Incident.select(Incident.case, Incident.version).where(Incident.case.in_(hot_ids)).tuples())
    dbmod.close()
    return Plan(url=url, run=run, seconds=seconds, customer=customer, handler=handlers[0], admin=admin,
                handlers=handlers, application=app.id, hot=tuple(hot_ids)), before


def verify(plan: Plan, hot_before: dict[int, int], ok: Counter[str]) -> list[tuple[str, bool, str]]:
    """Compare the database with what the clients were told."""
    dbmod.connect(plan.url)
    mine = (Incident.select(Incident.case).where(Incident.title.startswith(f"[load {plan.run}] 인터넷뱅킹")))
    ids = [c for (c,) in mine.tuples()]
    events = Counter(dict(Event.select(Event.kind, fn.COUNT(Event.id)).where(Event.case.in_(mine))
                          .group_by(Event.kind).tuples()))
    checks = []
    for op, kind in (("register", "register"), ("accept", "accept"), ("close", "close")):
        checks.append((f"{op}: {ok[op]} saves seen by clients = {events[kind]} in the event log",
                       ok[op] == events[kind], ""))
    per_case = dict(Event.select(Event.case, fn.COUNT(Event.id)).where(Event.case.in_(mine)).group_by(Event.case)
                    .tuples())
    wrong = [c for c, version in Incident.select(Incident.case, Incident.version).where(Incident.case.in_(mine))
             .tuples() if version != per_case.get(c, 0)]
    checks.append((f"{len(ids)} incidents: each version = its number of transitions", not wrong,
                   f"mismatch on {wrong[:5]}" if wrong else ""))
    hot_after = dict(Incident.select(Incident.case, Incident.version).where(Incident.case.in_(plan.hot)).tuples())
    moved = sum(hot_after[c] - hot_before[c] for c in plan.hot)
    hot_events = Event.select().where(Event.case.in_(plan.hot) & (Event.kind == "assign")).count()
    checks.append((f"hot incidents: versions moved {moved} = {ok['reassign_hot']} successful reassignments "
                   f"= {hot_events} assign events (no lost update)", moved == ok["reassign_hot"] == hot_events, ""))
    # every number a registration took is its own, and none is missing: per year, the highest is the count
    numbers = Counter(n for (n,) in Case.select(Case.number).join(Incident, on=(Incident.case == Case.id))
                      .where(Incident.case.in_(mine)).tuples())
    gaps = []
    for (year,) in {(n[4:8],) for n in numbers}:
        count, top = (Case.select(fn.COUNT(Case.id), fn.MAX(Case.number))
                      .where(Case.number.startswith(f"INC-{year}-")).tuples().get())
        if top != f"INC-{year}-{count:06d}":
            gaps.append(f"INC-{year}: {count} numbers, the highest {top}")
    repeated = [n for n, times in numbers.items() if times > 1]
    checks.append((f"{len(numbers)} registrations: numbers unique and gapless", not gaps and not repeated,
                   "; ".join(gaps + repeated[:5])))
    noticed = (Notification.select(fn.COUNT(fn.DISTINCT(Notification.event)))
               .where(Notification.case.in_(mine)).scalar())
    checks.append((f"every registration, acceptance and closure wrote its notices ({noticed} events with notices)",
                   noticed == events["register"] + events["accept"] + events["close"], ""))
    dbmod.close()
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, metavar="URL")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    plan, hot_before = prepare(args.database, args.seconds)
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    procs = [context.Process(target=client, args=(plan, n, out), name=f"client-{n}") for n in range(args.clients)]
    started = time.perf_counter()
    for p in procs:
        p.start()
    ok: Counter[str] = Counter()
    stale: Counter[str] = Counter()
    errors: list[str] = []
    latencies: dict[str, list[float]] = {}
    for _ in procs:
        o, s, e, lat = out.get(timeout=args.seconds + 300)
        ok.update(o)
        stale.update(s)
        errors += e
        for op, values in lat.items():
            latencies.setdefault(op, []).extend(values)
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - started
    checks = verify(plan, hot_before, ok)

    print(f"{args.clients} clients × {args.seconds:.0f} s on {dbmod.parse_url(args.database).describe()} "
          f"({os.cpu_count()} CPUs shared, load average {os.getloadavg()[0]:.2f}); run {plan.run}")
    print(f"{'operation':<14} {'ok':>6} {'stale':>6} {'per s':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    summary = {}
    for op in ("register", "accept", "close", "reassign_hot"):
        values = sorted(latencies.get(op, [0.0]))
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        summary[op] = {"ok": ok[op], "stale": stale[op], "per_s": ok[op] / elapsed,
                       "p50_ms": statistics.median(values), "p95_ms": p95, "max_ms": values[-1]}
        print(f"{op:<14} {ok[op]:>6} {stale[op]:>6} {ok[op] / elapsed:>7.1f} {statistics.median(values):>8.1f} "
              f"{p95:>8.1f} {values[-1]:>8.1f}")
    total = sum(ok.values())
    print(f"throughput: {total / elapsed:.1f} saves/s, {ok['close'] / elapsed:.1f} incidents registered-accepted-"
          f"closed per s; stale refusals (expected): {sum(stale.values())}; other errors: {len(errors)}")
    for line in errors[:10]:
        print(f"  error: {line}")
    for text, passed, detail in checks:
        print(f"  [{'ok' if passed else 'FAIL'}] {text} {detail}".rstrip())
    if args.json:
        Path(args.json).write_text(json.dumps({"clients": args.clients, "seconds": elapsed, "operations": summary,
                                               "errors": errors, "checks": [[t, p] for t, p, _ in checks]},
                                              ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if not errors and all(passed for _, passed, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
