"""The dashboard's figures: open incidents, cases about to breach, this month's on-time rates, a 12-month trend.

Everything comes from a handful of grouped SQL queries (no loop over incident
rows), the same on SQLite and PostgreSQL. Times are naive UTC as stored; months
are calendar months in the reader's time zone (October in Seoul starts at
30 Sep 15:00 UTC), cut in SQL by the month boundaries as parameters, so no
database needs to know about time zones.

Each figure carries the `IncidentFilter` of the list it stands for, so a click
on it opens exactly the incidents it counts.

Who sees what: the same rule as the incident list (`queries.list_incidents`):
staff see the whole organisation, a customer without a staff role only the
incidents they registered — every figure of their dashboard is scoped to those.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from peewee import JOIN, SqliteDatabase, fn

from desktop.models import Case, ConfigurationItem, Grade, Incident, SlaClock, SlaPause, SlaPolicy, database, utcnow
from desktop.workflow.cases.queries import IncidentFilter
from desktop.workflow.common.actors import load_actor
from desktop.workflow.engine.process import definition
from desktop.workflow.sla.calendars import WorkingCalendar, load_calendar
from desktop.workflow.sla.clocks import Span, clock_status
from desktop.workflow.sla.kpi import KpiRow, incident_kpis

TREND_MONTHS = 12
AT_RISK_LIMIT = 20
DUE_SOON_HOURS = 4
AT_RISK_STATES = ("warning", "breached")


@dataclass(frozen=True)
class Bar:
    """One clickable count: a grade or a state, its names, colour and the list it opens."""

    key: Any
    name: str
    name_en: str
    count: int
    filter: IncidentFilter
    color: str = ""

    def label(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name


@dataclass(frozen=True)
class AtRisk:
    """A running SLA clock of an open incident that is breached, in warning or due soon."""

    case_id: int
    number: str
    title: str
    grade: int
    grade_color: str
    clock: str  # response | resolution
    state: str  # breached | warning | on_track (then due within DUE_SOON_HOURS)
    due_at: datetime | None
    remaining: int  # judged minutes, negative once breached
    uses_business_time: bool
    minutes_per_day: int  # one "day" of `remaining`: 1440, or the calendar's working minutes


@dataclass(frozen=True)
class RateRow:
    """On-time rates of one group (grade or application) for incidents registered this month."""

    key: Any
    name: str
    name_en: str
    kpi: KpiRow
    filter: IncidentFilter
    color: str = ""

    def label(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name


@dataclass(frozen=True)
class TrendMonth:
    """One local calendar month of the trend."""

    year: int
    month: int
    start: datetime  # naive UTC, inclusive
    end: datetime  # naive UTC, exclusive
    registered: int  # every incident registered in the month, cancelled ones included (what the list shows)
    closed: int  # incidents closed in the month and still closed
    resolution_judged: int  # judged resolution clocks of the month's non-cancelled incidents (as kpi.py)
    resolution_met: int
    filter: IncidentFilter = field(default_factory=IncidentFilter)

    @property
    def resolution_rate(self) -> float | None:
        return self.resolution_met / self.resolution_judged if self.resolution_judged else None


@dataclass(frozen=True, kw_only=True)
class Dashboard:
    """Everything the dashboard page draws, as of `generated_at`."""

    generated_at: datetime
    time_zone: str
    year: int
    month: int
    month_start: datetime
    month_end: datetime
    own_only: bool  # True: a customer's dashboard, limited to what they registered
    open_total: int
    open_filter: IncidentFilter
    open_by_grade: list[Bar]
    open_by_state: list[Bar]
    breached_clocks: int  # running clocks of open incidents past their due time
    at_risk: list[AtRisk]  # past_due, then due_soon
    past_due: list[AtRisk] = field(default_factory=list)  # the most overdue first
    due_soon: list[AtRisk] = field(default_factory=list)  # in warning or due within DUE_SOON_HOURS, soonest first
    rates_by_grade: list[RateRow]
    rates_by_application: list[RateRow]
    trend: list[TrendMonth]


# --- months ------------------------------------------------------------------------------

def month_bounds(year: int, month: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[first instant, first instant of the next month) of a local month, as naive UTC."""
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=zone)
    return start.astimezone(UTC).replace(tzinfo=None), end.astimezone(UTC).replace(tzinfo=None)


def local_month(moment: datetime, zone: ZoneInfo) -> tuple[int, int]:
    """The (year, month) a naive-UTC instant falls in, in `zone`."""
    local = moment.replace(tzinfo=UTC).astimezone(zone)
    return local.year, local.month


