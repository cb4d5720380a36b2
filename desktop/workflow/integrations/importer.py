"""Import incidents from another ITSM (ServiceNow or any CSV): read → validate → plan → write.

A mapping (TOML; `desktop/resources/import/servicenow.toml` is the built-in ServiceNow one, read by the
same code as any generic mapping) says which file column holds which Beacon field, how the
file's states, urgencies and impacts translate, which date formats and time zone the file uses,
and what to do with applications, users and teams the database does not know (create, map to a
given code or login, or reject).

An audit-style export has one row per update of an incident (same number, ordered by the
`updated_at` column): each incident is rebuilt once, its states replayed through the incident
process as events in order (with the intermediate steps the process needs, e.g. New → In
Progress is accept + start), waiting states as SLA pauses, reopens counted, and the SLA clocks
measured from those spans exactly as the live engine would. Links to problems and changes go to
the Beacon case already carrying that number (imported before, or a Beacon number), else to a
placeholder problem or change made with the external number.

`check_import` (a dry run) reports every bad row (row number as Excel shows it, column, reason,
in Korean and English) and the unknown values it would create or map, and writes nothing.
`run_import` writes a good file in one transaction — all or nothing — with bulk inserts; cases
already imported from the same source are skipped, so importing a file again changes nothing.
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
from collections.abc import Callable, Iterable, Sequence
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

REQUIRED = ("number", "title", "state", "opened_at")
DATE_FIELDS = ("opened_at", "updated_at", "resolved_at", "closed_at")
_DMY = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
_YMD = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
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
    """One bad row: its row number as Excel shows it (1 = the header), the column, the value and why."""

    row: int
    column: str
    value: str
    reason: dict[str, str]

    def message(self, language: str | None = None) -> str:
        where = TEXTS.pick("importer.row", language, row=self.row)
        column = f" [{self.column}]" if self.column else ""
        value = f" '{self.value}'" if self.value else ""
        return f"{where}{column}{value}: {pick(self.reason, language)}"


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


def decode(data: bytes, encoding: str = "auto") -> tuple[str, str]:
    """The text and the encoding used: UTF-8 (with or without BOM) strictly, else CP949 (EUC-KR)."""
    if encoding in ("utf-8", "auto"):
        try:
            return data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as exc:
            if encoding == "utf-8":
                row = data[:exc.start].count(b"\n") + 1
                raise BeaconError("import.not_utf8", row=row) from None
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError as exc:
        row = data[:exc.start].count(b"\n") + 1
        raise BeaconError("import.bad_encoding", row=row) from None


def read_file(data: bytes, encoding: str = "auto") -> SourceFile:
    """Decode and split a CSV file; the header names the columns (trimmed)."""
    if not data.strip(b"\xef\xbb\xbf \r\n\t"):
        raise BeaconError("import.empty_file")
    text, used = decode(data, encoding)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # a cut-off quote is an error, not one huge field
    try:
        header = [h.strip() for h in next(reader)]
        rows = []
        for index, fields in enumerate(reader):
            if any(f.strip() for f in fields):
                rows.append((index + 2, fields))
    except csv.Error as exc:
        raise BeaconError("import.broken_csv", row=reader.line_num, reason=str(exc)) from None
    return SourceFile(header=header, rows=rows, encoding=used, sha256=hashlib.sha256(data).hexdigest())


# --- validating ------------------------------------------------------------------------------

@dataclass
class Row:
    """One file row's Beacon values (strings as found; dates parsed to naive UTC)."""

    row: int
    values: dict[str, str]
    dates: dict[str, datetime | None]
    order: tuple[datetime, int] = (datetime.min, 0)


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
    """A checked file: incidents (rows grouped by number, in update order), issues and unknowns."""

    mapping: Mapping
    source: SourceFile
    incidents: dict[str, list[Row]]
    issues: list[ImportIssue]
    unknowns: list[Unknown]
    already: set[str]  # numbers imported from this source before (skipped)
    ref: Reference
    resolver: _Resolver

    @property
    def ok(self) -> bool:
        return not self.issues


