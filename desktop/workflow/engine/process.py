"""Declarative process definitions: load a TOML file, validate it, answer questions about it.

A definition names states (one initial, some final, some pausing SLA clocks),
transitions (from, to, roles, required and optional fields, timestamps to stamp
or clear, effects) and operations (things done on a case without moving it).
A broken file is refused with a message naming the file and the offending key.
"""

from __future__ import annotations

import hashlib
import os
import time
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from desktop.errors import BeaconError
from desktop.i18n import pick
from desktop.models import CASE_KINDS, ProcessDefinition, Role, database
from desktop.paths import resource_path
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine.effects import registered
from desktop.workflow.engine.fields import FIELDS, STAMPS
from desktop.workflow.engine.roles import ROLES
from desktop.workflow.engine.texts import FOLLOW_UP_NAMES, PROBLEMS, TEXTS

RELATIONS = frozenset({"@reporter", "@assignee", "@owner"})
STAY = "="
# What a closer may ask for at closure (a process's [follow_ups] lists the kinds by incident type), as named on
# the close dialog.
FOLLOW_UP_KINDS: dict[str, tuple[str, str]] = {
    code: (name["ko"], name["en"]) for code, name in FOLLOW_UP_NAMES.items()
}


class ProcessDefinitionError(BeaconError):
    """A process definition file is broken; names the file, the key and the problem."""

    def __init__(self, file: str, key: str, problem: str, **params: Any) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        self.problem_params = params
        super().__init__("process.invalid", file=file, key=key)

    def message(self, language: str | None = None) -> str:
        detail = pick(PROBLEMS[self.problem], language).format(**self.problem_params)
        return f"{self.file}: {self.key}: {detail}"


@dataclass(frozen=True)
class StateDef:
    name: str
    label: dict[str, str]
    initial: bool = False
    final: bool = False
    pauses_sla: bool = False
    stage: int | None = None


@dataclass(frozen=True)
class TransitionDef:
    name: str
    label: dict[str, str]
    sources: tuple[str, ...]  # empty: the transition that creates the case
    target: str  # a state name, or "=" to stay
    roles: tuple[str, ...]
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    stamp: tuple[str, ...] = ()
    clear: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()

    @property
    def creates(self) -> bool:
        return not self.sources

    def target_from(self, state: str) -> str:
        return state if self.target == STAY else self.target


@dataclass(frozen=True)
class OperationDef:
    name: str
    label: dict[str, str]
    states: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True)
class ProcessDef:
    """A validated process definition."""

    name: str
    kind: str
    version: int
    label: dict[str, str]
    states: dict[str, StateDef]
    transitions: dict[str, TransitionDef]
    operations: dict[str, OperationDef]
    follow_ups: dict[str, tuple[str, ...]]
    source: str = field(repr=False, default="")
    checksum: str = ""
    path: str = ""

    @property
    def initial(self) -> StateDef:
        return next(s for s in self.states.values() if s.initial)

    @property
    def creation(self) -> TransitionDef:
        return next(t for t in self.transitions.values() if t.creates)

    def open_states(self) -> list[str]:
        return [s.name for s in self.states.values() if not s.final]

    def transitions_from(self, state: str) -> list[TransitionDef]:
        return [t for t in self.transitions.values() if state in t.sources]

    def shortest_path(self, start: str, target: str) -> list[str] | None:
        """Transition names leading from `start` to `target` with the fewest steps, or None."""
        paths: dict[str, list[str]] = {start: []}
        queue = [start]
        while queue:
            here = queue.pop(0)
            for t in self.transitions_from(here):
                there = t.target_from(here)
                if there not in paths:
                    paths[there] = [*paths[here], t.name]
                    queue.append(there)
        return paths.get(target)


