"""Import incidents from another ITSM (ServiceNow or any CSV): read → validate → plan → write.

A mapping (TOML; `desktop/resources/import/servicenow.toml` is the built-in ServiceNow one, read by the
same code as any generic mapping) says which file column holds which Beacon field, how the
file's states, urgencies and impacts translate, which date formats and time zone the file uses,
and what to do with applications, users and teams the database does not know (create, map to a
given code or login, or reject).

An audit-style export has one row per update of an incident (same number, ordered by the
`updated_at` column, ties by a mapped `sequence` column such as ServiceNow's `sys_mod_count`, then
by file order): each incident is rebuilt once, its states replayed through the incident process as
events in order (with the intermediate steps the process needs, e.g. New → In Progress is accept +
start), each change dated by its own row's update time, assignments and group changes (and
un-assignments) as `assign` events, waiting states as SLA pauses, reopens counted, and the SLA
clocks measured from those spans exactly as the live engine would. Columns such as `resolved_at`
describe the *final* record: they date only a change that no earlier row shows (a plain list
export's single row), never an earlier row, and a missing `resolved_at` is never filled from
`closed_at` (when the resolution time is unknown, the resolution clock gets no verdict). Links to
problems and changes go to the Beacon case already carrying that number (imported before, or a
Beacon number), else to a placeholder problem or change made with the external number.

The file is read as a stream (bounded memory however long it is): a file that ends inside a record
is refused, as is one whose rows are in two encodings (the odd row is named). A dry run reports every
bad row (row number as Excel shows it, the file's own column and value, the reason in Korean and
English; every distinct unknown value once, with how many rows carry it), every mapped field the file
has no column for, the unknown values it would create or map, and warnings (composed titles,
categories the mapping does not know); then it performs the whole write inside a transaction that it
rolls back, so whatever the import would hit (a unique key, a length limit) the dry run hits first.
`run_import` writes a good file in one transaction — all or nothing — with bulk inserts; cases
already imported from the same source are skipped, so importing a file again changes nothing.
Source numbers are unique per source and kind: a change may carry an incident's number.
No notices are written: the history is history, nobody is told about it again.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import peewee

from desktop.errors import BeaconError
from desktop.i18n import pick
from desktop.models import (
    Case,
    CaseLink,
    Change,
    ConfigurationItem,
    Event,
    Grade,
    ImpactLevel,
    Incident,
    PriorityMatrixCell,
    Problem,
    Setting,
    SlaClock,
    SlaPause,
    SlaPolicy,
    Team,
    UrgencyLevel,
    User,
    database,
    utcnow,
)
from desktop.models.imports import ImportedRecord
from desktop.models.numbering import format_number
from desktop.paths import resource_path
from desktop.workflow.common.audit import admin_change, record, require_admin
from desktop.workflow.engine.process import ProcessDef, active_version
from desktop.workflow.integrations.texts import IMPORT_FIELDS as FIELDS
from desktop.workflow.integrations.texts import TEXTS, UNKNOWN_LABELS
from desktop.workflow.sla import clocks as sla
from desktop.workflow.sla.calendars import WorkingCalendar, load_calendar

FORMATS = ("servicenow", "generic")
ENCODINGS = ("auto", "utf-8", "cp949")
UNKNOWN_KINDS = ("application", "user", "group")
CHUNK = 2_000  # rows per bulk insert (well under SQLite's variable limit with explicit executemany)

REQUIRED = ("number", "state", "opened_at")  # a title is composed when the file has none
DATE_FIELDS = ("opened_at", "updated_at", "resolved_at", "closed_at")
_DMY = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
_YMD = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
MAX_ISSUES = 1_000  # bad rows listed one by one; the rest are counted (distinct unknown values are always listed)
TRACKED = ("assignee", "assignment_group")  # an empty cell in these columns means "nobody" (an un-assignment)
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
ACTION = TEXTS.pair("importer.import_incidents")
RECORD = TEXTS.pair("importer.incident_import")


# --- the mapping ---------------------------------------------------------------------------

@dataclass
class Mapping:
    """How one kind of file becomes Beacon incidents (see the module docstring and README)."""

    source: str = "generic"
    label: str = ""
    time_zone: str = "Asia/Seoul"
    encoding: str = "auto"
    date_formats: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # file column → Beacon field
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field → file value → Beacon value
    defaults: dict[str, str] = field(default_factory=dict)
    unknown: dict[str, str] = field(default_factory=lambda: dict.fromkeys(UNKNOWN_KINDS, "reject"))
    application_impact: str = "medium"
    null_markers: list[str] = field(default_factory=list)  # cells that mean "empty" in this export, e.g. "?"

    def column_of(self, name: str) -> list[str]:
        """The file columns that feed a Beacon field, in mapping order (the first non-empty wins)."""
        return [c for c, f in self.columns.items() if f == name]


class MappingError(BeaconError):
    """A mapping file that cannot be used, with the key to fix."""

    def __init__(self, key: str, reason: dict[str, str]) -> None:
        super().__init__("import.bad_mapping", key=key, reason=reason)


def _lookup_key(value: str) -> str:
    return value.strip().casefold()


def parse_mapping(text: str, *, name: str = "mapping") -> Mapping:
    """A mapping from TOML text; raises MappingError naming the key that is wrong."""
    try:
        return _parse_mapping(text, name=name)
    except (TypeError, AttributeError, ValueError) as exc:  # a section or value of the wrong kind
        raise MappingError(name, TEXTS.pair("importer.wrong_kind", exc=exc)) from None


def _parse_mapping(text: str, *, name: str) -> Mapping:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(name, TEXTS.pair("importer.not_valid_toml", exc=exc)) from None
    source = raw.get("source", {})
    m = Mapping()
    m.source = str(source.get("name") or "generic").strip()[:40]
    m.label = str(source.get("label") or m.source)
    m.time_zone = str(source.get("time_zone") or "Asia/Seoul")
    m.encoding = str(source.get("encoding") or "auto").lower()
    m.date_formats = [str(f) for f in source.get("date_formats", [])]
    markers = source.get("null_markers", [])
    if isinstance(markers, str) or not isinstance(markers, list):
        raise MappingError("source.null_markers", TEXTS.pair("importer.null_markers_list"))
    m.null_markers = [str(x).strip() for x in markers if str(x).strip()]
    if m.encoding not in ENCODINGS:
        raise MappingError("source.encoding", TEXTS.pair("importer.bad_encoding"))
    _check_zone(m.time_zone, "source.time_zone")
    columns = raw.get("columns", {})
    if not isinstance(columns, dict) or not columns:
        raise MappingError("columns", TEXTS.pair("importer.no_columns"))
    for column, target in columns.items():
        if target not in FIELDS and target != "":
            names = ", ".join(FIELDS)
            raise MappingError(f"columns.{column}",
                               TEXTS.pair("importer.unknown_field", target=target, names=names))
    m.columns = {str(c).strip(): str(f) for c, f in columns.items() if f}
    missing = [f for f in REQUIRED if not m.column_of(f)]
    if missing:
        raise MappingError("columns", TEXTS.pair("importer.required_unmapped", missing=", ".join(missing)))
    for kind, table in raw.get("values", {}).items():
        if not isinstance(table, dict):
            raise MappingError(f"values.{kind}", TEXTS.pair("importer.values_not_a_table"))
        m.values[kind] = {_lookup_key(str(k)): str(v) for k, v in table.items()}
    m.defaults = {str(k): str(v) for k, v in raw.get("defaults", {}).items()}
    unknown = raw.get("unknown", {})
    for kind in UNKNOWN_KINDS:
        rule = str(unknown.get(kind, "reject"))
        if rule not in ("create", "reject") and not (rule.startswith("map:") and rule[4:].strip()):
            raise MappingError(f"unknown.{kind}", TEXTS.pair("importer.bad_unknown_rule"))
        m.unknown[kind] = rule
    m.application_impact = str(unknown.get("application_impact", "medium"))
    return m


def _check_zone(zone: str, key: str) -> ZoneInfo:
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise MappingError(key, TEXTS.pair("importer.unknown_time_zone", zone=zone)) from None


def builtin_mapping(fmt: str) -> Mapping:
    """The mapping shipped for a format: ServiceNow's columns and values (generic needs a file)."""
    if fmt != "servicenow":
        raise BeaconError("import.mapping_required")
    return parse_mapping(resource_path("import", "servicenow.toml").read_text(encoding="utf-8"),
                         name="servicenow.toml")


def mapping_to_toml(m: Mapping) -> str:
    """Write a mapping back as TOML (what the GUI saves), readable by `parse_mapping`."""
    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["[source]", f"name = {q(m.source)}", f"label = {q(m.label)}", f"time_zone = {q(m.time_zone)}",
             f"encoding = {q(m.encoding)}", "date_formats = [" + ", ".join(q(f) for f in m.date_formats) + "]",
             "null_markers = [" + ", ".join(q(x) for x in m.null_markers) + "]",
             "", "[columns]"]
    lines += [f"{q(c)} = {q(f)}" for c, f in m.columns.items()]
    for kind, table in m.values.items():
        lines += ["", f"[values.{kind}]", *(f"{q(k)} = {q(v)}" for k, v in table.items())]
    lines += ["", "[defaults]", *(f"{q(k)} = {q(v)}" for k, v in m.defaults.items())]
    lines += ["", "[unknown]", *(f"{k} = {q(m.unknown[k])}" for k in UNKNOWN_KINDS),
              f"application_impact = {q(m.application_impact)}", ""]
    return "\n".join(lines)


