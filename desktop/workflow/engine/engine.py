"""The workflow engine: fire one transition of a case's process, all or nothing.

In one transaction `fire` locks the case, checks its version, the actor's
permission and the fields, applies the change and its effects, appends the
events (who, when, what, before → after) and writes the outbox notifications.
Any failure rolls everything back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import peewee

from desktop.errors import BeaconError, StaleRecordError
from desktop.models import (
    Case,
    ConfigurationItem,
    Event,
    Grade,
    OwnerMatrixEntry,
    Setting,
    Team,
    UrgencyLevel,
    User,
    database,
    utcnow,
)
from desktop.models.numbering import new_case, number_case
from desktop.models.prepared import Prepared, param
from desktop.models.versioning import update_versioned
from desktop.workflow.common.actors import Actor, load_actor
from desktop.workflow.common.cases import (
    KIND_LABELS,
    KIND_MODELS,
    OPENED_AT_COLUMN,
    REPORTER_COLUMN,
    application_of,
    as_utc_naive,
    is_fk,
    label_of,
    load_row,
)
from desktop.workflow.engine.effects import PAUSE_EFFECT, RESUME_EFFECT, run_effect
from desktop.workflow.engine.fields import FIELDS, FieldSpec
from desktop.workflow.engine.outbox import Notice, NoticePlan, plan_notices, queue_notices, write_planned
from desktop.workflow.engine.process import OperationDef, ProcessDef, TransitionDef, active_version, case_definition
from desktop.workflow.engine.texts import TEXTS

TITLE_MAX = 300


@dataclass(frozen=True)
class FireResult:
    """What a fired transition left behind."""

    case_id: int
    number: str
    kind: str
    transition: str
    from_state: str
    state: str
    version: int
    event_id: int
    notified: tuple[int, ...] = ()


@dataclass
class Context:
    """Everything an effect may read and change while a transition is being fired."""

    kind: str
    process: ProcessDef
    transition: TransitionDef
    actor: Actor
    now: datetime
    case: Case
    row: Any  # the case's row as it was before this transition (None while creating)
    values: dict[str, Any]  # validated field values, virtual ones included
    changes: dict[str, Any] = field(default_factory=dict)  # column → new value
    note: str = ""
    system: bool = False
    notices: list[Notice] = field(default_factory=list)
    extra_events: list[dict[str, Any]] = field(default_factory=list)
    _after: list[Callable[[Context, Event], None]] = field(default_factory=list)
    _read: dict[Any, Any] = field(default_factory=dict)

    @property
    def from_state(self) -> str:
        return "" if self.row is None else self.row.state

    @property
    def to_state(self) -> str:
        return self.transition.target_from(self.from_state) if self.row is not None else self.transition.target

    def current(self, column: str) -> Any:
        """The value a column will have after this transition (changes first, then the row)."""
        if column in self.changes:
            return self.changes[column]
        if self.row is None:
            return None
        return getattr(self.row, column + "_id", None) if is_fk(self.kind, column) else getattr(self.row, column)

    def notify(self, recipient_id: int | None, kind: str, reason: str) -> None:
        """Queue one in-app notice (recipients are de-duplicated; the first reason wins)."""
        if recipient_id is None:
            return
        if any(n.recipient_id == recipient_id for n in self.notices):
            return
        self.notices.append(Notice(recipient_id, kind, reason))

    def event(self, kind: str, *, case_id: int | None = None, note: str = "", before: dict[str, Any] | None = None,
              after: dict[str, Any] | None = None, entity: str | None = None, entity_id: str | None = None) -> None:
        """Append an extra event (e.g. "assignment_fallback", or one on a linked case)."""
        self.extra_events.append({"kind": kind, "case_id": case_id, "note": note, "before": before or {},
                                  "after": after or {}, "entity": entity, "entity_id": entity_id})

    def once(self, key: Any, load: Callable[[], Any]) -> Any:
        """What `load` reads, read once per transition: effects that need the same row (the application)
        share one read instead of one each."""
        if key not in self._read:
            self._read[key] = load()
        return self._read[key]

    def after(self, fn: Callable[[Context, Event], None], *, first: bool = False) -> None:
        """Run `fn` once the case row and its event are written (same transaction); `first` runs it before
        the work registered so far (clocks pause or resume before anything reads them)."""
        if first:
            self._after.insert(0, fn)
        else:
            self._after.append(fn)


def _jsonable(value: Any) -> Any:
    if isinstance(value, peewee.Model):
        return value.get_id()
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _dumps(values: dict[str, Any]) -> str:
    return json.dumps({k: _jsonable(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


# --- field values --------------------------------------------------------------------

def _bad(spec: FieldSpec, reason: dict[str, str]) -> BeaconError:
    return BeaconError("workflow.bad_value", field={"ko": spec.ko, "en": spec.en}, reason=reason)


def _coerce(kind: str, spec: FieldSpec, value: Any) -> Any:
    """Turn a service-level value into what the column (or effect) stores."""
    if value is None:
        return None
    t = spec.type
    if t in ("text", "longtext", "choice"):
        if not isinstance(value, str):
            raise _bad(spec, TEXTS.pair("engine.must_text"))
        value = value.strip()
        if t == "text" and len(value) > TITLE_MAX:
            raise _bad(spec, TEXTS.pair("engine.at_most_characters", title_max=TITLE_MAX))
        if t == "choice" and value:
            _check_choice(kind, spec, value)
        return value
    if t == "bool":
        if not isinstance(value, bool):
            raise _bad(spec, TEXTS.pair("engine.must_be_yes_or_no"))
        return value
    if t == "datetime":
        if not isinstance(value, datetime):
            raise _bad(spec, TEXTS.pair("engine.must_date_and_time"))
        return as_utc_naive(value)
    if t == "user":
        user = User.get_or_none((User.id == _as_id(spec, value)) & (User.is_active == True))  # noqa: E712
        if user is None:
            raise BeaconError("workflow.unknown_user", ref=value)
        return user.id
    if t == "team":
        team = Team.get_or_none(Team.id == _as_id(spec, value))
        if team is None:
            raise BeaconError("workflow.not_found", what=KIND_LABELS["team"], ref=value)
        return team.id
    if t == "application":
        found = _APPLICATION.tuples(id=_as_id(spec, value))
        if not found:
            raise BeaconError("workflow.not_found", what=KIND_LABELS["application"], ref=value)
        return found[0][0]
    if t == "urgency":
        urgency = UrgencyLevel.get_or_none(UrgencyLevel.code == value) if isinstance(value, str) else \
            UrgencyLevel.get_or_none(UrgencyLevel.id == _as_id(spec, value))
        if urgency is None:
            raise _bad(spec, TEXTS.pair("engine.unknown_urgency", value=value))
        return urgency.id
    if t == "grade":
        grade = Grade.get_or_none(Grade.level == value) if isinstance(value, int) else None
        if grade is None:
            raise _bad(spec, TEXTS.pair("engine.unknown_grade", value=value))
        return grade.id
    if t == "case":
        case = Case.get_or_none(Case.number == value) if isinstance(value, str) else \
            Case.get_or_none(Case.id == _as_id(spec, value))
        if case is None:
            raise BeaconError("workflow.not_found", what=KIND_LABELS["case"], ref=value)
        return case.id
    if t == "list":
        if not isinstance(value, list | tuple):
            raise _bad(spec, TEXTS.pair("engine.must_list"))
        return list(value)
    raise AssertionError(f"unhandled field type {t}")


def _as_id(spec: FieldSpec, value: Any) -> int:
    if isinstance(value, peewee.Model):
        return int(value.get_id())
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(spec, TEXTS.pair("engine.not_valid_reference"))
    return value


CHANGE_TYPES = ("program", "data", "infrastructure")
_APPLICATION = Prepared(lambda: ConfigurationItem.select(ConfigurationItem.id)
                        .where((ConfigurationItem.id == param("id")) & (ConfigurationItem.kind == "application")
                               & (ConfigurationItem.is_active == True)).tuples())  # noqa: E712
_SETTING = Prepared(lambda: Setting.select(Setting.value).where(Setting.key == param("key")).tuples())
_IN_MATRIX = Prepared(lambda: OwnerMatrixEntry.select(peewee.SQL("1")).where(
    (OwnerMatrixEntry.ci == param("ci")) & (OwnerMatrixEntry.user == param("user"))).limit(1).tuples())


def _check_choice(kind: str, spec: FieldSpec, value: str) -> None:
    if spec.name == "incident_type":
        row = _SETTING.tuples(key="incident_types")
        codes = [t["code"] for t in json.loads(row[0][0])] if row else []
        if value not in codes:
            raise _bad(spec, TEXTS.pair("engine.allowed", allowed=", ".join(codes)))
    elif spec.name == "change_type" and value not in CHANGE_TYPES:
        raise _bad(spec, TEXTS.pair("engine.allowed", allowed=", ".join(CHANGE_TYPES)))


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, list) and not value)


def validate_fields(kind: str, transition: TransitionDef, given: dict[str, Any]) -> dict[str, Any]:
    """Check that `given` fits the transition: no unknown fields, required ones filled, values valid."""
    specs = FIELDS[kind]
    allowed = set(transition.required) | set(transition.optional)
    action = transition.label
    for name in given:
        if name not in allowed:
            raise BeaconError("workflow.unexpected_field", action=action, field=name)
    missing = [specs[n] for n in transition.required if _empty(given.get(n))]
    if missing:
        raise BeaconError("workflow.required", action=action,
                          fields=[{"ko": s.ko, "en": s.en} for s in missing])
    return {name: _coerce(kind, specs[name], value) for name, value in given.items()}


# --- permission ----------------------------------------------------------------------

def holds(actor: Actor, roles: tuple[str, ...], kind: str, row: Any, *, owner: bool | None = None) -> bool:
    """True when the actor has one of the global roles or one of the relations to the row.

    `owner` is the answer of `is_owner` when the caller already has it (a screen asking about
    every transition at once), so the owner matrix is not asked again per transition.
    """
    if actor.roles & set(roles):
        return True
    if row is None:
        return False
    for role in roles:
        if role == "@reporter" and getattr(row, REPORTER_COLUMN[kind] + "_id") == actor.id:
            return True
        if role == "@assignee" and row.assignee_id == actor.id:
            return True
        if role == "@owner" and (is_owner(actor, kind, row) if owner is None else owner):
            return True
    return False


def is_owner(actor: Actor, kind: str, row: Any) -> bool:
    """True when the actor is in the owner matrix of the case's application (any role)."""
    app_id = application_of(kind, row)
    return app_id is not None and bool(_IN_MATRIX.tuples(ci=app_id, user=actor.id))


