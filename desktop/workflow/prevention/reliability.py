"""Reliability by application and CI over a window (12 months by default): how often it fails, how long it
stays down, how often the same failure comes back, how much of it a problem covers.

The measures, exactly (the dashboard's tooltips, the monthly report's footnote and the README say the same):

- **Incidents**: incidents registered in the window, cancelled ones left out. A CI's incidents are those
  of every application that relates to it (`changes.related_cis`: runs on, depends on, connects to, part
  of, any number of steps); an incident counts once per CI.
- **Time to restore** of one incident: from its occurrence (its registration when no occurrence time was
  given) to its restoration (resolved, else closed), in minutes. **Total** is the sum over the restored
  incidents; **MTTR** (mean time to restore) is that total divided by the number restored. Incidents not
  restored yet are left out of both.
- **Downtime**: the minutes of the window during which at least one of the group's incidents was between
  occurrence and restoration (overlapping incidents count once; one still open counts to the window's end).
- **MTBF** (mean time between failures): operating time over the window divided by the incidents, where
  operating time is the window's length less the downtime. None when there was no incident.
- **Recurrence rate**: the share of the incidents that repeat one on the same application with the same
  title (ignoring case, digits, spaces and punctuation) that occurred in the 30 days before.
- **Problem coverage**: the share of the incidents linked to a problem.

The least reliable come first: lowest MTBF, then longest MTTR, then most incidents. Every row carries the
`IncidentFilter` of exactly the incidents it counts, so a click lists them.

One SQL pass reads the window's incidents (occurrence, restoration and registration as epoch seconds, the
application, the title, whether a problem is linked); everything else is arithmetic on those rows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from zoneinfo import ZoneInfo

from peewee import SqliteDatabase

from desktop.models import ConfigurationItem, database, utcnow
from desktop.workflow.cases.dashboard import local_month, month_bounds, months_back
from desktop.workflow.cases.queries import IncidentFilter
from desktop.workflow.common.actors import load_actor
from desktop.workflow.engine.process import definition
from desktop.workflow.prevention.changes import Hop, ci_graph, related_cis

WINDOW_MONTHS = 12
RECURRENCE_DAYS = 30
_NOT_WORD = re.compile(r"[\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Reliability:
    """One application's or CI's figures over the window."""

    ci_id: int
    code: str
    name: str
    name_en: str
    kind: str  # the CI's kind: application, server, database, ...
    incidents: int
    restored: int
    restore_minutes: int  # total time to restore of the restored incidents
    downtime_minutes: int
    window_minutes: int
    recurrences: int
    with_problem: int
    filter: IncidentFilter
    applications: tuple[int, ...] = ()  # the applications whose incidents count here
    path: tuple[Hop, ...] = ()  # for a CI: how the first of those applications reaches it

    def label(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name

    @property
    def mttr(self) -> float | None:
        """Mean time to restore in minutes, None when nothing was restored."""
        return self.restore_minutes / self.restored if self.restored else None

    @property
    def mtbf(self) -> float | None:
        """Mean time between failures in minutes: operating time over the incidents; None without incidents."""
        return (self.window_minutes - self.downtime_minutes) / self.incidents if self.incidents else None

    @property
    def recurrence_rate(self) -> float | None:
        return self.recurrences / self.incidents if self.incidents else None

    @property
    def problem_coverage(self) -> float | None:
        return self.with_problem / self.incidents if self.incidents else None


@dataclass(frozen=True)
class ReliabilityReport:
    """Reliability per application and per CI (not applications) over [start, end), least reliable first."""

    start: datetime  # naive UTC, inclusive
    end: datetime  # naive UTC, exclusive
    applications: list[Reliability] = field(default_factory=list)
    cis: list[Reliability] = field(default_factory=list)
    own_only: bool = False  # a customer's: only the incidents they registered


def title_key(title: str) -> str:
    """A title as recurrence compares it: lower case, without digits, spaces and punctuation."""
    return _NOT_WORD.sub("", title.casefold())


def _epoch(column: str) -> str:
    if isinstance(database.obj, SqliteDatabase):
        return f"CAST(strftime('%s', {column}) AS INTEGER)"
    return f"CAST(EXTRACT(EPOCH FROM {column}) AS BIGINT)"


def _rows(start: datetime, end: datetime, reporter_id: int | None) -> list[tuple]:
    """(application, registered, occurred, restored or None, title, has problem) of the incidents registered
    in [start − 30 days, end), not cancelled, ordered by application and occurrence (epoch seconds)."""
    p = database.param
    scope, params = ("", ()) if reporter_id is None else (f" AND i.registered_by_id = {p}", (reporter_id,))
    sql = f"""
        SELECT i.application_id, {_epoch('i.registered_at')},
               {_epoch('COALESCE(i.occurred_at, i.registered_at)')},
               {_epoch('COALESCE(i.resolved_at, i.closed_at)')}, i.title,
               CASE WHEN EXISTS (SELECT 1 FROM case_link l WHERE l.source_id = i.case_id AND l.kind = 'problem')
                    THEN 1 ELSE 0 END
        FROM incident i
        WHERE i.registered_at >= {p} AND i.registered_at < {p} AND i.state <> 'cancelled'{scope}"""
    rows = database.execute_sql(sql, (start - timedelta(days=RECURRENCE_DAYS), end, *params)).fetchall()
    rows.sort(key=itemgetter(0, 2))  # cheaper here than in SQLite's sorter
    return rows


@dataclass
class _Tally:
    incidents: int = 0
    restored: int = 0
    restore_seconds: int = 0
    recurrences: int = 0
    with_problem: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)  # downtime islands, clipped to the window


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans as one."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _epoch_of(moment: datetime) -> int:
    return int(moment.replace(tzinfo=UTC).timestamp())


def reliability(*, start: datetime, end: datetime, reporter_id: int | None = None) -> ReliabilityReport:
    """Reliability per application and per CI over [start, end) (naive UTC); see the module for the measures."""
    w0, w1 = _epoch_of(start), _epoch_of(end)
    per_app: dict[int, _Tally] = defaultdict(_Tally)
    last_seen: dict[str, int] = {}
    keys: dict[str, str] = {}  # titles repeat (templates, monitoring): normalise each once
    current_app = None
    recurrence = RECURRENCE_DAYS * 86400
    for app, registered, occurred, restored, title, problem in _rows(start, end, reporter_id):
        if app != current_app:
            current_app, last_seen = app, {}
        key = keys.get(title)
        if key is None:
            key = keys[title] = title_key(title or "")
        previous = last_seen.get(key)
        last_seen[key] = occurred
        if registered < w0:
            continue  # read only to find what the window's incidents repeat
        t = per_app[app]
        t.incidents += 1
        if previous is not None and occurred - previous <= recurrence:
            t.recurrences += 1
        t.with_problem += 1 if problem else 0
        if restored is None:
            down_to = w1
        else:
            t.restored += 1
            if restored > occurred:
                t.restore_seconds += restored - occurred
            down_to = restored if restored < w1 else w1
        down_from = occurred if occurred > w0 else w0
        if down_to > down_from:
            t.spans.append((down_from, down_to))
    for t in per_app.values():
        t.spans = _merge(t.spans)

    window_minutes = (w1 - w0) // 60
    counted = tuple(name for name in definition("incident").states if name != "cancelled")
    cis = {i: (code, name, name_en or "", kind) for i, code, name, name_en, kind in ConfigurationItem.select(
        ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.name, ConfigurationItem.name_en,
        ConfigurationItem.kind).tuples()}

    def figures(ci_id: int, apps: list[int], tallies: list[_Tally], path: tuple[Hop, ...] = ()) -> Reliability:
        code, name, name_en, kind = cis.get(ci_id, (str(ci_id), str(ci_id), "", ""))
        downtime = sum(e - s for s, e in _merge([s for t in tallies for s in t.spans]))
        return Reliability(
            ci_id=ci_id, code=code, name=name, name_en=name_en, kind=kind,
            incidents=sum(t.incidents for t in tallies), restored=sum(t.restored for t in tallies),
            restore_minutes=sum(t.restore_seconds for t in tallies) // 60, downtime_minutes=downtime // 60,
            window_minutes=window_minutes, recurrences=sum(t.recurrences for t in tallies),
            with_problem=sum(t.with_problem for t in tallies),
            filter=IncidentFilter(states=counted, application_ids=tuple(sorted(apps)), registered_from=start,
                                  registered_to=end),
            applications=tuple(sorted(apps)), path=path)

    applications = [figures(app, [app], [t]) for app, t in per_app.items() if t.incidents]
    graph = ci_graph()
    reached: dict[int, list[int]] = defaultdict(list)
    paths: dict[int, tuple[Hop, ...]] = {}
    for app in sorted(per_app, key=lambda a: cis.get(a, ("",))[0]):
        if not per_app[app].incidents:
            continue
        for ci_id, path in related_cis(app, graph).items():
            if ci_id != app and cis.get(ci_id, ("", "", "", ""))[3] != "application":
                reached[ci_id].append(app)
                paths.setdefault(ci_id, path)
    infrastructure = [figures(ci, apps, [per_app[a] for a in apps], paths[ci]) for ci, apps in reached.items()]
    return ReliabilityReport(start=start, end=end, applications=sorted(applications, key=_least_reliable),
                             cis=sorted(infrastructure, key=_least_reliable), own_only=reporter_id is not None)


def _least_reliable(r: Reliability) -> tuple[float, float, int, str]:
    mtbf = r.mtbf if r.mtbf is not None else float("inf")
    return (mtbf, -(r.mttr or 0.0), -r.incidents, r.code)


def window_ending(end: datetime, zone: ZoneInfo, months: int = WINDOW_MONTHS) -> datetime:
    """The start of the `months` local calendar months ending with the month `end` falls in (naive UTC).

    `end` itself is exclusive, so a month's end (the first instant of the next month) belongs to the month before.
    """
    year, month = local_month(end - timedelta(microseconds=1), zone)
    first_year, first_month = months_back(year, month, months)[0]
    return month_bounds(first_year, first_month, zone)[0]


def load_reliability(*, actor_id: int, time_zone: str = "Asia/Seoul", now: datetime | None = None,
                     months: int = WINDOW_MONTHS) -> ReliabilityReport:
    """The dashboard's reliability: the `months` local months up to now (this month so far), as `actor_id`
    may see it (a customer: the incidents they registered)."""
    actor = load_actor(actor_id)
    end = now or utcnow()
    start = window_ending(end, ZoneInfo(time_zone), months)
    return reliability(start=start, end=end, reporter_id=actor.id if actor.is_customer_only else None)
