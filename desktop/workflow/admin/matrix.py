"""The CI-to-owner matrix (CI별 담당자 매트릭스) as an administrator edits it.

Reading: `matrix_grid()` gives every active CI (grouped under the application it belongs
to) × every matrix role, each cell an ordered list of users. Writing: `apply_matrix_edits()`
applies a batch of cell edits — from the editor's pending changes or from a CSV file — in
one administration transaction with one audit event, refusing the whole batch when a cell
changed under the editor or names someone who cannot hold it. CSV: `export_matrix_csv()`
and `parse_matrix_csv()` / `import_matrix_csv()` (UTF-8 with BOM, per-row bilingual errors,
all-or-nothing, idempotent). `preview_assignment()` answers "who gets an incident on this
application" by running the engine's own assignment and propagation code on the pending
matrix inside a transaction that is then rolled back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import peewee
from peewee import JOIN

from desktop.errors import BeaconError
from desktop.models import (
    CIRelation,
    ConfigurationItem,
    OwnerMatrixEntry,
    Role,
    Team,
    User,
    database,
)
from desktop.workflow.admin.texts import TEXTS
from desktop.workflow.cases.list_format import csv_safe, csv_unguard
from desktop.workflow.common.audit import admin_change, record, require_admin

CSV_COLUMNS = ("ci_code", "ci_name", "role", "position", "login", "name")
MAX_CSV_ROWS = 100_000
_CHUNK = 500  # ids per IN (...) clause, well under SQLite's variable limit

Cell = tuple[int, str]  # (ci id, role code)

ACTION = TEXTS.pair("matrix.change_owner_matrix")
RECORD = TEXTS.pair("matrix.owner_matrix")


# --- reading -------------------------------------------------------------------------------

@dataclass(frozen=True)
class MatrixRole:
    """A column of the matrix: a role with `in_matrix`, in its sort order."""

    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class CellUser:
    """A user who may stand in a cell, with the team shown next to the name (picker, cells)."""

    user_id: int
    login: str
    name: str
    name_en: str
    team: str
    team_en: str


@dataclass
class MatrixRow:
    """One CI: its group (the application it belongs to) and its cells, role code → user ids in order."""

    ci_id: int
    code: str
    name: str
    name_en: str
    kind: str
    group_id: int | None  # the application this CI is shown under; itself for an application
    cells: dict[str, tuple[int, ...]] = field(default_factory=dict)


@dataclass
class MatrixGrid:
    """Everything the matrix editor shows: columns, rows in display order, and the people named."""

    roles: list[MatrixRole]
    rows: list[MatrixRow]
    users: dict[int, CellUser]

    def row(self, ci_id: int) -> MatrixRow:
        return next(r for r in self.rows if r.ci_id == ci_id)


def matrix_roles() -> list[MatrixRole]:
    """The matrix's columns: the shipped roles and any the organisation added (Role.in_matrix)."""
    return [MatrixRole(c, n, e) for c, n, e in Role.select(Role.code, Role.name, Role.name_en)
            .where(Role.in_matrix == True).order_by(Role.sort_order, Role.id).tuples()]  # noqa: E712


def pickable_users() -> dict[int, CellUser]:
    """Active users with their team, for the picker (search by name or team)."""
    rows = (User.select(User.id, User.login, User.name, User.name_en, Team.name, Team.name_en)
            .join(Team, JOIN.LEFT_OUTER, on=(User.team == Team.id))
            .where(User.is_active == True).order_by(User.name, User.id).tuples())  # noqa: E712
    return {i: CellUser(i, lo, n, e or n, t or "", te or t or "") for i, lo, n, e, t, te in rows}


