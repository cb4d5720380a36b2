"""What the monthly SLA report says: SQL aggregates for one month, optionally one application or team.

The month is a calendar month in the reader's time zone (October in Seoul
starts at 30 Sep 15:00 UTC). Figures come from `desktop.workflow.sla.kpi` — the
same definitions the dashboard uses — and the 12-month trend asks
`incident_kpis` once per month (one read of that month's incidents each).

For a report on one application or one team, `incident_kpis` takes the
application or team as a filter, so every breakdown uses the same query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import peewee
from peewee import fn

from desktop.errors import BeaconError
from desktop.models import (
    Case,
    ConfigurationItem,
    Grade,
    Incident,
    SlaClock,
    SlaPolicy,
    Team,
    utcnow,
)
from desktop.reports.data import GradeInfo, Text, bilingual, organization_name
from desktop.workflow.cases.dashboard import month_bounds
from desktop.workflow.cases.dashboard import months_back as previous_months
from desktop.workflow.engine.process import definition
from desktop.workflow.prevention.reliability import ReliabilityReport, reliability, window_ending
from desktop.workflow.sla.calendars import WorkingCalendar, load_calendar
from desktop.workflow.sla.kpi import KpiRow, incident_kpis

TREND_MONTHS = 12
WORST_BREACHES = 10


@dataclass(frozen=True)
class GroupRow:
    """One group's key figures with a name in both languages."""

    key: Any
    label: Text
    kpi: KpiRow
    grade: GradeInfo | None = None


@dataclass(frozen=True)
class GradeUnit:
    """How a grade's SLA times are counted: wall clock or business time of its calendar."""

    business: bool
    minutes_per_day: int


@dataclass(frozen=True)
class BreachRow:
    """A missed SLA clock of an incident registered in the month."""

    number: str
    title: str
    grade: GradeInfo | None
    application: Text
    clock: str  # response | resolution
    target: int
    elapsed: int
    business: bool
    minutes_per_day: int
    registered_at: datetime

    @property
    def overrun(self) -> int:
        """Judged minutes beyond the target."""
        return self.elapsed - self.target


@dataclass(frozen=True)
class TrendPoint:
    """One month of the 12-month trend."""

    year: int
    month: int
    count: int
    response_judged: int
    response_met: int
    resolution_judged: int
    resolution_met: int

    @property
    def response_rate(self) -> float | None:
        """On-time response share of the judged clocks, or None when none was judged."""
        return self.response_met / self.response_judged if self.response_judged else None

    @property
    def resolution_rate(self) -> float | None:
        """On-time resolution share of the judged clocks, or None when none was judged."""
        return self.resolution_met / self.resolution_judged if self.resolution_judged else None


@dataclass(frozen=True, kw_only=True)
class SlaMonthReport:
    """Everything the monthly SLA report prints."""

    year: int
    month: int
    start: datetime  # naive UTC, inclusive
    end: datetime  # naive UTC, exclusive
    time_zone: str
    application: Text | None
    application_code: str
    team: Text | None
    team_code: str
    total: KpiRow | None
    cancelled: int
    grades: list[GradeInfo]
    grade_units: dict[int, GradeUnit]
    states: list[str]
    counts: dict[tuple[int, str], int]  # (grade level, state) → incidents registered in the month
    by_grade: list[GroupRow]
    by_application: list[GroupRow]
    by_team: list[GroupRow]
    breaches: list[BreachRow]
    trend: list[TrendPoint]
    organization: Text
    generated_at: datetime
    reliability: ReliabilityReport | None = None  # the 12 months ending with this one, by application and CI


# --- filtered aggregates -------------------------------------------------------------------

def filtered_kpis(*, start: datetime, end: datetime, group_by: str, application_id: int | None = None,
                  team_id: int | None = None) -> list[KpiRow]:
    """`incident_kpis` for incidents of one application and/or team."""
    return incident_kpis(start=start, end=end, group_by=group_by, application_id=application_id, team_id=team_id)