# --- reading ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportIssue:
    """One problem: its row number as Excel shows it (1 = the header), the file's column and value, and why.

    `count` > 1 when the same value is wrong on several rows: it is listed once, at its first row.
    """

    row: int
    column: str
    value: str
    reason: dict[str, str]
    count: int = 1

    def message(self, language: str | None = None) -> str:
        where = TEXTS.pick("importer.row", language, row=self.row)
        column = f" [{self.column}]" if self.column else ""
        value = f" '{self.value}'" if self.value else ""
        more = f" ({TEXTS.pick('importer.and_more_rows', language, count=self.count - 1)})" if self.count > 1 else ""
        return f"{where}{column}{value}: {pick(self.reason, language)}{more}"


@dataclass(frozen=True)
class Unknown:
    """A value the database does not know, and what the import does with it."""

    kind: str  # application | user | group
    value: str
    action: str  # create | map | reject
    target: str  # the code or login it maps to (map), or the code it will get (create)
    rows: int  # how many rows name it

    def message(self, language: str | None = None) -> str:
        what = pick(UNKNOWN_LABELS[self.kind], language)
        text = {"create": TEXTS.pair("importer.unknown_will_be_created", target=self.target),
                "map": TEXTS.pair("importer.unknown_mapped", target=self.target),
                "reject": TEXTS.pair("importer.unknown_rejected_row")}[self.action]
        rows = TEXTS.pick("importer.rows", language, rows=self.rows)
        return f"{what} '{self.value}': {pick(text, language)} ({rows})"


@dataclass
class SourceFile:
    """A decoded CSV: header and rows (each with its Excel row number)."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str
    sha256: str


_CODECS = {"utf-8": "utf-8-sig", "cp949": "cp949"}


class _BytesReader(io.RawIOBase):
    """Reads bytes in place (io.BytesIO copies a large file the first time it is read)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.view = memoryview(data)
        self.position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), len(self.view) - self.position)
        buffer[:size] = self.view[self.position:self.position + size]
        self.position += size
        return size


def _stream(data: bytes) -> io.BufferedReader:
    return io.BufferedReader(_BytesReader(data), buffer_size=1 << 20)


def _row_at(data: bytes, offset: int, codec: str) -> int:
    """The Excel row (1 = the header) of the record that holds byte `offset`: records, not lines, are counted,
    so a description that spans lines does not shift the number."""
    prefix = data[:offset].decode(codec, errors="replace")
    return sum(1 for _ in csv.reader(io.StringIO(prefix + "x", newline="")))  # "x" lands in the record at offset


def choose_encoding(data: bytes, encoding: str = "auto") -> str:
    """The file's encoding, "utf-8" (with or without BOM) or "cp949", checked line by line without decoding the
    whole file at once.

    Raises:
        BeaconError: naming the row that is not in the file's encoding — in a UTF-8 file with one row pasted
            from a CP949 file, that row (not the first Korean row, which CP949 cannot read either).
    """
    utf8 = other = 0
    first_other = first_utf8 = first_neither = first_not_cp949 = -1
    offset = 0
    for line in _stream(data):
        if not line.isascii():
            try:
                line.decode("utf-8")
                utf8 += 1
                first_utf8 = offset if first_utf8 < 0 else first_utf8
            except UnicodeDecodeError:
                other += 1
                first_other = offset if first_other < 0 else first_other
                try:
                    line.decode("cp949")
                except UnicodeDecodeError:
                    first_neither = offset if first_neither < 0 else first_neither
            if encoding == "cp949" and first_not_cp949 < 0:
                try:
                    line.decode("cp949")
                except UnicodeDecodeError:
                    first_not_cp949 = offset
        offset += len(line)
    if encoding == "cp949":
        if first_not_cp949 >= 0:
            raise BeaconError("import.bad_encoding", row=_row_at(data, first_not_cp949, "cp949"))
        return "cp949"
    if not other:
        return "utf-8"
    if encoding == "utf-8":
        raise BeaconError("import.not_utf8", row=_row_at(data, first_other, "utf-8"))
    if utf8:  # two encodings in one file: the odd rows out are the few
        if utf8 >= other:
            raise BeaconError("import.mixed_encoding", row=_row_at(data, first_other, "utf-8"), encoding="UTF-8")
        raise BeaconError("import.mixed_encoding", row=_row_at(data, first_utf8, "cp949"), encoding="CP949")
    if first_neither >= 0:
        raise BeaconError("import.bad_encoding", row=_row_at(data, first_neither, "cp949"))
    return "cp949"


def decode(data: bytes, encoding: str = "auto") -> tuple[str, str]:
    """The text and the encoding used: UTF-8 (with or without BOM) strictly, else CP949 (EUC-KR)."""
    used = choose_encoding(data, encoding)
    return data.decode(_CODECS[used]), used


def iter_records(data: bytes, encoding: str) -> Iterator[tuple[int, list[str]]]:
    """(Excel row, cells) for every record after the header, read as a stream in the given encoding.

    Raises:
        BeaconError: the file ends inside a record (an open quote, or a last row short of the header's
            columns with no line break after it: a file cut off), or the CSV is broken.
    """
    stream = io.TextIOWrapper(_stream(data), encoding=_CODECS[encoding], newline="")
    reader = csv.reader(stream, strict=True)  # a cut-off quote is an error, not one huge field
    row_no, width, last = 1, 0, []
    try:
        width = len(next(reader, []))
        for row_no, fields in enumerate(reader, start=2):
            last = fields
            yield row_no, fields
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise BeaconError("import.truncated", row=row_no + 1) from None
        raise BeaconError("import.broken_csv", row=row_no + 1, reason=str(exc)) from None
    if last and len(last) < width and not data.endswith((b"\n", b"\r")):
        raise BeaconError("import.truncated", row=row_no)


def read_header(data: bytes, encoding: str = "auto") -> tuple[list[str], str]:
    """The header (trimmed) and the encoding used; an empty file is a clear error."""
    if not re.search(rb"[^\xef\xbb\xbf \r\n\t]", data):  # (bytes.strip would copy a large file)
        raise BeaconError("import.empty_file")
    used = choose_encoding(data, encoding)
    stream = io.TextIOWrapper(_stream(data), encoding=_CODECS[used], newline="")
    try:
        header = next(csv.reader(stream, strict=True), [])
    except csv.Error as exc:
        raise BeaconError("import.broken_csv", row=1, reason=str(exc)) from None
    return [h.strip() for h in header], used


def read_file(data: bytes, encoding: str = "auto", *, limit: int | None = None) -> SourceFile:
    """Decode and split a CSV file (its first `limit` non-empty rows, when given); the header names the columns."""
    header, used = read_header(data, encoding)
    rows = []
    for row_no, fields in iter_records(data, used):
        if any(f.strip() for f in fields):
            rows.append((row_no, fields))
            if limit is not None and len(rows) >= limit:
                break
    return SourceFile(header=header, rows=rows, encoding=used, sha256=hashlib.sha256(data).hexdigest())


def count_rows(data: bytes, encoding: str) -> int:
    """How many non-empty rows follow the header (streamed: what the import screen shows before a check)."""
    return sum(1 for _, fields in iter_records(data, encoding) if any(f.strip() for f in fields))


# --- validating ------------------------------------------------------------------------------

@dataclass(slots=True)
class Row:
    """One file row's Beacon values (strings as found, states mapped; dates parsed to naive UTC).

    `values` also keeps the file's own words where a message or the history needs them: `state_text` (the
    file's state), `state_column`, `category_text` (the file's category), `title_from` (file | default |
    composed | placeholder).
    """

    row: int
    values: dict[str, str]
    dates: dict[str, datetime | None]
    order: tuple[datetime, int, int] = (datetime.min, 0, 0)


_MISSING = object()


class _DateParser:
    def __init__(self, formats: Sequence[str], zone: ZoneInfo) -> None:
        self.formats = list(formats)
        self.zone = zone
        self.utc = zone.key == "UTC"
        self.cache: dict[str, object] = {}

    def __call__(self, text: str) -> datetime | None:
        cached = self.cache.get(text, _MISSING)
        if cached is _MISSING:  # an audit export repeats opened_at, resolved_at, ... on every row of an incident
            if len(self.cache) > 200_000:
                self.cache.clear()
            cached = self.cache[text] = self._convert(text)
        return cached  # type: ignore[return-value]

    def _convert(self, text: str) -> datetime | None:
        value = self._parse(text.strip())
        if value is None:
            return None
        if value.tzinfo is None:
            if self.utc:
                return value
            value = value.replace(tzinfo=self.zone)
        return value.astimezone(UTC).replace(tzinfo=None)

    def _parse(self, text: str) -> datetime | None:
        for fmt in self.formats:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                pass
        m = _DMY.match(text)
        try:
            if m:
                d, mo, y, h, mi, s = m.groups()
                return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
            m = _YMD.match(text)
            if m:
                y, mo, d, h, mi, s = m.groups()
                return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None


