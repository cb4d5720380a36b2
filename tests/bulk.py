"""Many incidents at once for list tests: one INSERT … SELECT per table, no workflow, a second or two for 100k.

Incident i (1 = the oldest) is numbered `INC-2020-{i:06d}`, titled `대량 {i:06d}`, registered i minutes after
`start`; its grade level is 1 + i % 4 and its state cycles registered → accepted → in_progress (i % 3), so
a list sorted or filtered by them has a known shape.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.models import Grade, ImpactLevel, Incident, UrgencyLevel, database
from desktop.models import db as dbmod

STATES = ("registered", "accepted", "in_progress")


def number(i: int) -> str:
    return f"INC-2020-{i:06d}"


def title(i: int) -> str:
    return f"대량 {i:06d}"


def many_incidents(n: int, *, reporter_id: int, application_id: int, start: datetime) -> None:
    """Insert incidents 1..n (see the module's docstring) in one transaction."""
    pg = dbmod.backend() == "postgresql"
    p = "%s" if pg else "?"
    if pg:
        series = f"SELECT i FROM generate_series(1, {int(n)}) AS s(i)"
        at = f"({p}::timestamp + i * interval '1 minute')"
        text = "lpad(i::text, 6, '0')"
    else:
        series = f"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {int(n)}) SELECT i FROM s"
        at = f"datetime({p}, '+' || i || ' minutes')"
        text = "printf('%06d', i)"
    grades = {level: gid for gid, level in Grade.select(Grade.id, Grade.level).tuples()}
    mod = "%%" if pg else "%"  # psycopg2 reads a lone % as a parameter
    grade = f"CASE i {mod} 4 " + " ".join(f"WHEN {level - 1} THEN {grades[level]}" for level in (1, 2, 3, 4)) + " END"
    state = f"CASE i {mod} 3 " + " ".join(f"WHEN {k} THEN '{s}'" for k, s in enumerate(STATES)) + " END"
    stamp = start.strftime("%Y-%m-%d %H:%M:%S")
    fixed: dict[str, Any] = {
        "description": "", "application_id": application_id, "incident_type": "application",
        "urgency_id": UrgencyLevel.get(UrgencyLevel.code == "high").id,
        "impact_id": ImpactLevel.get(ImpactLevel.code == "high").id, "registered_by_id": reporter_id,
        "waiting_for_customer": False, "reopen_count": 0, "resolution": "", "cause": "", "result": "",
        "follow_up_plan": "", "recurrence_prevention": "", "cancel_reason": "", "version": 1,
    }
    for field in Incident._meta.sorted_fields:  # any column a later schema adds with a default
        if field.column_name not in fixed and not field.null and field.default is not None \
                and not callable(field.default) and field.column_name not in ("case_id", "title", "grade_id",
                                                                              "state", "registered_at"):
            fixed[field.column_name] = field.default
    names = ", ".join(fixed)
    marks = ", ".join(p for _ in fixed)
    with database.atomic():
        database.execute_sql(
            f"INSERT INTO cases (kind, number, created_at) SELECT 'incident', 'INC-2020-' || {text}, {at} "
            f"FROM ({series}) AS n", (stamp,))
        database.execute_sql(
            f"INSERT INTO incident (case_id, title, grade_id, state, registered_at, updated_at, {names}) "
            f"SELECT c.id, '대량 ' || substr(c.number, 10), {grade}, {state}, c.created_at, c.created_at, {marks} "
            f"FROM cases c JOIN ({series}) AS n ON c.number = 'INC-2020-' || {text}",
            tuple(fixed.values()))
