"""KPI aggregates in SQL agree with a plain-Python reading of the same demo data."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import datetime

import pytest

from desktop.demo.bank import load_demo
from desktop.models import ConfigurationItem, Grade, Incident, SlaClock, Team, User
from desktop.workflow.sla.kpi import incident_kpis

NOW = datetime(2026, 11, 27, 8, 0)
PERIODS = [(datetime(2025, 11, 1), datetime(2026, 12, 1)), (datetime(2026, 10, 1), datetime(2026, 11, 1))]


def judged(clock: SlaClock | None) -> int | None:
    if clock is None:
        return None
    return clock.elapsed_business_minutes if clock.uses_business_time else clock.elapsed_wall_minutes


def reference(start: datetime, end: datetime, group_by: str) -> dict[object, dict[str, object]]:
    clocks = {(c.case_id, c.kind): c for c in SlaClock.select()}
    labels = {
        "grade": {g.id: (g.level, g.name) for g in Grade.select()},
        "application": {a.id: (a.id, a.name) for a in ConfigurationItem.select()},
        "team": {t.id: (t.id, t.name) for t in Team.select()},
        "assignee": {u.id: (u.id, u.name) for u in User.select()},
    }

    def key_of(inc: Incident) -> tuple[object, str]:
        if group_by == "all":
            return "all", ""
        if group_by == "grade":
            return labels["grade"][inc.grade_id]
        if group_by == "application":
            return labels["application"][inc.application_id]
        column = inc.assigned_team_id if group_by == "team" else inc.assignee_id
        return labels[group_by].get(column, (0, ""))

    groups: dict[object, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for inc in Incident.select():
        k, label = key_of(inc)
        open_at_end = inc.registered_at < end and not (
            (inc.closed_at is not None and inc.closed_at < end)
            or (inc.cancelled_at is not None and inc.cancelled_at < end)
            or (inc.state == "cancelled" and inc.cancelled_at is None))
        if open_at_end:
            groups[k]["backlog"].append(1)
            groups[k]["label"] = [label]
        if not (start <= inc.registered_at < end) or inc.state == "cancelled":
            continue
        g = groups[k]
        g["label"] = [label]
        g["count"].append(1)
        g["reopened"].append(1 if inc.reopen_count > 0 else 0)
        r, s = clocks.get((inc.case_id, "response")), clocks.get((inc.case_id, "resolution"))
        if r is not None and r.met is not None:
            g["response"].append(r.met)
        if s is not None and s.met is not None:
            g["resolution"].append(s.met)
            g["resolve"].append(judged(s))
        if r is not None and r.stopped_at is not None and judged(r) is not None:
            g["accept"].append(judged(r))
    out = {}
    for k, g in groups.items():
        if not g["count"]:
            continue
        out[k] = {
            "count": len(g["count"]),
            "response_rate": sum(g["response"]) / len(g["response"]) if g["response"] else None,
            "resolution_rate": sum(g["resolution"]) / len(g["resolution"]) if g["resolution"] else None,
            "mean_accept": statistics.mean(g["accept"]) if g["accept"] else None,
            "median_accept": statistics.median(g["accept"]) if g["accept"] else None,
            "mean_resolve": statistics.mean(g["resolve"]) if g["resolve"] else None,
            "median_resolve": statistics.median(g["resolve"]) if g["resolve"] else None,
            "reopen_rate": sum(g["reopened"]) / len(g["count"]),
            "backlog": len(g["backlog"]),
        }
    return out


@pytest.fixture
def demo(db):
    load_demo(now=NOW, incidents=400, problems=8)
    return db


@pytest.mark.parametrize("group_by", ["all", "grade", "application", "team", "assignee"])
@pytest.mark.parametrize(("start", "end"), PERIODS, ids=["year", "october"])
def test_sql_aggregates_match_python(demo, group_by, start, end):
    expected = reference(start, end, group_by)
    rows = incident_kpis(start=start, end=end, group_by=group_by)
    assert {r.key for r in rows} == set(expected)
    for row in rows:
        want = expected[row.key]
        assert row.count == want["count"], row.label
        assert row.response_rate == pytest.approx(want["response_rate"])
        assert row.resolution_rate == pytest.approx(want["resolution_rate"])
        assert row.mean_accept_minutes == pytest.approx(want["mean_accept"])
        assert row.median_accept_minutes == pytest.approx(want["median_accept"])
        assert row.mean_resolve_minutes == pytest.approx(want["mean_resolve"])
        assert row.median_resolve_minutes == pytest.approx(want["median_resolve"])
        assert row.reopen_rate == pytest.approx(want["reopen_rate"])
        assert row.backlog == want["backlog"], row.label
    assert sum(r.count for r in rows) > 0