def _issue(issues: list[ImportIssue], row: int, column: str, value: str, reason: dict[str, str]) -> None:
    issues.append(ImportIssue(row, column, value[:80], reason))


def check(data: bytes, m: Mapping, *, encoding: str | None = None, time_zone: str | None = None) -> Checked:
    """Read and validate a file against the mapping and the database; writes nothing."""
    enc = encoding or m.encoding
    zone = _check_zone(time_zone or m.time_zone, "--source-tz")
    source = read_file(data, enc)
    issues: list[ImportIssue] = []
    header = {name: i for i, name in reversed(list(enumerate(source.header)))}
    feeds: dict[str, list[tuple[str, int]]] = {}
    for column, name in m.columns.items():
        if column in header:
            feeds.setdefault(name, []).append((column, header[column]))
    missing = [f for f in REQUIRED if f not in feeds]
    if missing:
        wanted = ", ".join(f"{f} ({'/'.join(m.column_of(f))})" for f in missing)
        _issue(issues, 1, "", "", TEXTS.pair("importer.required_columns_are_missing", wanted=wanted))
        return Checked(m, source, {}, issues, [], set(), Reference.load(), _Resolver(m, Reference.load()))
    if not source.rows:
        _issue(issues, 1, "", "", TEXTS.pair("importer.there_are_no_rows"))
    ref = Reference.load()
    resolver = _Resolver(m, ref)
    parse_date = _DateParser(m.date_formats, zone)
    states = ref.process.states
    width = len(source.header)
    incidents: dict[str, list[Row]] = {}
    for row_no, fields in source.rows:
        if len(fields) < width:
            fields = [*fields, *[""] * (width - len(fields))]
        values: dict[str, str] = {}
        columns: dict[str, str] = {}
        for name, sources in feeds.items():
            for column, index in sources:
                text = fields[index].strip()
                if text:
                    values[name] = text
                    columns[name] = column
                    break
            else:
                columns[name] = sources[0][0]
        bad = len(issues)
        for name in REQUIRED:
            if not values.get(name):
                _issue(issues, row_no, columns[name], "", TEXTS.pair("importer.value_empty"))
        dates: dict[str, datetime | None] = {}
        for name in DATE_FIELDS:
            text = values.get(name, "")
            if text:
                dates[name] = parse_date(text)
                if dates[name] is None:
                    _issue(issues, row_no, columns[name], text,
                           TEXTS.pair("importer.not_date_and_time"))
        text = values.get("state", "")
        if text:
            state = _value(m, "state", text)
            if state is None or state not in states:
                known = ", ".join(m.values.get("state", {}))
                _issue(issues, row_no, columns["state"], text,
                       TEXTS.pair("importer.unknown_state", known=known))
            else:
                values["state"] = state
        for name, levels in (("urgency", ref.urgencies), ("impact", ref.impacts)):
            text = values.get(name, "")
            if text:
                level = _value(m, name, text)
                level = level if level is not None else _lookup_key(text)
                if level not in levels:
                    _issue(issues, row_no, columns[name], text,
                           TEXTS.pair("importer.unknown_level", levels=", ".join(levels)))
                else:
                    values[name] = level
        text = values.get("incident_type", "")
        kind = _value(m, "incident_type", text) if text else None
        if kind not in ref.incident_types:  # the value map, else a Beacon type code as it stands, else the default
            kind = _lookup_key(text) if _lookup_key(text) in ref.incident_types else m.defaults.get("incident_type")
        values["incident_type"] = kind if kind in ref.incident_types else ref.incident_types[0]
        if not values.get("application") and m.defaults.get("application"):
            values["application"] = m.defaults["application"]
        if not values.get("application"):
            _issue(issues, row_no, "/".join(m.column_of("application")) or "application", "",
                   TEXTS.pair("importer.application_empty"))
        for name, kind_ in (("application", "application"), ("assignee", "user"), ("registered_by", "user"),
                            ("assignment_group", "group")):
            text = values.get(name, "")
            if text and resolver.find(kind_, text, row_no)[0] == "reject":
                what = UNKNOWN_LABELS[kind_]
                _issue(issues, row_no, columns.get(name, name), text,
                       TEXTS.pair("importer.unknown_rejected", what=what))
        text = values.get("reopen_count", "")
        if text and not text.isdigit():
            _issue(issues, row_no, columns["reopen_count"], text, TEXTS.pair("importer.reopen_count_not_whole"))
        if len(issues) == bad:
            order = dates.get("updated_at") or dates.get("opened_at") or datetime.min
            incidents.setdefault(values["number"], []).append(Row(row_no, values, dates, (order, row_no)))
    for rows in incidents.values():
        rows.sort(key=lambda r: r.order)
    already = _imported_numbers(m.source, list(incidents))
    planned = {n: rows for n, rows in incidents.items() if n not in already}
    for rows in planned.values():
        _check_history(rows, ref.process, issues)
    issues.sort(key=lambda i: (i.row, i.column))
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
                _issue(issues, 1, "", u.target, TEXTS.pair("importer.unknown_target_missing", kind=u.kind, what=what))
                break
    return Checked(m, source, planned, issues, unknowns, already, ref, resolver)