def months_back(year: int, month: int, count: int) -> list[tuple[int, int]]:
    """The `count` months ending with (year, month), oldest first."""
    out = []
    for back in range(count - 1, -1, -1):
        index = year * 12 + (month - 1) - back
        out.append((index // 12, index % 12 + 1))
    return out


# --- the figures ---------------------------------------------------------------------------

def open_counts(open_states: list[str], reporter_id: int | None) -> dict[tuple[int, str], int]:
    """Open incidents per (grade level, state), one grouped query."""
    query = (Incident.select(Grade.level, Incident.state, fn.COUNT(Incident.case))
             .join(Grade, on=(Incident.grade == Grade.id))
             .where(Incident.state.in_(open_states)))
    if reporter_id is not None:
        query = query.where(Incident.registered_by == reporter_id)
    return {(level, state): int(n) for level, state, n in query.group_by(Grade.level, Incident.state).tuples()}


def _clock_candidates(open_states: list[str], reporter_id: int | None, now: datetime, horizon: timedelta) -> Any:
    """Running clocks of open incidents that may be in warning, breached or due soon, earliest due first.

    Due soon or breached is exact on the stored due time. Warning needs the elapsed figure: a wall clock is
    in warning when its due time is within (target − threshold) minutes; a business clock can only be in
    warning once at least `threshold` wall minutes passed since it started (business time never runs faster
    than the wall clock). Candidates are checked with `clock_status`, so a false candidate only costs a row.
    """
    combos = (SlaClock.select(SlaClock.target_minutes, SlaClock.uses_business_time,
                              SlaPolicy.warning_percent)
              .join(Incident, on=(SlaClock.case == Incident.case))
              .switch(SlaClock).join(SlaPolicy, JOIN.LEFT_OUTER, on=(SlaClock.policy == SlaPolicy.id))
              .where(SlaClock.stopped_at.is_null() & SlaClock.paused_at.is_null() & Incident.state.in_(open_states))
              .distinct())
    if reporter_id is not None:
        combos = combos.where(Incident.registered_by == reporter_id)
    condition = SlaClock.due_at <= now + horizon
    for target, business, percent in combos.tuples():
        threshold = math.ceil(target * (80 if percent is None else percent) / 100)
        same = ((SlaClock.target_minutes == target) & (SlaClock.uses_business_time == bool(business))
                & (SlaPolicy.warning_percent.is_null() if percent is None else SlaPolicy.warning_percent == percent))
        if business:
            condition |= same & (SlaClock.started_at <= now - timedelta(minutes=threshold))
        else:
            condition |= same & (SlaClock.due_at <= now + timedelta(minutes=target - threshold + 1))
    query = (SlaClock.select(SlaClock, SlaPolicy.warning_percent.alias("warning_percent"),
                             Case.number.alias("number"), Incident.title.alias("title"),
                             Grade.level.alias("grade_level"), Grade.color.alias("grade_color"))
             .join(Incident, on=(SlaClock.case == Incident.case))
             .join(Case, on=(Incident.case == Case.id))
             .switch(Incident).join(Grade, on=(Incident.grade == Grade.id))
             .switch(SlaClock).join(SlaPolicy, JOIN.LEFT_OUTER, on=(SlaClock.policy == SlaPolicy.id))
             .where(SlaClock.stopped_at.is_null() & SlaClock.paused_at.is_null() & SlaClock.due_at.is_null(False)
                    & Incident.state.in_(open_states) & condition))
    if reporter_id is not None:
        query = query.where(Incident.registered_by == reporter_id)
    return query.order_by(SlaClock.due_at, SlaClock.id)


def at_risk_clocks(open_states: list[str], reporter_id: int | None, now: datetime, *, limit: int = AT_RISK_LIMIT,
                   horizon: timedelta = timedelta(hours=DUE_SOON_HOURS), which: str = "any") -> list[AtRisk]:
    """Up to `limit` running clocks in warning, breached, or due within `horizon`, earliest due first.

    `which` narrows them: "past_due" (breached) or "due_soon" (in warning or due within `horizon`, not yet
    breached), each read on its own so a long tail of overdue cases never crowds out the ones still savable.
    The state and remaining minutes are `sla.clock_status`'s, with the calendars and pauses read once for
    the whole batch.
    """
    calendars: dict[int, WorkingCalendar] = {}
    out: list[AtRisk] = []
    batch = limit * 3
    offset = 0
    query = _clock_candidates(open_states, reporter_id, now, horizon)
    if which == "past_due":
        query = query.where(SlaClock.due_at < now)
    elif which == "due_soon":
        query = query.where(SlaClock.due_at >= now)
    while len(out) < limit:
        clocks = list(query.offset(offset).limit(batch).objects())
        if not clocks:
            break
        offset += len(clocks)
        pauses: dict[int, list[Span]] = defaultdict(list)
        for case_id, started, ended in (SlaPause.select(SlaPause.case, SlaPause.started_at, SlaPause.ended_at)
                                        .where(SlaPause.case.in_({c.case_id for c in clocks}))
                                        .order_by(SlaPause.case, SlaPause.started_at).tuples()):
            pauses[case_id].append((started, ended))
        for clock in clocks:
            if clock.policy_id is not None:  # the joined threshold, so clock_status asks no more
                clock.policy = SlaPolicy(id=clock.policy_id, warning_percent=clock.warning_percent)
            if clock.calendar_id is None:
                continue  # its calendar was deleted: nothing to measure business time against
            if clock.calendar_id not in calendars:
                calendars[clock.calendar_id] = load_calendar(clock.calendar_id)
            calendar = calendars[clock.calendar_id]
            status = clock_status(clock, now, calendar=calendar, pauses=pauses[clock.case_id])
            due_soon = status.due_at is not None and status.due_at <= now + horizon
            if status.state not in AT_RISK_STATES and not (status.state == "on_track" and due_soon):
                continue
            if (which == "past_due") != (status.state == "breached") and which != "any":
                continue
            out.append(AtRisk(
                case_id=clock.case_id, number=clock.number, title=clock.title, grade=clock.grade_level,
                grade_color=clock.grade_color, clock=clock.kind, state=status.state, due_at=status.due_at,
                remaining=status.remaining, uses_business_time=status.uses_business_time,
                minutes_per_day=calendar.working_minutes_per_day() if status.uses_business_time else 24 * 60))
            if len(out) == limit:
                break
        if len(clocks) < batch:
            break
    out.sort(key=lambda r: (r.due_at or datetime.max, r.number, r.clock))
    return out


def breached_count(open_states: list[str], reporter_id: int | None, now: datetime) -> int:
    """Running, unpaused clocks of open incidents whose due time has passed."""
    query = (SlaClock.select().join(Incident, on=(SlaClock.case == Incident.case))
             .where(SlaClock.stopped_at.is_null() & SlaClock.paused_at.is_null() & (SlaClock.due_at < now)
                    & Incident.state.in_(open_states)))
    if reporter_id is not None:
        query = query.where(Incident.registered_by == reporter_id)
    return int(query.count())


def trend(months: list[tuple[int, int]], zone: ZoneInfo, reporter_id: int | None) -> list[TrendMonth]:
    """Registered, closed and on-time resolution per local month, with the months' UTC boundaries as parameters.

    The month of an instant is a CASE over the boundaries. PostgreSQL reads the registered incidents in one
    pass and hashes their clocks once. SQLite has no hash join and evaluates a CASE per row slowly, so there one
    range per month on the registered_at index, glued with UNION ALL, is cheaper (measured in
    bench/dashboard_bench.py). Closed figures are one grouped query on both, read from the (state, closed_at)
    index alone (schema v9).
    """
    bounds = [month_bounds(y, m, zone) for y, m in months]
    edges = [start for start, _ in bounds] + [bounds[-1][1]]
    p = database.param
    sqlite = isinstance(database.obj, SqliteDatabase)
    true = "1" if sqlite else "TRUE"
    scope, scope_params = ("", ()) if reporter_id is None else (f" AND i.registered_by_id = {p}", (reporter_id,))
    whens = " ".join(f"WHEN {{column}} < {p} THEN {n}" for n in range(len(bounds)))
    figures = f"""COUNT(*),
               SUM(CASE WHEN i.state <> 'cancelled' AND s.met IS NOT NULL THEN 1 ELSE 0 END),
               SUM(CASE WHEN i.state <> 'cancelled' AND s.met = {true} THEN 1 ELSE 0 END)
        FROM incident i
        LEFT JOIN sla_clock s ON s.case_id = i.case_id AND s.kind = 'resolution'
        WHERE i.registered_at >= {p} AND i.registered_at < {p}{scope}"""
    if sqlite:
        registered_sql = " UNION ALL ".join(f"SELECT {n}, {figures}" for n in range(len(bounds)))
        registered_params: tuple[Any, ...] = tuple(x for start, end in bounds for x in (start, end, *scope_params))
    else:
        registered_sql = f"SELECT CASE {whens.format(column='i.registered_at')} END AS m, {figures} GROUP BY m"
        registered_params = (*edges[1:], edges[0], edges[-1], *scope_params)
    registered = {int(r[0]): r for r in database.execute_sql(registered_sql, registered_params).fetchall()}
    closed_sql = f"""
        SELECT CASE {whens.format(column="i.closed_at")} END AS m, COUNT(*) FROM incident i
        WHERE i.state = 'closed' AND i.closed_at >= {p} AND i.closed_at < {p}{scope}
        GROUP BY m"""
    closed = {int(m): int(n) for m, n in database.execute_sql(
        closed_sql, (*edges[1:], edges[0], edges[-1], *scope_params)).fetchall()}
    out = []
    for n, ((y, m), (start, end)) in enumerate(zip(months, bounds, strict=True)):
        row = registered.get(n)
        out.append(TrendMonth(
            year=y, month=m, start=start, end=end, registered=int(row[1]) if row else 0, closed=closed.get(n, 0),
            resolution_judged=int(row[2] or 0) if row else 0, resolution_met=int(row[3] or 0) if row else 0,
            filter=IncidentFilter(registered_from=start, registered_to=end)))
    return out


def load_dashboard(*, actor_id: int, time_zone: str = "Asia/Seoul", now: datetime | None = None) -> Dashboard:
    """The dashboard as `actor_id` may see it, with months in `time_zone`, at `now` (naive UTC, default now)."""
    now = now or utcnow()
    zone = ZoneInfo(time_zone)
    actor = load_actor(actor_id)
    reporter_id = actor.id if actor.is_customer_only else None
    process = definition("incident")
    open_states = process.open_states()
    counted_states = tuple(name for name in process.states if name != "cancelled")
    grades = list(Grade.select(Grade.level, Grade.name, Grade.name_en, Grade.color).order_by(Grade.level).tuples())

    counts = open_counts(open_states, reporter_id)
    past_due = at_risk_clocks(open_states, reporter_id, now, limit=AT_RISK_LIMIT // 2, which="past_due")
    due_soon = at_risk_clocks(open_states, reporter_id, now, limit=AT_RISK_LIMIT // 2, which="due_soon")
    open_tuple = tuple(open_states)
    open_by_grade = [Bar(level, name, name_en, sum(n for (g, _), n in counts.items() if g == level),
                         IncidentFilter(states=open_tuple, grades=(level,)), color)
                     for level, name, name_en, color in grades]
    open_by_state = [Bar(state, process.states[state].label["ko"], process.states[state].label["en"],
                         sum(n for (_, s), n in counts.items() if s == state), IncidentFilter(states=(state,)))
                     for state in open_states]

    year, month = local_month(now, zone)
    start, end = month_bounds(year, month, zone)
    this_month = IncidentFilter(states=counted_states, registered_from=start, registered_to=end)
    by_level = {level: (name, name_en, color) for level, name, name_en, color in grades}
    rates_by_grade = []
    # an open incident already past its target has missed it: the month's rate says so now, not at closing
    for row in incident_kpis(start=start, end=end, group_by="grade", reporter_id=reporter_id,
                            spread=False, overdue_at=now):
        name, name_en, color = by_level.get(row.key, (row.label, row.label, ""))
        rates_by_grade.append(RateRow(row.key, name, name_en, row, replace(this_month, grades=(row.key,)), color))
    app_names = dict(((i, (n, e)) for i, n, e in ConfigurationItem.select(
        ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.name_en).tuples()))
    rates_by_application = sorted(
        (RateRow(row.key, *app_names.get(row.key, (row.label, row.label)), row,
                 replace(this_month, application_ids=(row.key,)))
         for row in incident_kpis(start=start, end=end, group_by="application",
                                  reporter_id=reporter_id, spread=False, overdue_at=now)),
        key=lambda r: (-r.kpi.count, r.name))
    return Dashboard(
        generated_at=now, time_zone=time_zone, year=year, month=month, month_start=start, month_end=end,
        own_only=reporter_id is not None, open_total=sum(counts.values()),
        open_filter=IncidentFilter(states=open_tuple), open_by_grade=open_by_grade, open_by_state=open_by_state,
        breached_clocks=breached_count(open_states, reporter_id, now),
        at_risk=past_due + due_soon, past_due=past_due, due_soon=due_soon,
        rates_by_grade=rates_by_grade, rates_by_application=rates_by_application,
        trend=trend(months_back(year, month, TREND_MONTHS), zone, reporter_id),
    )


