"""Business calendars and duration display, each case computed by hand in its comment."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.workflow.sla.calendars import WorkingCalendar, wall_minutes
from desktop.workflow.sla.durations import duration_label, format_minutes

SEOUL = ZoneInfo("Asia/Seoul")
NINE_TO_SIX = {d: [(time(9), time(18))] for d in range(5)} | {5: [], 6: []}


def kr_business(**kw) -> WorkingCalendar:
    return WorkingCalendar(code="kr_business", time_zone="Asia/Seoul", hours=NINE_TO_SIX, holiday_country="KR", **kw)


def seoul(y, m, d, hh=0, mm=0) -> datetime:
    """A Seoul wall-clock time as the naive UTC instant Beacon stores."""
    return datetime(y, m, d, hh, mm, tzinfo=SEOUL).astimezone(UTC).replace(tzinfo=None)


@pytest.mark.parametrize(("start", "end", "expected"), [
    # same day 10:00 → 15:30: 5h30m
    (seoul(2026, 11, 24, 10), seoul(2026, 11, 24, 15, 30), 330),
    # across a weekend: Fri 17:00 → Mon 10:00: Fri 1h + Mon 1h
    (seoul(2026, 11, 20, 17), seoul(2026, 11, 23, 10), 120),
    # opened outside working hours: Tue 20:00 → Wed 10:00: only Wed 09–10
    (seoul(2026, 11, 24, 20), seoul(2026, 11, 25, 10), 60),
    # 설날 2026 (Mon 16 – Wed 18 Feb): Fri 13 17:00 → Thu 19 10:00: Fri 1h + Thu 1h
    (seoul(2026, 2, 13, 17), seoul(2026, 2, 19, 10), 120),
    # 추석 2025 with 대체 휴일 and 한글날 (Fri 3 개천절, Mon 6 – Wed 8, Thu 9): Thu 2 17:00 → Fri 10 10:00
    (seoul(2025, 10, 2, 17), seoul(2025, 10, 10, 10), 120),
    # 삼일절 on a Sunday gives Mon 2 Mar 2026 off (substitute): Fri 27 Feb 17:00 → Tue 3 Mar 10:00
    (seoul(2026, 2, 27, 17), seoul(2026, 3, 3, 10), 120),
    # wholly inside a night: nothing
    (seoul(2026, 11, 24, 19), seoul(2026, 11, 24, 23), 0),
])
def test_business_minutes_by_hand(start, end, expected):
    assert kr_business().business_minutes(start, end) == expected


def test_own_holidays_and_extra_working_days():
    # the bank closes on 31 Dec (Thu) and works on Sat 5 Dec 2026
    cal = kr_business(own_days={date(2026, 12, 31): "holiday", date(2026, 12, 5): "workday"})
    assert cal.business_minutes(seoul(2026, 12, 31, 9), seoul(2026, 12, 31, 18)) == 0
    assert cal.business_minutes(seoul(2026, 12, 5, 9), seoul(2026, 12, 5, 18)) == 540


def test_deadlines_by_hand():
    cal = kr_business()
    # grade 3: 24 business hours from Fri 20 Nov 17:00 = Fri 1h + Mon 9h + Tue 9h + Wed 5h → Wed 14:00
    assert cal.add_business_minutes(seoul(2026, 11, 20, 17), 24 * 60) == seoul(2026, 11, 25, 14)
    # registered at night: the clock starts at 09:00 the next working day; 120 minutes → 11:00
    assert cal.add_business_minutes(seoul(2026, 11, 24, 22), 120) == seoul(2026, 11, 25, 11)
    # across 추석 2026 (Thu 24 – Sat 26 Sep) and 개천절 substitute (Mon 5 Oct): Wed 23 Sep 17:00 + 2h
    # → Wed 1h, then Mon 28 Sep 10:00
    assert cal.add_business_minutes(seoul(2026, 9, 23, 17), 120) == seoul(2026, 9, 28, 10)


def test_a_calendar_in_another_time_zone_with_summer_time():
    london = WorkingCalendar(code="uk", time_zone="Europe/London", hours=NINE_TO_SIX)
    # Fri 27 Mar 2026 17:00 GMT → Mon 30 Mar 10:00 BST: 1h + 1h of work; 65 local hours, one lost to DST
    start = datetime(2026, 3, 27, 17, tzinfo=ZoneInfo("Europe/London")).astimezone(UTC).replace(tzinfo=None)
    end = datetime(2026, 3, 30, 10, tzinfo=ZoneInfo("Europe/London")).astimezone(UTC).replace(tzinfo=None)
    assert london.business_minutes(start, end) == 120
    assert wall_minutes(start, end) == (65 - 1) * 60


def test_round_the_clock_calendar_counts_wall_minutes():
    cal = WorkingCalendar(code="24x7", time_zone="Asia/Seoul", hours={}, is_24x7=True)
    start = seoul(2026, 2, 16, 23)
    assert cal.business_minutes(start, start + timedelta(hours=30)) == 1800
    assert cal.add_business_minutes(start, 10) == start + timedelta(minutes=10)
    assert cal.working_minutes_per_day() == 1440 and kr_business().working_minutes_per_day() == 540


moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31))


@settings(max_examples=300, deadline=None)
@given(a=moments, b=moments)
def test_business_minutes_never_exceed_wall_minutes(a, b):
    start, end = min(a, b), max(a, b)
    assert 0 <= kr_business().business_minutes(start, end) <= wall_minutes(start, end)


@settings(max_examples=300, deadline=None)
@given(a=moments, b=moments, c=moments)
def test_splitting_an_interval_anywhere_adds_up(a, b, c):
    start, middle, end = sorted((a, b, c))
    cal = kr_business()
    assert cal.business_minutes(start, middle) + cal.business_minutes(middle, end) == cal.business_minutes(start, end)
    assert wall_minutes(start, middle) + wall_minutes(middle, end) == wall_minutes(start, end)


@settings(max_examples=200, deadline=None)
@given(start=moments, minutes=st.integers(min_value=1, max_value=20_000))
def test_deadline_is_the_inverse_of_measuring(start, minutes):
    cal = kr_business()
    due = cal.add_business_minutes(start, minutes)
    assert cal.business_minutes(start, due) == minutes
    assert cal.business_minutes(start, due - timedelta(minutes=1)) == minutes - 1


@pytest.mark.parametrize(("minutes", "lang", "per_day", "text"), [
    (1880, "ko", 1440, "1일 7시간 20분"),
    (1880, "en", 1440, "1d 7h 20m"),
    (120, "ko", 1440, "2시간"),
    (45, "ko", 1440, "45분"),
    (0, "ko", 1440, "0분"),
    (0, "en", 1440, "0m"),
    (1440, "ko", 1440, "1일"),
    (1500, "en", 1440, "1d 1h"),
    # business figures: a day is 9 working hours: 1880 = 3 × 540 + 4h 20m
    (1880, "ko", 540, "3일 4시간 20분"),
    (540, "en", 540, "1d"),
    (-65, "ko", 1440, "-1시간 5분"),
])
def test_format_minutes(minutes, lang, per_day, text):
    assert format_minutes(minutes, lang, minutes_per_day=per_day) == text


def test_labels_say_what_a_day_is():
    assert duration_label(business=False, lang="ko") == "경과 시간 (1일 = 24시간)"
    assert duration_label(business=True, minutes_per_day=540, lang="ko") == "업무시간 기준 (1일 = 업무 9시간)"
    assert duration_label(business=True, minutes_per_day=540, lang="en") == "Business time (1d = 9 working hours)"