class _Reader:
    """Typed access to the raw TOML with errors that name file and key."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key: str, problem: str, **params: Any) -> ProcessDefinitionError:
        return ProcessDefinitionError(self.file, key, problem, **params)

    def table(self, data: dict[str, Any], key: str, path: str, *, required: bool = True) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(path, "missing")
            return {}
        if not isinstance(value, dict):
            raise self.fail(path, "bad_type", expected="table")
        return value

    def strings(self, data: dict[str, Any], key: str, path: str, *, required: bool = False) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(path, "missing")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(path, "bad_type", expected="a list of strings")
        return tuple(value)

    def label(self, data: dict[str, Any], path: str) -> dict[str, str]:
        value = data.get("label")
        if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value[k] for k in ("ko", "en")):
            raise self.fail(f"{path}.label", "no_label")
        return {"ko": value["ko"], "en": value["en"]}

    def flag(self, data: dict[str, Any], key: str, path: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{path}.{key}", "bad_type", expected="true or false")
        return value


def parse_definition(text: str, *, file: str, known_roles: Iterable[str] | None = None) -> ProcessDef:
    """Parse and validate one definition.

    Raises:
        ProcessDefinitionError: naming `file`, the offending key and the problem.
    """
    r = _Reader(file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise r.fail("(file)", "bad_toml", reason=str(exc)) from None
    roles = set(known_roles if known_roles is not None else (code for code, *_ in ROLES)) | RELATIONS

    head = r.table(data, "process", "process")
    name = head.get("name")
    if not isinstance(name, str) or not name:
        raise r.fail("process.name", "missing")
    kind = head.get("kind")
    if kind not in CASE_KINDS:
        raise r.fail("process.kind", "unknown_kind", value=kind, allowed=", ".join(CASE_KINDS))
    version = head.get("version", 1)
    if not isinstance(version, int) or version < 1:
        raise r.fail("process.version", "bad_type", expected="a positive integer")
    label = r.label(head, "process")
    fields = FIELDS[kind]

    states: dict[str, StateDef] = {}
    for state_name, raw in r.table(data, "states", "states").items():
        path = f"states.{state_name}"
        if not isinstance(raw, dict):
            raise r.fail(path, "bad_type", expected="table")
        stage = raw.get("stage")
        if stage is not None and not isinstance(stage, int):
            raise r.fail(f"{path}.stage", "bad_type", expected="an integer")
        states[state_name] = StateDef(
            name=state_name, label=r.label(raw, path), initial=r.flag(raw, "initial", path),
            final=r.flag(raw, "final", path), pauses_sla=r.flag(raw, "pauses_sla", path), stage=stage,
        )
    initials = [s for s in states.values() if s.initial]
    if len(initials) != 1:
        raise r.fail("states", "no_initial", count=len(initials))
    if not any(s.final for s in states.values()):
        raise r.fail("states", "no_final")

    transitions: dict[str, TransitionDef] = {}
    for t_name, raw in r.table(data, "transitions", "transitions").items():
        path = f"transitions.{t_name}"
        if not isinstance(raw, dict):
            raise r.fail(path, "bad_type", expected="table")
        sources = r.strings(raw, "from", f"{path}.from", required=True)
        for s in sources:
            if s not in states:
                raise r.fail(f"{path}.from", "unknown_state", value=s)
        target = raw.get("to")
        if not isinstance(target, str):
            raise r.fail(f"{path}.to", "missing")
        if target != STAY and target not in states:
            raise r.fail(f"{path}.to", "unknown_state", value=target)
        t_roles = r.strings(raw, "roles", f"{path}.roles", required=True)
        for role in t_roles:
            if role not in roles:
                raise r.fail(f"{path}.roles", "unknown_role", value=role)
        required = r.strings(raw, "required", f"{path}.required")
        optional = r.strings(raw, "optional", f"{path}.optional")
        for key, names in (("required", required), ("optional", optional)):
            for f in names:
                if f not in fields:
                    raise r.fail(f"{path}.{key}", "unknown_field", value=f)
        stamp = r.strings(raw, "stamp", f"{path}.stamp")
        clear = r.strings(raw, "clear", f"{path}.clear")
        for key, names in (("stamp", stamp), ("clear", clear)):
            for f in names:
                if f not in STAMPS[kind]:
                    raise r.fail(f"{path}.{key}", "unknown_stamp", value=f)
        effects = r.strings(raw, "effects", f"{path}.effects")
        for e in effects:
            if e not in registered():
                raise r.fail(f"{path}.effects", "unknown_effect", value=e)
        transitions[t_name] = TransitionDef(
            name=t_name, label=r.label(raw, path), sources=sources, target=target, roles=t_roles,
            required=required, optional=optional, stamp=stamp, clear=clear, effects=effects,
        )
    creating = [t for t in transitions.values() if t.creates]
    if len(creating) != 1 or creating[0].target != initials[0].name:
        raise r.fail("transitions", "no_creation")

    # every state reachable from the initial one; every open state has a way out
    reached = {initials[0].name}
    frontier = [initials[0].name]
    while frontier:
        here = frontier.pop()
        for t in transitions.values():
            if here in t.sources:
                there = t.target_from(here)
                if there not in reached:
                    reached.add(there)
                    frontier.append(there)
    for s in states.values():
        if s.name not in reached:
            raise r.fail(f"states.{s.name}", "unreachable", value=s.name)
    for s in states.values():
        if not s.final and not any(s.name in t.sources and t.target_from(s.name) != s.name
                                   for t in transitions.values()):
            raise r.fail(f"states.{s.name}", "dead_end", value=s.name)

    operations: dict[str, OperationDef] = {}
    for op_name, raw in r.table(data, "operations", "operations", required=False).items():
        path = f"operations.{op_name}"
        if not isinstance(raw, dict):
            raise r.fail(path, "bad_type", expected="table")
        op_states = r.strings(raw, "states", f"{path}.states", required=True)
        for s in op_states:
            if s not in states:
                raise r.fail(f"{path}.states", "unknown_state", value=s)
        op_roles = r.strings(raw, "roles", f"{path}.roles", required=True)
        for role in op_roles:
            if role not in roles:
                raise r.fail(f"{path}.roles", "unknown_role", value=role)
        operations[op_name] = OperationDef(op_name, r.label(raw, path), op_states, op_roles)

    follow_ups: dict[str, tuple[str, ...]] = {}
    for incident_type, _ in r.table(data, "follow_ups", "follow_ups", required=False).items():
        kinds = r.strings(data["follow_ups"], incident_type, f"follow_ups.{incident_type}")
        for k in kinds:
            if k not in FOLLOW_UP_KINDS:
                raise r.fail(f"follow_ups.{incident_type}", "unknown_follow_up", value=k)
        follow_ups[incident_type] = kinds

    return ProcessDef(
        name=name, kind=kind, version=version, label=label, states=states, transitions=transitions,
        operations=operations, follow_ups=follow_ups, source=text,
        checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(), path=file,
    )


def load_definition_file(path: Path, *, known_roles: Iterable[str] | None = None) -> ProcessDef:
    """Read and validate a definition file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProcessDefinitionError(str(path), "(file)", "unreadable", reason=str(exc)) from None
    return parse_definition(text, file=str(path), known_roles=known_roles)