@dataclass
class Reference:
    """Database values the rows are checked against, read once."""

    urgencies: dict[str, int]
    impacts: dict[str, int]
    matrix: dict[tuple[int, int], int]
    grade_levels: dict[int, int]
    incident_types: list[str]
    apps: dict[str, tuple[int, int | None, int | None]]  # code / name / name_en (casefolded) → (id, impact, team)
    users: dict[str, int]  # login / e-mail / name / name_en (casefolded) → id
    user_logins: dict[int, str]
    teams: dict[str, int]  # code / name / name_en → id
    process: ProcessDef
    process_id: int | None
    app_info: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)  # id → (impact, team)

    @classmethod
    def load(cls) -> Reference:
        process_id, process = active_version("incident")
        apps: dict[str, tuple[int, int | None, int | None]] = {}
        app_info: dict[int, tuple[int | None, int | None]] = {}
        for i, code, name, name_en, impact, team in ConfigurationItem.select(
                ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.name, ConfigurationItem.name_en,
                ConfigurationItem.impact, ConfigurationItem.team).where(
                ConfigurationItem.kind == "application").order_by(ConfigurationItem.is_active).tuples():
            # retired applications too (history happened on them); an active one wins a shared name
            for key in (name_en, name, code):  # the code wins over a name that happens to equal another code
                if key:
                    apps[_lookup_key(key)] = (i, impact, team)
            app_info[i] = (impact, team)
        users: dict[str, int] = {}
        logins: dict[int, str] = {}
        ambiguous: set[str] = set()
        for i, login, email, name, name_en in User.select(User.id, User.login, User.email, User.name,
                                                          User.name_en).order_by(User.id).tuples():
            logins[i] = login
            for key in (name_en, name, email):
                if key:
                    k = _lookup_key(key)
                    if k in users and users[k] != i:
                        ambiguous.add(k)
                    users[k] = i
        for k in ambiguous:  # two people with one name: only a login or e-mail says who
            users.pop(k, None)
        for i, login in logins.items():
            users[_lookup_key(login)] = i
        teams: dict[str, int] = {}
        for i, code, name, name_en in Team.select(Team.id, Team.code, Team.name, Team.name_en).tuples():
            for key in (name_en, name, code):
                if key:
                    teams[_lookup_key(key)] = i
        types = Setting.get_or_none(Setting.key == "incident_types")
        return cls(
            urgencies={c: i for i, c in UrgencyLevel.select(UrgencyLevel.id, UrgencyLevel.code).tuples()},
            impacts={c: i for i, c in ImpactLevel.select(ImpactLevel.id, ImpactLevel.code).tuples()},
            matrix={(u, i): g for u, i, g in PriorityMatrixCell.select(
                PriorityMatrixCell.urgency, PriorityMatrixCell.impact, PriorityMatrixCell.grade).tuples()},
            grade_levels=dict(Grade.select(Grade.id, Grade.level).tuples()),
            incident_types=[t["code"] for t in json.loads(types.value)] if types else ["application"],
            apps=apps, users=users, user_logins=logins, teams=teams, process=process, process_id=process_id,
            app_info=app_info)


def _value(m: Mapping, kind: str, text: str) -> str | None:
    """The Beacon value a file value maps to: whole, then ServiceNow's "2 - Medium" as "2" or "Medium"."""
    cache = _VALUE_CACHE.get(id(m))
    if cache is None or cache[0] is not m:
        if len(_VALUE_CACHE) > 8:
            _VALUE_CACHE.clear()
        cache = _VALUE_CACHE[id(m)] = (m, {})
    key = (kind, text)
    if key not in cache[1]:
        if len(cache[1]) > 100_000:
            cache[1].clear()
        cache[1][key] = _lookup_value(m, kind, text)
    return cache[1][key]


# (mapping, {(kind, file value): Beacon value}): a file repeats a handful of states and levels on every row
_VALUE_CACHE: dict[int, tuple[Mapping, dict[tuple[str, str], str | None]]] = {}


def _lookup_value(m: Mapping, kind: str, text: str) -> str | None:
    table = m.values.get(kind, {})
    key = _lookup_key(text)
    if key in table:
        return table[key]
    if " - " in key:
        left, _, right = key.partition(" - ")
        for part in (left.strip(), right.strip()):
            if part in table:
                return table[part]
    return None


@dataclass
class _Resolver:
    """Finds applications, users and teams by code/login/name; collects what it does not know."""

    m: Mapping
    ref: Reference
    seen: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (kind, value) → rows

    known: set[tuple[str, str]] = field(default_factory=set)

    def find(self, kind: str, value: str, row: int) -> tuple[str, str]:
        """("known", key) / ("create", value) / ("map", target) / ("reject", "") for one value."""
        if (kind, value) in self.known:
            return "known", value
        table = {"application": self.ref.apps, "user": self.ref.users, "group": self.ref.teams}[kind]
        mapped = self.m.values.get(kind, {}).get(_lookup_key(value))
        key = _lookup_key(mapped or value)
        if key in table:
            self.known.add((kind, value))
            return "known", key
        self.seen.setdefault((kind, value), []).append(row)
        rule = self.m.unknown.get(kind, "reject")
        if rule.startswith("map:"):
            return "map", rule[4:].strip()
        return rule, value if rule == "create" else ""


@dataclass
class Checked:
    """A checked file: incidents (rows grouped by number, in update order), issues, unknowns and warnings."""

    mapping: Mapping
    source: SourceFile  # header, encoding and hash (its rows are not kept: they are read as a stream)
    incidents: dict[str, list[Row]]
    issues: list[ImportIssue]
    unknowns: list[Unknown]
    already: set[str]  # numbers imported from this source before (skipped)
    ref: Reference
    resolver: _Resolver
    rows: int = 0  # data rows in the file
    warnings: list[dict[str, str]] = field(default_factory=list)
    present: frozenset[str] = frozenset()  # Beacon fields the file has a column for

    @property
    def ok(self) -> bool:
        return not self.issues


class _Issues:
    """The issues of one check: every distinct unknown value once (with its row count), bad rows up to
    MAX_ISSUES one by one and the rest counted, so a huge bad file is refused in bounded memory."""

    def __init__(self) -> None:
        self.rows: list[ImportIssue] = []
        self.values: dict[tuple[str, str, str], list[Any]] = {}  # (column, value, reason key) → [row, count, reason]
        self.dropped = 0

    def __len__(self) -> int:
        return len(self.rows) + len(self.values) + self.dropped

    def add(self, row: int, column: str, value: str, reason: dict[str, str]) -> None:
        if len(self.rows) >= MAX_ISSUES:
            self.dropped += 1
            return
        self.rows.append(ImportIssue(row, column, value[:80], reason))

    def value(self, row: int, column: str, value: str, key: str, reason: dict[str, str]) -> None:
        """An unknown value: listed once, at its first row, with how many rows carry it."""
        found = self.values.get((column, value, key))
        if found is None:
            self.values[(column, value, key)] = [row, 1, reason]
        else:
            found[1] += 1

    def listed(self) -> list[ImportIssue]:
        out = self.rows + [ImportIssue(r, column, value[:80], reason, count)
                           for (column, value, _), (r, count, reason) in self.values.items()]
        out.sort(key=lambda i: (i.row, i.column))
        return out


def _template_columns(m: Mapping) -> list[str]:
    return _PLACEHOLDER.findall(m.defaults.get("title", ""))


def _compose_title(m: Mapping, fields: list[str], header: dict[str, int], values: dict[str, str],
                   markers: frozenset[str]) -> tuple[str, str]:
    """A title for a row that has none: the mapping's `[defaults] title` (text, or a template naming file columns
    as {column}), else the mapped category and symptom, else "" (the caller uses a placeholder)."""
    template = m.defaults.get("title", "").strip()
    if template:
        def cell(match: re.Match[str]) -> str:
            index = header.get(match.group(1).strip())
            text = fields[index].strip() if index is not None and index < len(fields) else ""
            return "" if text in markers else text

        text = re.sub(r"\s+", " ", _PLACEHOLDER.sub(cell, template)).strip(" -/:|,·—–")
        if text:
            return text, "default"
    parts = [values[name] for name in ("category_text", "symptom") if values.get(name)]
    return (" / ".join(dict.fromkeys(parts)), "composed") if parts else ("", "placeholder")