def may_fire(actor: Actor, kind: str, row: Any, transition: TransitionDef, *, owner: bool | None = None) -> bool:
    """True when the actor may fire the transition on the row now (state and role)."""
    state = "" if row is None else row.state
    if transition.creates != (row is None):
        return False
    if row is not None and state not in transition.sources:
        return False
    return holds(actor, transition.roles, kind, row, owner=owner)


def may_operate(actor: Actor, kind: str, row: Any, operation: OperationDef, *, owner: bool | None = None) -> bool:
    """True when the actor may do the operation on the row in its current state."""
    return row.state in operation.states and holds(actor, operation.roles, kind, row, owner=owner)


def require_operation(actor: Actor, kind: str, row: Any, name: str, case: Case) -> OperationDef:
    """The operation definition, or a clear refusal (state or permission)."""
    process = case_definition(kind, row)
    operation = process.operations.get(name)
    if operation is None or row.state not in operation.states:
        label = operation.label if operation else name
        raise BeaconError("workflow.bad_state", record=case.number, state=process.states[row.state].label,
                          action=label)
    if not holds(actor, operation.roles, kind, row):
        raise BeaconError("workflow.not_allowed", who=actor.display, record=case.number, action=operation.label)
    return operation


# --- firing --------------------------------------------------------------------------