def matrix_grid() -> MatrixGrid:
    """The whole matrix: active CIs grouped by application (applications by name), × matrix roles.

    A CI that is not an application is shown under its parent application or, failing that,
    under the first application (by name) that runs on or depends on it; the rest form a
    group of their own (group_id None) at the end.
    """
    roles = matrix_roles()
    role_codes = {r.code for r in roles}
    cis = list(ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.name,
                                        ConfigurationItem.name_en, ConfigurationItem.kind, ConfigurationItem.parent)
               .where(ConfigurationItem.is_active == True).tuples())  # noqa: E712
    kind_of = {c[0]: c[4] for c in cis}
    name_of = {c[0]: c[2] for c in cis}
    apps = {i for i, k in kind_of.items() if k == "application"}
    related: dict[int, list[int]] = {}
    for source, target in CIRelation.select(CIRelation.source, CIRelation.target).tuples():
        if source in apps and target in kind_of:
            related.setdefault(target, []).append(source)
    rows: list[MatrixRow] = []
    for ci_id, code, name, name_en, kind, parent in cis:
        if ci_id in apps:
            group = ci_id
        elif parent in apps:
            group = parent
        else:
            group = min(related.get(ci_id, []), key=lambda a: (name_of[a], a), default=None)
        rows.append(MatrixRow(ci_id, code, name, name_en, kind, group, {code: () for code in role_codes}))
    by_id = {r.ci_id: r for r in rows}
    entries = (OwnerMatrixEntry.select(OwnerMatrixEntry.ci, Role.code, OwnerMatrixEntry.user)
               .join(Role).switch(OwnerMatrixEntry).join(User)
               .where(User.is_active == True)  # noqa: E712
               .order_by(OwnerMatrixEntry.position, OwnerMatrixEntry.id).tuples())
    for ci_id, role, user_id in entries:
        row = by_id.get(ci_id)
        if row is not None and role in role_codes:
            row.cells[role] = (*row.cells[role], user_id)

    def order(r: MatrixRow) -> tuple[Any, ...]:
        if r.group_id is None:
            return (1, "", 0, r.name, r.ci_id)
        return (0, name_of[r.group_id], r.group_id, r.ci_id != r.group_id, r.name, r.ci_id)

    rows.sort(key=order)
    return MatrixGrid(roles=roles, rows=rows, users=pickable_users())


# --- validation ----------------------------------------------------------------------------

@dataclass(frozen=True)
class MatrixIssue:
    """Something wrong with the matrix that an administrator should fix (shown as a flag)."""

    ci_id: int
    role: str
    message: dict[str, str]


def matrix_issues(rows: Iterable[MatrixRow]) -> list[MatrixIssue]:
    """Applications with nobody in the primary handler cell: their incidents reach no one in person."""
    issues = []
    for row in rows:
        if row.kind == "application" and not row.cells.get("primary_handler"):
            issues.append(MatrixIssue(row.ci_id, "primary_handler", TEXTS.pair(
                "matrix.no_primary_handler", name={"ko": row.name, "en": row.name_en or row.name})))
    return issues


# --- writing -------------------------------------------------------------------------------

@dataclass(frozen=True)
class CellEdit:
    """One cell's new ordered users, with what the editor saw there (to refuse a stale save)."""

    ci_id: int
    role: str
    before: tuple[int, ...]
    after: tuple[int, ...]


@dataclass(frozen=True)
class ApplyResult:
    cells: int
    added: int
    removed: int


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _current_cells(ci_ids: Iterable[int], *, lock: bool = False) -> dict[Cell, list[tuple[int, int]]]:
    """(ci, role) → [(entry id, user id)] in order, for the given CIs (all users, active or not)."""
    out: dict[Cell, list[tuple[int, int]]] = {}
    ids = sorted(set(ci_ids))
    for part in _chunks(ids):
        if lock and not isinstance(database.obj, peewee.SqliteDatabase):
            # Two administrators saving the same cells: the second waits, then sees the first's result.
            list(ConfigurationItem.select(ConfigurationItem.id).where(ConfigurationItem.id.in_(part))
                 .order_by(ConfigurationItem.id).for_update().tuples())
        query = (OwnerMatrixEntry.select(OwnerMatrixEntry.id, OwnerMatrixEntry.ci, Role.code, OwnerMatrixEntry.user)
                 .join(Role).where(OwnerMatrixEntry.ci.in_(part))
                 .order_by(OwnerMatrixEntry.position, OwnerMatrixEntry.id).tuples())
        for entry_id, ci_id, role, user_id in query:
            out.setdefault((ci_id, role), []).append((entry_id, user_id))
    return out