def check(data: bytes, m: Mapping, *, encoding: str | None = None, time_zone: str | None = None,
          null_markers: Sequence[str] = ()) -> Checked:
    """Read and validate a file against the mapping and the database, streaming its rows; writes nothing.

    Every problem is found in one pass: every missing column and every unknown value, in the file's own
    names. Once a problem is found the rows are no longer kept (the file will be refused), only checked.
    """
    enc = encoding or m.encoding
    zone = _check_zone(time_zone or m.time_zone, "--source-tz")
    _VALUE_CACHE.pop(id(m), None)  # the mapping may have been edited since it was last used
    markers = frozenset([*m.null_markers, *(x.strip() for x in null_markers if x.strip())])
    header_list, used = read_header(data, enc)
    source = SourceFile(header=header_list, rows=[], encoding=used, sha256=hashlib.sha256(data).hexdigest())
    issues = _Issues()
    warnings: list[dict[str, str]] = []
    header = {name: i for i, name in reversed(list(enumerate(header_list)))}
    feeds: dict[str, list[tuple[str, int]]] = {}
    for column, name in m.columns.items():
        if column in header:
            feeds.setdefault(name, []).append((column, header[column]))
    present = frozenset(feeds)
    missing = [f for f in REQUIRED if f not in feeds]
    if missing:
        wanted = ", ".join(f"{f} ({'/'.join(m.column_of(f))})" for f in missing)
        issues.add(1, "", "", TEXTS.pair("importer.required_columns_are_missing", wanted=wanted))
    absent = [f for f in dict.fromkeys(m.columns.values()) if f not in feeds and f not in REQUIRED]
    if absent:
        warnings.append(TEXTS.pair("importer.warn_fields_without_column", fields=", ".join(
            f"{f} ({'/'.join(m.column_of(f))})" for f in absent)))
    if "updated_at" not in feeds:
        warnings.append(TEXTS.pair("importer.warn_no_update_time", columns="/".join(m.column_of("updated_at"))
                                   or "updated_at"))
    for column in _template_columns(m):
        if column.strip() not in header:
            issues.add(1, "", column, TEXTS.pair("importer.title_template_column", column=column))
    ref = Reference.load()
    resolver = _Resolver(m, ref)
    parse_date = _DateParser(m.date_formats, zone)
    states = ref.process.states
    width = len(header_list)
    header_key = [h.casefold() for h in header_list] or [""]
    has_nul = b"\x00" in data
    pool: dict[str, str] = {}  # an audit export repeats titles, descriptions, times on every row: keep one copy
    incidents: dict[str, list[Row]] = {}
    seen: dict[str, dict[int, int]] = {}  # number → hash of a row's cells → its row (exact repeats are read once)
    repeats = 0
    rows = 0
    category_unmapped: dict[tuple[str, str], set[str]] = {}
    first_of = {name: sources[0][0] for name, sources in feeds.items()}
    for row_no, fields in iter_records(data, used):
        if not fields or not (fields[0].strip() or any(f.strip() for f in fields)):
            continue
        rows += 1
        if len(fields) < width:
            fields = [*fields, *[""] * (width - len(fields))]
        for index, text in enumerate(fields if has_nul else ()):
            if "\x00" in text:  # PostgreSQL stores no NUL character; SQLite would, so say it for both
                issues.add(row_no, header_list[index] if index < width else "", text.replace("\x00", "\\0"),
                           TEXTS.pair("importer.nul_character"))
        if fields[0].strip().casefold() == header_key[0] and \
                [f.strip().casefold() for f in fields[:width]] == header_key:
            issues.value(row_no, "", "", "header", TEXTS.pair("importer.repeats_header"))
            continue
        values: dict[str, str] = {}
        columns = dict(first_of)  # the column a field's value came from, for messages
        for name, sources in feeds.items():
            for column, index in sources:
                text = fields[index].strip()
                if text and text not in markers:
                    values[name] = pool.setdefault(text, text)
                    if column is not first_of[name]:
                        columns[name] = column
                    break
        for name in REQUIRED:
            if name in feeds and not values.get(name):
                issues.add(row_no, columns[name], "", TEXTS.pair("importer.value_empty"))
        dates: dict[str, datetime | None] = {}
        for name in DATE_FIELDS:
            text = values.get(name, "")
            if text:
                dates[name] = parse_date(text)
                if dates[name] is None:
                    issues.add(row_no, columns[name], text, TEXTS.pair("importer.not_date_and_time"))
        text = values.get("state", "")
        if text:
            state = _value(m, "state", text)
            if state is None or state not in states:
                known = ", ".join(m.values.get("state", {}))
                issues.value(row_no, columns["state"], text, "state", TEXTS.pair("importer.unknown_state",
                                                                                 known=known))
            else:
                values["state"] = state
                values["state_text"] = text
                values["state_column"] = columns["state"]
        for name, levels in (("urgency", ref.urgencies), ("impact", ref.impacts)):
            text = values.get(name, "")
            if text:
                level = _value(m, name, text)
                level = level if level is not None else _lookup_key(text)
                if level not in levels:
                    issues.value(row_no, columns[name], text, name,
                                 TEXTS.pair("importer.unknown_level", levels=", ".join(levels)))
                else:
                    values[name] = level
        text = values.get("incident_type", "")
        kind = _value(m, "incident_type", text) if text else None
        if kind not in ref.incident_types:  # the value map, else a Beacon type code as it stands, else the default
            kind = _lookup_key(text) if _lookup_key(text) in ref.incident_types else None
            if text and kind is None:
                category_unmapped.setdefault((columns["incident_type"], text), set()).add(values.get("number", ""))
            kind = kind or m.defaults.get("incident_type")
        if text:
            values["category_text"] = text
        values["incident_type"] = kind if kind in ref.incident_types else ref.incident_types[0]
        if not values.get("title"):
            title, how = _compose_title(m, fields, header, values, markers)
            if title:
                values["title"] = pool.setdefault(title[:300], title[:300])
            values["title_from"] = how
        if not values.get("application") and m.defaults.get("application"):
            values["application"] = m.defaults["application"]
        if not values.get("application"):
            issues.add(row_no, "/".join(m.column_of("application")) or "application", "",
                       TEXTS.pair("importer.application_empty"))
        for name, kind_ in (("application", "application"), ("assignee", "user"), ("registered_by", "user"),
                            ("assignment_group", "group")):
            text = values.get(name, "")
            if text and resolver.find(kind_, text, row_no)[0] == "reject":
                what = UNKNOWN_LABELS[kind_]
                issues.value(row_no, columns.get(name, name), text, "reject",
                             TEXTS.pair("importer.unknown_rejected", what=what))
        if values.get("sequence"):
            values["sequence_column"] = columns["sequence"]
        for name in ("reopen_count", "sequence"):
            text = values.get(name, "")
            if text and not text.isdigit():
                issues.add(row_no, columns[name], text, TEXTS.pair("importer.reopen_count_not_whole"))
        for name, limit in (("number", 60), ("problem", 60), ("change", 60)):
            text = values.get(name, "")
            if len(text) > limit:
                issues.add(row_no, columns[name], text, TEXTS.pair("importer.too_long", limit=limit))
        if issues:  # the file will be refused: keep checking, stop keeping rows
            incidents.clear()
            seen.clear()
            continue
        number = values["number"]
        digest = hash(tuple(fields))
        known_rows = seen.setdefault(number, {})
        if digest in known_rows:
            repeats += 1
            continue
        known_rows[digest] = row_no
        order = dates.get("updated_at") or dates.get("opened_at") or datetime.min
        sequence = int(values["sequence"]) if values.get("sequence") else -1
        incidents.setdefault(number, []).append(Row(row_no, values, dates, (order, sequence, row_no)))
    seen.clear()
    if not rows and not missing:
        issues.add(1, "", "", TEXTS.pair("importer.there_are_no_rows"))
    for rows_of_one in incidents.values():
        rows_of_one.sort(key=lambda r: r.order)
    already = _imported_numbers(m.source, list(incidents))
    planned = {n: rs for n, rs in incidents.items() if n not in already}
    if "sequence" in feeds:
        for rs in planned.values():
            _check_sequence(rs, issues)
    for rs in planned.values():
        _check_history(rs, ref.process, issues, tied_hint="sequence" not in feeds)
    unknowns = []
    for (kind, value), rows_of in sorted(resolver.seen.items()):
        rule = m.unknown.get(kind, "reject")
        action = "map" if rule.startswith("map:") else rule
        target = rule[4:].strip() if action == "map" else (_code_for(kind, value) if action == "create" else "")
        unknowns.append(Unknown(kind, value, action, target, len(rows_of)))
    for u in unknowns:  # a map target must exist
        if u.action == "map":
            table = {"application": ref.apps, "user": ref.users, "group": ref.teams}[u.kind]
            if _lookup_key(u.target) not in table:
                what = UNKNOWN_LABELS[u.kind]
                issues.add(1, "", u.target, TEXTS.pair("importer.unknown_target_missing", kind=u.kind, what=what))
                break
    if repeats:
        warnings.append(TEXTS.pair("importer.warn_repeated_rows", count=repeats))
    for (column, text), numbers in sorted(category_unmapped.items()):
        warnings.append(TEXTS.pair("importer.warn_category_unmapped", column=column, value=text, count=len(numbers),
                                   type=m.defaults.get("incident_type") or ref.incident_types[0]))
    _title_warnings(m, planned, warnings)
    if issues.dropped:
        warnings.append(TEXTS.pair("importer.warn_issues_capped", kept=MAX_ISSUES, count=len(issues)))
    checked = Checked(m, source, planned if not issues else {}, issues.listed(), unknowns, already, ref, resolver,
                      rows=rows, warnings=warnings, present=present)
    return checked


