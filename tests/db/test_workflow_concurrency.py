"""Two desktop clients (two OS processes) fire conflicting transitions on the same incidents.

Each call reads the incident's version and fires with it, as the GUI does; the
engine must either apply it or refuse it as stale, and no update may be lost:
replaying each incident's event log gives its row, every successful call left
exactly one event, and the version counts the transitions.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import threading
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from desktop.errors import BeaconError, StaleRecordError
from desktop.models import (
    Action,
    Event,
    Grade,
    Incident,
    OwnerMatrixEntry,
    Role,
    SlaClock,
    UserRole,
    database,
    utcnow,
)
from desktop.workflow.cases import case_service
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine import engine
from desktop.workflow.engine.process import definition
from tests import factories

PROJECT_ROOT = Path(__file__).resolve().parents[2]
INCIDENTS = 5
CALLS_PER_CLIENT = 250
TRANSITION_NAMES = frozenset(definition("incident").transitions)
# what "the next step" is from the state a client read
STEP = {"accepted": "start", "in_progress": "wait", "waiting": "resume"}
OPS = ("regrade", "assign", "add_action", "step", "blind")
OP_WEIGHTS = (3, 3, 2, 3, 1)


def client(url: str, seed: int, case_ids: list[int], actor_ids: list[int], calls: int, barrier: Any,
           results: Any) -> None:
    """One desktop client: `calls` read-then-fire calls on random incidents; reports its counts."""
    report: dict[str, Any] = {"seed": seed, "ok": Counter(), "stale": 0, "refused": Counter(), "errors": [],
                              "actions": Counter()}
    try:
        from desktop.models import db as dbmod

        dbmod.connect(url)
        rng = random.Random(seed)
        levels = [g.level for g in Grade.select().order_by(Grade.level)]
        barrier.wait(timeout=60)
        for _ in range(calls):
            case_id = rng.choice(case_ids)
            actor_id = rng.choice(actor_ids)
            op = rng.choices(OPS, weights=OP_WEIGHTS)[0]
            row = Incident.get_by_id(case_id)  # what the client's screen shows
            time.sleep(rng.uniform(0, 0.004))  # the user thinks; the other client may save meanwhile
            try:
                if op == "regrade":
                    level = rng.choice([lv for lv in levels if lv != Grade.get_by_id(row.grade_id).level])
                    case_service.change_grade(actor_id=actor_id, case_id=case_id, version=row.version, grade=level,
                                              reason=f"client {seed}: 영향 범위 재평가")
                    name = "regrade"
                elif op == "assign":
                    assignee = rng.choice([a for a in actor_ids if a != row.assignee_id])
                    case_service.assign(actor_id=actor_id, case_id=case_id, version=row.version, assignee_id=assignee)
                    name = "assign"
                elif op == "add_action":
                    case_service.add_action(actor_id=actor_id, case_id=case_id, body=f"client {seed}: 로그 확인",
                                            kind="investigation", minutes_spent=5)
                    report["actions"][case_id] += 1
                    continue
                else:
                    name = STEP[row.state] if op == "step" else rng.choice(("wait", "resume"))
                    fields = {"note": f"client {seed}: 고객 확인 필요"} if name == "wait" else {}
                    case_service.transition(actor_id=actor_id, case_id=case_id, name=name, version=row.version,
                                            fields=fields)
                report["ok"][(case_id, name)] += 1
            except StaleRecordError:
                report["stale"] += 1
            except BeaconError as exc:
                report["refused"][(op, exc.code)] += 1
            except Exception:
                report["errors"].append(f"{op} on {case_id}: {traceback.format_exc()}")
    except BaseException:
        report["errors"].append(traceback.format_exc())
    finally:
        results.put(report)


def build_incidents() -> tuple[list[int], list[int]]:
    """Five incidents, two accepted and three in progress, and the three staff who work them."""
    role = {r.code: r.id for r in Role.select()}
    team = factories.team()
    app = factories.application(team=team)
    customer = factories.user(team=team)
    UserRole.create(user=customer, role=role["customer"])
    staff = []
    for codes in (("handler",), ("handler",), ("admin",)):
        user = factories.user(team=team)
        for code in codes:
            UserRole.create(user=user, role=role[code])
        staff.append(user.id)
    OwnerMatrixEntry.create(ci=app, role=role["primary_handler"], user=staff[0])
    case_ids = []
    for n in range(INCIDENTS):
        done = case_service.register_incident(actor_id=customer.id, title=f"동시 처리 {n}",
                                              description="두 PC에서 처리", application_id=app.id, urgency="medium",
                                              incident_type="application")
        accepted = case_service.accept_incident(actor_id=staff[0], case_id=done.case_id, version=done.version)
        if n >= 2:
            case_service.transition(actor_id=staff[0], case_id=done.case_id, name="start", version=accepted.version)
        case_ids.append(done.case_id)
    return case_ids, staff


def replay(case_id: int) -> tuple[dict[str, Any], list[Event]]:
    """The incident as its transition events tell it; each `before` must match the replay so far."""
    events = list(Event.select().where((Event.case == case_id) & Event.kind.in_(TRANSITION_NAMES))
                  .order_by(Event.id))
    assert events[0].kind == "register"
    state: dict[str, Any] = {}
    for i, ev in enumerate(events):
        before = json.loads(ev.before)
        if i:
            lost = {c: (state[c], v) for c, v in before.items() if c in state and state[c] != v}
            assert not lost, f"event {ev.id} ({ev.kind}) on case {case_id} was made from a stale state: {lost}"
        state.update(json.loads(ev.after))
    return state, events


def test_two_clients_never_lose_an_update(pg_db, monkeypatch):
    case_ids, staff = build_incidents()
    setup_last_event = Event.select().order_by(Event.id.desc()).get().id
    monkeypatch.setenv("BEACON_FAST_HASH", "1")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(PROJECT_ROOT),
                                                                     os.environ.get("PYTHONPATH")])))
    monkeypatch.chdir(PROJECT_ROOT)
    database.close()  # the clients get their own connections; ours reconnects for the checks

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    started = time.monotonic()
    clients = [ctx.Process(target=client, args=(pg_db, seed, case_ids, staff, CALLS_PER_CLIENT, barrier, results))
               for seed in (1, 2)]
    for p in clients:
        p.start()
    reports = [results.get(timeout=120) for _ in clients]
    for p in clients:
        p.join(timeout=30)
        assert p.exitcode == 0, f"client process exited with {p.exitcode}"
    elapsed = time.monotonic() - started

    for r in reports:
        assert not r["errors"], "\n".join(r["errors"])
        print(f"client {r['seed']}: {sum(r['ok'].values())} transitions, {sum(r['actions'].values())} actions, "
              f"{r['stale']} stale, {sum(r['refused'].values())} refused {dict(r['refused'])} ({elapsed:.1f}s)")
        done = sum(r["ok"].values()) + sum(r["actions"].values()) + r["stale"] + sum(r["refused"].values())
        assert done == CALLS_PER_CLIENT
        # only a blind wait/resume may find the incident in the wrong state; everything else applies or is stale
        assert set(r["refused"]) <= {("blind", "workflow.bad_state")}, r["refused"]
        assert sum(r["ok"].values()) > 0 and r["stale"] > 0, "both clients must both win and lose races"

    fired: Counter[tuple[int, str]] = Counter()
    actions: Counter[int] = Counter()
    for r in reports:
        fired.update(r["ok"])
        actions.update(r["actions"])
    for case_id in case_ids:
        row = Incident.get_by_id(case_id)
        replayed, events = replay(case_id)
        for column in ("state", "grade", "assignee"):
            value = row.state if column == "state" else getattr(row, column + "_id")
            assert replayed[column] == value, f"case {case_id}: {column} is {value}, its events say {replayed[column]}"
        # one event per successful call, of the call's kind; none for a refused one
        later = Counter((case_id, ev.kind) for ev in events if ev.id > setup_last_event)
        assert later == Counter({k: v for k, v in fired.items() if k[0] == case_id}), case_id
        # every call carried the version it read, so a transition that waited for the other client's lock is
        # refused as stale: the applied ones follow each other in time as in id
        times = [ev.occurred_at for ev in events]
        assert times == sorted(times), f"case {case_id}: transition events out of time order"
        # every transition bumps the version by one; add_action does not
        assert row.version == len(events), (case_id, row.version, len(events))
        assert Action.select().where(Action.case == case_id).count() == actions[case_id]
        assert Event.select().where((Event.case == case_id) & (Event.kind == "action")).count() == actions[case_id]
        # the resolution clock is paused exactly while the incident waits for the customer
        clock = SlaClock.get((SlaClock.case == case_id) & (SlaClock.kind == "resolution"))
        assert (clock.paused_at is not None) == (row.state == "waiting"), (case_id, row.state, clock.paused_at)
    assert elapsed < 60


def test_an_event_written_after_another_is_not_dated_before_it(pg_db):
    """One client's transition holds the incident; the other's add_action waits for it, then writes its event."""
    case_ids, staff = build_incidents()
    case_id = case_ids[2]
    failures: list[BaseException] = []

    def other_client() -> None:
        try:
            case_service.add_action(actor_id=staff[1], case_id=case_id, body="로그 확인")
        except BaseException as exc:  # reported below
            failures.append(exc)
        finally:
            database.close()

    other = threading.Thread(target=other_client)
    with database.atomic():
        load_row(case_id, lock=True)  # this client's regrade has the incident locked...
        other.start()
        time.sleep(0.3)  # ...while the other client's add_action waits for the lock
        engine.fire_in_transaction("incident", "regrade", actor=load_actor(staff[0]), case_id=case_id,
                                   fields={"grade": 1, "grade_reason": "전사 영향"}, now=utcnow())
    other.join(timeout=30)
    assert not failures, failures
    regrade, action = Event.select().where(Event.case == case_id).order_by(Event.id.desc()).limit(2)[::-1]
    assert (regrade.kind, action.kind) == ("regrade", "action")
    assert action.occurred_at >= regrade.occurred_at, (
        f"event {action.id} (action) is dated {action.occurred_at}, before event {regrade.id} (regrade) at "
        f"{regrade.occurred_at} that was written before it")