def _check_edits(edits: Sequence[CellEdit]) -> tuple[dict[int, tuple[str, str]], dict[str, int], dict[int, str]]:
    """Refuse a batch that names an unknown CI, a non-matrix role, an inactive user or a user twice."""
    seen: set[Cell] = set()
    for e in edits:
        if (e.ci_id, e.role) in seen:
            raise BeaconError("matrix.duplicate_cell", ci=str(e.ci_id), role=e.role)
        seen.add((e.ci_id, e.role))
    roles = {code: rid for rid, code in Role.select(Role.id, Role.code).where(Role.in_matrix == True)  # noqa: E712
             .tuples()}
    cis: dict[int, tuple[str, str]] = {}
    for part in _chunks(sorted({e.ci_id for e in edits})):
        cis.update({i: (c, n) for i, c, n in ConfigurationItem.select(
            ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.name)
            .where(ConfigurationItem.id.in_(part) & (ConfigurationItem.is_active == True)).tuples()})  # noqa: E712
    logins: dict[int, str] = {}
    for part in _chunks(sorted({u for e in edits for u in e.after})):
        logins.update(dict(User.select(User.id, User.login)
                           .where(User.id.in_(part) & (User.is_active == True)).tuples()))  # noqa: E712
    for e in edits:
        if e.ci_id not in cis:
            raise BeaconError("matrix.unknown_ci", ci=str(e.ci_id))
        if e.role not in roles:
            raise BeaconError("matrix.unknown_role", role=e.role)
        if len(set(e.after)) != len(e.after):
            raise BeaconError("matrix.user_twice", ci=cis[e.ci_id][1], role=e.role)
        for user_id in e.after:
            if user_id not in logins:
                raise BeaconError("workflow.unknown_user", ref=user_id)
    return cis, roles, logins


def apply_matrix_edits(*, actor_id: int, edits: Sequence[CellEdit], note: str = "",
                       kind: str = "cells_changed") -> ApplyResult:
    """Apply cell edits all at once: one transaction, one audit event; administrators only.

    Raises:
        BeaconError: not an administrator; an unknown CI, role or user; or a cell that someone
            else changed since the editor read it (nothing is saved then).
    """
    with admin_change(actor_id, ACTION, RECORD) as actor:
        edits = [e for e in edits if e.before != e.after]
        if not edits:
            return ApplyResult(0, 0, 0)
        cis, roles, _ = _check_edits(edits)
        current = _current_cells((e.ci_id for e in edits), lock=True)
        all_users = {u for cell in current.values() for _, u in cell} | {u for e in edits for u in e.after}
        login_of: dict[int, str] = {}
        active: set[int] = set()
        for part in _chunks(sorted(all_users)):
            for user_id, login, is_active in User.select(User.id, User.login, User.is_active).where(
                    User.id.in_(part)).tuples():
                login_of[user_id] = login
                if is_active:
                    active.add(user_id)
        stale_ids: list[int] = []
        inserts: list[dict[str, Any]] = []
        before_log: dict[str, list[str]] = {}
        after_log: dict[str, list[str]] = {}
        added = removed = 0
        for e in edits:
            now_there = current.get((e.ci_id, e.role), [])
            # The editor never shows inactive users, so compare with what it could see.
            if tuple(u for _, u in now_there if u in active) != e.before:
                raise BeaconError("matrix.stale_cell", ci=cis[e.ci_id][1], role=e.role)
            kept_inactive = [u for _, u in now_there if u not in active]
            stale_ids.extend(entry for entry, _ in now_there)
            new_users = [*e.after, *kept_inactive]
            inserts.extend({"ci": e.ci_id, "role": roles[e.role], "user": u, "position": pos}
                           for pos, u in enumerate(new_users))
            added += len(set(e.after) - set(e.before))
            removed += len(set(e.before) - set(e.after))
            key = f"{cis[e.ci_id][0]}/{e.role}"
            before_log[key] = [login_of[u] for u in e.before]
            after_log[key] = [login_of[u] for u in e.after]
        for part in _chunks(stale_ids):
            OwnerMatrixEntry.delete().where(OwnerMatrixEntry.id.in_(part)).execute()
        for part in _chunks(inserts, 1000):  # no RETURNING: the ids are not needed
            OwnerMatrixEntry.insert_many(part).as_rowcount().execute()
        record(actor, "owner_matrix", str(len(edits)), kind, before_log, after_log, note)
        return ApplyResult(cells=len(edits), added=added, removed=removed)


