"""Case numbers stay unique and gap-free with eight writers at once; stale saves are refused."""

from __future__ import annotations

import threading

import pytest

from desktop.errors import StaleRecordError
from desktop.models import Case, Incident, User, database
from desktop.models.numbering import create_case
from desktop.models.versioning import update_versioned
from tests import factories

WRITERS = 8
PER_WRITER = 15


def test_unique_numbering_under_eight_concurrent_writers(db):
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            barrier.wait()
            for _ in range(PER_WRITER):
                with database.atomic():
                    create_case("incident", year=2026)
        except BaseException as exc:  # reported below, with the thread's traceback text
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    numbers = [c.number for c in Case.select().order_by(Case.id)]
    assert len(numbers) == WRITERS * PER_WRITER
    assert sorted(numbers) == [f"INC-2026-{n:06d}" for n in range(1, WRITERS * PER_WRITER + 1)]


def test_stale_save_is_refused_and_names_who_changed_it(db):
    reporter = factories.user()
    kim = factories.user(name="김영희", login="kim.yh")
    app = factories.application()
    inc = factories.incident(reporter=reporter, app=app)
    read_by_lee = Incident.get_by_id(inc.case_id)
    read_by_kim = Incident.get_by_id(inc.case_id)

    new_version = update_versioned(Incident, inc.case_id, expected_version=read_by_kim.version,
                                   changes={"title": "김영희가 바꾼 제목"}, actor_id=kim.id, label=inc.case.number)
    assert new_version == 2

    with pytest.raises(StaleRecordError) as caught:
        update_versioned(Incident, inc.case_id, expected_version=read_by_lee.version,
                         changes={"title": "이가 바꾼 제목"}, actor_id=reporter.id, label=inc.case.number)
    err = caught.value
    assert err.who == "김영희 (kim.yh)"
    assert inc.case.number in err.message("ko") and "김영희" in err.message("ko")
    assert "changed by 김영희 (kim.yh)" in err.message("en")
    current = Incident.get_by_id(inc.case_id)
    assert (current.title, current.version, current.updated_by_id) == ("김영희가 바꾼 제목", 2, kim.id)


def test_version_check_holds_between_two_connections(db):
    """Two clients read version 1; only the first save lands, even from another thread."""
    reporter = factories.user()
    app = factories.application()
    inc = factories.incident(reporter=reporter, app=app)
    outcome: dict[str, object] = {}

    def other_client() -> None:
        try:
            outcome["version"] = update_versioned(Incident, inc.case_id, expected_version=1,
                                                  changes={"title": "다른 PC"}, actor_id=reporter.id, label="x")
        finally:
            database.close()

    t = threading.Thread(target=other_client)
    t.start()
    t.join()
    assert outcome["version"] == 2
    with pytest.raises(StaleRecordError):
        update_versioned(Incident, inc.case_id, expected_version=1, changes={"title": "이 PC"},
                         actor_id=reporter.id, label="x")
    assert User.select().count() == 1
    assert Incident.get_by_id(inc.case_id).title == "다른 PC"