def _imported_numbers(source: str, numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(numbers), 500):
        part = numbers[start:start + 500]
        found |= {n for (n,) in ImportedRecord.select(ImportedRecord.source_number).where(
            (ImportedRecord.source == source) & ImportedRecord.source_number.in_(part)).tuples()}
    return found


def _check_history(rows: list[Row], process: ProcessDef, issues: list[ImportIssue]) -> None:
    """Every state change of an incident must be a path in Beacon's incident process."""
    state = process.initial.name
    for r in rows:
        target = r.values["state"]
        if target != state and _path(process, state, target) is None:
            names = (process.states[state].label, process.states[target].label)
            _issue(issues, r.row, "state", r.values.get("state", ""),
                   TEXTS.pair("importer.no_path_in_process", source=names[0], target=names[1]))
            return
        state = target


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
    verdict: bool  # False when cancelled: the resolution clock is stopped without a verdict
    response_known: bool  # the file says when work began; else the response clock gets no verdict
    problems: dict[str, datetime]  # number → when a row first named it
    changes: dict[str, datetime]
    priority: str


def _json(value: Any) -> Any:
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else value


def plan_incident(number: str, rows: list[Row], *, m: Mapping, ref: Reference,
                  ids: Callable[[str, str], int | None], actor_id: int) -> PlannedIncident:
    """Replay one incident's rows through the incident process: events, pauses, clocks, final values."""
    process = ref.process
    first, last = rows[0], rows[-1]

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
    team = ids("group", latest("assignment_group")) if latest("assignment_group") else None
    priority = latest("priority")
    title = latest("title")[:300]
    description = latest("description")
    assignee = ids("user", first.values["assignee"]) if first.values.get("assignee") else None

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
    response_known = False
    reopens = 0
    for r in rows:
        target = r.values["state"]
        at = r.dates.get("updated_at") or opened
        if target == "closed":
            at = r.dates.get("resolved_at") or r.dates.get("closed_at") or at
        elif target == "cancelled":
            at = r.dates.get("closed_at") or at
        at = max(at, now)
        actor = ids("user", r.values["updated_by"]) if r.values.get("updated_by") else None
        for kind, found in refs.items():
            if r.values.get(kind):
                found.setdefault(r.values[kind], max(r.dates.get("updated_at") or opened, opened))
        who = r.values.get("assignee")
        new_assignee = ids("user", who) if who else assignee
        if new_assignee != assignee and state in process.transitions["assign"].sources:
            events.append(PlannedEvent("assign", at, state, state, actor or new_assignee or actor_id,
                                       {"assignee": assignee}, {"assignee": new_assignee}))
            assignee = new_assignee
        if target == state:
            if target == "closed" and r.dates.get("closed_at"):
                closed = max(r.dates["closed_at"] or at, resolved or at)
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
                response_known = target not in ("closed", "cancelled") and r.dates.get("updated_at") is not None
                accepted = accepted or at
                response_stop = response_stop or at
                before["accepted_at"], after["accepted_at"] = None, at
            if process.states[to].pauses_sla and not process.states[state].pauses_sla:
                pauses.append((at, None, "waiting"))
            if process.states[state].pauses_sla and not process.states[to].pauses_sla and pauses:
                pauses[-1] = (pauses[-1][0], at, pauses[-1][2])
            if to == "closed":
                resolved, closed = at, r.dates.get("closed_at") or at
                closed = max(closed, at)
                resolution_stop = at
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
        now = at
    if process.states[state].pauses_sla:
        pass  # the open pause stays open: the case still waits
    elif pauses and pauses[-1][1] is None:
        pauses[-1] = (pauses[-1][0], now, pauses[-1][2])
    file_reopens = int(latest("reopen_count") or 0)
    values = {
        "title": title, "description": description, "application": app_id,
        "incident_type": last.values["incident_type"], "urgency": urgency, "impact": impact, "grade": grade,
        "state": state, "registered_by": reporter, "registered_at": opened, "occurred_at": opened,
        "assignee": assignee, "assigned_team": team or app_team,
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
        resolution_stop=resolution_stop if state in ("closed", "cancelled") else None, verdict=verdict,
        response_known=response_known,
        problems=refs["problem"], changes=refs["change"], priority=priority)


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
        batch.append(tuple(str(v) if sqlite and isinstance(v, datetime) else v for v in full) if sqlite else full)
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
    return [plan_incident(number, rows, m=checked.mapping, ref=checked.ref, ids=find, actor_id=actor_id)
            for number, rows in checked.incidents.items()]