def copy_row_edits(grid_cells: dict[int, dict[str, tuple[int, ...]]], source_ci_id: int,
                   target_ci_ids: Iterable[int]) -> list[CellEdit]:
    """The edits that give each target CI the source CI's cells (every matrix role), as seen in `grid_cells`."""
    source = grid_cells[source_ci_id]
    out = []
    for target in target_ci_ids:
        if target == source_ci_id:
            continue
        for role, users in source.items():
            before = grid_cells[target].get(role, ())
            if before != users:
                out.append(CellEdit(target, role, before, users))
    return out


def copy_row(*, actor_id: int, source_ci_id: int, target_ci_ids: Sequence[int]) -> ApplyResult:
    """Give other CIs the same owners as one CI, in one transaction (administrators only)."""
    require_admin(actor_id, ACTION, RECORD)
    grid = matrix_grid()
    cells = {r.ci_id: r.cells for r in grid.rows}
    for ci_id in (source_ci_id, *target_ci_ids):
        if ci_id not in cells:
            raise BeaconError("matrix.unknown_ci", ci=str(ci_id))
    source = grid.row(source_ci_id)
    return apply_matrix_edits(actor_id=actor_id, edits=copy_row_edits(cells, source_ci_id, target_ci_ids),
                              kind="row_copied", note=source.code)


# --- who gets an incident ------------------------------------------------------------------

@dataclass(frozen=True)
class AssignmentPreview:
    """What registering an incident on an application would do with the (pending) matrix."""

    assignee: str  # name, or "" when nobody in person
    team: str  # the team it is assigned to, or ""
    told_assigned: list[str]  # primary handlers told "assigned to you"
    notes: list[str]  # the engine's own remark (fallback to the team, nobody assigned), as stored
    recipients: list[tuple[str, str, tuple[str, ...]]]  # propagation: name, reason code, channels


class _PreviewContext:
    """Just enough of the engine's transition context for the assignment effect to run on."""

    def __init__(self, application_id: int) -> None:
        self.values: dict[str, Any] = {"application": application_id, "assignee": None}
        self.changes: dict[str, Any] = {}
        self.notified: list[int] = []
        self.notes: list[str] = []

    def current(self, column: str) -> Any:
        return self.changes.get(column, self.values.get(column))

    def notify(self, recipient_id: int | None, kind: str, reason: str) -> None:
        if recipient_id is not None:
            self.notified.append(recipient_id)

    def event(self, kind: str, *, note: str = "", **_: Any) -> None:
        self.notes.append(note)

    def once(self, key: Any, load: Any) -> Any:
        return load()


class _Rollback(Exception):
    pass