def _title_warnings(m: Mapping, incidents: dict[str, list[Row]], warnings: list[dict[str, str]]) -> None:
    """Say how many incidents get a title the file does not hold (never a reason to refuse the file)."""
    how: dict[str, int] = {}
    example = ""
    for number, rows in incidents.items():
        if any(r.values.get("title_from") is None for r in rows):
            continue
        way = rows[-1].values.get("title_from", "placeholder")
        how[way] = how.get(way, 0) + 1
        if way == "placeholder" and not example:
            example = TEXTS.pick("importer.placeholder_incident_title", label=m.label, number=number)
    if how.get("default"):
        warnings.append(TEXTS.pair("importer.warn_title_default", count=how["default"],
                                   template=m.defaults.get("title", "")))
    if how.get("composed"):
        columns = "/".join([*m.column_of("incident_type"), *m.column_of("symptom")])
        warnings.append(TEXTS.pair("importer.warn_title_composed", count=how["composed"], columns=columns))
    if how.get("placeholder"):
        warnings.append(TEXTS.pair("importer.warn_title_placeholder", count=how["placeholder"], example=example))


def _imported_numbers(source: str, numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(numbers), 500):
        part = numbers[start:start + 500]
        found |= {n for (n,) in ImportedRecord.select(ImportedRecord.source_number).where(
            (ImportedRecord.source == source) & (ImportedRecord.kind == "incident")
            & ImportedRecord.source_number.in_(part)).tuples()}
    return found


def _check_sequence(rows: list[Row], issues: _Issues) -> None:
    """Two different updates of one incident with the same sequence number: their order is unknown."""
    by_sequence: dict[str, Row] = {}
    for r in rows:
        text = r.values.get("sequence")
        if not text:
            continue
        other = by_sequence.setdefault(text, r)
        if other is not r:
            issues.add(r.row, r.values.get("sequence_column", "sequence"), text,
                       TEXTS.pair("importer.same_sequence", other=other.row, number=r.values["number"]))


def _check_history(rows: list[Row], process: ProcessDef, issues: _Issues, *, tied_hint: bool = False) -> None:
    """Every state change of an incident must be a path in Beacon's incident process; a row that breaks it is
    named in the file's own words (its state column and value, and the row it cannot follow)."""
    state = process.initial.name
    previous: Row | None = None
    for r in rows:
        target = r.values["state"]
        if target != state and _path(process, state, target) is None:
            names = (process.states[state].label, process.states[target].label)
            before = previous.values.get("state_text", "") if previous else ""
            reason = TEXTS.pair("importer.no_path_in_process", previous=before,
                                previous_row=previous.row if previous else 1, source=names[0], target=names[1])
            if tied_hint and previous is not None and previous.order[0] == r.order[0]:
                reason = {k: f"{v} {TEXTS.pair('importer.tie_hint')[k]}" for k, v in reason.items()}
            issues.add(r.row, r.values.get("state_column", "state"), r.values.get("state_text", target), reason)
            return
        state = target
        previous = r


_PATHS: dict[tuple[int, str, str], list[str] | None] = {}


def _path(process: ProcessDef, start: str, target: str) -> list[str] | None:
    """The process's shortest path between two states, asked once per import per pair."""
    key = (id(process), start, target)
    if key not in _PATHS:
        if len(_PATHS) > 1000:
            _PATHS.clear()
        _PATHS[key] = process.shortest_path(start, target)
    return _PATHS[key]


def _code_for(kind: str, value: str) -> str:
    """The code or login a created application, user or team gets."""
    if kind == "user":
        return re.sub(r"\s+", ".", value.strip().lower())[:60]
    if kind == "application":
        return re.sub(r"[^0-9A-Za-z가-힣]+", "-", value.strip()).strip("-").upper()[:60] or "APP"
    return "imp-" + (re.sub(r"[^0-9a-z가-힣]+", "-", value.strip().lower()).strip("-")[:50] or "team")


# --- planning --------------------------------------------------------------------------------

@dataclass
class PlannedEvent:
    kind: str
    at: datetime
    from_state: str
    to_state: str
    actor: int | None
    before: dict[str, Any]
    after: dict[str, Any]
    note: str = ""


@dataclass
class PlannedIncident:
    """One incident as Beacon will store it, with its history."""

    number: str
    rows: list[Row]
    values: dict[str, Any]
    events: list[PlannedEvent]
    pauses: list[tuple[datetime, datetime | None, str]]
    response_stop: datetime | None
    resolution_stop: datetime | None
    verdict: bool  # False when cancelled, or when the file does not say when it was resolved: no resolution verdict
    response_known: bool  # the file says when work began; else the response clock gets no verdict
    problems: dict[str, datetime]  # number → when a row first named it
    changes: dict[str, datetime]
    priority: str
    category: str = ""  # the source's own category, kept with the source number


def _json(value: Any) -> Any:
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else value


def plan_incident(number: str, rows: list[Row], *, m: Mapping, ref: Reference,
                  ids: Callable[[str, str], int | None], actor_id: int,
                  present: frozenset[str] | None = None) -> PlannedIncident:
    """Replay one incident's rows through the incident process: events, pauses, clocks, final values.

    Each change is dated by the update time of the row that shows it. `resolved_at` / `closed_at` describe the
    final record: they date a move only when no row shows it (the incident's first row is already resolved or
    cancelled, or a row has no update time and is the last), and only within what the rows allow.
    `present` names the Beacon fields the file has a column for: an empty assignee or group cell in such a
    column is an un-assignment.
    """
    process = ref.process
    first, last = rows[0], rows[-1]
    present = frozenset(FIELDS) if present is None else present

    def latest(name: str) -> str:
        for r in reversed(rows):
            if r.values.get(name):
                return str(r.values[name])
        return ""

    opened = first.dates["opened_at"]
    assert opened is not None
    reporter = ids("user", latest("registered_by")) if latest("registered_by") else None
    reporter = reporter or actor_id
    app_id = ids("application", latest("application"))
    assert app_id is not None
    app_impact, app_team = ref.app_info.get(app_id, (None, None))
    urgency = ref.urgencies.get(latest("urgency") or "", None)
    if urgency is None:
        urgency = ref.urgencies.get(m.defaults.get("urgency", "medium")) or next(iter(ref.urgencies.values()))
    impact = ref.impacts.get(latest("impact") or "") or app_impact or ref.impacts.get("medium") or \
        next(iter(ref.impacts.values()))
    grade = ref.matrix.get((urgency, impact)) or max(ref.grade_levels, key=ref.grade_levels.__getitem__)
    priority = latest("priority")
    titled = [r for r in rows if r.values.get("title") and "title_from" not in r.values]
    title = str((titled[-1] if titled else last).values.get("title") or
                TEXTS.pick("importer.placeholder_incident_title", label=m.label, number=number))[:300]
    description = latest("description")

    def who(r: Row) -> int | None:
        text = r.values.get("assignee")
        return ids("user", text) if text else None

    def group(r: Row) -> int | None:
        text = r.values.get("assignment_group")
        return ids("group", text) if text else None

    track_assignee = "assignee" in present
    track_team = "assignment_group" in present and any(r.values.get("assignment_group") for r in rows)
    assignee = who(first)
    team = group(first) if track_team else app_team

    events: list[PlannedEvent] = []
    pauses: list[tuple[datetime, datetime | None, str]] = []
    state = process.initial.name
    now = opened
    note = TEXTS.pick("importer.event_imported_from", number=number)
    events.append(PlannedEvent("register", opened, "", state, reporter, {}, {
        "application": app_id, "assigned_team": team, "assignee": assignee, "description": description,
        "grade": grade, "impact": impact, "incident_type": first.values["incident_type"], "occurred_at": opened,
        "state": state, "title": title, "urgency": urgency}, note))
    refs: dict[str, dict[str, datetime]] = {"problem": {}, "change": {}}
    accepted = resolved = closed = cancelled = None
    response_stop = resolution_stop = None
    verdict = True
    resolution_known = True
    response_known = False
    closing_text = ""
    reopens = 0
    final_states = {name for name, s in process.states.items() if s.final}
    for index, r in enumerate(rows):
        target = r.values["state"]
        updated = r.dates.get("updated_at")
        moves_to_final = target != state and target in final_states
        known = True
        if updated is not None and not (index == 0 and moves_to_final):
            at = updated
        else:
            # no row shows this move: the final record's own stamp may date it, if the rows allow that time
            stamp = r.dates.get("resolved_at") if target == "closed" else (
                r.dates.get("closed_at") if target == "cancelled" else None)
            usable = stamp is not None and stamp >= now and (updated is None or stamp <= updated) and \
                (updated is not None or index == len(rows) - 1)
            at = stamp if usable and stamp is not None else (updated or now)
            known = usable or not moves_to_final
        at = max(at, now)
        actor = ids("user", r.values["updated_by"]) if r.values.get("updated_by") else None
        for kind, found in refs.items():
            if r.values.get(kind):
                found.setdefault(r.values[kind], max(updated or opened, opened))
        new_assignee = who(r) if track_assignee else assignee
        new_team = group(r) if track_team else team
        changed = new_assignee != assignee or new_team != team
        leaving_final = state in final_states and target != state
        assign = PlannedEvent("assign", at, state, state, actor or new_assignee or actor_id,
                              {"assignee": assignee, "assigned_team": team},
                              {"assignee": new_assignee, "assigned_team": new_team})
        if changed and not leaving_final:  # a Resolved row that names the resolver: assigned, then resolved
            events.append(assign)
            assignee, team = new_assignee, new_team
        if target == state:
            if target == "closed" and r.values.get("state_text", "") != closing_text and closed == resolved \
                    and updated is not None:
                closed = max(updated, resolved or updated)  # ServiceNow's Resolved → Closed: the case was closed
            now = at
            continue
        path = _path(process, state, target) or []
        for step in path:
            t = process.transitions[step]
            to = t.target_from(state)
            before: dict[str, Any] = {"state": state}
            after: dict[str, Any] = {"state": to}
            who_acts = actor or assignee or actor_id
            if step == "accept":
                # a row that jumps from New straight to Resolved or Canceled does not say when work began
                response_known = target not in final_states and updated is not None
                accepted = accepted or at
                response_stop = response_stop or at
                before["accepted_at"], after["accepted_at"] = None, at
            if process.states[to].pauses_sla and not process.states[state].pauses_sla:
                pauses.append((at, None, "waiting"))
            if process.states[state].pauses_sla and not process.states[to].pauses_sla and pauses:
                pauses[-1] = (pauses[-1][0], at, pauses[-1][2])
            if to == "closed":
                resolved = closed = at
                closing_text = r.values.get("state_text", "")
                resolution_stop = at
                resolution_known = known
                response_stop = response_stop or at
                before.update(resolved_at=None, closed_at=None)
                after.update(resolved_at=resolved, closed_at=closed, resolution=r.values.get("close_notes", ""),
                             result=r.values.get("close_code", ""), cause=r.values.get("cause", ""))
            if step == "reopen":
                reopens += 1
                assert resolution_stop is not None
                pauses.append((resolution_stop, at, "reopened"))
                before.update(reopen_count=reopens - 1, resolved_at=resolved, closed_at=closed)
                after.update(reopen_count=reopens, resolved_at=None, closed_at=None)
                resolved = closed = resolution_stop = None
            if to == "cancelled":
                cancelled = at
                before["cancelled_at"], after["cancelled_at"] = None, at
                verdict = False
                response_stop = response_stop or at
                resolution_stop = at
            events.append(PlannedEvent(step, at, state, to, who_acts, before, after))
            state = to
        if changed and leaving_final:  # a reopening row that names the new handler: reopened, then assigned
            assign.from_state = assign.to_state = state
            events.append(assign)
            assignee, team = new_assignee, new_team
        now = at
    if process.states[state].pauses_sla:
        pass  # the open pause stays open: the case still waits
    elif pauses and pauses[-1][1] is None:
        pauses[-1] = (pauses[-1][0], now, pauses[-1][2])
    final_closed = last.dates.get("closed_at")
    if state == "closed" and final_closed is not None and resolved is not None and final_closed >= resolved:
        closed = final_closed  # the final record's close time, never before its resolution
    file_reopens = int(latest("reopen_count") or 0)
    values = {
        "title": title, "description": description, "application": app_id,
        "incident_type": last.values["incident_type"], "urgency": urgency, "impact": impact, "grade": grade,
        "state": state, "registered_by": reporter, "registered_at": opened, "occurred_at": opened,
        "assignee": assignee, "assigned_team": team,
        "accepted_at": accepted, "resolved_at": resolved, "closed_at": closed,
        "waiting_for_customer": process.states[state].pauses_sla, "reopen_count": max(reopens, file_reopens),
        "resolution": latest("close_notes") if state == "closed" else "",
        "cause": latest("cause") if state == "closed" else "",
        "result": latest("close_code") if state == "closed" else "",
        "cancel_reason": (latest("close_notes") or latest("close_code") or "-") if state == "cancelled" else "",
        "cancelled_at": cancelled, "version": len(events), "updated_at": events[-1].at,
        "updated_by": events[-1].actor,
    }
    return PlannedIncident(
        number=number, rows=rows, values=values, events=events, pauses=pauses, response_stop=response_stop,
        resolution_stop=resolution_stop if state in ("closed", "cancelled") else None,
        verdict=verdict and resolution_known, response_known=response_known,
        problems=refs["problem"], changes=refs["change"], priority=priority, category=latest("category_text"))


