"""SLA key figures for a period, grouped any way, computed by SQL aggregates.

Population: incidents registered in [start, end), cancelled ones left out.
- on-time response / resolution rate: clocks met ÷ clocks judged (running ones are not judged yet)
- mean and median minutes to accept / to resolve: the clocks' judged figures (business minutes on a
  business calendar, wall minutes on a 24×7 one), pauses subtracted
- backlog: incidents registered before `end` still open at `end`
- reopen rate: reopened incidents ÷ incidents
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.models import database

GROUPS: dict[str, tuple[str, str, str]] = {
    # name → (key expression, label expression, join)
    "all": ("'all'", "''", ""),
    "grade": ("g.level", "g.name", "JOIN grade g ON g.id = i.grade_id"),
    "application": ("i.application_id", "ci.name", "JOIN configuration_item ci ON ci.id = i.application_id"),
    "team": ("COALESCE(i.assigned_team_id, 0)", "COALESCE(t.name, '')",
             "LEFT JOIN team t ON t.id = i.assigned_team_id"),
    "assignee": ("COALESCE(i.assignee_id, 0)", "COALESCE(u.name, '')",
                 "LEFT JOIN \"user\" u ON u.id = i.assignee_id"),
}

JUDGED = "CASE WHEN {c}.uses_business_time THEN {c}.elapsed_business_minutes ELSE {c}.elapsed_wall_minutes END"


@dataclass(frozen=True)
class KpiRow:
    """Key figures of one group."""

    key: Any
    label: str
    count: int
    response_judged: int
    response_met: int
    resolution_judged: int
    resolution_met: int
    mean_accept_minutes: float | None
    median_accept_minutes: float | None
    mean_resolve_minutes: float | None
    median_resolve_minutes: float | None
    reopened: int
    backlog: int

    @property
    def response_rate(self) -> float | None:
        return self.response_met / self.response_judged if self.response_judged else None

    @property
    def resolution_rate(self) -> float | None:
        return self.resolution_met / self.resolution_judged if self.resolution_judged else None

    @property
    def reopen_rate(self) -> float | None:
        return self.reopened / self.count if self.count else None


def _scope(application_id: int | None, team_id: int | None,
           reporter_id: int | None = None) -> tuple[str, tuple[Any, ...]]:
    """An extra condition limiting the incidents to one application, one team and/or one reporter."""
    p = database.param
    sql, params = "", ()
    if application_id is not None:
        sql, params = sql + f" AND i.application_id = {p}", (*params, application_id)
    if team_id is not None:
        sql, params = sql + f" AND i.assigned_team_id = {p}", (*params, team_id)
    if reporter_id is not None:
        sql, params = sql + f" AND i.registered_by_id = {p}", (*params, reporter_id)
    return sql, params


def incident_kpis(*, start: datetime, end: datetime, group_by: str = "grade", application_id: int | None = None,
                  team_id: int | None = None, reporter_id: int | None = None, spread: bool = True) -> list[KpiRow]:
    """Key figures per group for incidents registered in [start, end), optionally of one application, team or
    reporter (a customer's own dashboard).

    With `spread=False` the medians (None) and the backlog (0) are left out: counts, rates and means only,
    for a reader that needs no more (the dashboard) — the backlog reads every incident ever registered.
    """
    key, label, join = GROUPS[group_by]
    scope, scope_params = _scope(application_id, team_id, reporter_id)
    p = database.param
    true = "1" if _sqlite() else "TRUE"
    base = f"""
        FROM incident i {join}
        LEFT JOIN sla_clock r ON r.case_id = i.case_id AND r.kind = 'response'
        LEFT JOIN sla_clock s ON s.case_id = i.case_id AND s.kind = 'resolution'
        WHERE i.registered_at >= {p} AND i.registered_at < {p} AND i.state <> 'cancelled'{scope}"""
    totals_sql = f"""
        SELECT {key} AS k, MIN({label}) AS l, COUNT(*),
               SUM(CASE WHEN r.met IS NOT NULL THEN 1 ELSE 0 END),
               SUM(CASE WHEN r.met = {true} THEN 1 ELSE 0 END),
               SUM(CASE WHEN s.met IS NOT NULL THEN 1 ELSE 0 END),
               SUM(CASE WHEN s.met = {true} THEN 1 ELSE 0 END),
               AVG(CASE WHEN r.stopped_at IS NOT NULL THEN {JUDGED.format(c="r")} END),
               AVG(CASE WHEN s.stopped_at IS NOT NULL AND s.met IS NOT NULL THEN {JUDGED.format(c="s")} END),
               SUM(CASE WHEN i.reopen_count > 0 THEN 1 ELSE 0 END)
        {base}
        {_group(key)}"""
    rows = {r[0]: r for r in database.execute_sql(totals_sql, (start, end, *scope_params)).fetchall()}
    median_accept: dict[Any, float] = {}
    median_resolve: dict[Any, float] = {}
    backlog: dict[Any, int] = {}
    if spread:
        median_accept = _medians(key, join, "r", "r.stopped_at IS NOT NULL", start, end, scope, scope_params)
        median_resolve = _medians(key, join, "s", "s.stopped_at IS NOT NULL AND s.met IS NOT NULL", start, end,
                                  scope, scope_params)
        backlog = _backlog(key, join, end, scope, scope_params)
    out = []
    for k, row in sorted(rows.items(), key=lambda kv: (kv[0] is None, kv[0])):
        out.append(KpiRow(
            key=k, label=row[1] or "", count=int(row[2]), response_judged=int(row[3] or 0),
            response_met=int(row[4] or 0), resolution_judged=int(row[5] or 0), resolution_met=int(row[6] or 0),
            mean_accept_minutes=_float(row[7]), median_accept_minutes=median_accept.get(k),
            mean_resolve_minutes=_float(row[8]), median_resolve_minutes=median_resolve.get(k),
            reopened=int(row[9] or 0), backlog=backlog.get(k, 0),
        ))
    return out


def _group(key: str) -> str:
    """GROUP BY the key, or nothing for the single "all" group (a constant cannot be grouped on)."""
    return "" if key.startswith("'") else f"GROUP BY {key}"


def _sqlite() -> bool:
    import peewee

    return isinstance(database.obj, peewee.SqliteDatabase)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _medians(key: str, join: str, clock: str, condition: str, start: datetime, end: datetime, scope: str = "",
             scope_params: tuple[Any, ...] = ()) -> dict[Any, float]:
    """Median of the judged figure per group, with window functions (both databases)."""
    p = database.param
    kind = "response" if clock == "r" else "resolution"
    sql = f"""
        WITH v AS (
            SELECT {key} AS k, {JUDGED.format(c=clock)} AS x
            FROM incident i {join}
            JOIN sla_clock {clock} ON {clock}.case_id = i.case_id AND {clock}.kind = '{kind}'
            WHERE i.registered_at >= {p} AND i.registered_at < {p} AND i.state <> 'cancelled' AND {condition}{scope}
        ), ranked AS (
            SELECT k, x, ROW_NUMBER() OVER (PARTITION BY k ORDER BY x) AS rn, COUNT(*) OVER (PARTITION BY k) AS n
            FROM v WHERE x IS NOT NULL
        )
        SELECT k, AVG(x * 1.0) FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY k"""
    return {k: float(v) for k, v in database.execute_sql(sql, (start, end, *scope_params)).fetchall()}


def _backlog(key: str, join: str, end: datetime, scope: str = "", scope_params: tuple[Any, ...] = ()) -> dict[Any, int]:
    """Incidents registered before `end` and not yet closed or cancelled at `end`, per group."""
    p = database.param
    sql = f"""
        SELECT {key}, COUNT(*) FROM incident i {join}
        WHERE i.registered_at < {p}
          AND (i.closed_at IS NULL OR i.closed_at >= {p})
          AND (i.cancelled_at IS NULL OR i.cancelled_at >= {p})
          AND NOT (i.state = 'cancelled' AND i.cancelled_at IS NULL){scope}
        {_group(key)}"""
    return {k: int(n) for k, n in database.execute_sql(sql, (end, end, end, *scope_params)).fetchall()}