def preview_assignment(application_id: int, pending: Sequence[CellEdit] = (), *, language: str = "ko"
                       ) -> AssignmentPreview:
    """Who would get an incident registered now on this application, if the pending edits were saved.

    The engine's `assign_from_matrix` effect and `propagation.preview` run on the matrix with the
    edits applied inside a transaction that is always rolled back, so nothing is re-derived here.
    """
    from desktop.i18n import current_language, set_language
    from desktop.workflow.cases.effects import assign_from_matrix
    from desktop.workflow.notify.propagation import preview

    result: list[AssignmentPreview] = []
    previous = current_language()
    try:
        set_language(language)  # the engine writes its remarks in the current language
        with database.atomic():
            edits = [e for e in pending if e.before != e.after]
            if edits:
                _, roles, _ = _check_edits(edits)
                current = _current_cells(e.ci_id for e in edits)
                for e in edits:
                    ids = [entry for entry, _ in current.get((e.ci_id, e.role), [])]
                    for part in _chunks(ids):
                        OwnerMatrixEntry.delete().where(OwnerMatrixEntry.id.in_(part)).execute()
                    if e.after:
                        OwnerMatrixEntry.insert_many([{"ci": e.ci_id, "role": roles[e.role], "user": u,
                                                       "position": p} for p, u in enumerate(e.after)]).execute()
            ctx = _PreviewContext(application_id)
            assign_from_matrix(ctx)
            named = [*ctx.notified, ctx.changes.get("assignee") or 0]
            names = {i: (e or n) if language == "en" else n for i, n, e in
                     User.select(User.id, User.name, User.name_en).where(User.id.in_(named)).tuples()}
            team_id = ctx.changes.get("assigned_team")
            team = Team.get_or_none(Team.id == team_id) if team_id else None
            told = preview(application_id, "registered")
            en_names = dict(User.select(User.id, User.name_en).where(User.id.in_([r.user_id for r in told])).tuples())
            recipients = [((en_names.get(r.user_id) or r.name) if language == "en" else r.name, r.reason, r.channels)
                          for r in told]
            assignee = ctx.changes.get("assignee")
            result.append(AssignmentPreview(
                assignee=(names.get(assignee) or "") if assignee else "",
                team=(team.name_en or team.name) if team and language == "en" else (team.name if team else ""),
                told_assigned=[names.get(u) or str(u) for u in ctx.notified],
                notes=ctx.notes, recipients=recipients))
            raise _Rollback
    except _Rollback:
        pass
    finally:
        set_language(previous)
    return result[0]


# --- CSV -----------------------------------------------------------------------------------