def process_dir() -> Path:
    """Where the organisation's process definitions live (`BEACON_PROCESS_DIR` overrides the shipped ones)."""
    override = os.environ.get("BEACON_PROCESS_DIR")
    return Path(override) if override else resource_path("processes")


@cache
def shipped_definition(kind: str) -> ProcessDef:
    """The definition for a kind of case from `desktop/resources/processes/<kind>.toml` (cached)."""
    return load_definition_file(process_dir() / f"{kind}.toml")


# --- stored versions ---------------------------------------------------------------------
#
# The database holds every version of every process (ProcessDefinition rows, never edited,
# exactly one active per process). New cases start on the active version; each case row
# records the version it started with and is driven by it until it closes. A stored text
# never changes, so its parsed form is cached by checksum for the life of the program.

_PARSED: dict[str, ProcessDef] = {}
# stored version id → checksum, for the database bound under the key None
_BY_ID: dict[int | None, object] = {}
# what `definition()` answered last, per kind, with the database it came from and when:
# lists ask for state names once per painted cell, so the answer is kept for a moment
_ACTIVE_MEMO: dict[str, tuple[object, float, int, ProcessDef]] = {}
ACTIVE_MEMO_SECONDS = 2.0


def stored_label(kind: str, version: int) -> str:
    """How a stored version is named in messages (the `file` of its errors)."""
    return f"{kind} v{version}"


def parse_stored(text: str, *, file: str, checksum: str | None = None) -> ProcessDef:
    """Parse a stored definition once; later calls with the same text return the cached result."""
    key = checksum or hashlib.sha256(text.encode("utf-8")).hexdigest()
    found = _PARSED.get(key)
    if found is None:
        found = parse_definition(text, file=file, known_roles=known_role_codes())
        _PARSED[found.checksum] = found
    return found


def known_role_codes() -> set[str]:
    """The role codes a definition may name: the shipped ones and those the organisation added."""
    codes = {code for code, *_ in ROLES}
    if _bound():
        codes |= {code for (code,) in Role.select(Role.code).tuples()}
    return codes


def _bound() -> bool:
    return database.obj is not None


def seed_process(kind: str) -> int:
    """Store the shipped definition of `kind` as its first version, active; returns the row id.

    Used when a database has no version of the process yet (a new database, or one made
    before processes were stored). A second client doing the same at the same moment is
    harmless: the unique (process, version) index keeps one, and both use it.
    """
    import peewee

    shipped = shipped_definition(kind)
    try:
        with database.atomic():
            return int(ProcessDefinition.insert(process=kind, version=1, source=shipped.source,
                                                checksum=shipped.checksum, is_active=True).execute())
    except peewee.IntegrityError:
        row = _active_row(kind)
        if row is None:
            raise
        return row[0]


def _active_row(kind: str) -> tuple[int, str, str | None] | None:
    return (ProcessDefinition.select(ProcessDefinition.id, ProcessDefinition.checksum, ProcessDefinition.version)
            .where((ProcessDefinition.process == kind) & (ProcessDefinition.is_active == True))  # noqa: E712
            .order_by(ProcessDefinition.version.desc()).limit(1).tuples().first())


