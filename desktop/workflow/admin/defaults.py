"""The reference data every new Beacon database starts with (DESIGN.md §3).

Idempotent: rows that exist (by code) are left as the administrator edited them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.models import (
    BusinessCalendar,
    Grade,
    ImpactLevel,
    PriorityMatrixCell,
    Role,
    Setting,
    SlaPolicy,
    UrgencyLevel,
    database,
)
from desktop.workflow.admin.texts import DEFAULT_NAMES, TEXTS
from desktop.workflow.engine.process import _active_row, seed_process
from desktop.workflow.engine.roles import ROLES

# The seeded names live in `texts.DEFAULT_NAMES`.
LEVELS: list[tuple[str, int, str, str]] = [
    (code, level, DEFAULT_NAMES[f"level.{code}"]["ko"], DEFAULT_NAMES[f"level.{code}"]["en"])
    for code, level in (("high", 1), ("medium", 2), ("low", 3))
]

GRADES: list[tuple[int, str, str, str]] = [
    (level, DEFAULT_NAMES[f"grade.{level}"]["ko"], DEFAULT_NAMES[f"grade.{level}"]["en"], color)
    for level, color in ((1, "#d32f2f"), (2, "#f57c00"), (3, "#fbc02d"), (4, "#1976d2"))
]

# urgency code → impact code → grade level
PRIORITY_MATRIX: dict[str, dict[str, int]] = {
    "high": {"high": 1, "medium": 2, "low": 3},
    "medium": {"high": 2, "medium": 3, "low": 4},
    "low": {"high": 3, "medium": 4, "low": 4},
}

BUSINESS_HOURS = {day: [["09:00", "18:00"]] for day in ("mon", "tue", "wed", "thu", "fri")} | {"sat": [], "sun": []}

CALENDARS: list[dict[str, object]] = [
    {"code": "24x7", "name": DEFAULT_NAMES["calendar.24x7"]["ko"], "name_en": DEFAULT_NAMES["calendar.24x7"]["en"],
     "is_24x7": True, "working_hours": "{}", "holiday_country": ""},
    {"code": "kr_business", "name": DEFAULT_NAMES["calendar.kr_business"]["ko"],
     "name_en": DEFAULT_NAMES["calendar.kr_business"]["en"], "is_24x7": False,
     "working_hours": json.dumps(BUSINESS_HOURS), "holiday_country": "KR"},
]

# grade level → (response minutes, resolution minutes, calendar code); business minutes for
# business calendars: 24 business hours = 1440, 3 business days of 9 hours = 1620.
SLA_TARGETS: dict[int, tuple[int, int, str]] = {
    1: (10, 4 * 60, "24x7"),
    2: (30, 8 * 60, "24x7"),
    3: (120, 24 * 60, "kr_business"),
    4: (240, 3 * 9 * 60, "kr_business"),
}

INCIDENT_TYPES: list[dict[str, str]] = [
    {"code": code, "name": DEFAULT_NAMES[f"incident_type.{code}"]["ko"],
     "name_en": DEFAULT_NAMES[f"incident_type.{code}"]["en"]}
    for code in ("application", "system", "network", "data", "security", "external")
]

SETTINGS: dict[str, object] = {
    "organization_name": TEXTS.pair("defaults.organization_name"),
    "time_zone": "Asia/Seoul",
    "incident_types": INCIDENT_TYPES,
    "reopen_window_days": 7,
    "close_problem_resolves_incidents": True,
    "demo_loaded": False,
}


@dataclass(frozen=True)
class SeedResult:
    """How many reference rows were added (0 everywhere on a second run)."""

    added: int


def seed_defaults() -> SeedResult:
    """Insert the shipped reference data that is missing, in one transaction."""
    added = 0
    with database.atomic():
        for order, (code, name, name_en, in_matrix, is_global) in enumerate(ROLES):
            _, created = Role.get_or_create(
                code=code,
                defaults={"name": name, "name_en": name_en, "in_matrix": in_matrix, "is_global": is_global,
                          "sort_order": order},
            )
            added += created
        for model in (UrgencyLevel, ImpactLevel):
            for code, rank, name, name_en in LEVELS:
                _, created = model.get_or_create(code=code, defaults={"rank": rank, "name": name, "name_en": name_en})
                added += created
        for level, name, name_en, color in GRADES:
            _, created = Grade.get_or_create(level=level, defaults={"name": name, "name_en": name_en, "color": color})
            added += created
        grades = {g.level: g for g in Grade.select()}
        urgencies = {u.code: u for u in UrgencyLevel.select()}
        impacts = {i.code: i for i in ImpactLevel.select()}
        for u_code, row in PRIORITY_MATRIX.items():
            for i_code, level in row.items():
                _, created = PriorityMatrixCell.get_or_create(
                    urgency=urgencies[u_code], impact=impacts[i_code], defaults={"grade": grades[level]}
                )
                added += created
        for spec in CALENDARS:
            _, created = BusinessCalendar.get_or_create(
                code=spec["code"], defaults={k: v for k, v in spec.items() if k != "code"}
            )
            added += created
        calendars = {c.code: c for c in BusinessCalendar.select()}
        for level, (response, resolution, cal_code) in SLA_TARGETS.items():
            _, created = SlaPolicy.get_or_create(
                case_kind="incident",
                grade=grades[level],
                defaults={"response_minutes": response, "resolution_minutes": resolution,
                          "calendar": calendars[cal_code], "warning_percent": 80},
            )
            added += created
        for key, value in SETTINGS.items():
            _, created = Setting.get_or_create(key=key, defaults={"value": json.dumps(value, ensure_ascii=False)})
            added += created
        # Each process's first version is stored here, with the reference data, rather than by the first
        # case: a version stored inside a case's transaction that then rolls back would leave the
        # process cache (keyed by row id) pointing at a row that no longer exists or is another process.
        for kind in ("incident", "problem", "change", "work_order"):
            if _active_row(kind) is None:
                seed_process(kind)
                added += 1
    return SeedResult(added=added)