# --- writing ---------------------------------------------------------------------------------

Progress = Callable[[int, int], None]  # (done, total) incidents


@dataclass
class ImportReport:
    """What an import did (or, on a dry run, would do)."""

    source: str
    label: str
    encoding: str
    rows: int  # data rows in the file
    incidents: int  # distinct incident numbers in the file
    new: int  # incidents imported (dry run: that would be)
    skipped: int  # already imported from this source before: left as they are
    events: int
    pauses: int
    links: int
    placeholders: int  # problems and changes made for numbers Beacon did not have
    created: dict[str, int]  # application / user / group → how many were (would be) created
    issues: list[ImportIssue]
    unknowns: list[Unknown]
    applied: bool
    seconds: float
    numbers: list[tuple[str, str]] = field(default_factory=list)  # (source number, Beacon number), first 1,000
    warnings: list[dict[str, str]] = field(default_factory=list)  # what the file lacks; never a reason to refuse

    @property
    def ok(self) -> bool:
        return not self.issues


class _Columns:
    """A model's columns for a bulk insert: the ones given, then every other with its default."""

    def __init__(self, model: type[peewee.Model], names: Sequence[str]) -> None:
        fields = model._meta.fields
        rest = [f for n, f in fields.items() if n not in names and not isinstance(f, peewee.AutoField)]
        self.table = model._meta.table_name
        self.columns = [fields[n].column_name for n in names] + [f.column_name for f in rest]
        self.tail = tuple(f.db_value(f.default() if callable(f.default) else f.default) for f in rest)
        given = [fields[n] for n in names] + rest
        self.dates = [i for i, f in enumerate(given) if isinstance(f, peewee.DateTimeField)]


