"""Export a case list as the list shows it: every row matching its filters, in its order, to CSV or XLSX.

The rows come from the same query functions as the lists on screen (`list_incidents`,
`list_cases`), read page by page with the keyset cursor, and are formatted by the
same functions as the table models (`list_format`), so the file says what the list
said — in the user's language and time zone — and a million-row export never holds
more than one page in memory. Both writers stream into a temporary file next to the
target, which is renamed into place only when complete: a cancelled or failed export
leaves no half-written file behind.

CSV is UTF-8 with a BOM (Excel then reads Hangul right). XLSX (openpyxl, write-only)
has real date cells (local, time-zone-naive) and numbers, a bold frozen header row
with an autofilter, column widths fitted to the first page, and a second sheet saying
which list, which filters and sort, when and by whom. Text that a spreadsheet would
run as a formula (starting with =, +, -, @, tab or CR) stays text: quoted with ' in
CSV, a string cell in XLSX.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import os
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.errors import BeaconError
from desktop.i18n import pick
from desktop.models import ConfigurationItem, Grade, User
from desktop.workflow.cases.list_format import (
    INCIDENT_COLUMNS,
    case_columns,
    column_label,
    csv_safe,
    due_text,
    local_datetime,
    local_text,
    sla_text,
)
from desktop.workflow.cases.queries import CaseFilter, Cursor, IncidentFilter, Sort, list_cases, list_incidents
from desktop.workflow.common.actors import load_actor
from desktop.workflow.engine.process import open_states, state_label
from desktop.workflow.integrations.texts import EXPORT_MESSAGES as _MESSAGES
from desktop.workflow.integrations.texts import LIST_NAMES, TEXTS

FORMATS = ("csv", "xlsx")
KINDS = ("incident", "problem", "change", "work_order")
EXPORT_PAGE = 1000  # rows read per query: big enough to be quick, small enough to stream
FILE_STEMS = {"incident": "incidents", "problem": "problems", "change": "changes", "work_order": "work-orders"}
DATE_FORMAT = "yyyy-mm-dd hh:mm"
MAX_WIDTH = 60  # characters; longer titles wrap out of sight rather than push every other column away


class ExportError(BeaconError):
    """An export that could not be written, with a message a user can act on in Korean and English."""

    def message(self, language: str | None = None) -> str:
        return pick(_MESSAGES[self.code], language).format(**self.params)


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""


@dataclass(frozen=True)
class ExportSpec:
    """Which list to export, as it is shown: its filters, its sort and its columns in display order."""

    kind: str  # incident | problem | change | work_order
    filters: IncidentFilter | CaseFilter | None = None
    sort: Sort | None = None
    columns: tuple[str, ...] = ()  # empty: every column of the list
    list_name: str = ""  # a key of LIST_NAMES (e.g. "my_work"); default: the kind's


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    format: str


def list_columns(kind: str) -> tuple[str, ...]:
    """The columns a list of this kind shows, in its order."""
    return INCIDENT_COLUMNS if kind == "incident" else case_columns(kind)


def default_file_name(kind: str, fmt: str, today: date) -> str:
    """The name a save dialog proposes, e.g. `incidents-2026-11-27.xlsx`."""
    return f"{FILE_STEMS[kind]}-{today:%Y-%m-%d}.{fmt}"


def _xlsx_text(value: str) -> str:
    """Text an XLSX cell can hold: XML forbids most control characters (openpyxl would refuse the cell)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _formats(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError("export.bad_format", format=fmt)
    return fmt


def _columns(spec: ExportSpec) -> tuple[str, ...]:
    known = list_columns(spec.kind)
    for column in spec.columns:
        if column not in known:
            raise ExportError("export.bad_column", column=column, allowed=", ".join(known))
    return spec.columns or known


def pages(*, actor_id: int, spec: ExportSpec, page_size: int = EXPORT_PAGE,
          cancel: threading.Event | None = None) -> Iterator[list[Any]]:
    """Every row of the list in its order, one page at a time (the keyset cursor carries on where a page ended).

    Raises:
        ExportCancelled: `cancel` was set between two pages.
    """
    if spec.kind not in KINDS:
        raise ValueError(f"unknown list kind {spec.kind!r}")
    after: Cursor | None = None
    while True:
        if cancel is not None and cancel.is_set():
            raise ExportCancelled
        if spec.kind == "incident":
            page = list_incidents(actor_id=actor_id, filters=_as(spec.filters, IncidentFilter), after=after,
                                  limit=page_size, sort=spec.sort)
            rows, after = page.rows, page.next_cursor
        else:
            case_page = list_cases(actor_id=actor_id, kind=spec.kind, filters=_as(spec.filters, CaseFilter),
                                   after=after, limit=page_size, sort=spec.sort)
            rows, after = case_page.rows, case_page.next_cursor
        if rows:
            yield rows
        if after is None:
            return


def _as(filters: Any, expected: type) -> Any:
    if filters is not None and not isinstance(filters, expected):
        raise TypeError(f"this list takes {expected.__name__}, not {type(filters).__name__}")
    return filters


def row_values(row: Any, kind: str, columns: Sequence[str], *, language: str, time_zone: str,
               now: datetime) -> list[Any]:
    """One row's cells as the list shows them, typed: text, the grade as a number, times as naive local
    datetimes (the CSV writer turns those into the list's 'YYYY-MM-DD HH:MM')."""
    out: list[Any] = []
    for column in columns:
        if column == "state":
            out.append(state_label(kind, row.state, language))
        elif column == "sla":
            out.append(sla_text(row, now, language))
        elif column == "grade":
            out.append(row.grade)
        elif column == "due_at":
            out.append(due_text(row, now, language, time_zone))
        elif column in ("registered_at", "opened_at"):
            out.append(local_datetime(getattr(row, column) or None, time_zone))
        else:
            out.append(getattr(row, column))
    return out


def describe(spec: ExportSpec, *, language: str, time_zone: str) -> list[tuple[str, str]]:
    """What the list was filtered by, as (label, value) lines in the user's language."""
    f = spec.filters
    lines: list[tuple[str, str]] = []

    def add(key: str, value: str) -> None:
        lines.append((TEXTS.pick(key, language), value))

    if f is None:
        return lines
    if f.states:
        if set(f.states) == set(open_states(spec.kind)):
            add("export.state", TEXTS.pick("export.open", language))
        else:
            add("export.state", ", ".join(state_label(spec.kind, s, language) for s in f.states))
    if isinstance(f, IncidentFilter):
        if f.grades:
            names = {level: pick({"ko": ko, "en": en}, language) for level, ko, en in
                     Grade.select(Grade.level, Grade.name, Grade.name_en).where(Grade.level.in_(f.grades)).tuples()}
            add("export.grade", ", ".join(names.get(level, str(level)) for level in f.grades))
        if f.application_ids:
            apps = {i: pick({"ko": ko, "en": en}, language) for i, ko, en in
                    ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.name_en)
                    .where(ConfigurationItem.id.in_(f.application_ids)).tuples()}
            add("export.application", ", ".join(apps.get(i, f"#{i}") for i in f.application_ids))
        since, until = f.registered_from, f.registered_to
    else:
        since, until = f.opened_from, f.opened_to
    if f.assignee_id is not None:
        user = User.get_or_none(User.id == f.assignee_id)
        add("export.assignee", f"{user.name} ({user.login})" if user else f"#{f.assignee_id}")
    if f.unassigned:
        add("export.assignee", TEXTS.pick("export.unassigned", language))
    if since is not None or until is not None:
        period = f"{local_text(since, time_zone)} ~ {local_text(until, time_zone)}".strip()
        add("export.registered", period)
    if f.text:
        add("export.search", f.text)
    if f.case_ids:
        add("export.cases", ", ".join(str(i) for i in f.case_ids))
    return lines


