"""Registrations and work orders take their number last: many at once get unique, gapless numbers,
a registration that fails after taking one gives it back, and (PostgreSQL) one registration's
effects never wait for another's commit."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from typing import Any

import pytest

from desktop.models import Case, Event, Notification, WorkOrder, database, utcnow
from desktop.models import db as dbmod
from desktop.workflow.cases import case_service as cs
from desktop.workflow.engine import engine
from tests.bank import make_bank

WRITERS = 10
PER_WRITER = 4


def _in_threads(count: int, work: Callable[[int], Any]) -> list[BaseException]:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            barrier.wait()
            work(n)
        except BaseException as exc:  # reported by the caller
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    return errors


def _numbers(prefix: str) -> list[str]:
    return sorted(n for (n,) in Case.select(Case.number).where(Case.number.startswith(prefix)).tuples())


def test_concurrent_registrations_and_work_orders_get_unique_gapless_numbers_even_when_some_fail(db, monkeypatch):
    bank = make_bank()
    parent = cs.register_incident(actor_id=bank.id("customer"), title="공통 장애", description="-",
                                  application_id=bank.app.id, urgency="high", incident_type="application")
    cs.accept_incident(actor_id=bank.id("handler"), case_id=parent.case_id, version=parent.version)
    year = utcnow().year
    # every third registration fails after its number was taken (its notices cannot be written): rolled back
    real_write = engine.write_planned
    calls = {"n": 0}
    lock = threading.Lock()

    def flaky_write(plan: Any, **kw: Any) -> int:
        with lock:
            calls["n"] += 1
            fail = calls["n"] % 3 == 0
        if fail:
            raise RuntimeError("outbox unavailable")
        return real_write(plan, **kw)

    monkeypatch.setattr(engine, "write_planned", flaky_write)
    done: list[str] = []
    failed: list[int] = []

    def writer(n: int) -> None:
        for i in range(PER_WRITER):
            try:
                if n % 2:
                    made = cs.issue_work_order(actor_id=bank.id("handler"), parent_id=parent.case_id,
                                               title=f"작업 {n}-{i}", instructions="로그 수집")
                else:
                    made = cs.register_incident(actor_id=bank.id("customer"), title=f"장애 {n}-{i}", description="-",
                                                application_id=bank.app.id, urgency="medium",
                                                incident_type="application")
            except RuntimeError:
                failed.append(n)
                continue
            done.append(made.number)

    errors = _in_threads(WRITERS, writer)
    assert not errors, errors
    assert failed, "no registration failed: the rollback was not exercised"
    incidents, orders = _numbers(f"INC-{year}-"), _numbers(f"WO-{year}-")
    # gapless from 1 (the parent is INC-…-000001); the failed ones left no number behind
    assert incidents == [f"INC-{year}-{n:06d}" for n in range(1, len(incidents) + 1)]
    assert orders == [f"WO-{year}-{n:06d}" for n in range(1, len(orders) + 1)]
    assert sorted(done) == sorted([*incidents[1:], *orders])
    assert len(incidents) - 1 + len(orders) + len(failed) == WRITERS * PER_WRITER
    # each case's events and notices name it by its own number, never a placeholder
    for case_id, number in Case.select(Case.id, Case.number).tuples():
        assert {e for (e,) in Event.select(Event.entity_id).where(Event.case == case_id).tuples()} == {number}
        for (payload,) in Notification.select(Notification.payload).where(Notification.case == case_id).tuples():
            assert json.loads(payload)["number"] == number
    # a work order's issue is told on its parent, with the work order's number
    issued = {json.loads(a)["work_order"] for (a,) in Event.select(Event.after)
              .where((Event.case == parent.case_id) & (Event.kind == "work_order_issue")).tuples()}
    assert issued == {n for (n,) in Case.select(Case.number).join(WorkOrder, on=(WorkOrder.case == Case.id)).tuples()}
    assert not [n for (n,) in Case.select(Case.number).tuples() if not re.fullmatch(r"[A-Z]+-\d{4}-\d{6}", n)]


def test_a_registration_working_out_its_effects_does_not_hold_up_another_one(db, monkeypatch):
    """The year's counter is locked only from the number to commit: on PostgreSQL a second registration
    completes while the first is still in its effects (before the change it waited for the first's commit)."""
    if dbmod.backend() != "postgresql":
        pytest.skip("SQLite holds one write lock for the whole transaction: writers take turns there")
    bank = make_bank()
    from desktop.workflow.sla import clocks

    in_effects, go_on = threading.Event(), threading.Event()
    real_plan = clocks.plan_clocks

    def slow_plan(**kw: Any) -> Any:
        if threading.current_thread().name == "first":
            in_effects.set()
            assert go_on.wait(60), "the second registration never finished"
        return real_plan(**kw)

    monkeypatch.setattr(clocks, "plan_clocks", slow_plan)
    numbers: dict[str, str] = {}

    def register(name: str) -> None:
        try:
            numbers[name] = cs.register_incident(actor_id=bank.id("customer"), title=f"{name} 장애", description="-",
                                                 application_id=bank.app.id, urgency="high",
                                                 incident_type="application").number
        finally:
            database.close()

    first = threading.Thread(target=register, args=("first",), name="first")
    first.start()
    assert in_effects.wait(60)
    second = threading.Thread(target=register, args=("second",), name="second")
    second.start()
    second.join(timeout=20)
    finished_while_first_worked = not second.is_alive()
    go_on.set()
    first.join(timeout=60)
    second.join(timeout=60)
    assert finished_while_first_worked, "the second registration waited for the first one's commit"
    year = utcnow().year
    assert numbers == {"second": f"INC-{year}-000001", "first": f"INC-{year}-000002"}