def _bulk(model: type[peewee.Model], names: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> int:
    """Insert many rows straight through the driver (executemany / execute_values), in chunks."""
    spec = _Columns(model, names)
    columns = ", ".join(f'"{c}"' for c in spec.columns)
    sqlite = isinstance(database.obj, peewee.SqliteDatabase)
    count = 0
    batch: list[tuple[Any, ...]] = []

    def flush() -> None:
        if not batch:
            return
        if sqlite:
            marks = ", ".join("?" * len(spec.columns))
            database.cursor().executemany(f'INSERT INTO "{spec.table}" ({columns}) VALUES ({marks})', batch)
        else:
            from psycopg2.extras import execute_values

            execute_values(database.cursor(), f'INSERT INTO "{spec.table}" ({columns}) VALUES %s', batch,
                           page_size=1000)
        batch.clear()

    for row in rows:
        full = row + spec.tail
        if sqlite:  # stored as peewee stores them: str(datetime)
            cells = list(full)
            for i in spec.dates:
                if cells[i] is not None:
                    cells[i] = str(cells[i])
            full = tuple(cells)
        batch.append(full)
        count += 1
        if len(batch) >= CHUNK:
            flush()
    flush()
    return count


def _case_ids(n: int) -> list[int]:
    """N fresh case ids inside the write transaction (PostgreSQL: from the sequence; SQLite: past the max)."""
    if n == 0:
        return []
    if isinstance(database.obj, peewee.SqliteDatabase):
        start = (Case.select(peewee.fn.MAX(Case.id)).scalar() or 0) + 1
        return list(range(start, start + n))
    cursor = database.execute_sql("SELECT nextval(pg_get_serial_sequence('cases', 'id')) FROM generate_series(1, %s)",
                                  (n,))
    return [int(r[0]) for r in cursor.fetchall()]


def _reserve_numbers(kind: str, years: list[int]) -> list[str]:
    """Numbers for new cases of one kind, one per given year (in order), taken from the shared counters."""
    from desktop.models.cases import CASE_PREFIXES

    wanted: dict[int, int] = {}
    for year in years:
        wanted[year] = wanted.get(year, 0) + 1
    next_of: dict[int, int] = {}
    p = database.param
    for year, count in sorted(wanted.items()):
        name = f"{CASE_PREFIXES[kind]}-{year}"
        cursor = database.execute_sql(
            f"INSERT INTO number_sequence (name, value) VALUES ({p}, {p}) "
            f"ON CONFLICT (name) DO UPDATE SET value = number_sequence.value + {p} RETURNING value",
            (name, count, count))
        next_of[year] = int(cursor.fetchone()[0]) - count + 1
    out = []
    for year in years:
        out.append(format_number(kind, year, next_of[year]))
        next_of[year] += 1
    return out


def _create_unknowns(checked: Checked, now: datetime) -> dict[str, int]:
    """Create the applications, users and teams the mapping says to create; add them to the reference."""
    ref, m = checked.ref, checked.mapping
    created = dict.fromkeys(UNKNOWN_KINDS, 0)
    impact = ref.impacts.get(m.application_impact) or next(iter(ref.impacts.values()))
    for u in checked.unknowns:
        if u.action != "create":
            continue
        if u.kind == "application":
            code = _unique(ConfigurationItem, ConfigurationItem.code, u.target)
            ci = ConfigurationItem.create(code=code, name=u.value[:200], name_en=u.value[:200], kind="application",
                                          impact=impact, description=f"{m.label}", created_at=now, updated_at=now)
            ref.apps[_lookup_key(u.value)] = (ci.id, impact, None)
            ref.app_info[ci.id] = (impact, None)
        elif u.kind == "user":
            login = _unique(User, User.login, u.target)
            user = User.create(login=login, name=u.value[:100], name_en=u.value[:100], created_at=now,
                               updated_at=now)  # no password: cannot sign in until an administrator sets one
            ref.users[_lookup_key(u.value)] = user.id
            ref.user_logins[user.id] = login
        else:
            code = _unique(Team, Team.code, u.target)
            team = Team.create(code=code, name=u.value[:100], name_en=u.value[:100], updated_at=now)
            ref.teams[_lookup_key(u.value)] = team.id
        created[u.kind] += 1
    return created


def _unique(model: type[peewee.Model], column: Any, wanted: str) -> str:
    candidate, n = wanted, 1
    while model.select().where(column == candidate).exists():
        n += 1
        candidate = f"{wanted[:55]}-{n}"
    return candidate


def _ids(checked: Checked, fake: bool) -> Callable[[str, str], int | None]:
    """value → id for applications, users and teams (mapped ones to their target; fake ids in a dry run)."""
    ref, m = checked.ref, checked.mapping
    tables = {"application": ref.apps, "user": ref.users, "group": ref.teams}
    fakes: dict[tuple[str, str], int] = {}

    def find(kind: str, value: str) -> int | None:
        table = tables[kind]
        mapped = m.values.get(kind, {}).get(_lookup_key(value))
        hit = table.get(_lookup_key(mapped or value))
        if hit is None:
            rule = m.unknown.get(kind, "reject")
            if rule.startswith("map:"):
                hit = table.get(_lookup_key(rule[4:].strip()))
            elif fake:
                return fakes.setdefault((kind, value), -1 - len(fakes))
        if hit is None:
            return None
        return hit[0] if isinstance(hit, tuple) else hit

    return find


def _plan_all(checked: Checked, actor_id: int, *, fake: bool) -> list[PlannedIncident]:
    find = _ids(checked, fake)
    return [plan_incident(number, rows, m=checked.mapping, ref=checked.ref, ids=find, actor_id=actor_id,
                          present=checked.present)
            for number, rows in checked.incidents.items()]


class _Rollback(Exception):
    """Ends a dry run's trial write: everything it wrote is rolled back."""


def run_import(*, actor_id: int, data: bytes, mapping: Mapping, encoding: str | None = None,
               time_zone: str | None = None, dry_run: bool = False, progress: Progress | None = None,
               file_name: str = "", null_markers: Sequence[str] = (), _again: int = 0) -> ImportReport:
    """Check a file and, when every row is good, import it in one transaction (a dry run rolls it back).

    Administrators only. A file with any bad row imports nothing and the report lists every one. A dry run
    performs the whole write and rolls it back, so it meets whatever the import would meet; what it would
    have hit in the database is reported as an issue.

    Raises:
        BeaconError: not an administrator, an unreadable file (encoding, broken or cut-off CSV) or a bad mapping.
    """
    started = time.perf_counter()
    require_admin(actor_id, ACTION, RECORD)
    checked = check(data, mapping, encoding=encoding, time_zone=time_zone, null_markers=null_markers)
    report = ImportReport(
        source=mapping.source, label=mapping.label, encoding=checked.source.encoding, rows=checked.rows,
        incidents=len(checked.incidents) + len(checked.already), new=len(checked.incidents),
        skipped=len(checked.already), events=0, pauses=0, links=0, placeholders=0,
        created={k: sum(1 for u in checked.unknowns if u.kind == k and u.action == "create") for k in UNKNOWN_KINDS},
        issues=checked.issues, unknowns=checked.unknowns, applied=False, seconds=0.0, warnings=checked.warnings)
    if checked.issues:
        report.new = 0
    if checked.issues or not checked.incidents:
        report.seconds = time.perf_counter() - started
        return report
    if dry_run:
        try:
            with database.atomic():
                _apply(checked, report, actor_id=actor_id, mapping=mapping, file_name=file_name, progress=progress)
                raise _Rollback
        except _Rollback:
            pass
        except Exception as exc:
            if not _database_error(exc):
                raise
            # what the import would have hit, found without writing anything
            report.issues = [*report.issues, ImportIssue(1, "", "", TEXTS.pair("importer.write_would_fail",
                                                                                reason=str(exc).strip()[:300]))]
        report.numbers = []
        report.seconds = time.perf_counter() - started
        return report
    try:
        _apply(checked, report, actor_id=actor_id, mapping=mapping, file_name=file_name, progress=progress)
    except Exception as exc:
        # another import of the same file (or of the same new teams and people) committed first: nothing of
        # this one was written; checked again, its incidents and teams are now "imported before"
        if not _lost_a_race(exc) or _again >= 2:
            raise
        return run_import(actor_id=actor_id, data=data, mapping=mapping, encoding=encoding, time_zone=time_zone,
                          progress=progress, file_name=file_name, null_markers=null_markers, _again=_again + 1)
    report.applied = True
    report.seconds = time.perf_counter() - started
    return report


def _database_error(exc: BaseException) -> bool:
    """An error the database (or its driver, under a bulk write) raised, as opposed to a bug of ours."""
    return isinstance(exc, peewee.DatabaseError) or type(exc).__module__.split(".")[0] in ("sqlite3", "psycopg2")


def _lost_a_race(exc: BaseException) -> bool:
    """A unique key another transaction took first (peewee's error, or the driver's from a bulk write)."""
    if isinstance(exc, peewee.IntegrityError):
        return True
    return type(exc).__name__ in ("IntegrityError", "UniqueViolation")


def _apply(checked: Checked, report: ImportReport, *, actor_id: int, mapping: Mapping, file_name: str,
           progress: Progress | None) -> None:
    with admin_change(actor_id, ACTION, RECORD) as actor:
        now = utcnow()
        report.created = _create_unknowns(checked, now)
        _write(checked, report, actor_id=actor.id, now=now, progress=progress)
        record(actor, "import", mapping.source, "incidents_imported", None, {
            "file": file_name, "sha256": checked.source.sha256, "incidents": report.new,
            "skipped": report.skipped, "rows": report.rows, "placeholders": report.placeholders,
            "created": report.created}, note=f"{mapping.label}: {file_name}")


PLAN_CHUNK = 2_000  # incidents planned and written at a time: memory stays flat however long the file


def _write(checked: Checked, report: ImportReport, *, actor_id: int, now: datetime,
           progress: Progress | None) -> None:
    """Plan and bulk-insert the incidents a chunk at a time, with their events, clocks, pauses, links and
    source numbers; the report gets the figures. Consumes `checked.incidents`."""
    m, ref = checked.mapping, checked.ref
    items: list[tuple[str, list[Row]] | None] = list(checked.incidents.items())
    checked.incidents = {}
    total = len(items)
    find = _ids(checked, fake=False)
    numbers = _reserve_numbers("incident", [rows[0].dates["opened_at"].year for _, rows in items  # type: ignore[misc]
                                            if rows[0].dates["opened_at"] is not None])
    placeholder_cases, made = _placeholders(checked, items, find, actor_id=actor_id, now=now)  # type: ignore[arg-type]
    case_ids = _case_ids(total)  # after the placeholders: on SQLite ids are taken past the highest one
    policies = {g: (pid, resp, res, cal) for pid, g, resp, res, cal in SlaPolicy.select(
        SlaPolicy.id, SlaPolicy.grade, SlaPolicy.response_minutes, SlaPolicy.resolution_minutes, SlaPolicy.calendar)
        .where(SlaPolicy.case_kind == "incident").tuples()}
    calendars: dict[int, WorkingCalendar] = {}
    sha = checked.source.sha256
    report.numbers, report.placeholders = [], made
    report.new = total
    report.events = report.pauses = report.links = 0
    for start in range(0, total, PLAN_CHUNK):
        cases, incidents, events, clocks, pauses, records, links = [], [], [], [], [], [], []
        for index in range(start, min(start + PLAN_CHUNK, total)):
            item = items[index]
            assert item is not None
            items[index] = None  # the rows are not needed once planned
            p = plan_incident(item[0], item[1], m=m, ref=ref, ids=find, actor_id=actor_id, present=checked.present)
            case_id, number, v = case_ids[index], numbers[index], p.values
            cases.append((case_id, "incident", number, v["registered_at"]))
            incidents.append((case_id, v["title"], v["description"], v["application"], v["incident_type"],
                              v["urgency"], v["impact"], v["grade"], v["state"], ref.process_id, v["registered_by"],
                              v["registered_at"], v["occurred_at"], v["assignee"], v["assigned_team"],
                              v["accepted_at"], v["resolved_at"], v["closed_at"], v["waiting_for_customer"],
                              v["reopen_count"], v["resolution"], v["cause"], v["result"], v["cancel_reason"],
                              v["cancelled_at"], v["version"], v["updated_at"], v["updated_by"]))
            for e in p.events:
                events.append((case_id, "incident", number, e.kind, e.actor, e.at, e.from_state, e.to_state,
                               _dumps(e.before), _dumps(e.after), e.note))
            events.append((case_id, "incident", number, "imported", actor_id, now, "", "", "{}", _dumps({
                "source": m.source, "source_number": p.number, "source_priority": p.priority,
                "source_category": p.category, "file_sha256": sha}),
                TEXTS.pick("importer.case_imported_from", label=m.label, number=p.number)))
            for begin, end, reason in p.pauses:
                pauses.append((case_id, begin, end, reason))
            policy = policies.get(v["grade"])
            if policy is not None:
                clocks.extend(_clocks(case_id, p, policy, calendars, now))
            records.append((m.source, "incident", p.number, case_id, now, actor_id, sha, p.priority[:60],
                            p.category[:100]))
            for kind, refs in (("problem", p.problems), ("change", p.changes)):
                for ref_number, linked_at in refs.items():
                    target = placeholder_cases[(kind, ref_number)]
                    links.append((case_id, target, kind, linked_at, actor_id))
                    events.append((case_id, "incident", number, f"link_{kind}", actor_id, linked_at, "", "",
                                   "{}", _dumps({"linked": ref_number}), ""))
            if len(report.numbers) < 1000:
                report.numbers.append((p.number, number))
            report.events += len(p.events)
            report.pauses += len(p.pauses)
        report.links += len(links)
        for model, names, rows in (
            (Case, ("id", "kind", "number", "created_at"), cases),
            (Incident, ("case", "title", "description", "application", "incident_type", "urgency", "impact",
                        "grade", "state", "process", "registered_by", "registered_at", "occurred_at", "assignee",
                        "assigned_team", "accepted_at", "resolved_at", "closed_at", "waiting_for_customer",
                        "reopen_count", "resolution", "cause", "result", "cancel_reason", "cancelled_at", "version",
                        "updated_at", "updated_by"), incidents),
            # before the events: on PostgreSQL an event for someone else is taken only on a case this person
            # imported
            (ImportedRecord, ("source", "kind", "source_number", "case", "imported_at", "imported_by",
                              "file_sha256", "source_priority", "source_category"), records),
            (Event, ("case", "entity", "entity_id", "kind", "actor", "occurred_at", "from_state", "to_state",
                     "before", "after", "note"), events),
            (SlaClock, ("case", "kind", "policy", "calendar", "target_minutes", "uses_business_time", "started_at",
                        "paused_at", "stopped_at", "due_at", "paused_wall_minutes", "paused_business_minutes",
                        "elapsed_wall_minutes", "elapsed_business_minutes", "warned_at", "breached_at", "met"),
             clocks),
            (SlaPause, ("case", "started_at", "ended_at", "reason"), pauses),
            (CaseLink, ("source", "target", "kind", "created_at", "created_by"), links),
        ):
            _bulk(model, names, rows)
        if progress is not None:
            progress(min(start + PLAN_CHUNK, total), total)


def _json_default(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    raise TypeError(f"cannot store {type(value).__name__} in an event")


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_json_default)


def _dumps(values: dict[str, Any]) -> str:
    return _ENCODER.encode(values) if values else "{}"


def _clocks(case_id: int, p: PlannedIncident, policy: tuple[int, int, int, int],
            calendars: dict[int, WorkingCalendar], now: datetime) -> list[tuple[Any, ...]]:
    """Both SLA clocks measured over the rebuilt history, as the live engine would have left them."""
    policy_id, response, resolution, calendar_id = policy
    if calendar_id not in calendars:
        calendars[calendar_id] = load_calendar(calendar_id)
    calendar = calendars[calendar_id]
    spans = sorted((s, e) for s, e, _ in p.pauses)
    opened = p.values["registered_at"]
    out = []
    for kind, target, stop in (("response", response, p.response_stop), ("resolution", resolution,
                                                                          p.resolution_stop)):
        clock = SlaClock(kind=kind, target_minutes=target, uses_business_time=not calendar.is_24x7,
                         started_at=opened, stopped_at=stop)
        m = sla.measure(clock, calendar, spans, now)
        judged = sla.judged(clock, m)
        if stop is not None:
            verdict = p.verdict if kind == "resolution" else p.response_known
            met = judged <= target if verdict else None
            out.append((case_id, kind, policy_id, calendar_id, target, clock.uses_business_time, opened, None, stop,
                        None, m.paused_wall, m.paused_business, m.wall, m.business, None, None, met))
            continue
        open_pause = next((s for s, e in spans if e is None), None)
        warn = judged >= -(-target * 80 // 100)
        # an imported case already late is marked as escalated, so the SLA check does not announce old news
        out.append((case_id, kind, policy_id, calendar_id, target, clock.uses_business_time, opened, open_pause, None,
                    sla.due_at(clock, calendar, spans), m.paused_wall, m.paused_business, None, None,
                    now if warn else None, now if judged > target else None, None))
    return out


def _first_references(checked: Checked, items: list[tuple[str, list[Row]]],
                      find: Callable[[str, str], int | None]) -> dict[tuple[str, str], tuple[datetime, int | None]]:
    """(kind, number) → when the file first names it and the application of the incident that does."""
    out: dict[tuple[str, str], tuple[datetime, int | None]] = {}
    for _, rows in items:
        opened = rows[0].dates["opened_at"]
        assert opened is not None
        app: int | None = None
        for r in rows:
            for kind in ("problem", "change"):
                number = r.values.get(kind)
                if number and (kind, number) not in out:
                    if app is None:
                        name = next((x.values["application"] for x in reversed(rows) if x.values.get("application")),
                                    "")
                        app = find("application", name)
                    out[(kind, number)] = (max(r.dates.get("updated_at") or opened, opened), app)
    return out


def _placeholders(checked: Checked, items: list[tuple[str, list[Row]]], find: Callable[[str, str], int | None], *,
                  actor_id: int, now: datetime) -> tuple[dict[tuple[str, str], int], int]:
    """(kind, number) → the case an incident links to: imported before, a Beacon number, or a new placeholder.

    Also returns how many placeholders it made (written in bulk, like the incidents). Source numbers are
    unique per kind: a change may carry the number of an incident.
    """
    m = checked.mapping
    first_use = _first_references(checked, items, find)
    found: dict[tuple[str, str], int] = {}
    numbers = sorted({number for _, number in first_use})
    for start in range(0, len(numbers), 500):
        part = numbers[start:start + 500]
        before = (ImportedRecord.select(ImportedRecord.case, ImportedRecord.kind, ImportedRecord.source_number)
                  .where((ImportedRecord.source == m.source) & ImportedRecord.kind.in_(["problem", "change"])
                         & ImportedRecord.source_number.in_(part)).tuples())
        for case_id, kind, number in before:
            found[(kind, number)] = case_id
        for case_id, kind, number in Case.select(Case.id, Case.kind, Case.number).where(Case.number.in_(part)).tuples():
            found.setdefault((kind, number), case_id)
    found = {key: case_id for key, case_id in found.items() if key in first_use}
    missing = [key for key in first_use if key not in found]
    if not missing:
        return found, 0
    ids = iter(_case_ids(len(missing)))
    cases, kinds, events, records = [], {"problem": [], "change": []}, [], []
    for kind in ("problem", "change"):
        keys = [k for k in missing if k[0] == kind]
        if not keys:
            continue
        process_id, process = active_version(kind)
        initial = process.initial.name
        for key, number in zip(keys, _reserve_numbers(kind, [first_use[k][0].year for k in keys]), strict=True):
            case_id, (at, app) = next(ids), first_use[key]
            title = TEXTS.pick("importer.placeholder_title", label=m.label, key=key[1])
            note = TEXTS.pick("importer.placeholder_note", label=m.label, key=key[1])
            cases.append((case_id, kind, number, at))
            kinds[kind].append((case_id, title[:300], note, app, initial, process_id, actor_id, at, now, actor_id))
            events.append((case_id, kind, number, "imported", actor_id, now, "", initial, "{}",
                           _dumps({"source": m.source, "source_number": key[1]}), note))
            records.append((m.source, kind, key[1], case_id, now, actor_id))
            found[key] = case_id
    _bulk(Case, ("id", "kind", "number", "created_at"), cases)
    _bulk(Problem, ("case", "title", "description", "application", "state", "process", "registered_by",
                    "registered_at", "updated_at", "updated_by"), kinds["problem"])
    _bulk(Change, ("case", "title", "description", "application", "state", "process", "requested_by",
                   "requested_at", "updated_at", "updated_by"), kinds["change"])
    _bulk(ImportedRecord, ("source", "kind", "source_number", "case", "imported_at", "imported_by"), records)
    _bulk(Event, ("case", "entity", "entity_id", "kind", "actor", "occurred_at", "from_state", "to_state", "before",
                  "after", "note"), events)
    return found, len(missing)


def read_mapping_file(path: Path) -> Mapping:
    """A mapping from a TOML file; a file that cannot be read is a clear error."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(str(path), TEXTS.pair("importer.cannot_read", exc=exc)) from None
    return parse_mapping(text, name=path.name)