def fire(
    kind: str,
    transition: str,
    *,
    actor_id: int,
    case_id: int | None = None,
    fields: dict[str, Any] | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> FireResult:
    """Fire one transition in its own transaction; see the module docstring.

    Raises:
        BeaconError: not allowed, wrong state, missing or bad fields, or an effect's refusal.
        StaleRecordError: `expected_version` is not the case's version any more.
    """
    with database.atomic():
        actor = load_actor(actor_id)
        return fire_in_transaction(kind, transition, actor=actor, case_id=case_id, fields=fields or {},
                                   expected_version=expected_version, now=as_utc_naive(now) if now else None)


def fire_in_transaction(
    kind: str,
    transition_name: str,
    *,
    actor: Actor,
    case_id: int | None,
    fields: dict[str, Any],
    expected_version: int | None = None,
    now: datetime | None,
    system: bool = False,
) -> FireResult:
    """Fire inside the caller's transaction (effects use it for linked cases).

    `system` skips the role check: the transition is a consequence of another one
    the actor was allowed to fire (closing a parent closes its children).
    """
    case: Case | None = None
    row = None
    process_id: int | None = None
    if case_id is None:
        process_id, process = active_version(kind)  # a new case starts on the version in force
    else:
        found_kind, row = load_row(case_id, lock=True)
        # the time is read once the row is ours: a change that waited for another is dated after it
        now = now or utcnow()
        if found_kind != kind:
            raise BeaconError("workflow.not_found", what=KIND_LABELS[kind], ref=case_id)
        case = Case.get_by_id(case_id)
        process = case_definition(kind, row)  # an open case keeps the version it started with
        if expected_version is not None and row.version != expected_version:
            who = "?"
            if row.updated_by_id:
                u = User.get_by_id(row.updated_by_id)
                who = f"{u.name} ({u.login})"
            stamp = row.updated_at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            raise StaleRecordError(record=case.number, who=who, when=stamp)
    transition = process.transitions.get(transition_name)
    action = transition.label if transition else transition_name
    if transition is None or transition.creates != (row is None) or (row is not None and
                                                                     row.state not in transition.sources):
        state = process.states[row.state].label if row is not None else "-"
        raise BeaconError("workflow.bad_state", record=label_of(kind, case), state=state, action=action)
    if not system and not holds(actor, transition.roles, kind, row):
        raise BeaconError("workflow.not_allowed", who=actor.display, record=label_of(kind, case), action=action)
    values = validate_fields(kind, transition, fields)
    now = now or utcnow()

    if case is None:
        # its number is taken once the effects have run (below): the year's counter stays locked from then on
        case = new_case(kind, year=now.year, created_at=now)
    ctx = Context(kind=kind, process=process, transition=transition, actor=actor, now=now, case=case, row=row,
                  values=values, system=system)
    ctx.note = str(values.get("note") or "")
    for name, value in values.items():
        spec = FIELDS[kind][name]
        if spec.column is not None and (row is None or ctx.current(spec.column) != value):
            ctx.changes[spec.column] = value
    for column in transition.stamp:
        ctx.changes[column] = now
    for column in transition.clear:
        if row is not None and getattr(row, column) is not None:
            ctx.changes[column] = None
    if ctx.to_state != ctx.from_state:
        ctx.changes["state"] = ctx.to_state
    for effect in transition.effects:
        run_effect(effect, ctx)
    _pause_or_resume(ctx)

    model = KIND_MODELS[kind]
    before = {c: _before_value(kind, row, c) for c in ctx.changes} if row is not None else {}
    plan: NoticePlan | None = None
    if row is None:
        # the last moment a number can be taken: the rows below (the case's own, its events, their notices)
        # carry it and are written from here to commit with the year's counter locked, so what they need
        # to read is read first
        plan = plan_notices(ctx.notices, case=case, event_kind=transition.name, actor_name=actor.display, at=now,
                            fields=_new_case_fields(ctx))
        settle_number(ctx, number_case(case, year=now.year), case.number)
        insert = dict(ctx.changes)
        insert.update({"case": case.id, OPENED_AT_COLUMN[kind]: now, REPORTER_COLUMN[kind]: actor.id,
                       "process": process_id, "updated_at": now, "updated_by": actor.id,
                       "version": 1})
        model.insert(insert).execute()
        version = 1
    else:
        # even a transition that changes no column is a change of the case: the version moves
        version = update_versioned(model, case.id, expected_version=row.version, changes=ctx.changes,
                                   actor_id=actor.id, label=case.number)
    note = ctx.note
    main = Event.create(case=case.id, entity=kind, entity_id=case.number, kind=transition.name, actor=actor.id,
                        occurred_at=now, from_state=ctx.from_state, to_state=ctx.to_state,
                        before=_dumps(before), after=_dumps(ctx.changes), note=note)
    for extra in ctx.extra_events:
        target = extra["case_id"] or case.id
        target_case = case if target == case.id else Case.get_by_id(target)
        Event.create(case=target, entity=extra["entity"] or target_case.kind,
                     entity_id=extra["entity_id"] or target_case.number, kind=extra["kind"], actor=actor.id,
                     occurred_at=now, before=_dumps(extra["before"]), after=_dumps(extra["after"]),
                     note=extra["note"])
    if row is None:
        write_planned(plan, case=case, event=main)
    else:
        write_notices(ctx.notices, event=main, case=case, actor=actor, now=now)
    for fn in ctx._after:
        fn(ctx, main)
    return FireResult(case_id=case.id, number=case.number, kind=kind, transition=transition.name,
                      from_state=ctx.from_state, state=ctx.to_state, version=version, event_id=main.id,
                      notified=tuple(n.recipient_id for n in ctx.notices))


def _new_case_fields(ctx: Context) -> dict[str, Any]:
    """What a new case's notices say of it, from the values it is being created with."""
    fields = {"title": ctx.current("title") or "", "state": ctx.to_state}
    if ctx.kind == "incident":
        fields.update(application=ctx.current("application"), grade=ctx.current("grade"))
    return fields


def settle_number(ctx: Context, placeholder: str, number: str) -> None:
    """Put a new case's number wherever its effects wrote the placeholder (`new_case`): the event and its
    extra events (a work order's issue on its parent names it), the changes and the note."""
    def fix(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(placeholder, number)
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(fix(v) for v in value)
        return value

    ctx.note = fix(ctx.note)
    ctx.changes = fix(ctx.changes)
    ctx.extra_events = [fix(extra) for extra in ctx.extra_events]


def _pause_or_resume(ctx: Context) -> None:
    """Entering a state that pauses SLA runs the registered pause effect; leaving one, the resume effect."""
    was = ctx.row is not None and ctx.process.states[ctx.row.state].pauses_sla
    will = ctx.process.states[ctx.to_state].pauses_sla
    if will and not was:
        run_effect(PAUSE_EFFECT, ctx)
    elif was and not will:
        run_effect(RESUME_EFFECT, ctx)


def _before_value(kind: str, row: Any, column: str) -> Any:
    return getattr(row, column + "_id") if is_fk(kind, column) else getattr(row, column)


def write_notices(notices: list[Notice], *, event: Event, case: Case, actor: Actor, now: datetime) -> None:
    """Write the outbox rows of one event: in-app for everyone, plus each recipient's chosen channels."""
    queue_notices(notices, case=case, event=event, actor_name=actor.display, at=now)