def _sort_text(spec: ExportSpec, language: str) -> str:
    """The list's order as its header shows it, e.g. "등록 일시, 내림차순" / "Title, ascending"."""
    incident = spec.kind == "incident"
    sort = spec.sort or Sort("registered_at" if incident else "opened_at")
    opened = "registered_at" if incident else "opened_at"  # the two names of the same column
    column = {"sla_due": "sla", "registered_at": opened, "opened_at": opened}.get(sort.key, sort.key)
    label = column_label(column, language) if column in list_columns(spec.kind) else sort.key
    way = TEXTS.pair("export.descending") if sort.descending else TEXTS.pair("export.ascending")
    return f"{label}, {pick(way, language)}"


def export_list(*, actor_id: int, spec: ExportSpec, path: str | os.PathLike[str], fmt: str, language: str,
                time_zone: str, now: datetime | None = None, page_size: int = EXPORT_PAGE,
                progress: Callable[[int], None] | None = None,
                cancel: threading.Event | None = None) -> ExportResult:
    """Write the whole list to `path` as CSV or XLSX; returns the path and the number of rows.

    Args:
        actor_id: who exports; the rows are those this user may see (a customer only their own).
        spec: the list's kind, filters, sort and shown columns.
        fmt: "csv" or "xlsx".
        language, time_zone: how the list speaks and tells time (headers, states, SLA, dates).
        now: naive UTC for the SLA column (default: the moment the export starts).
        progress: called with the rows written so far after each page (on the exporting thread).
        cancel: set it to stop between two pages.

    Raises:
        ExportCancelled: `cancel` was set; no file was written.
        ExportError: the file could not be written (locked by another program, disk full, ...).
    """
    fmt = _formats(fmt)
    columns = _columns(spec)
    target = Path(path)
    actor = load_actor(actor_id)
    started = now or datetime.now(UTC).replace(tzinfo=None)
    rows = pages(actor_id=actor_id, spec=spec, page_size=page_size, cancel=cancel)
    header = [column_label(c, language) for c in columns]
    info = {"list": pick(LIST_NAMES[spec.list_name or spec.kind], language),
            "filters": describe(spec, language=language, time_zone=time_zone), "sort": _sort_text(spec, language),
            "at": local_datetime(started.replace(microsecond=0), time_zone), "zone": time_zone,
            "by": actor.display}

    def values() -> Iterator[list[list[Any]]]:
        for page in rows:
            yield [row_values(r, spec.kind, columns, language=language, time_zone=time_zone, now=started)
                   for r in page]

    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _write_error(exc, target) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            if fmt == "csv":
                count = _write_csv(stream, header, values(), progress)
            else:
                count = _write_xlsx(stream, header, columns, values(), progress, info, language)
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _write_error(exc, target) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return ExportResult(path=target, rows=count, format=fmt)