def run_import(*, actor_id: int, data: bytes, mapping: Mapping, encoding: str | None = None,
               time_zone: str | None = None, dry_run: bool = False, progress: Progress | None = None,
               file_name: str = "", _again: int = 0) -> ImportReport:
    """Check a file and, when every row is good and it is not a dry run, import it in one transaction.

    Administrators only. A file with any bad row imports nothing and the report lists every one.

    Raises:
        BeaconError: not an administrator, an unreadable file (encoding, broken CSV) or a bad mapping.
    """
    started = time.perf_counter()
    require_admin(actor_id, ACTION, RECORD)
    checked = check(data, mapping, encoding=encoding, time_zone=time_zone)
    report = ImportReport(
        source=mapping.source, label=mapping.label, encoding=checked.source.encoding, rows=len(checked.source.rows),
        incidents=len(checked.incidents) + len(checked.already), new=len(checked.incidents),
        skipped=len(checked.already), events=0, pauses=0, links=0, placeholders=0,
        created={k: sum(1 for u in checked.unknowns if u.kind == k and u.action == "create") for k in UNKNOWN_KINDS},
        issues=checked.issues, unknowns=checked.unknowns, applied=False, seconds=0.0)
    if checked.issues:
        report.new = 0
    elif dry_run:  # planned with stand-in ids for what would be created, to say what the import would write
        _count(report, _plan_all(checked, actor_id, fake=True))
    if checked.issues or dry_run or not checked.incidents:
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
                          progress=progress, file_name=file_name, _again=_again + 1)
    report.applied = True
    report.seconds = time.perf_counter() - started
    return report


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
        planned = _plan_all(checked, actor_id, fake=False)
        _count(report, planned)
        written = _write(checked, planned, actor_id=actor.id, now=now, progress=progress)
        report.numbers, report.placeholders, report.links = written
        record(actor, "import", mapping.source, "incidents_imported", None, {
            "file": file_name, "sha256": checked.source.sha256, "incidents": len(planned),
            "skipped": report.skipped, "rows": report.rows, "placeholders": report.placeholders,
            "created": report.created}, note=f"{mapping.label}: {file_name}")


