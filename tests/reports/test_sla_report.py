"""The monthly SLA report on the demo bank: its figures are the SQL aggregates', month by month."""

from __future__ import annotations

from dataclasses import astuple
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from peewee import fn

from desktop.demo.bank import load_demo
from desktop.errors import BeaconError
from desktop.models import ConfigurationItem, Incident, Team
from desktop.reports.report_service import parse_month, sla_report_pdf
from desktop.reports.sla_data import filtered_kpis, load_sla_report, month_bounds, previous_months
from desktop.workflow.sla.kpi import incident_kpis
from tests.reports.helpers import pdf_pages, pdf_text

NOW = datetime(2026, 11, 27, 8, 0)
SEOUL = ZoneInfo("Asia/Seoul")


def figures(row) -> tuple:
    """A KPI row without its key and label (they differ between groupings)."""
    return astuple(row)[2:]


def test_a_month_is_the_readers_calendar_month():
    assert month_bounds(2026, 10, SEOUL) == (datetime(2026, 9, 30, 15), datetime(2026, 10, 31, 15))
    assert month_bounds(2026, 12, SEOUL) == (datetime(2026, 11, 30, 15), datetime(2026, 12, 31, 15))
    assert previous_months(2026, 2, 3) == [(2025, 12), (2026, 1), (2026, 2)]
    assert parse_month("2026-10") == (2026, 10) and parse_month(" 2026-3 ") == (2026, 3)
    for bad in ("2026-13", "2026-00", "26-10", "2026/10", "October", ""):
        with pytest.raises(BeaconError) as refused:
            parse_month(bad)
        assert refused.value.code == "report.bad_month"


def test_monthly_report_on_the_demo_bank(db):
    load_demo(incidents=300, problems=8, now=NOW)
    data = load_sla_report(2026, 10, zone=SEOUL, now=NOW)
    start, end = month_bounds(2026, 10, SEOUL)
    [expected] = incident_kpis(start=start, end=end, group_by="all")
    assert data.total == expected and data.total.count > 10
    # counts by grade and state cover every incident registered in the month, cancelled ones too
    registered = Incident.select().where((Incident.registered_at >= start) & (Incident.registered_at < end)).count()
    assert sum(data.counts.values()) == registered
    assert data.cancelled == sum(n for (_, state), n in data.counts.items() if state == "cancelled")
    assert [figures(r.kpi) for r in data.by_grade] == [figures(r) for r in incident_kpis(start=start, end=end)]
    assert sum(r.kpi.count for r in data.by_application) == data.total.count
    assert sum(r.kpi.count for r in data.by_team) == data.total.count
    # the trend asks incident_kpis month by month
    assert [(p.year, p.month) for p in data.trend] == previous_months(2026, 10, 12)
    for point in data.trend:
        a, b = month_bounds(point.year, point.month, SEOUL)
        rows = incident_kpis(start=a, end=b, group_by="all")
        assert point.count == (rows[0].count if rows else 0)
    assert data.trend[-1].count == data.total.count
    # worst overruns first, every one of them a real miss
    overruns = [b.overrun for b in data.breaches]
    assert overruns == sorted(overruns, reverse=True) and all(o > 0 for o in overruns) and len(overruns) <= 10

    pdf = sla_report_pdf("2026-10", lang="ko", now=NOW)
    text = pdf_text(pdf)
    for label in ("월간 SLA 보고서", "2026년 10월", "결재", "1. 요약", "2. 등급 · 상태별 건수", "등급별 등록 건수",
                  "3. 등급별 적기 처리율과 처리 시간", "4. 업무시스템별 적기 처리율", "5. 팀별 적기 처리율",
                  "6. SLA 초과가 큰 건", "7. 12개월 추이", "1등급 (긴급)", "접수 중앙값", "해결 평균"):
        assert label in text.replace("결\n재", "결재"), label
    assert f"{data.total.count}" in text.split()
    assert f"{data.total.resolution_rate * 100:.1f}%" in text
    assert data.breaches[0].number in text
    pages = pdf_pages(pdf)
    assert all(f"{i} / {len(pages)}" in page for i, page in enumerate(pages, start=1))

    english = pdf_text(sla_report_pdf("2026-10", lang="en", now=NOW))
    for label in ("Monthly SLA report", "October 2026", "Summary", "On-time rates and times by grade",
                  "Largest SLA overruns", "12-month trend", "Grade 1 (critical)", "Wall clock"):
        assert label in english, label


def test_monthly_report_for_one_application_or_team(db):
    load_demo(incidents=300, problems=8, now=NOW)
    start, end = month_bounds(2026, 10, SEOUL)
    in_month = (Incident.registered_at >= start) & (Incident.registered_at < end)
    app_id, _ = (Incident.select(Incident.application, fn.COUNT(Incident.case)).where(in_month)
                 .group_by(Incident.application).order_by(fn.COUNT(Incident.case).desc(), Incident.application)
                 .tuples().first())
    app = ConfigurationItem.get_by_id(app_id)
    team_id = (Incident.select(Incident.assigned_team).where(in_month & Incident.assigned_team.is_null(False))
               .order_by(Incident.assigned_team).scalar())
    team = Team.get_by_id(team_id)

    # the filtered SQL agrees with incident_kpis' own grouping where both can answer
    [by_app] = [r for r in incident_kpis(start=start, end=end, group_by="application") if r.key == app.id]
    assert [figures(r) for r in filtered_kpis(start=start, end=end, group_by="all", application_id=app.id)] == \
        [figures(by_app)]
    [by_team] = [r for r in incident_kpis(start=start, end=end, group_by="team") if r.key == team.id]
    assert [figures(r) for r in filtered_kpis(start=start, end=end, group_by="all", team_id=team.id)] == \
        [figures(by_team)]

    data = load_sla_report(2026, 10, zone=SEOUL, application_code=app.code, now=NOW)
    assert figures(data.total) == figures(by_app)
    assert sum(r.kpi.count for r in data.by_grade) == by_app.count
    assert [r.key for r in data.by_application] == [app.id]
    assert all(b.application["ko"] == app.name for b in data.breaches)
    text = pdf_text(sla_report_pdf("2026-10", application=app.code, lang="ko", now=NOW))
    assert f"업무시스템: {app.name} ({app.code})" in text

    data = load_sla_report(2026, 10, zone=SEOUL, team_code=team.code, now=NOW)
    assert figures(data.total) == figures(by_team)
    assert [r.key for r in data.by_team] == [team.id]
    both = load_sla_report(2026, 10, zone=SEOUL, application_code=app.code, team_code=team.code, now=NOW)
    expected = Incident.select().where(in_month & (Incident.application == app.id) & (Incident.assigned_team == team.id)
                                       & (Incident.state != "cancelled")).count()
    assert (both.total.count if both.total else 0) == expected

    with pytest.raises(BeaconError) as unknown:
        load_sla_report(2026, 10, zone=SEOUL, application_code="NO-SUCH-APP")
    assert unknown.value.code == "report.unknown_application" and "NO-SUCH-APP" in unknown.value.message("ko")
    with pytest.raises(BeaconError) as unknown_team:
        load_sla_report(2026, 10, zone=SEOUL, team_code="NO-SUCH-TEAM")
    assert unknown_team.value.code == "report.unknown_team"


def test_an_empty_month_still_prints(db):
    text = pdf_text(sla_report_pdf("2020-01", lang="ko"))
    assert "해당 기간에 등록된 장애가 없습니다." in text and "SLA를 초과한 건이 없습니다." in text
    english = pdf_text(sla_report_pdf("2020-01", lang="en"))
    assert "January 2020" in english and "No SLA clock was missed." in english