def _write_error(exc: OSError, target: Path) -> ExportError:
    if isinstance(exc, PermissionError):
        return ExportError("export.locked", path=str(target))
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError("export.disk_full", path=str(target))
    return ExportError("export.cannot_write", path=str(target), reason=exc.strerror or str(exc))


def _write_csv(stream: Any, header: list[str], pages_of_values: Iterator[list[list[Any]]],
               progress: Callable[[int], None] | None) -> int:
    import io

    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    count = 0
    for page in pages_of_values:
        writer.writerows([_csv_cell(v) for v in values] for values in page)
        count += len(page)
        if progress is not None:
            progress(count)
    text.flush()
    text.detach()
    return count


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return csv_safe(value)


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: Hangul and other wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _write_xlsx(stream: Any, header: list[str], columns: Sequence[str], pages_of_values: Iterator[list[list[Any]]],
                progress: Callable[[int], None] | None, info: dict[str, Any], language: str) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    try:
        return _fill_xlsx(book, stream, header, columns, pages_of_values, progress, info, language)
    except BaseException:
        _discard(book)
        raise


def _discard(book: Any) -> None:
    """Close and delete the temporary files of an unfinished write-only workbook (a cancel or a failure):
    left open, openpyxl would write into them when they are collected, and leave them in the temp folder."""
    for sheet in book.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def _fill_xlsx(book: Any, stream: Any, header: list[str], columns: Sequence[str],
               pages_of_values: Iterator[list[list[Any]]], progress: Callable[[int], None] | None,
               info: dict[str, Any], language: str) -> int:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title=info["list"][:31])
    first = next(pages_of_values, [])
    # widths must be set before the first row is written: fit the header and the first page
    widths = [_display_width(h) + 4 for h in header]  # room for the autofilter button
    for values in first[:EXPORT_PAGE]:
        for i, value in enumerate(values):
            shown = "0000-00-00 00:00" if isinstance(value, datetime) else str(value if value is not None else "")
            widths[i] = max(widths[i], _display_width(shown) + 2)
    for i, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(i)].width = min(width, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def header_cell(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=_xlsx_text(text))
        cell.font = bold
        return cell

    def cell(value: Any) -> Any:
        if isinstance(value, str):
            value = _xlsx_text(value)
            if value.startswith("="):  # openpyxl would store it as a formula
                text = WriteOnlyCell(sheet, value=value)
                text.data_type = "s"
                return text
            return value
        if isinstance(value, datetime):
            moment = WriteOnlyCell(sheet, value=value)
            moment.number_format = DATE_FORMAT
            return moment
        return value

    sheet.append([header_cell(h) for h in header])
    count = 0

    def write(page: list[list[Any]]) -> None:
        nonlocal count
        for values in page:
            sheet.append([cell(v) for v in values])
        count += len(page)
        if progress is not None:
            progress(count)

    if first:
        write(first)
    for page in pages_of_values:
        write(page)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"

    about = book.create_sheet(title=TEXTS.pick("export.about_this_export", language))
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 60

    def label(key: str) -> WriteOnlyCell:
        return header_cell(TEXTS.pick(f"export.about.{key}", language))

    about.append([label("list"), cell(info["list"])])
    filters = info["filters"] or [(TEXTS.pick("export.filters", language),
                                   TEXTS.pick("export.no_filter", language))]
    for name, value in filters:
        about.append([header_cell(name), cell(value)])
    about.append([label("sort"), cell(info["sort"])])
    about.append([label("rows"), count])
    about.append([label("at"), cell(info["at"])])
    about.append([label("zone"), cell(info["zone"])])
    about.append([label("by"), cell(info["by"])])
    book.save(stream)
    return count
