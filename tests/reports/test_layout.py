"""Layout pieces that need no database: the time axis and line wrapping."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.charts import chart_range, choose_step, nice_max, tick_labels, ticks
from desktop.reports.layout import FAMILY, ReportPdf

SEOUL = ZoneInfo("Asia/Seoul")


def test_ten_minutes_get_two_minute_ticks_on_round_local_times():
    start, end = chart_range(datetime(2026, 11, 24, 1, 0), datetime(2026, 11, 24, 1, 10))  # 10:00–10:10 KST
    step = choose_step((end - start).total_seconds() / 60)
    assert step == 2
    marks = ticks(start, end, SEOUL, step)
    labels = tick_labels(marks, SEOUL, step)
    assert [top for top, _ in labels] == ["10:00", "10:02", "10:04", "10:06", "10:08", "10:10"]
    assert labels[0][1] == "11-24" and all(not second for _, second in labels[1:])


def test_ten_days_get_day_ticks_at_local_midnight():
    start, end = chart_range(datetime(2026, 11, 20, 1, 0), datetime(2026, 11, 30, 1, 0))
    step = choose_step((end - start).total_seconds() / 60)
    assert step in (1440, 2880)
    marks = ticks(start, end, SEOUL, step)
    assert all(m.hour == 15 and m.minute == 0 for m in marks)  # 00:00 in Seoul
    assert 5 <= len(marks) <= 11
    assert tick_labels(marks, SEOUL, step)[0] == ("11-20", "2026") or tick_labels(marks, SEOUL, step)[0][1] == "2026"


@pytest.mark.parametrize("minutes", [1, 7, 45, 200, 1000, 5000, 30000, 200000])
def test_any_span_gets_a_handful_of_ticks(minutes):
    start = datetime(2026, 3, 2, 0, 0)
    end = datetime.fromtimestamp(start.timestamp() + minutes * 60)
    a, b = chart_range(start, end)
    step = choose_step((b - a).total_seconds() / 60)
    count = len(ticks(a, b, SEOUL, step))
    assert 1 <= count <= 10


def test_axis_maxima_are_round():
    assert [nice_max(v) for v in (0, 3, 11, 33, 99, 1234)] == [4, 4, 20, 40, 100, 2000]


@pytest.fixture(scope="module")
def pdf() -> ReportPdf:
    document = ReportPdf(lang="ko", zone=SEOUL, title="시험", subtitle="", number="", organization="Beacon",
                         generated_at=datetime(2026, 11, 27))
    document.add_page()
    document.set_font(FAMILY, "", 8.2)
    return document


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("가나다라마바사아자차카타파하  abcXYZ0123456789.,()-\n\t")),
                    max_size=600),
       width=st.floats(min_value=8, max_value=120))
def test_wrapped_lines_fit_and_lose_nothing(pdf, text, width):
    lines = pdf.wrap(text, width)
    assert all(pdf.text_width(line) <= width + 1e-6 for line in lines)
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)
