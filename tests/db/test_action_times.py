"""When an action was done (acted_at): back-dating is fine, the future and before-the-case are refused."""

from __future__ import annotations

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.errors import BeaconError
from desktop.models import Action
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.detail import case_detail
from tests.bank import T0, make_bank


def _accepted(bank):
    r = cs.register_incident(actor_id=bank.id("customer"), title="펌뱅킹 전문 지연", description="지연",
                             application_id=bank.app.id, urgency="high", incident_type="application", now=T0)
    cs.accept_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version,
                       now=T0 + timedelta(minutes=2))
    return r


def test_a_back_dated_action_keeps_both_times_and_lists_newest_first(db):
    bank = make_bank()
    r = _accepted(bank)
    h = bank.id("handler")
    cs.add_action(actor_id=h, case_id=r.case_id, body="전문 로그 확인", kind="investigation",
                  acted_at=T0 + timedelta(minutes=10), minutes_spent=20, now=T0 + timedelta(minutes=90))
    cs.add_action(actor_id=h, case_id=r.case_id, body="대외기관 연락", kind="contact",
                  now=T0 + timedelta(minutes=40))
    actions = case_detail(actor_id=h, case_id=r.case_id, now=T0 + timedelta(minutes=95)).actions
    assert [a.body for a in actions] == ["대외기관 연락", "전문 로그 확인"]  # by when it was done, newest first
    late, early = actions
    assert (early.acted_at, early.recorded_at, early.minutes_spent) == \
        (T0 + timedelta(minutes=10), T0 + timedelta(minutes=90), 20)
    assert early.back_dated and not late.back_dated and late.acted_at == late.recorded_at


def test_a_time_zone_aware_time_is_stored_as_utc(db):
    bank = make_bank()
    r = _accepted(bank)
    seoul = (T0 + timedelta(minutes=15)).replace(tzinfo=UTC).astimezone(ZoneInfo("Asia/Seoul"))
    done = cs.add_action(actor_id=bank.id("handler"), case_id=r.case_id, body="재기동", acted_at=seoul,
                         now=T0 + timedelta(minutes=30))
    assert Action.get_by_id(done.action_id).acted_at == T0 + timedelta(minutes=15)


def test_the_future_is_refused_in_both_languages_and_nothing_is_saved(db):
    bank = make_bank()
    r = _accepted(bank)
    now = T0 + timedelta(minutes=30)
    with pytest.raises(BeaconError) as caught:
        cs.add_action(actor_id=bank.id("handler"), case_id=r.case_id, body="미래 조치",
                      acted_at=now + timedelta(minutes=2), now=now)
    assert caught.value.code == "workflow.acted_in_future"
    # 00:30 UTC + 32 minutes is 10:02 in Seoul, quoted in the user's time zone
    assert "현재 시각보다 뒤" in caught.value.message("ko") and "2026-03-02 10:02" in caught.value.message("ko")
    assert "in the future" in caught.value.message("en")
    assert Action.select().where(Action.case == r.case_id).count() == 0


def test_a_minute_of_clock_skew_is_allowed_and_read_as_now(db):
    bank = make_bank()
    r = _accepted(bank)
    now = T0 + timedelta(minutes=30)
    done = cs.add_action(actor_id=bank.id("handler"), case_id=r.case_id, body="방금 조치",
                         acted_at=now + timedelta(seconds=50), now=now)
    assert Action.get_by_id(done.action_id).acted_at == now  # never after the moment it was written down


def test_before_the_case_was_registered_is_refused(db):
    bank = make_bank()
    r = _accepted(bank)
    with pytest.raises(BeaconError) as caught:
        cs.add_action(actor_id=bank.id("handler"), case_id=r.case_id, body="등록 전 조치",
                      acted_at=T0 - timedelta(minutes=5), now=T0 + timedelta(minutes=30))
    assert caught.value.code == "workflow.acted_before_opened"
    ko, en = caught.value.message("ko"), caught.value.message("en")
    assert r.number in ko and "2026-03-02 09:25" in ko and "2026-03-02 09:30" in ko and "앞설 수 없습니다" in ko
    assert "cannot be before" in en and r.number in en
    assert Action.select().where(Action.case == r.case_id).count() == 0


def test_the_minute_of_registration_counts_as_after_it(db):
    bank = make_bank()
    r = cs.register_incident(actor_id=bank.id("customer"), title="ATM 장애", description="-",
                             application_id=bank.app.id, urgency="high", incident_type="application",
                             now=T0 + timedelta(seconds=37))
    cs.accept_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version,
                       now=T0 + timedelta(minutes=1))
    # the form offers minutes: "09:30" on a case registered at 09:30:37 is accepted, kept in order after it
    done = cs.add_action(actor_id=bank.id("handler"), case_id=r.case_id, body="현장 확인", acted_at=T0,
                         now=T0 + timedelta(minutes=5))
    assert Action.get_by_id(done.action_id).acted_at == T0 + timedelta(seconds=37)