def month_total(start: datetime, end: datetime, application_id: int | None, team_id: int | None) -> KpiRow | None:
    """The month's figures for the whole scope, straight from `incident_kpis` where it can answer."""
    if application_id is not None and team_id is not None:
        rows = filtered_kpis(start=start, end=end, group_by="all", application_id=application_id, team_id=team_id)
        return rows[0] if rows else None
    if application_id is not None:
        rows = [r for r in incident_kpis(start=start, end=end, group_by="application") if r.key == application_id]
    elif team_id is not None:
        rows = [r for r in incident_kpis(start=start, end=end, group_by="team") if r.key == team_id]
    else:
        rows = incident_kpis(start=start, end=end, group_by="all")
    return rows[0] if rows else None


# --- the report ----------------------------------------------------------------------------

def _scope(application_code: str | None, team_code: str | None) -> tuple[Any, Any]:
    app = team = None
    if application_code:
        app = ConfigurationItem.get_or_none((ConfigurationItem.code == application_code.strip())
                                            & (ConfigurationItem.kind == "application"))
        if app is None:
            app = ConfigurationItem.get_or_none((fn.UPPER(ConfigurationItem.code) == application_code.strip().upper())
                                                & (ConfigurationItem.kind == "application"))
        if app is None:
            raise BeaconError("report.unknown_application", ref=application_code)
    if team_code:
        team = Team.get_or_none(Team.code == team_code.strip()) or \
            Team.get_or_none(fn.UPPER(Team.code) == team_code.strip().upper())
        if team is None:
            raise BeaconError("report.unknown_team", ref=team_code)
    return app, team


def _grade_units() -> dict[int, GradeUnit]:
    units: dict[int, GradeUnit] = {}
    calendars: dict[int, WorkingCalendar] = {}
    for level, calendar_id in (SlaPolicy.select(Grade.level, SlaPolicy.calendar).join(Grade)
                               .where(SlaPolicy.case_kind == "incident").tuples()):
        calendar = calendars.setdefault(calendar_id, load_calendar(calendar_id))
        business = not calendar.is_24x7
        units[level] = GradeUnit(business, calendar.working_minutes_per_day() if business else 24 * 60)
    return units


def _scoped(query: Any, application_id: int | None, team_id: int | None) -> Any:
    if application_id is not None:
        query = query.where(Incident.application == application_id)
    if team_id is not None:
        query = query.where(Incident.assigned_team == team_id)
    return query


def _breaches(start: datetime, end: datetime, application_id: int | None, team_id: int | None,
              grades: dict[int, GradeInfo]) -> list[BreachRow]:
    judged = peewee.Case(None, [(SlaClock.uses_business_time == True, SlaClock.elapsed_business_minutes)],  # noqa: E712
                         SlaClock.elapsed_wall_minutes)
    query = (SlaClock.select(Case.number, Incident.title, Incident.grade, ConfigurationItem.name,
                             ConfigurationItem.name_en, SlaClock.kind, SlaClock.target_minutes, judged,
                             SlaClock.uses_business_time, SlaClock.calendar, Incident.registered_at)
             .join(Incident, on=(SlaClock.case == Incident.case))
             .join(Case, on=(Incident.case == Case.id))
             .switch(Incident).join(ConfigurationItem, on=(Incident.application == ConfigurationItem.id))
             .where((SlaClock.met == False) & SlaClock.stopped_at.is_null(False)  # noqa: E712
                    & (Incident.registered_at >= start) & (Incident.registered_at < end)
                    & (Incident.state != "cancelled")))
    query = _scoped(query, application_id, team_id)
    query = query.order_by((judged - SlaClock.target_minutes).desc(), Case.number, SlaClock.kind).limit(WORST_BREACHES)
    calendars: dict[int, int] = {}
    out = []
    for number, title, grade_id, name, name_en, kind, target, elapsed, business, calendar_id, registered in \
            query.tuples():
        per_day = 24 * 60
        if business and calendar_id is not None:
            if calendar_id not in calendars:
                calendars[calendar_id] = load_calendar(calendar_id).working_minutes_per_day()
            per_day = calendars[calendar_id]
        out.append(BreachRow(number, title, grades.get(grade_id), bilingual(name, name_en), kind, int(target),
                             int(elapsed or 0), bool(business), per_day, registered))
    return out