def _count(report: ImportReport, planned: list[PlannedIncident]) -> None:
    report.new = len(planned)
    report.events = sum(len(p.events) for p in planned)
    report.pauses = sum(len(p.pauses) for p in planned)
    report.links = sum(len(p.problems) + len(p.changes) for p in planned)


def _write(checked: Checked, planned: list[PlannedIncident], *, actor_id: int, now: datetime,
           progress: Progress | None) -> tuple[list[tuple[str, str]], int, int]:
    """Bulk-insert the planned incidents with their events, clocks, pauses, links and source numbers."""
    m, ref = checked.mapping, checked.ref
    total = len(planned)
    numbers = _reserve_numbers("incident", [p.values["registered_at"].year for p in planned])
    placeholder_cases, made = _placeholders(checked, planned, actor_id=actor_id, now=now)
    case_ids = _case_ids(total)  # after the placeholders: on SQLite ids are taken past the highest one
    policies = {g: (pid, resp, res, cal) for pid, g, resp, res, cal in SlaPolicy.select(
        SlaPolicy.id, SlaPolicy.grade, SlaPolicy.response_minutes, SlaPolicy.resolution_minutes, SlaPolicy.calendar)
        .where(SlaPolicy.case_kind == "incident").tuples()}
    calendars: dict[int, WorkingCalendar] = {}
    cases, incidents, events, clocks, pauses, records, links = [], [], [], [], [], [], []
    out_numbers: list[tuple[str, str]] = []
    sha = checked.source.sha256
    for index, (p, case_id, number) in enumerate(zip(planned, case_ids, numbers, strict=True)):
        v = p.values
        cases.append((case_id, "incident", number, v["registered_at"]))
        incidents.append((case_id, v["title"], v["description"], v["application"], v["incident_type"], v["urgency"],
                          v["impact"], v["grade"], v["state"], ref.process_id, v["registered_by"], v["registered_at"],
                          v["occurred_at"], v["assignee"], v["assigned_team"], v["accepted_at"], v["resolved_at"],
                          v["closed_at"], v["waiting_for_customer"], v["reopen_count"], v["resolution"], v["cause"],
                          v["result"], v["cancel_reason"], v["cancelled_at"], v["version"], v["updated_at"],
                          v["updated_by"]))
        for e in p.events:
            events.append((case_id, "incident", number, e.kind, e.actor, e.at, e.from_state, e.to_state,
                           _dumps(e.before), _dumps(e.after), e.note))
        events.append((case_id, "incident", number, "imported", actor_id, now, "", "", "{}", _dumps({
            "source": m.source, "source_number": p.number, "source_priority": p.priority, "file_sha256": sha}),
            TEXTS.pick("importer.case_imported_from", label=m.label, number=p.number)))
        for start, end, reason in p.pauses:
            pauses.append((case_id, start, end, reason))
        policy = policies.get(v["grade"])
        if policy is not None:
            clocks.extend(_clocks(case_id, p, policy, calendars, now))
        records.append((m.source, p.number, case_id, now, actor_id, sha, p.priority[:60]))
        for kind, refs in (("problem", p.problems), ("change", p.changes)):
            for ref_number, linked_at in refs.items():
                target = placeholder_cases[(kind, ref_number)]
                links.append((case_id, target, kind, linked_at, actor_id))
                events.append((case_id, "incident", number, f"link_{kind}", actor_id, linked_at, "", "",
                               "{}", _dumps({"linked": ref_number}), ""))
        if len(out_numbers) < 1000:
            out_numbers.append((p.number, number))
        if progress is not None and (index + 1) % 500 == 0:
            progress(index + 1, total * 2)
    steps = [
        (Case, ("id", "kind", "number", "created_at"), cases),
        (Incident, ("case", "title", "description", "application", "incident_type", "urgency", "impact", "grade",
                    "state", "process", "registered_by", "registered_at", "occurred_at", "assignee", "assigned_team",
                    "accepted_at", "resolved_at", "closed_at", "waiting_for_customer", "reopen_count", "resolution",
                    "cause", "result", "cancel_reason", "cancelled_at", "version", "updated_at", "updated_by"),
         incidents),
        # before the events: on PostgreSQL an event for someone else is taken only on a case this person imported
        (ImportedRecord, ("source", "source_number", "case", "imported_at", "imported_by", "file_sha256",
                          "source_priority"), records),
        (Event, ("case", "entity", "entity_id", "kind", "actor", "occurred_at", "from_state", "to_state", "before",
                 "after", "note"), events),
        (SlaClock, ("case", "kind", "policy", "calendar", "target_minutes", "uses_business_time", "started_at",
                    "paused_at", "stopped_at", "due_at", "paused_wall_minutes", "paused_business_minutes",
                    "elapsed_wall_minutes", "elapsed_business_minutes", "warned_at", "breached_at", "met"), clocks),
        (SlaPause, ("case", "started_at", "ended_at", "reason"), pauses),
        (CaseLink, ("source", "target", "kind", "created_at", "created_by"), links),
    ]
    weight = sum(len(rows) for _, _, rows in steps) or 1
    done = 0
    for model, names, rows in steps:
        _bulk(model, names, rows)
        done += len(rows)
        if progress is not None:
            progress(total + round(total * done / weight), total * 2)
    return out_numbers, made, len(links)


