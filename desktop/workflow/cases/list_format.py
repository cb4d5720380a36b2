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
# what each of the other lists shows: a problem manager sorts by grade and application, a change names the case
# it came from, a second-line specialist sees whose incident a work order serves and when it is due
CASE_LIST_COLUMNS = {
    "problem": ("number", "grade", "title", "application", "state", "assignee", "opened_at"),
    "change": ("number", "parent", "title", "state", "assignee", "opened_at"),
    "work_order": ("number", "parent", "title", "state", "assignee", "due_at", "opened_at"),
}

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
    clock ended ("1일 7시간 20분", "35분 초과", "일시 정지", "준수", "미준수", "해당 없음 (취소)")."""
    if row.sla_state == "running" and row.sla_due_at is not None:
        minutes = int((row.sla_due_at - now).total_seconds() // 60)
        if minutes < 0:
            return pick(OVERDUE, language).format(format_minutes(-minutes, language))
        return format_minutes(minutes, language)
    label = SLA_STATES.get(row.sla_state)
    return pick(label, language) if label else ""


def case_columns(kind: str) -> tuple[str, ...]:
    """The columns of the problem, change or work-order list."""
    return CASE_LIST_COLUMNS.get(kind, CASE_COLUMNS)


def is_overdue(row: Any, now: datetime, kind: str) -> bool:
    """A work order past its due time and not finished (done or returned)."""
    return (kind == "work_order" and row.due_at is not None and row.due_at < now
            and row.state not in ("done", "returned"))


def due_text(row: Any, now: datetime, language: str, zone: str) -> str:
    """A work order's due time in the user's zone, with how far past it an unfinished one is
    ("2026-11-30 18:00 · 1일 2시간 초과"); empty when it has none."""
    if row.due_at is None:
        return ""
    shown = local_text(row.due_at, zone)
    if is_overdue(row, now, "work_order"):
        late = int((now - row.due_at).total_seconds() // 60)
        return f"{shown} · {pick(OVERDUE, language).format(format_minutes(late, language))}"
    return shown


def csv_safe(value: Any) -> Any:
    """Text that Excel would run as a formula, quoted with ' so it stays text; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_unguard(text: str) -> str:
    """Undo `csv_safe` on a value read back from a file Beacon wrote."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
