"""What a cell of a case list says, in the user's language and time zone.

The table models on screen and the list export (`desktop/workflow/integrations/export.py`) both
format through these functions, so a file a manager opens says exactly what the
list showed: the same column names, state names, local times and SLA countdown.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from desktop.i18n import pick
from desktop.workflow.cases.texts import COLUMN_LABELS, SLA_STATES, TEXTS
from desktop.workflow.sla.durations import format_minutes

# The columns of each list, in the order the list shows them.
INCIDENT_COLUMNS = ("number", "grade", "title", "application", "state", "assignee", "sla", "registered_at")
CASE_COLUMNS = ("number", "title", "state", "assignee", "opened_at")

OVERDUE = TEXTS.pair("list_format.over")

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def column_label(column: str, language: str) -> str:
    """A list column's header, e.g. "해결 기한까지" / "Resolve within"."""
    return pick(COLUMN_LABELS[column], language)


def local_datetime(moment: datetime | None, zone: str) -> datetime | None:
    """A stored naive-UTC time as a naive local time in `zone` (what a spreadsheet date cell holds)."""
    if not moment:
        return None
    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def local_text(moment: datetime | None, zone: str) -> str:
    """A stored naive-UTC time as the user's local 'YYYY-MM-DD HH:MM'."""
    local = local_datetime(moment, zone)
    return local.strftime("%Y-%m-%d %H:%M") if local is not None else ""


def sla_text(row: Any, now: datetime, language: str) -> str:
    """The "resolve within" cell of an incident row at `now` (naive UTC): time left, time over, or how the
    clock ended ("1일 7시간 20분", "35분 초과", "일시 정지", "준수", "미준수")."""
    if row.sla_state == "running" and row.sla_due_at is not None:
        minutes = int((row.sla_due_at - now).total_seconds() // 60)
        if minutes < 0:
            return pick(OVERDUE, language).format(format_minutes(-minutes, language))
        return format_minutes(minutes, language)
    label = SLA_STATES.get(row.sla_state)
    return pick(label, language) if label else ""


def csv_safe(value: Any) -> Any:
    """Text that Excel would run as a formula, quoted with ' so it stays text; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_unguard(text: str) -> str:
    """Undo `csv_safe` on a value read back from a file Beacon wrote."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