def load_sla_report(year: int, month: int, *, zone: ZoneInfo, application_code: str | None = None,
                    team_code: str | None = None, now: datetime | None = None) -> SlaMonthReport:
    """Assemble the monthly SLA report for a local calendar month.

    Raises:
        BeaconError: unknown application or team code.
    """
    app, team = _scope(application_code, team_code)
    app_id = app.id if app else None
    team_id = team.id if team else None
    start, end = month_bounds(year, month, zone)
    grade_rows = list(Grade.select().order_by(Grade.level))
    grades = [GradeInfo(g.level, bilingual(g.name, g.name_en), g.color) for g in grade_rows]
    by_id = {g.id: GradeInfo(g.level, bilingual(g.name, g.name_en), g.color) for g in grade_rows}
    by_level = {g.level: g for g in grades}

    counts_query = (Incident.select(Grade.level, Incident.state, fn.COUNT(Incident.case))
                    .join(Grade, on=(Incident.grade == Grade.id))
                    .where((Incident.registered_at >= start) & (Incident.registered_at < end)))
    counts_query = _scoped(counts_query, app_id, team_id).group_by(Grade.level, Incident.state)
    counts = {(level, state): int(n) for level, state, n in counts_query.tuples()}
    cancelled = sum(n for (_, state), n in counts.items() if state == "cancelled")
    process_states = list(definition("incident").states)
    states = process_states + sorted({s for _, s in counts} - set(process_states))

    def rows(group_by: str) -> list[KpiRow]:
        return filtered_kpis(start=start, end=end, group_by=group_by, application_id=app_id, team_id=team_id)

    by_grade = [GroupRow(r.key, (by_level[r.key].name if r.key in by_level else bilingual(r.label)), r,
                         by_level.get(r.key)) for r in rows("grade")]
    app_names = {cid: bilingual(name, name_en) for cid, name, name_en in
                 ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.name_en)
                 .where(ConfigurationItem.kind == "application").tuples()}
    team_names = {tid: bilingual(name, name_en) for tid, name, name_en in
                  Team.select(Team.id, Team.name, Team.name_en).tuples()}
    by_application = sorted((GroupRow(r.key, app_names.get(r.key, bilingual(r.label)), r)
                             for r in rows("application")), key=lambda g: (-g.kpi.count, g.label["ko"]))
    by_team = sorted((GroupRow(r.key, team_names.get(r.key) or bilingual(""), r) for r in rows("team")),
                     key=lambda g: (-g.kpi.count, g.label["ko"]))

    trend = []
    for y, m in previous_months(year, month, TREND_MONTHS):
        a, b = month_bounds(y, m, zone)
        total = month_total(a, b, app_id, team_id)
        trend.append(TrendPoint(y, m, total.count if total else 0, total.response_judged if total else 0,
                                total.response_met if total else 0, total.resolution_judged if total else 0,
                                total.resolution_met if total else 0))
    return SlaMonthReport(
        year=year, month=month, start=start, end=end, time_zone=zone.key,
        application=bilingual(app.name, app.name_en) if app else None, application_code=app.code if app else "",
        team=bilingual(team.name, team.name_en) if team else None, team_code=team.code if team else "",
        total=month_total(start, end, app_id, team_id), cancelled=cancelled, grades=grades,
        grade_units=_grade_units(), states=states, counts=counts, by_grade=by_grade,
        by_application=by_application, by_team=by_team,
        breaches=_breaches(start, end, app_id, team_id, by_id), trend=trend,
        organization=organization_name(), generated_at=now or utcnow(),
        reliability=None if app_id or team_id else reliability(start=window_ending(end, zone),
                                                                 end=min(end, now or utcnow())),
    )


__all__ = [
    "BreachRow",
    "GradeUnit",
    "GroupRow",
    "SlaMonthReport",
    "TrendPoint",
    "filtered_kpis",
    "load_sla_report",
    "month_bounds",
    "month_total",
    "previous_months",
]
