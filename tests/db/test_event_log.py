"""The event log is append-only, enforced by the database itself."""

from __future__ import annotations

import peewee
import pytest

from desktop.models import Event, database
from tests import factories


def _one_event() -> Event:
    actor = factories.user()
    return Event.create(entity="incident", entity_id="INC-2026-000001", kind="register", actor=actor,
                        to_state="registered", after='{"title": "원래 제목"}')


def test_events_can_be_appended_and_read(db):
    ev = _one_event()
    Event.create(entity="incident", entity_id="INC-2026-000001", kind="accept", from_state="registered",
                 to_state="accepted")
    kinds = [e.kind for e in Event.select().order_by(Event.id)]
    assert kinds == ["register", "accept"]
    assert Event.get_by_id(ev.id).after == '{"title": "원래 제목"}'


def test_update_is_refused(db):
    ev = _one_event()
    # SQLite: the trigger; PostgreSQL: no login holds UPDATE on the log (and the trigger stands behind that)
    with pytest.raises((peewee.IntegrityError, peewee.ProgrammingError), match=r"append-only|permission denied"), \
            database.atomic():
        Event.update(after='{"title": "고친 제목"}').where(Event.id == ev.id).execute()
    assert Event.get_by_id(ev.id).after == '{"title": "원래 제목"}'


def test_delete_is_refused_even_in_raw_sql(db):
    _one_event()
    with pytest.raises((peewee.IntegrityError, peewee.ProgrammingError), match=r"append-only|permission denied"), \
            database.atomic():
        database.execute_sql("DELETE FROM event")
    assert Event.select().count() == 1