def export_matrix_csv(*, actor_id: int) -> bytes:
    """The whole matrix as CSV, UTF-8 with BOM so Excel opens Korean right; one row per person in a cell.

    Columns: ci_code, ci_name, role, position (1 = first), login, name. Only `ci_code`, `role`,
    `position` and `login` are read back on import; the names are there for the reader.
    """
    require_admin(actor_id, TEXTS.pair("matrix.export_owner_matrix"), RECORD)
    rows = (OwnerMatrixEntry.select(ConfigurationItem.code, ConfigurationItem.name, Role.code,
                                    OwnerMatrixEntry.position, User.login, User.name)
            .join(ConfigurationItem).switch(OwnerMatrixEntry).join(Role).switch(OwnerMatrixEntry).join(User)
            .where((ConfigurationItem.is_active == True) & (User.is_active == True) & (Role.in_matrix == True))  # noqa: E712
            .order_by(ConfigurationItem.code, Role.sort_order, Role.id, OwnerMatrixEntry.position,
                      OwnerMatrixEntry.id).tuples())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    last: Cell | None = None
    position = 0
    for code, ci_name, role, _pos, login, name in rows:
        position = position + 1 if last == (code, role) else 1
        last = (code, role)
        writer.writerow([csv_safe(value) for value in (code, ci_name, role, position, login, name)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@dataclass(frozen=True)
class RowError:
    """One problem in an import file: the line (1 = header), the column, and why, in both languages."""

    line: int
    column: str
    value: str
    reason: dict[str, str]

    def message(self, language: str) -> str:
        from desktop.i18n import pick

        where = TEXTS.pair("matrix.line", line=self.line)
        column = f" [{self.column}]" if self.column else ""
        value = f" '{self.value}'" if self.value else ""
        return f"{pick(where, language)}{column}{value}: {pick(self.reason, language)}"


@dataclass
class ParsedImport:
    """A checked import file: the edits it would make, or the rows that stop it."""

    rows: int
    edits: list[CellEdit]
    errors: list[RowError]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or would do, on a dry run)."""

    rows: int
    cells: int
    added: int
    removed: int
    applied: bool
    errors: list[RowError]


def _err(errors: list[RowError], line: int, column: str, value: str, reason: dict[str, str]) -> None:
    errors.append(RowError(line, column, value[:80], reason))


def _decode(data: bytes, errors: list[RowError]) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        hint = {"ko": "", "en": ""}
        try:
            data.decode("cp949")
            hint = TEXTS.pair("matrix.looks_like_cp949")
        except UnicodeDecodeError:
            pass
        _err(errors, line, "", "", TEXTS.pair("matrix.not_utf8", hint=hint))
        return None


def parse_matrix_csv(data: bytes) -> ParsedImport:
    """Check an import file against the database without changing anything.

    Each (ci_code, role) the file names becomes exactly the logins listed for it, ordered by
    `position`; a row with an empty login empties that cell. Cells the file does not name stay
    as they are, so importing the same file twice changes nothing the second time.
    """
    errors: list[RowError] = []
    if not data.strip(b"\xef\xbb\xbf \r\n\t"):
        _err(errors, 1, "", "", TEXTS.pair("matrix.file_empty", columns=", ".join(CSV_COLUMNS)))
        return ParsedImport(0, [], errors)
    text = _decode(data, errors)
    if text is None:
        return ParsedImport(0, [], errors)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        header = []
    missing = [c for c in ("ci_code", "role", "position", "login") if c not in header]
    if missing:
        _err(errors, 1, ", ".join(missing), "",
             TEXTS.pair("matrix.required_columns_are_missing", csv_columns=",".join(CSV_COLUMNS)))
        return ParsedImport(0, [], errors)
    col = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    raw: list[tuple[int, str, str, str, str]] = []
    try:
        for fields in reader:
            line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(raw) >= MAX_CSV_ROWS:
                _err(errors, line, "", "", TEXTS.pair("matrix.too_many_rows", max_csv_rows=MAX_CSV_ROWS))
                break
            if len(fields) < len(header):
                fields = [*fields, *[""] * (len(header) - len(fields))]
            raw.append((line, *(csv_unguard(fields[col[c]].strip()) for c in ("ci_code", "role", "position", "login"))))
    except csv.Error as exc:
        _err(errors, reader.line_num, "", "", TEXTS.pair("matrix.broken_csv", exc=exc))
    if not raw and not errors:
        _err(errors, 1, "", "", TEXTS.pair("matrix.there_are_no_rows"))
    if errors:
        return ParsedImport(len(raw), [], errors)

    roles = {c: n for c, n in Role.select(Role.code, Role.name).where(Role.in_matrix == True).tuples()}  # noqa: E712
    ci_codes = sorted({r[1] for r in raw if r[1]})
    cis: dict[str, tuple[int, bool]] = {}
    for part in _chunks(ci_codes):
        cis.update({c: (i, a) for i, c, a in ConfigurationItem.select(
            ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.is_active)
            .where(ConfigurationItem.code.in_(part)).tuples()})
    logins = sorted({r[4] for r in raw if r[4]})
    users: dict[str, tuple[int, bool]] = {}
    for part in _chunks(logins):
        users.update({lo: (i, a) for i, lo, a in User.select(User.id, User.login, User.is_active)
                      .where(User.login.in_(part)).tuples()})

    cells: dict[tuple[str, str], list[tuple[int, int, int | None]]] = {}  # (code, role) → (position, line, user)
    for line, code, role, position, login in raw:
        bad = len(errors)
        if not code:
            _err(errors, line, "ci_code", "", TEXTS.pair("matrix.ci_code_empty"))
        elif code not in cis:
            _err(errors, line, "ci_code", code, TEXTS.pair("matrix.unknown_ci_code"))
        elif not cis[code][1]:
            _err(errors, line, "ci_code", code, TEXTS.pair("matrix.ci_retired"))
        if role not in roles:
            _err(errors, line, "role", role, TEXTS.pair("matrix.not_a_matrix_role", roles=", ".join(roles)))
        try:
            pos = int(position)
            if pos < 1:
                raise ValueError
        except ValueError:
            pos = 0
            _err(errors, line, "position", position, TEXTS.pair("matrix.bad_position"))
        user_id: int | None = None
        if login:
            if login not in users:
                _err(errors, line, "login", login, TEXTS.pair("matrix.unknown_login"))
            elif not users[login][1]:
                _err(errors, line, "login", login, TEXTS.pair("matrix.inactive_owner"))
            else:
                user_id = users[login][0]
        if len(errors) == bad:
            cells.setdefault((code, role), []).append((pos, line, user_id))

    edits_after: dict[Cell, tuple[int, ...]] = {}
    for (code, role), members in cells.items():
        members.sort()
        positions: dict[int, int] = {}
        seen: dict[int, int] = {}
        empties = [line for _, line, u in members if u is None]
        named = [m for m in members if m[2] is not None]
        for pos, line, user_id in named:
            if pos in positions:
                _err(errors, line, "position", str(pos),
                     TEXTS.pair("matrix.position_already_in_cell", positions=positions[pos]))
            elif user_id in seen:
                _err(errors, line, "login", "", TEXTS.pair("matrix.user_already_in_cell", seen=seen[user_id]))
            positions.setdefault(pos, line)
            seen.setdefault(user_id, line)  # type: ignore[arg-type]
        if empties and named:
            _err(errors, empties[0], "login", "", TEXTS.pair("matrix.empty_login_with_others"))
        edits_after[(cis[code][0], role)] = tuple(u for _, _, u in named if u is not None)
    errors.sort(key=lambda e: e.line)
    if errors:
        return ParsedImport(len(raw), [], errors)

    current = _current_cells(ci for ci, _ in edits_after)
    active_ids = {i for i, a in users.values() if a}
    inactive_elsewhere: set[int] = set()
    seen_users = sorted({u for cell in current.values() for _, u in cell} - active_ids)
    for part in _chunks(seen_users):
        inactive_elsewhere |= {i for (i,) in User.select(User.id).where(User.id.in_(part)
                                                                         & (User.is_active == False)).tuples()}  # noqa: E712
    edits = []
    for (ci_id, role), after in edits_after.items():
        before = tuple(u for _, u in current.get((ci_id, role), []) if u not in inactive_elsewhere)
        if before != after:
            edits.append(CellEdit(ci_id, role, before, after))
    return ParsedImport(len(raw), edits, [])


def import_matrix_csv(*, actor_id: int, data: bytes, dry_run: bool = False, source: str = "") -> ImportResult:
    """Check a CSV file and, when every row is good and it is not a dry run, apply it in one transaction.

    Nothing is written when any row is bad: the result carries every row's error instead.
    """
    require_admin(actor_id, TEXTS.pair("matrix.import_owner_matrix"), RECORD)
    parsed = parse_matrix_csv(data)
    added = sum(len(set(e.after) - set(e.before)) for e in parsed.edits)
    removed = sum(len(set(e.before) - set(e.after)) for e in parsed.edits)
    if not parsed.ok or dry_run:
        return ImportResult(parsed.rows, len(parsed.edits), added, removed, False, parsed.errors)
    result = apply_matrix_edits(actor_id=actor_id, edits=parsed.edits, kind="imported", note=source)
    return ImportResult(parsed.rows, result.cells, result.added, result.removed, True, [])
