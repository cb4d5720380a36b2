"""Two dispatchers on one PostgreSQL outbox deliver each of 1,000 notices exactly once;
live updates reach another connection within two seconds on PostgreSQL and SQLite."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter

from desktop.models import Event, Notification, database, utcnow
from desktop.workflow.cases import case_service as cs
from desktop.workflow.notify.live import open_change_feed
from desktop.workflow.notify.notices import set_preference
from tests import factories
from tests.bank import make_bank
from tests.conftest import PG_URL
from tests.servers import WebhookRecorder

NOTICES = 1000


def _worker(url: str, name: str, results) -> None:
    os.environ["BEACON_FAST_HASH"] = "1"
    from desktop.models import db as dbmod
    from desktop.workflow.notify.dispatch import dispatch_once

    dbmod.connect(url)
    sent = 0
    idle = 0
    while idle < 3:
        result = dispatch_once(worker=name, limit=25)
        sent += result.sent
        idle = idle + 1 if result.claimed == 0 else 0
        if result.claimed == 0:
            time.sleep(0.05)
    results.put((name, sent))


def test_two_dispatchers_deliver_each_of_a_thousand_notices_once(pg_db):
    hook = WebhookRecorder().start()
    try:
        user = factories.user(login="ops")
        # the webhook the engine would send to: the database refuses a notice to any other address
        set_preference(user_id=user.id, channel="webhook", enabled=True, target=hook.url)
        now = utcnow()
        with database.atomic():  # the notices are written with their event, as the engine writes them
            event = Event.create(entity="load", kind="registered", occurred_at=now)
            rows = [{"event": event.id, "recipient": user.id, "channel": "webhook", "kind": "registered",
                     "target": hook.url, "dedupe_key": f"load:{i}", "payload": "{}", "created_at": now,
                     "next_attempt_at": now} for i in range(NOTICES)]
            for start in range(0, NOTICES, 250):
                Notification.insert_many(rows[start:start + 250]).execute()
        database.close()
        ctx = multiprocessing.get_context("spawn")
        results = ctx.Queue()
        workers = [ctx.Process(target=_worker, args=(pg_db, f"dispatcher-{n}", results)) for n in (1, 2)]
        for w in workers:
            w.start()
        counts = dict(results.get(timeout=240) for _ in workers)
        for w in workers:
            w.join(timeout=30)
        deliveries = Counter(headers["x-beacon-delivery"] for headers, _ in hook.calls)
        assert len(deliveries) == NOTICES and set(deliveries.values()) == {1}
        assert sum(counts.values()) == NOTICES
        assert all(n > 0 for n in counts.values()), counts  # both really worked
        assert Notification.select().where(Notification.status == "sent").count() == NOTICES
    finally:
        hook.stop()


def _change_is_seen_by_another_connection(url: str) -> None:
    bank = make_bank()
    feed = open_change_feed(url)
    try:
        assert feed.poll() == []
        seen = []
        feed.subscribe(seen.extend)
        started = time.monotonic()
        r = cs.register_incident(actor_id=bank.id("customer"), title="카드승인 응답 지연", description="지연",
                                 application_id=bank.app.id, urgency="high", incident_type="application")
        changes = feed.wait(2.0)
        elapsed = time.monotonic() - started
        assert elapsed < 2.0
        assert any(c.case_id == r.case_id and c.entity == "incident" and c.entity_id == r.number for c in changes)
        assert seen == changes
    finally:
        feed.close()


def test_live_update_on_postgresql(pg_db):
    _change_is_seen_by_another_connection(PG_URL)


def test_live_update_on_one_sqlite_file(tmp_path):
    from desktop.models import db as dbmod
    from desktop.models import ensure_schema
    from desktop.workflow.admin.defaults import seed_defaults

    dbmod.close()
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    try:
        _change_is_seen_by_another_connection(url)
    finally:
        dbmod.close()
