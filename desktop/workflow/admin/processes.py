"""Administering processes: validate an edited definition, store it as a new version, re-activate an old one.

Versions are never edited: saving stores the text as the next version and makes it the one
new cases start on; each case keeps the version it started with (see process.py), so a
running case never sees its transitions change under it.

The rule for removing a state: screens, filters and reports name states by the version in
force, so the version in force must keep every state that open cases are in. Saving (or
re-activating) a version without such a state is refused, naming the state, how many open
cases are in it and some of their numbers; move or close those cases first. Cases in other
states keep running on their own version, whatever the new one drops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee

from desktop.errors import BeaconError
from desktop.i18n import pick
from desktop.models import Case, ProcessDefinition, User, database
from desktop.workflow.admin.texts import PROCESS_LABELS, REFUSALS, TEXTS
from desktop.workflow.common.audit import admin_change, record, require_admin
from desktop.workflow.common.cases import KIND_MODELS
from desktop.workflow.engine.process import (
    ProcessDef,
    ProcessDefinitionError,
    active_version,
    forget_active,
    known_role_codes,
    parse_definition,
    stored_definition,
    stored_label,
)

SAMPLE_NUMBERS = 5


class ProcessChangeError(BeaconError):
    """A process change refused because it would break something or is pointless."""

    def __init__(self, reason: str, **params: Any) -> None:
        self.reason = reason
        self.reason_params = params
        super().__init__("process.invalid", file=params.get("kind", ""), key=reason)

    def message(self, language: str | None = None) -> str:
        values = {k: pick(v, language) if isinstance(v, dict) else v for k, v in self.reason_params.items()}
        return pick(REFUSALS[self.reason], language).format(**values)


@dataclass(frozen=True)
class VersionInfo:
    """One stored version of a process, as the version list shows it."""

    id: int
    version: int
    is_active: bool
    loaded_at: datetime
    loaded_by: str  # "" for the version seeded from the shipped file
    open_cases: int  # open cases running on this version
    cases: int  # all cases that started on it
    states: int
    transitions: int


@dataclass(frozen=True)
class Difference:
    """What a new version adds and drops compared with the one in force (names)."""

    added_states: tuple[str, ...] = ()
    removed_states: tuple[str, ...] = ()
    added_transitions: tuple[str, ...] = ()
    removed_transitions: tuple[str, ...] = ()
    changed_transitions: tuple[str, ...] = ()

    def summary(self) -> str:
        parts = []
        for sign, names in (("+state ", self.added_states), ("-state ", self.removed_states),
                            ("+transition ", self.added_transitions), ("-transition ", self.removed_transitions),
                            ("~transition ", self.changed_transitions)):
            parts += [sign + n for n in names]
        return ", ".join(parts)


@dataclass(frozen=True)
class Validation:
    """The outcome of checking an edited definition: the parsed process, or the first problem and its line."""

    process: ProcessDef | None
    error: BeaconError | None = None
    line: int | None = None  # 1-based line of the offending key in the text, when it can be found
    difference: Difference | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class SavedVersion:
    id: int
    version: int
    difference: Difference


def _check_kind(kind: str) -> None:
    if kind not in PROCESS_LABELS:
        raise ProcessChangeError("unknown_process", kind=kind)


def process_label(kind: str) -> dict[str, str]:
    """The Korean and English name of a process."""
    return PROCESS_LABELS[kind]


def processes() -> list[str]:
    """The processes an administrator can edit, in menu order."""
    return list(PROCESS_LABELS)


# --- reading ------------------------------------------------------------------------------

def active_source(*, actor_id: int, kind: str) -> tuple[int, int, str]:
    """The version in force of a process: (row id, version number, TOML text). Administrators only."""
    _check_kind(kind)
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    process_id, _ = active_version(kind)
    row = ProcessDefinition.get_by_id(process_id)
    return int(row.id), int(row.version), str(row.source)


def version_source(*, actor_id: int, process_id: int) -> str:
    """The TOML text of one stored version. Administrators only."""
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    return str(ProcessDefinition.get_by_id(process_id).source)


def version_definition(process_id: int) -> ProcessDef:
    """The parsed definition of a stored version (for drawing an older one)."""
    return stored_definition(process_id)


def versions(*, actor_id: int, kind: str) -> list[VersionInfo]:
    """Every stored version of a process, newest first, with how many cases (open and all) run on it."""
    _check_kind(kind)
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    active_id, _ = active_version(kind)  # seeds the first version of a new database
    model = KIND_MODELS[kind]
    by_version: dict[int | None, dict[str, int]] = {}
    for process_id, state, count in (model.select(model.process, model.state, peewee.fn.COUNT(model.case))
                                     .group_by(model.process, model.state).tuples()):
        by_version.setdefault(process_id, {})[state] = int(count)
    # cases made before versions were recorded run on the version in force
    for state, count in by_version.pop(None, {}).items():
        states = by_version.setdefault(active_id, {})
        states[state] = states.get(state, 0) + count
    rows = (ProcessDefinition.select(ProcessDefinition, User.name.alias("author"))
            .join(User, peewee.JOIN.LEFT_OUTER, on=(ProcessDefinition.loaded_by == User.id))
            .where(ProcessDefinition.process == kind).order_by(ProcessDefinition.version.desc()).objects())
    out = []
    for row in rows:
        definition = stored_definition(row.id)
        counts = by_version.get(row.id, {})
        open_count = sum(n for state, n in counts.items()
                         if state not in definition.states or not definition.states[state].final)
        loaded_by = row.author or ""
        out.append(VersionInfo(id=row.id, version=row.version, is_active=row.is_active, loaded_at=row.loaded_at,
                               loaded_by=loaded_by, open_cases=open_count, cases=sum(counts.values()),
                               states=len(definition.states), transitions=len(definition.transitions)))
    return out


def open_cases_by_state(*, actor_id: int, kind: str) -> dict[str, list[str]]:
    """The numbers of open cases in each open state of the version in force (for the editor's live check
    of a state being removed: the same rule as a save, see the module docstring). Administrators only."""
    _check_kind(kind)
    require_admin(actor_id, TEXTS.pair("processes.view_processes"))
    _, current = active_version(kind)
    model = KIND_MODELS[kind]
    found: dict[str, list[str]] = {}
    for state, number in (model.select(model.state, Case.number).join(Case, on=(model.case == Case.id))
                          .where(model.state.in_(current.open_states())).order_by(Case.number).tuples()):
        found.setdefault(state, []).append(number)
    return found


# --- checking -----------------------------------------------------------------------------

def line_of(text: str, key: str) -> int | None:
    """The 1-based line where a dotted key of a definition is written (`transitions.close.to`), if found.

    Understands the layout the definitions use: `[table.name]` headers and `key = value` lines.
    """
    if key == "(file)":
        return None
    lines = text.splitlines()
    parts = key.split(".")
    header_re = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$")
    # the longest prefix of the key that is a table header, then the rest as a key inside it
    for cut in range(len(parts), 0, -1):
        table = ".".join(parts[:cut])
        rest = parts[cut:]
        start = next((i for i, line in enumerate(lines)
                      if (m := header_re.match(line)) and m.group(1).replace(" ", "") == table), None)
        if start is None:
            # a table written only through its sub-tables (`[states.x]` for "states"): its first sub-table
            start = next((i for i, line in enumerate(lines)
                          if (m := header_re.match(line)) and m.group(1).startswith(table + ".")), None)
            if start is None or rest:
                continue
            return start + 1
        if not rest:
            return start + 1
        key_re = re.compile(rf"^\s*{re.escape(rest[0])}\s*=")
        for i in range(start + 1, len(lines)):
            if header_re.match(lines[i]):
                break
            if key_re.match(lines[i]):
                return i + 1
        return start + 1
    return None


def _toml_line(error: ProcessDefinitionError) -> int | None:
    found = re.search(r"line (\d+)", str(error.problem_params.get("reason", "")))
    return int(found.group(1)) if found else None


def difference(old: ProcessDef, new: ProcessDef) -> Difference:
    """States and transitions a new version adds, drops or changes, by name."""
    changed = tuple(n for n in new.transitions if n in old.transitions and new.transitions[n] != old.transitions[n])
    return Difference(
        added_states=tuple(s for s in new.states if s not in old.states),
        removed_states=tuple(s for s in old.states if s not in new.states),
        added_transitions=tuple(t for t in new.transitions if t not in old.transitions),
        removed_transitions=tuple(t for t in old.transitions if t not in new.transitions),
        changed_transitions=changed,
    )


def _state_in_use(kind: str, current: ProcessDef, candidate: ProcessDef) -> tuple[str, list[str]] | None:
    """The first open state of `current` that `candidate` drops while cases are in it, with their numbers."""
    model = KIND_MODELS[kind]
    for state in current.states.values():
        if state.name in candidate.states or state.final:
            continue
        numbers = [n for (n,) in (model.select(Case.number).join(Case, on=(model.case == Case.id))
                                  .where(model.state == state.name).order_by(Case.number).tuples())]
        if numbers:
            return state.name, numbers
    return None


def _check_states_kept(kind: str, current: ProcessDef, candidate: ProcessDef) -> None:
    """Refuse a version in force that lacks a state open cases are in (see the module docstring)."""
    found = _state_in_use(kind, current, candidate)
    if found is not None:
        state, numbers = found
        shown = ", ".join(numbers[:SAMPLE_NUMBERS]) + (" …" if len(numbers) > SAMPLE_NUMBERS else "")
        raise ProcessChangeError("state_in_use", kind=kind, state=current.states[state].label, count=len(numbers),
                                 numbers=shown)


def _parse(kind: str, text: str) -> ProcessDef:
    file = f"{kind}.toml"
    process = parse_definition(text, file=file, known_roles=known_role_codes())
    if process.kind != kind:
        raise ProcessDefinitionError(file, "process.kind", "wrong_process", value=process.kind, expected=kind)
    if process.name != kind:
        raise ProcessDefinitionError(file, "process.name", "wrong_process", value=process.name, expected=kind)
    return process


def validate_definition(*, kind: str, text: str) -> Validation:
    """Check an edited definition as saving would, without saving: syntax, meaning, and states in use."""
    _check_kind(kind)
    try:
        process = _parse(kind, text)
    except ProcessDefinitionError as exc:
        line = _toml_line(exc) if exc.problem == "bad_toml" else line_of(text, exc.key)
        return Validation(None, exc, line)
    _, current = active_version(kind)
    try:
        _check_states_kept(kind, current, process)
    except ProcessChangeError as exc:  # the dropped state is not in the text: no line to show
        return Validation(process, exc, None, difference(current, process))
    return Validation(process, None, None, difference(current, process))


# --- changing -----------------------------------------------------------------------------

def _lock_active(kind: str, base_id: int | None) -> ProcessDefinition:
    """The active row, locked on PostgreSQL; refuses when someone put another version in force since `base_id`."""
    query = ProcessDefinition.select().where((ProcessDefinition.process == kind)
                                            & (ProcessDefinition.is_active == True))  # noqa: E712
    if not isinstance(database.obj, peewee.SqliteDatabase):
        query = query.for_update()
    active = query.order_by(ProcessDefinition.version.desc()).first()
    if active is None:  # a database without any version yet: store the shipped one first
        active_version(kind)
        active = ProcessDefinition.get((ProcessDefinition.process == kind) & (ProcessDefinition.is_active == True))  # noqa: E712
    if base_id is not None and active.id != base_id:
        who = active.loaded_by.name if active.loaded_by_id else "Beacon"
        raise ProcessChangeError("stale", kind=kind, who=who, version=active.version,
                                 when=active.loaded_at.strftime("%Y-%m-%d %H:%M"))
    return active


def save_version(*, actor_id: int, kind: str, text: str, base_id: int | None) -> SavedVersion:
    """Store an edited definition as the next version of the process and put it in force, with its event.

    `base_id` is the version the editor started from: if another version was put in force since,
    the save is refused (nothing is lost; the editor keeps the text).

    Raises:
        ProcessDefinitionError: the text is broken (names the key).
        ProcessChangeError: it drops a state open cases are in, changes nothing, repeats an older
            version, or another version was put in force meanwhile.
        BeaconError: the actor is not an administrator.
    """
    _check_kind(kind)
    with admin_change(actor_id, TEXTS.pair("processes.save_process"), kind) as actor:
        process = _parse(kind, text)
        active = _lock_active(kind, base_id)
        current = stored_definition(active.id)
        if process.checksum == active.checksum:
            raise ProcessChangeError("unchanged", kind=kind, version=active.version)
        same = ProcessDefinition.get_or_none((ProcessDefinition.process == kind)
                                             & (ProcessDefinition.checksum == process.checksum))
        if same is not None:
            raise ProcessChangeError("same_as_version", kind=kind, version=same.version)
        _check_states_kept(kind, current, process)
        latest = (ProcessDefinition.select(peewee.fn.MAX(ProcessDefinition.version))
                  .where(ProcessDefinition.process == kind).scalar()) or 0
        ProcessDefinition.update(is_active=False).where(ProcessDefinition.process == kind).execute()
        new_id = int(ProcessDefinition.insert(process=kind, version=latest + 1, source=text,
                                              checksum=process.checksum, is_active=True,
                                              loaded_by=actor.id).execute())
        diff = difference(current, process)
        record(actor, "process", kind, "version_saved",
               before={"version": active.version, "checksum": active.checksum},
               after={"version": latest + 1, "checksum": process.checksum}, note=diff.summary())
    forget_active(kind)
    return SavedVersion(new_id, latest + 1, diff)


def activate_version(*, actor_id: int, process_id: int, base_id: int | None) -> VersionInfo:
    """Put an older stored version back in force for new cases, with its event.

    Refused like a save when the version in force changed meanwhile or when the older version
    lacks a state open cases are in.
    """
    target = ProcessDefinition.get_or_none(ProcessDefinition.id == process_id)
    if target is None:
        raise BeaconError("workflow.not_found", what=TEXTS.pair("processes.process_version"), ref=process_id)
    kind = str(target.process)
    with admin_change(actor_id, TEXTS.pair("processes.activate_process_version"),
                      stored_label(kind, target.version)) as actor:
        active = _lock_active(kind, base_id)
        if active.id == target.id:
            raise ProcessChangeError("already_active", kind=kind, version=target.version)
        _check_states_kept(kind, stored_definition(active.id), stored_definition(target.id))
        ProcessDefinition.update(is_active=False).where(ProcessDefinition.process == kind).execute()
        ProcessDefinition.update(is_active=True).where(ProcessDefinition.id == target.id).execute()
        record(actor, "process", kind, "version_activated", before={"version": active.version},
               after={"version": target.version}, note=difference(stored_definition(active.id),
                                                                  stored_definition(target.id)).summary())
    forget_active(kind)
    return next(v for v in versions(actor_id=actor_id, kind=kind) if v.id == target.id)
