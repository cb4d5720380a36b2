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
from desktop.workflow.engine.process import _active_row, seed_process
from desktop.workflow.engine.roles import ROLES

LEVELS: list[tuple[str, int, str, str]] = [
    ("high", 1, "높음", "High"),
    ("medium", 2, "보통", "Medium"),
    ("low", 3, "낮음", "Low"),
]

GRADES: list[tuple[int, str, str, str]] = [
    (1, "1등급 (긴급)", "Grade 1 (critical)", "#d32f2f"),
    (2, "2등급 (높음)", "Grade 2 (high)", "#f57c00"),
    (3, "3등급 (보통)", "Grade 3 (medium)", "#fbc02d"),
    (4, "4등급 (낮음)", "Grade 4 (low)", "#1976d2"),
]

# urgency code → impact code → grade level
PRIORITY_MATRIX: dict[str, dict[str, int]] = {
    "high": {"high": 1, "medium": 2, "low": 3},
    "medium": {"high": 2, "medium": 3, "low": 4},
    "low": {"high": 3, "medium": 4, "low": 4},
}

BUSINESS_HOURS = {day: [["09:00", "18:00"]] for day in ("mon", "tue", "wed", "thu", "fri")} | {"sat": [], "sun": []}

CALENDARS: list[dict[str, object]] = [
    {"code": "24x7", "name": "연중무휴 (24×7)", "name_en": "Around the clock (24×7)", "is_24x7": True,
     "working_hours": "{}", "holiday_country": ""},
    {"code": "kr_business", "name": "평일 업무시간 (09–18시, 공휴일 제외)",
     "name_en": "Business hours (09–18 Mon–Fri, Korean holidays off)", "is_24x7": False,
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
    {"code": "application", "name": "응용 장애", "name_en": "Application failure"},
    {"code": "system", "name": "시스템 장애", "name_en": "System failure"},
    {"code": "network", "name": "네트워크 장애", "name_en": "Network failure"},
    {"code": "data", "name": "데이터 오류", "name_en": "Data error"},
    {"code": "security", "name": "보안 사고", "name_en": "Security incident"},
    {"code": "external", "name": "대외기관 장애", "name_en": "External party failure"},
]

SETTINGS: dict[str, object] = {
    "organization_name": {"ko": "Beacon IT 운영", "en": "Beacon IT Operations"},
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