def stored_definition(process_id: int) -> ProcessDef:
    """The definition of one stored version (read and parsed once per program run and database)."""
    if _BY_ID.get(None) is not database.obj:  # another database bound (tests, a reconnect elsewhere)
        _BY_ID.clear()
        _BY_ID[None] = database.obj
    checksum = _BY_ID.get(process_id)
    if checksum is not None and checksum in _PARSED:
        return _PARSED[checksum]  # type: ignore[index]
    row = ProcessDefinition.get_or_none(ProcessDefinition.id == process_id)
    if row is None:
        raise BeaconError("workflow.not_found", what=TEXTS.pair("process.process_version"),
                          ref=process_id)
    process = parse_stored(row.source, file=stored_label(row.process, row.version), checksum=row.checksum)
    _BY_ID[process_id] = row.checksum  # a stored version's text never changes
    return process


def active_version(kind: str) -> tuple[int | None, ProcessDef]:
    """The stored version new cases of `kind` start on: (its row id, its definition).

    Read fresh from the database (the engine calls it inside the transaction that
    records it on a new case); seeded from the shipped file when the database has
    none. Without a bound database (a check from the command line) it is the shipped file.
    """
    if not _bound():
        return None, shipped_definition(kind)
    row = _active_row(kind)
    if row is None:
        process_id = seed_process(kind)
        process = stored_definition(process_id)
    else:
        process_id = row[0]
        process = _PARSED.get(row[1]) or stored_definition(process_id)
    _remember(kind, process_id, process)
    return process_id, process


def _remember(kind: str, process_id: int | None, process: ProcessDef) -> None:
    _ACTIVE_MEMO[kind] = (database.obj, time.monotonic(), process_id or 0, process)


def forget_active(kind: str | None = None) -> None:
    """Drop the remembered active version (after this program saved or activated one)."""
    if kind is None:
        _ACTIVE_MEMO.clear()
    else:
        _ACTIVE_MEMO.pop(kind, None)


def definition(kind: str) -> ProcessDef:
    """The definition in force for new cases of a kind: for screens and lists (state names, filters).

    May be up to ACTIVE_MEMO_SECONDS behind a version another client activated this moment;
    the engine asks `active_version` for new cases and `case_definition` for existing ones.
    """
    memo = _ACTIVE_MEMO.get(kind)
    if memo is not None and memo[0] is database.obj and time.monotonic() - memo[1] < ACTIVE_MEMO_SECONDS:
        return memo[3]
    return active_version(kind)[1]


def case_definition(kind: str, row: Any) -> ProcessDef:
    """The definition a case is driven by: the version it started with (the active one if it has none)."""
    process_id = getattr(row, "process_id", None) if row is not None else None
    if process_id is None:
        return definition(kind)
    return stored_definition(process_id)


def process_of_case(case_id: int) -> ProcessDef:
    """The definition an existing case is driven by (for screens that name its transitions)."""
    kind, row = load_row(case_id)
    return case_definition(kind, row)


def known_states(kind: str) -> list[str]:
    """Every state a case of `kind` may be in: the version in force's, in its order, then those only
    older versions have (a case running on an older version may be in one of them)."""
    names = list(definition(kind).states)
    if not _bound():
        return names
    for (process_id,) in (ProcessDefinition.select(ProcessDefinition.id).where(ProcessDefinition.process == kind)
                          .order_by(ProcessDefinition.version.desc()).tuples()):
        names += [name for name in stored_definition(process_id).states if name not in names]
    return names


def final_states(kind: str) -> list[str]:
    """The states of `kind` that end a case, in any stored version (see `known_states`)."""
    return [name for name in known_states(kind) if (found := state_def(kind, name)) is not None and found.final]


def open_states(kind: str) -> list[str]:
    """The states of `kind` a case is still open in, in any stored version (see `known_states`)."""
    return [name for name in known_states(kind) if (found := state_def(kind, name)) is not None and not found.final]


def state_def(kind: str, state: str) -> StateDef | None:
    """A state by name: from the version in force, else from the newest stored version that has it.

    A case running on an older version may be in a state the version in force dropped.
    """
    process = definition(kind)
    if state in process.states:
        return process.states[state]
    if not _bound():
        return None
    for (process_id,) in (ProcessDefinition.select(ProcessDefinition.id).where(ProcessDefinition.process == kind)
                          .order_by(ProcessDefinition.version.desc()).tuples()):
        older = stored_definition(process_id)
        if state in older.states:
            return older.states[state]
    return None


def state_label(kind: str, state: str, language: str | None = None) -> str:
    """The Korean or English name of a state, from the process definition."""
    found = state_def(kind, state)  # a case on an older version may be in a state the current one dropped
    return pick(found.label, language) if found is not None else state
