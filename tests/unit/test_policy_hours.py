"""Working hours typed into the calendar editor: what is read back, and what is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.errors import BeaconError
from desktop.workflow.admin.policy import CalendarDraft, parse_hours, working_calendar


@st.composite
def day_spans(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Non-overlapping spans in minutes of the day, in order."""
    cuts = sorted(draw(st.sets(st.integers(0, 24 * 60), max_size=8)))
    pairs = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return [(a, b) for a, b in pairs if b > a]


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@given(day_spans())
def test_spans_read_back_as_typed_and_count_as_working_time(spans):
    text = ", ".join(f"{clock(a)}-{clock(b)}" for a, b in spans)
    assert parse_hours("mon", text) == [[clock(a), clock(b)] for a, b in spans]
    draft = CalendarDraft("x", "달력", "Calendar", hours={"mon": text, "tue": "09:00-10:00"})
    expected = max(sum(b - a for a, b in spans), 60)
    assert working_calendar(draft).working_minutes_per_day() == expected


def test_loose_typing_is_understood():
    assert parse_hours("fri", " 9:00 ~ 12:00 ,13:00-18:00 ") == [["09:00", "12:00"], ["13:00", "18:00"]]


@pytest.mark.parametrize("text, en", [
    ("09:00", "is not HH:MM-HH:MM"),
    ("25:00-26:00", "a time that does not exist"),
    ("09:60-10:00", "a time that does not exist"),
    ("10:00-10:00", "must end after it starts"),
    ("13:00-18:00, 09:00-12:00", "out of order"),
])
def test_bad_hours_say_what_is_wrong_in_both_languages(text, en):
    with pytest.raises(BeaconError) as refused:
        parse_hours("wed", text)
    assert en in refused.value.message("en")
    assert "수요일" in refused.value.message("ko") and text in refused.value.message("ko")