def _dumps(values: dict[str, Any]) -> str:
    return json.dumps({k: _json(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


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


def _placeholders(checked: Checked, planned: list[PlannedIncident], *, actor_id: int,
                  now: datetime) -> tuple[dict[tuple[str, str], int], int]:
    """(kind, number) → the case an incident links to: imported before, a Beacon number, or a new placeholder.

    Also returns how many placeholders it made (written in bulk, like the incidents).
    """
    m = checked.mapping
    first_use: dict[tuple[str, str], PlannedIncident] = {}
    for p in planned:
        for kind, refs in (("problem", p.problems), ("change", p.changes)):
            for number in refs:
                first_use.setdefault((kind, number), p)
    found: dict[tuple[str, str], int] = {}
    numbers = sorted({number for _, number in first_use})
    for start in range(0, len(numbers), 500):
        part = numbers[start:start + 500]
        before = (ImportedRecord.select(ImportedRecord.case, Case.kind, ImportedRecord.source_number).join(Case)
                  .where((ImportedRecord.source == m.source) & ImportedRecord.source_number.in_(part)).tuples())
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
        named_at = {k: (first_use[k].problems if kind == "problem" else first_use[k].changes)[k[1]] for k in keys}
        for key, number in zip(keys, _reserve_numbers(kind, [named_at[k].year for k in keys]), strict=True):
            case_id, at, app = next(ids), named_at[key], first_use[key].values["application"]
            title = TEXTS.pick("importer.placeholder_title", label=m.label, key=key[1])
            note = TEXTS.pick("importer.placeholder_note", label=m.label, key=key[1])
            cases.append((case_id, kind, number, at))
            kinds[kind].append((case_id, title[:300], note, app, initial, process_id, actor_id, at, now, actor_id))
            events.append((case_id, kind, number, "imported", actor_id, now, "", initial, "{}",
                           _dumps({"source": m.source, "source_number": key[1]}), note))
            records.append((m.source, key[1], case_id, now, actor_id))
            found[key] = case_id
    _bulk(Case, ("id", "kind", "number", "created_at"), cases)
    _bulk(Problem, ("case", "title", "description", "application", "state", "process", "registered_by",
                    "registered_at", "updated_at", "updated_by"), kinds["problem"])
    _bulk(Change, ("case", "title", "description", "application", "state", "process", "requested_by",
                   "requested_at", "updated_at", "updated_by"), kinds["change"])
    _bulk(ImportedRecord, ("source", "source_number", "case", "imported_at", "imported_by"), records)
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
