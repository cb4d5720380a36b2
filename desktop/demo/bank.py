"""Demo data: a year in the IT operation of a Korean bank, for trying Beacon out.

`load_demo()` fills a database that has the schema and the seeded reference data
(`seed_defaults()`) with teams, users, the CMDB and owner matrix, and a year of
incidents, problems, changes and work orders with their actions, events, SLA
clocks and notifications — in one transaction, with bulk inserts. The words
come from `desktop/resources/demo/bank.toml`; every random choice comes from one seeded
generator and every timestamp from `now`, so one seed and one `now` always give
the same data (only the password hash's salt differs).

The data is what the workflow engine would have written had people worked the
cases through it: every case follows its process definition
(`desktop/resources/processes/*.toml`) transition by transition, with the engine's
event kinds, states, before/after JSON, stamps, versions, parent-side effect
events, SLA clocks and pauses, and the `process` row of its definition.
Only two things are sampled rather than complete: in-app notices are written
for the latest incidents only, and the SLA clocks carry their warning and
breach times without the `sla_warning`/`sla_breach` events of `beacon sla check`.
"""

from __future__ import annotations

import json
import math
import random
import sqlite3
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import Any, TypeVar

from peewee import fn

from desktop.models import (
    Action,
    BusinessCalendar,
    Case,
    CaseLink,
    Change,
    CIRelation,
    ConfigurationItem,
    Credential,
    Event,
    Grade,
    ImpactLevel,
    Incident,
    Notification,
    NumberSequence,
    OwnerMatrixEntry,
    PriorityMatrixCell,
    Problem,
    PropagationOverride,
    Role,
    Setting,
    SlaClock,
    SlaPause,
    SlaPolicy,
    Team,
    UrgencyLevel,
    User,
    UserRole,
    WorkOrder,
    database,
    utcnow,
)
from desktop.models.base import BaseModel
from desktop.models.cases import CASE_PREFIXES
from desktop.models.db import backend
from desktop.models.numbering import format_number
from desktop.paths import resource_path
from desktop.workflow.common.auth import hash_password, scram_verifier, sync_login
from desktop.workflow.common.cases import KIND_MODELS, OPENED_AT_COLUMN, REPORTER_COLUMN
from desktop.workflow.common.settings import put_setting
from desktop.workflow.engine.fields import FIELDS
from desktop.workflow.engine.process import active_version, definition
from desktop.workflow.notify.effects import NOTICE_KINDS
from desktop.workflow.notify.service_requests import SETTING as SR_SETTING
from desktop.workflow.sla import clocks as sla
from desktop.workflow.sla.calendars import WorkingCalendar

_T = TypeVar("_T")

DEMO_PASSWORD = "beacon"
# load_demo's progress: (step key, percent done); the keys are named in desktop/texts.py ("demo.<key>")
Progress = Callable[[str, int], None]
PROGRESS_STEPS = ("organisation", "plan", "cases", "work", "notices", "done")
DEMO_SETTING = "demo_loaded"
HISTORY_DAYS = 365
BATCH_ROWS = 500
NOTIFIED_INCIDENTS = 50
UNREAD_INCIDENTS = 4  # the notices of the latest few incidents are still unread

# Registrations per local hour of day (customers work 9–18) and per weekday (Mon–Sun).
HOUR_WEIGHTS = (1, 1, 1, 1, 1, 1, 2, 4, 10, 16, 16, 14, 9, 13, 15, 14, 12, 9, 5, 3, 2, 2, 1, 1)
WEEKDAY_WEIGHTS = (1.15, 1.0, 1.0, 1.0, 1.0, 0.3, 0.25)
URGENCY_WEIGHTS = {"high": 0.15, "medium": 0.5, "low": 0.35}
# Kinds of the actions between the first (investigation or contact) and the last (a fix, once resolved).
ACTION_KINDS = ("investigation", "contact", "workaround", "note")
ACTION_WEIGHTS = (40, 20, 25, 15)
# Work-order due time by incident grade level, in hours.
WORK_ORDER_DUE_HOURS = {1: 4, 2: 8, 3: 24, 4: 48}


@dataclass(frozen=True)
class DemoCounts:
    """How many rows of each kind the demo added (or, from `demo_counts()`, the database holds)."""

    teams: int
    users: int
    configuration_items: int
    applications: int
    owner_entries: int
    propagation_overrides: int
    incidents: int
    problems: int
    changes: int
    work_orders: int
    actions: int
    events: int
    notifications: int
    case_links: int


def load_demo(
    *, seed: int = 2026, incidents: int = 1500, problems: int = 40, now: datetime | None = None,
    progress: Progress | None = None,
) -> DemoCounts | None:
    """Fill the database with a year of a Korean bank's incidents and everything around them.

    Needs the schema and `seed_defaults()`. Runs in one transaction, so a failure
    leaves nothing behind; does nothing when the demo was loaded before.

    Args:
        seed: Seed of the random generator; the same seed and `now` give the same data.
        incidents: How many incidents to generate (major incidents' children included).
        problems: How many problems to generate (fewer when too few incidents exist to link).
        now: End of the generated year, naive UTC; defaults to the current time.
        progress: Told (step key, percent done) between the steps, for a progress bar (keys: `PROGRESS_STEPS`).

    Returns:
        The number of rows added per kind, or None when the demo was already loaded.

    Raises:
        LookupError: The reference data (roles, levels, grades, SLA policies) is missing.
    """
    moment = utcnow() if now is None else now
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    moment = moment.replace(microsecond=0)
    content = _read_content()
    with database.atomic():
        flag = Setting.get_or_none(Setting.key == DEMO_SETTING)
        if flag is not None and json.loads(flag.value) is True:
            return None
        password_hash = hash_password(DEMO_PASSWORD)  # once: argon2 is slow on purpose
        counts = _DemoBuilder(content, random.Random(seed), moment, password_hash, progress).build(incidents,
                                                                                                  problems)
        _demo_sr_system()
        if flag is None:
            Setting.insert(key=DEMO_SETTING, value="true", updated_at=moment).execute()
        else:
            Setting.update(value="true", version=Setting.version + 1, updated_at=moment).where(
                Setting.key == DEMO_SETTING
            ).execute()
    return counts


# A system the close dialog can send a service request to. `.invalid` never resolves (RFC 2606): a demo
# SR is queued and, if a dispatcher runs, ends in Administration › Dead letters — never leaves the machine.
DEMO_SR_SYSTEMS = {
    "대외계 ITSM": {
        "url": "https://itsm.partner.invalid/api/v1/requests",
        "method": "POST",
        "headers": {"X-Requested-By": "beacon-demo"},
        "body": {"title": "${title}", "description": "${description}", "source_incident": "${number}",
                 "application": "${application}", "requested_by": "${closer}"},
        "external_id": "/result/number",
        "status": "/result/state",
        "link": "https://itsm.partner.invalid/requests/${external_id}",
    },
}


def _demo_sr_system() -> None:
    """Offer the demo's SR target system, unless an administrator has configured systems already."""
    if Setting.get_or_none(Setting.key == SR_SETTING) is None:
        put_setting(SR_SETTING, DEMO_SR_SYSTEMS)


def demo_counts() -> DemoCounts:
    """Count the rows currently in each table the demo fills."""
    return DemoCounts(
        teams=Team.select().count(),
        users=User.select().count(),
        configuration_items=ConfigurationItem.select().count(),
        applications=ConfigurationItem.select().where(ConfigurationItem.kind == "application").count(),
        owner_entries=OwnerMatrixEntry.select().count(),
        propagation_overrides=PropagationOverride.select().count(),
        incidents=Incident.select().count(),
        problems=Problem.select().count(),
        changes=Change.select().count(),
        work_orders=WorkOrder.select().count(),
        actions=Action.select().count(),
        events=Event.select().count(),
        notifications=Notification.select().count(),
        case_links=CaseLink.select().count(),
    )


# --- helpers ------------------------------------------------------------------------------


def _read_content() -> dict[str, Any]:
    with resource_path("demo", "bank.toml").open("rb") as handle:
        return tomllib.load(handle)


def _plus(moment: datetime, minutes: float) -> datetime:
    """`moment` plus a number of minutes, rounded to whole seconds."""
    return moment + timedelta(seconds=round(minutes * 60))


def _part(start: datetime, end: datetime, fraction: float) -> datetime:
    """The moment a `fraction` of the way from `start` to `end`, in whole seconds."""
    return start + timedelta(seconds=int((end - start).total_seconds() * fraction))


def _minutes(start: datetime, end: datetime) -> int:
    """Whole minutes from `start` to `end` (never negative)."""
    return max(0, int((end - start).total_seconds() // 60))


def _param_limit() -> int:
    """How many bound parameters one statement may carry on the bound backend."""
    if backend() == "postgresql":
        return 65535
    return 32766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999


def _insert(model: type[BaseModel], rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows (dicts keyed by field name, all with the same keys) in multi-row batches.

    Equivalent to `model.insert_many(batch).execute()` — values go through each
    field's own `db_value`, fields left out get their defaults — without building
    a query node per value, which took over a third of the demo's load time.
    """
    if not rows:
        return
    given = list(rows[0])
    defaulted = [f for name, f in model._meta.fields.items() if name not in given and f.default is not None]
    if defaulted:  # a column the demo does not know of (a newer schema): its default, as insert_many gives it
        rows = [{**row, **{f.name: f.default() if callable(f.default) else f.default for f in defaulted}}
                for row in rows]
    names = given + [f.name for f in defaulted]
    fields = [model._meta.fields[name] for name in names]
    open_quote, close_quote = database.quote
    columns = ", ".join(f"{open_quote}{f.column_name}{close_quote}" for f in fields)
    table = f"{open_quote}{model._meta.table_name}{close_quote}"
    one_row = "(" + ", ".join([database.param] * len(fields)) + ")"
    size = max(1, min(BATCH_ROWS, _param_limit() // len(fields)))
    pairs = list(zip(names, fields, strict=True))
    for batch in _chunks(rows, size):
        params = [f.db_value(row[name]) for row in batch for name, f in pairs]
        database.execute_sql(f"INSERT INTO {table} ({columns}) VALUES {', '.join([one_row] * len(batch))}", params)


def _rows(query: Any) -> list[tuple[Any, ...]]:
    """The rows of a peewee query as plain tuples (foreign keys as ids)."""
    return list(query.tuples())


def _chunks(items: Sequence[Any], size: int = BATCH_ROWS) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Fill(dict[str, str]):
    """Placeholder values for one case's texts; unknown placeholders stay as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _add_working(calendar: WorkingCalendar, start: datetime, minutes: float) -> datetime:
    """The moment `minutes` (fractional) of working time after `start`, to shape the timelines.

    Unlike `WorkingCalendar.add_business_minutes` it keeps seconds, so the demo's
    times look like real ones; the SLA figures themselves come from `sla`.
    """
    if calendar.is_24x7:
        return _plus(start, minutes)
    remaining = float(minutes)
    day = calendar.local_day(start) - timedelta(days=1)
    for _ in range(3700):
        for opens, closes in calendar.intervals(day):
            if closes <= start:
                continue
            opens = max(opens, start)
            span = (closes - opens).total_seconds() / 60
            if remaining <= span:
                return _plus(opens, remaining)
            remaining -= span
        day += timedelta(days=1)
    raise ValueError("calendar has no working time")


# --- what is planned before anything is written ------------------------------------------


@dataclass(frozen=True)
class _Policy:
    """The SLA targets of one grade, as read from `SlaPolicy`."""

    id: int
    response_minutes: int
    resolution_minutes: int
    calendar_id: int
    warning_percent: int


@dataclass(eq=False)
class _Case:
    """A case being planned; its number and id are known once cases are written."""

    kind: str
    created_at: datetime
    number: str = ""
    id: int = 0
    life: _Life | None = field(default=None, repr=False)


class _NumberOf:
    """A case's number inside an event's JSON, filled in when the event is written."""

    __slots__ = ("case",)

    def __init__(self, case: _Case) -> None:
        self.case = case


class _Serial:
    """A row id known only once the row is written (an action's, for the event that reports it)."""

    __slots__ = ("id",)

    def __init__(self) -> None:
        self.id = 0


def _late(value: Any) -> Any:
    """JSON for what is known only at writing time, and datetimes as the engine writes them."""
    if isinstance(value, _Case | _Serial):
        return value.id
    if isinstance(value, _NumberOf):
        return value.case.number
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_late)


def _json(value: dict[str, Any]) -> str:
    """An event's before/after JSON, byte for byte as the engine writes it (sorted keys)."""
    return _ENCODER.encode(value) if value else "{}"


@dataclass
class _App:
    id: int
    code: str
    name: str
    impact_id: int
    team_id: int
    weight: float
    primary: list[int]
    second_line: list[int]
    group: list[tuple[int, str]]
    related: dict[str, list[str]]
    incident_titles: list[tuple[str, str]]
    problem_titles: list[str]


@dataclass
class _Incident:
    case: _Case
    app: _App
    title: str
    description: str
    incident_type: str
    urgency_id: int
    grade0_id: int
    grade_id: int
    registered_by: int
    assignee: int
    registered_at: datetime
    occurred_at: datetime
    fill: _Fill
    major: bool = False
    parent: _Incident | None = None
    state: str = "registered"
    accepted_at: datetime | None = None
    started_at: datetime | None = None
    closed_at: datetime | None = None  # the (last) close: the engine stamps resolved_at and closed_at together
    regraded_at: datetime | None = None
    regrade_reason: str = ""
    cancel_at: datetime | None = None
    cancel_from: str = ""
    cancel_reason: str = ""
    reopen: tuple[datetime, datetime] | None = None  # first closed, reopened
    waits: list[tuple[datetime, datetime | None]] = field(default_factory=list)  # wait → resume (None: waiting)
    linked: bool = False
    closing: dict[str, str] = field(default_factory=dict)
    first_closing: dict[str, str] = field(default_factory=dict)  # the texts of the close before a reopen


@dataclass
class _Rows:
    """Rows waiting to be written; `case` values are `_Case` objects until ids are known."""

    cases: list[_Case] = field(default_factory=list)
    incidents: list[_Incident] = field(default_factory=list)
    problems: list[_Case] = field(default_factory=list)
    changes: list[_Case] = field(default_factory=list)
    work_orders: list[_Case] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    action_ids: list[_Serial] = field(default_factory=list)  # parallel to `actions`
    events: list[dict[str, Any]] = field(default_factory=list)
    clocks: list[dict[str, Any]] = field(default_factory=list)
    pauses: list[dict[str, Any]] = field(default_factory=list)


_COLUMN_DEFAULTS: dict[str, dict[str, Any]] = {}


def _column_defaults(kind: str) -> dict[str, Any]:
    """The values a new row of a case table has before anything is set (the columns' defaults)."""
    found = _COLUMN_DEFAULTS.get(kind)
    if found is None:
        fields = KIND_MODELS[kind]._meta.fields
        found = {name: f.default for name, f in fields.items() if f.default is not None and not callable(f.default)}
        _COLUMN_DEFAULTS[kind] = found
    return found


class _Life:
    """One case moved through its process definition the way the engine moves it.

    `fire` does what `engine.fire_in_transaction` does to a case: it checks the
    transition against the current state and its fields against the definition,
    works out the changed columns (fields, stamps, clears, state and the column
    effects), appends the event with `before`/`after`, and moves the version.
    Anything the engine would refuse raises ValueError, so the demo cannot drift
    from the process definitions.
    """

    def __init__(self, builder: _DemoBuilder, case: _Case) -> None:
        self.builder = builder
        self.case = case
        self.process = definition(case.kind)
        self.specs = FIELDS[case.kind]
        self.state = ""
        self.cols: dict[str, Any] = dict(_column_defaults(case.kind))
        self.version = 0
        self.updated_at = case.created_at
        self.updated_by: int | None = None
        self._times: list[datetime] = []
        self._states: list[str] = []
        case.life = self

    def state_at(self, at: datetime) -> str:
        """The state the case was in at `at` (after every transition at or before it)."""
        index = bisect_right(self._times, at)
        return self._states[index - 1] if index else ""

    def is_final_at(self, at: datetime) -> bool:
        state = self.state_at(at)
        return bool(state) and self.process.states[state].final

    def require(self, operation: str, at: datetime) -> None:
        """Refuse an operation (action, work order, change, link) the definition does not allow then."""
        state = self.state_at(at)
        if state not in self.process.operations[operation].states:
            raise ValueError(f"demo: {operation} on {self.case.kind} in state '{state}' at {at}")

    def fire(self, name: str, actor: int, at: datetime, fields: dict[str, Any] | None = None, *,
             effects: dict[str, Any] | None = None) -> None:
        """Fire a transition; `effects` are the columns set by effects that need reference data."""
        t = self.process.transitions[name]
        given = fields or {}
        creating = not self.state
        if t.creates != creating or (not creating and self.state not in t.sources):
            raise ValueError(f"demo: {self.case.kind} cannot '{name}' from '{self.state or '-'}' at {at}")
        if self._times and at < self._times[-1]:
            raise ValueError(f"demo: {self.case.kind} '{name}' at {at} is before its last transition")
        allowed = set(t.required) | set(t.optional)
        wrong = [k for k in given if k not in allowed] + [k for k in t.required if given.get(k) in (None, "", [])]
        if wrong:
            raise ValueError(f"demo: {self.case.kind} '{name}' with bad or missing fields {wrong}")
        changes: dict[str, Any] = {}
        for key, value in given.items():
            column = self.specs[key].column
            if column is not None and (creating or self.cols.get(column) != value):
                changes[column] = value
        for column in t.stamp:
            changes[column] = at
        for column in t.clear:
            if not creating and self.cols.get(column) is not None:
                changes[column] = None
        target = t.target_from(self.state)
        if target != self.state:
            changes["state"] = target
        note = str(given.get("note") or "")
        for effect in t.effects:  # the effects that change columns of the case itself
            assignee = changes.get("assignee", self.cols.get("assignee"))
            # take_assignment: whoever accepts or starts owns it; assign_problem: the registrar, if nobody
            if (effect == "take_assignment" and assignee != actor) or (effect == "assign_problem" and assignee is None):
                changes["assignee"] = actor
            elif effect == "record_approver":
                changes["approved_by"] = actor
            elif effect == "mark_known_error":
                changes["is_known_error"] = True
            elif effect == "count_verification":
                changes["verification_count"] = self.cols["verification_count"] + 1
            elif effect == "reopen_window":
                changes["reopen_count"] = self.cols["reopen_count"] + 1
            elif effect == "regrade":
                if given["grade"] == self.cols.get("grade"):
                    raise ValueError(f"demo: regrade to the same grade at {at}")
                changes["grade"] = given["grade"]
                note = str(given["grade_reason"])
        changes.update(effects or {})
        before = {} if creating else {column: self.cols.get(column) for column in changes}
        self.builder._event(self.case, name, actor, at, self.state, target, before=before, after=changes, note=note)
        if creating:
            self.cols[REPORTER_COLUMN[self.case.kind]] = actor
            self.cols[OPENED_AT_COLUMN[self.case.kind]] = at
        self.cols.update(changes)
        self.state = target
        self._times.append(at)
        self._states.append(target)
        self.version = 1 if creating else self.version + 1
        self.updated_at, self.updated_by = at, actor

    def touch(self, actor: int, at: datetime, changes: dict[str, Any]) -> None:
        """A versioned change outside the process (setting the parent incident)."""
        self.cols.update(changes)
        self.version += 1
        self.updated_at, self.updated_by = at, actor

    def row(self, process_id: int | None) -> dict[str, Any]:
        """The case's table row as the engine would have left it."""
        out: dict[str, Any] = {}
        for f in KIND_MODELS[self.case.kind]._meta.sorted_fields:
            name = f.name
            if name == "case":
                value: Any = self.case
            elif name == "process":
                value = process_id
            elif name == "version":
                value = self.version
            elif name == "updated_at":
                value = self.updated_at
            elif name == "updated_by":
                value = self.updated_by
            elif name in self.cols:
                value = self.cols[name]
            else:  # never set: the column's default, as an insert leaves it
                value = f.default() if callable(f.default) else f.default
            out[name] = value.id if isinstance(value, _Case) else value
        return out


class _DemoBuilder:
    """Plans the whole demo in memory, then writes it table by table with bulk inserts."""

    def __init__(self, content: dict[str, Any], rng: random.Random, now: datetime, password_hash: str,
                 progress: Progress | None = None) -> None:
        self.progress = progress
        self.content = content
        self.texts = content["templates"]
        self.rng = rng
        self.now = now
        self.password_hash = password_hash
        self.rows = _Rows()
        self.counts: dict[str, int] = {}
        self._read_reference()

    # reference data seeded by seed_defaults() ------------------------------------------

    def _read_reference(self) -> None:
        def need(found: _T, what: str) -> _T:
            if not found:
                raise LookupError(f"no {what} in the database: run seed_defaults() before load_demo()")
            return found

        self.roles: dict[str, int] = need({r.code: r.id for r in Role.select()}, "roles")
        urgencies = need(list(UrgencyLevel.select().order_by(UrgencyLevel.rank)), "urgency levels")
        self.urgency_ids = [u.id for u in urgencies]
        self.urgency_cum = list(accumulate(URGENCY_WEIGHTS.get(u.code, 0.3) for u in urgencies))
        self.urgency_top = urgencies[0].id
        impacts = need(list(ImpactLevel.select()), "impact levels")
        self.impacts = {i.code: i.id for i in impacts}
        self.impact_rank = {i.id: i.rank for i in impacts}
        self.grade_level: dict[int, int] = need({g.id: g.level for g in Grade.select()}, "grades")
        self.grade_by_level = {level: gid for gid, level in self.grade_level.items()}
        self.levels = sorted(self.grade_by_level)
        cells = _rows(PriorityMatrixCell.select(PriorityMatrixCell.urgency, PriorityMatrixCell.impact,
                                                PriorityMatrixCell.grade))
        self.matrix: dict[tuple[int, int], int] = need({(u, i): g for u, i, g in cells}, "priority matrix")
        policies = _rows(SlaPolicy.select(SlaPolicy.grade, SlaPolicy.id, SlaPolicy.response_minutes,
                                          SlaPolicy.resolution_minutes, SlaPolicy.calendar, SlaPolicy.warning_percent)
                         .where(SlaPolicy.case_kind == "incident"))
        self.policies: dict[int, _Policy] = need({row[0]: _Policy(*row[1:]) for row in policies}, "SLA policies")
        self.calendars = {c.id: WorkingCalendar.from_model(c) for c in BusinessCalendar.select()}
        business = [w for w in self.calendars.values() if not w.is_24x7]
        self.shape = business[0] if business else next(iter(self.calendars.values()))
        missing = [g for g in self.grade_level if g not in self.policies]
        if missing:
            raise LookupError("an incident SLA policy is missing for some grades: run seed_defaults()")

    # the whole build ----------------------------------------------------------------

    def build(self, incidents: int, problems: int) -> DemoCounts:
        step = self.progress or (lambda _key, _percent: None)
        # the stored version of each process definition, as the engine records it on first use
        self.process_ids = {kind: active_version(kind)[0] for kind in KIND_MODELS}
        step("organisation", 5)
        self._organisation()
        self._cmdb()
        step("plan", 15)
        self._plan_incidents(incidents)
        self._plan_problems(problems)
        self._plan_followers()
        step("cases", 40)
        self._write_cases()
        step("work", 65)
        self._write_work()
        step("notices", 85)
        notifications = self._write_notifications()
        step("done", 100)
        r = self.rows
        return DemoCounts(
            teams=self.counts["teams"],
            users=self.counts["users"],
            configuration_items=self.counts["items"],
            applications=len(self.apps),
            owner_entries=self.counts["owners"],
            propagation_overrides=self.counts["overrides"],
            incidents=len(r.incidents),
            problems=len(r.problems),
            changes=len(r.changes),
            work_orders=len(r.work_orders),
            actions=len(r.actions),
            events=len(r.events),
            notifications=notifications,
            case_links=len(r.links),
        )

    # organisation ----------------------------------------------------------------------

    def _organisation(self) -> None:
        org = self.content["organization"]
        domain = org["email_domain"]
        created = self.now - timedelta(days=HISTORY_DAYS + 35)
        teams = self.content["teams"]
        self.team_ids: dict[str, int] = {}
        pending = list(teams)
        while pending:  # parents before children
            ready = [t for t in pending if not t.get("parent") or t["parent"] in self.team_ids]
            if not ready:
                raise ValueError("bank.toml: a team's parent is missing")
            _insert(Team, [
                {"code": t["code"], "name": t["name"], "name_en": t.get("name_en", ""),
                 "parent": self.team_ids.get(t.get("parent", "")), "email": f"{t['code'].replace('_', '-')}@{domain}",
                 "is_active": True, "version": 1, "updated_at": created}
                for t in ready
            ])
            codes = [t["code"] for t in ready]
            self.team_ids.update({t.code: t.id for t in Team.select(Team.id, Team.code).where(Team.code.in_(codes))})
            pending = [t for t in pending if t["code"] not in self.team_ids]
        self.counts["teams"] = len(teams)
        self.team_code = {team_id: code for code, team_id in self.team_ids.items()}

        people = self.content["users"]
        rows = []
        for person in people:
            rows.append({
                "login": person["login"], "name": person["name"], "name_en": person.get("name_en", ""),
                "email": f"{person['login']}@{domain}", "phone": f"02-3700-{self.rng.randrange(1000, 10000)}",
                "team": self.team_ids[person["team"]], "title": person.get("title", ""),
                "language": "ko", "time_zone": "Asia/Seoul", "is_active": True, "created_at": created,
                "last_login_at": None, "version": 1, "updated_at": created,
            })
        admin = User.get_or_none(User.login == "admin")
        if admin is None:
            rows.append({
                "login": "admin", "name": "관리자", "name_en": "Administrator", "email": f"admin@{domain}",
                "phone": "", "team": self.team_ids.get("itsm"), "title": "",
                "language": "ko", "time_zone": "Asia/Seoul", "is_active": True, "created_at": created,
                "last_login_at": None, "version": 1, "updated_at": created,
            })
        _insert(User, rows)
        self.counts["users"] = len(rows)
        logins = [p["login"] for p in people] + ["admin"]
        self.users = {u.login: u.id for u in User.select(User.id, User.login).where(User.login.in_(logins))}
        self.user_team = dict(_rows(User.select(User.id, User.team).where(User.login.in_(logins))))
        self.admin_id = self.users["admin"]
        fresh = [u for (u,) in _rows(User.select(User.id).where(User.login.in_([r["login"] for r in rows])))]
        if backend() == "sqlite":  # PostgreSQL: the password is each demo login's own (`_logins`)
            _insert(Credential, [{"user": u, "password_hash": self.password_hash, "failed_attempts": 0,
                                  "must_change": False} for u in fresh])

        grants = [{"user": self.users[p["login"]], "role": self.roles[code]} for p in people for code in p["roles"]]
        admin_role = self.roles["admin"]
        if not UserRole.select().where(UserRole.user == self.admin_id, UserRole.role == admin_role).exists():
            grants.append({"user": self.admin_id, "role": admin_role})
        _insert(UserRole, grants)
        self._logins(fresh)
        by_role: dict[str, list[int]] = {}
        for p in people:
            for code in p["roles"]:
                by_role.setdefault(code, []).append(self.users[p["login"]])
        self.customers = by_role.get("customer", [])
        self.problem_managers = by_role.get("problem_manager", [self.admin_id])
        self.change_managers = by_role.get("change_manager", [self.admin_id])
        if not self.customers:
            raise ValueError("bank.toml: no customers")
        self.team_lead = {t["code"]: self.users[t["lead"]] for t in teams if t.get("lead")}
        self.team_head = {t["code"]: self.users[t["head"]] for t in teams if t.get("head")}
        self.team_parent = {t["code"]: t.get("parent", "") for t in teams}

    def _logins(self, user_ids: list[int]) -> None:
        """PostgreSQL: a login per demo user with the demo password, so anyone can sign in as any of them."""
        if backend() != "postgresql" or not user_ids:
            return
        from desktop.models.security import login_prefix

        # one SCRAM verifier serves every login (it holds its own salt, not the name): PBKDF2 runs once
        verifier = scram_verifier(login_prefix() + "admin", DEMO_PASSWORD)
        for user_id in user_ids:
            sync_login(user_id, verifier=verifier)

    # CMDB, owner matrix, propagation ------------------------------------------------------

    def _cmdb(self) -> None:
        created = self.now - timedelta(days=HISTORY_DAYS + 30)
        items, apps = self.content["items"], self.content["applications"]
        rows = []
        for item in items:
            rows.append(self._ci_row(item, item["kind"], None, created))
        for app in apps:
            rows.append(self._ci_row(app, "application", self.impacts[app["impact"]], created))
        _insert(ConfigurationItem, rows)
        self.counts["items"] = len(rows)
        codes = [r["code"] for r in rows]
        found = ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.name,
                                         ConfigurationItem.kind).where(ConfigurationItem.code.in_(codes))
        ci = {row.code: row for row in found}

        relations: list[dict[str, Any]] = []
        for spec in [*items, *apps]:
            for kind in ("runs_on", "depends_on", "connects_to"):
                for target in spec.get(kind, []):
                    relations.append({"source": ci[spec["code"]].id, "target": ci[target].id, "kind": kind})
        _insert(CIRelation, relations)

        overrides = self.content.get("propagation_overrides", [])
        owners: list[dict[str, Any]] = []
        self.apps: list[_App] = []
        for spec in apps:
            app_id = ci[spec["code"]].id
            primary = [self.users[login] for login in spec["primary"]]
            second = [self.users[login] for login in spec.get("second_line", [])]
            lead = self._lead_of(spec["team"])
            head = self._head_of(spec["team"])
            cells = [("primary_handler", primary), ("second_line", second),
                     ("team_lead", [lead] if lead else []), ("department_head", [head] if head else [])]
            group: list[tuple[int, str]] = []
            for role, users in cells:
                for position, user in enumerate(users):
                    owners.append({"ci": app_id, "role": self.roles[role], "user": user, "position": position})
                    if role != "second_line" and all(user != u for u, _ in group):
                        group.append((user, role))
            for o in overrides:
                if o["application"] != spec["code"]:
                    continue
                user = self.users[o["user"]]
                if o["mode"] == "add" and all(user != u for u, _ in group):
                    group.append((user, "manual_add"))
                elif o["mode"] == "remove":
                    group = [(u, why) for u, why in group if u != user]
            related: dict[str, list[str]] = {"server": [], "database": [], "middleware": [], "network": []}
            for target in [*spec.get("runs_on", []), *spec.get("depends_on", [])]:
                if ci[target].kind in related:
                    related[ci[target].kind].append(ci[target].name)
            self.apps.append(_App(
                id=app_id, code=spec["code"], name=spec["name"], impact_id=self.impacts[spec["impact"]],
                team_id=self.team_ids[spec["team"]], weight=float(spec.get("weight", 5)), primary=primary,
                second_line=second or primary, group=group, related=related,
                incident_titles=[(kind, title) for kind, title in spec["incidents"]],
                problem_titles=list(spec.get("problems", [])),
            ))
        _insert(OwnerMatrixEntry, owners)
        self.counts["owners"] = len(owners)
        _insert(PropagationOverride, [
            {"application": ci[o["application"]].id, "user": self.users[o["user"]], "mode": o["mode"],
             "reason": o.get("reason", ""), "created_at": created + timedelta(days=20), "created_by": self.admin_id}
            for o in overrides
        ])
        self.counts["overrides"] = len(overrides)
        self.app_cum = list(accumulate(a.weight for a in self.apps))

    def _ci_row(self, spec: dict[str, Any], kind: str, impact: int | None, created: datetime) -> dict[str, Any]:
        return {
            "code": spec["code"], "name": spec["name"], "name_en": spec.get("name_en", ""), "kind": kind,
            "impact": impact, "parent": None, "team": self.team_ids.get(spec.get("team", "")),
            "description": spec.get("description", ""), "is_active": True, "retired_at": None, "created_at": created,
            "version": 1, "updated_at": created, "updated_by": None,
        }

    def _lead_of(self, team: str) -> int | None:
        return self.team_lead.get(team) or self.team_head.get(team)

    def _head_of(self, team: str) -> int | None:
        while team:
            if team in self.team_head:
                return self.team_head[team]
            team = self.team_parent.get(team, "")
        return None

    # texts ---------------------------------------------------------------------------

    def _pick(self, options: Sequence[str], fill: _Fill) -> str:
        return self.rng.choice(options).format_map(fill) if options else ""

    def _by_type(self, group: dict[str, list[str]], incident_type: str, fill: _Fill) -> str:
        options = group.get(incident_type) or [text for texts in group.values() for text in texts]
        return self._pick(options, fill)

    def _new_fill(self, app: _App) -> _Fill:
        rng, words = self.rng, self.content["words"]
        fill = _Fill(app=app.name, branch=rng.choice(words["branches"]), error=rng.choice(words["errors"]),
                     count=str(rng.randint(3, 40)), minutes=str(rng.choice((5, 10, 15, 20, 30, 60))))
        for kind, names in app.related.items():
            fill[kind] = rng.choice(names) if names else words["fallback"][kind]
        return fill

    # time ----------------------------------------------------------------------------

    def _sample_times(self, count: int, first_day: int, last_day: int) -> list[datetime]:
        """`count` registration moments `first_day`..`last_day` days back, shaped like office work."""
        today = self.shape.local_day(self.now)
        days = list(range(first_day, last_day + 1))
        weights = []
        for back in days:
            day = today - timedelta(days=back)
            weight = WEEKDAY_WEIGHTS[day.weekday()]
            weights.append(weight if self.shape.is_working_day(day) else min(weight, 0.3))
        day_cum = list(accumulate(weights))
        hour_cum = list(accumulate(HOUR_WEIGHTS))
        offset = self.now.replace(tzinfo=UTC).astimezone(self.shape.zone).utcoffset() or timedelta()
        found: list[datetime] = []
        while len(found) < count:
            back = self.rng.choices(days, cum_weights=day_cum)[0]
            hour = self.rng.choices(range(24), cum_weights=hour_cum)[0]
            local = datetime.combine(today - timedelta(days=back),
                                     time(hour, self.rng.randrange(60), self.rng.randrange(60)))
            moment = local - offset
            if moment < self.now - timedelta(minutes=10):
                found.append(moment)
        return sorted(found)

    def _case(self, kind: str, created_at: datetime) -> _Case:
        case = _Case(kind=kind, created_at=created_at)
        self.rows.cases.append(case)
        return case

    def _event(self, case: _Case, kind: str, actor: int | None, at: datetime, from_state: str = "",
               to_state: str = "", *, before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
               note: str = "") -> None:
        self.rows.events.append({
            "case": case, "entity": case.kind, "entity_id": "", "kind": kind, "actor": actor, "occurred_at": at,
            "from_state": from_state, "to_state": to_state, "before": before or {}, "after": after or {},
            "note": note,
        })

    def _action(self, case: _Case, actor: int, acted: datetime, recorded: datetime, kind: str, body: str,
                minutes: int) -> _Serial:
        """One action row; its event (written by the caller at `recorded`) names it by the returned id."""
        serial = _Serial()
        self.rows.actions.append({"case": case, "actor": actor, "acted_at": acted, "recorded_at": recorded,
                                  "kind": kind, "body": body, "minutes_spent": minutes})
        self.rows.action_ids.append(serial)
        return serial

    def _action_event(self, life: _Life, at: datetime, actor: int, kind: str, body: str, serial: _Serial) -> None:
        """The event `case_service.add_action` writes, at the moment the action was recorded."""
        life.require("comment" if kind == "comment" else "add_action", at)
        self._event(life.case, "action", actor, at, after={"action": serial, "kind": kind}, note=body)

    # incidents -------------------------------------------------------------------------

    def _pick_app(self, *, high_impact: bool = False) -> _App:
        if high_impact:
            top = min(self.impact_rank, key=self.impact_rank.__getitem__)
            best = [a for a in self.apps if a.impact_id == top] or self.apps
            return self.rng.choices(best, weights=[a.weight for a in best])[0]
        return self.rng.choices(self.apps, cum_weights=self.app_cum)[0]

    def _new_incident(self, registered_at: datetime, *, app: _App | None = None, urgency: int | None = None,
                      parent: _Incident | None = None, major: bool = False, branch: str = "") -> _Incident:
        rng = self.rng
        app = app or self._pick_app()
        fill = self._new_fill(app)
        if branch:
            fill["branch"] = branch
        if parent is None:
            incident_type, title = rng.choice(app.incident_titles)
            description = self._by_type(self.texts["descriptions"], incident_type, fill)
        else:
            incident_type = parent.incident_type
            fill["title"] = parent.title
            title = self._pick(self.texts["major_child"], fill)
            description = self.texts["major_child_description"].format_map(fill)
        urgency = urgency or rng.choices(self.urgency_ids, cum_weights=self.urgency_cum)[0]
        grade = self.matrix.get((urgency, app.impact_id)) or self.grade_by_level[self.levels[-1]]
        weights = [max(1, 7 - 4 * i) for i in range(len(app.primary))]  # the first primary handler takes most
        assignee = parent.assignee if parent else rng.choices(app.primary, weights=weights)[0]
        lead_minutes = rng.choice((0, 1, 2, 3, 5, 5, 10, 10, 15, 20, 30, 45, 60, 90))
        incident = _Incident(
            case=self._case("incident", registered_at), app=app, title=title, description=description,
            incident_type=incident_type, urgency_id=urgency, grade0_id=grade, grade_id=grade,
            registered_by=rng.choice(self.customers), assignee=assignee, registered_at=registered_at,
            occurred_at=registered_at - timedelta(minutes=lead_minutes, seconds=rng.randrange(60)), fill=fill,
            major=major, parent=parent,
        )
        self.rows.incidents.append(incident)
        return incident

    def _plan_incidents(self, total: int) -> None:
        rng = self.rng
        groups: list[list[int]] = []
        if total >= 20:
            left = total
            for _ in range(max(1, total // 250)):
                children = min(rng.randint(2, 5), left - 1)
                if children < 1:
                    break
                groups.append([children])
                left -= children + 1
        normal = total - sum(g[0] + 1 for g in groups)
        for moment in self._sample_times(normal, 0, HISTORY_DAYS - 1):
            self._timeline(self._new_incident(moment))
        for moment, (children,) in zip(self._sample_times(len(groups), 3, HISTORY_DAYS - 10), groups, strict=True):
            parent = self._new_incident(moment, app=self._pick_app(high_impact=True), urgency=self.urgency_top,
                                        major=True)
            self._timeline(parent)
            names = self.content["words"]["branches"]
            branches = rng.sample(names, children) if children <= len(names) else rng.choices(names, k=children)
            for branch in branches:
                child_at = moment + timedelta(minutes=rng.randint(3, 40), seconds=rng.randrange(60))
                child = self._new_incident(child_at, app=parent.app, parent=parent, branch=branch)
                self._child_timeline(child, parent)
        self.rows.incidents.sort(key=lambda i: i.registered_at)
        for incident in self.rows.incidents:
            if incident.parent is None:
                self._settle(incident)
        for incident in self.rows.incidents:  # a parent's life is drawn before its children's
            if incident.parent is not None:
                self._settle_child(incident)
            self._texts(incident)
            self._incident_history(incident)
            self._incident_clocks(incident)

    def _timeline(self, inc: _Incident) -> None:
        """Draw the whole life of an incident as if nothing stopped it; `_settle` cuts it at `now`."""
        rng = self.rng
        first = self.policies[inc.grade0_id]
        late = rng.random() < 0.08
        factor = rng.uniform(1.1, 3.0) if late else 0.03 + 0.9 * rng.betavariate(1.6, 3.0)
        response = max(1.0, first.response_minutes * factor)
        inc.accepted_at = _add_working(self.calendars[first.calendar_id], inc.registered_at, response)
        if not inc.major and rng.random() < 0.05 and len(self.levels) > 1:
            level = self.grade_level[inc.grade0_id]
            position = self.levels.index(level)
            up = position > 0 and (position == len(self.levels) - 1 or rng.random() < 0.5)
            inc.grade_id = self.grade_by_level[self.levels[position - 1 if up else position + 1]]
            inc.regraded_at = inc.accepted_at + timedelta(minutes=1)
            inc.regrade_reason = rng.choice(self.texts["regrade_up" if up else "regrade_down"])
        inc.started_at = inc.accepted_at + timedelta(minutes=rng.randint(2, 30))
        policy = self.policies[inc.grade_id]
        if inc.major:
            factor = rng.uniform(0.5, 1.6)
        elif rng.random() < 0.12:
            factor = rng.uniform(1.05, 2.5)
        else:
            factor = 0.05 + 0.9 * rng.betavariate(1.5, 2.5)
        calendar = self.calendars[policy.calendar_id]
        resolved = _add_working(calendar, inc.registered_at, policy.resolution_minutes * factor)
        inc.closed_at = max(resolved, inc.started_at + timedelta(minutes=rng.randint(5, 20)))
        if inc.major:
            inc.closed_at = max(inc.closed_at, inc.registered_at + timedelta(minutes=90))

    def _child_timeline(self, inc: _Incident, parent: _Incident) -> None:
        """A major incident's child is accepted quickly and closed just before its parent."""
        assert parent.closed_at
        inc.accepted_at = inc.registered_at + timedelta(minutes=self.rng.randint(1, 10))
        inc.started_at = inc.accepted_at + timedelta(minutes=self.rng.randint(1, 5))
        inc.closed_at = max(parent.closed_at - timedelta(minutes=self.rng.randint(1, 5)),
                            inc.started_at + timedelta(minutes=1))

    def _settle(self, inc: _Incident) -> None:
        """Decide the incident's state at `now` and forget what has not happened yet."""
        rng, now = self.rng, self.now
        assert inc.accepted_at and inc.started_at and inc.closed_at
        age = now - inc.registered_at
        if not inc.major and rng.random() < 0.05:
            if rng.random() < 0.6:
                span = max(2, min(rng.randint(5, 90), _minutes(inc.registered_at, inc.accepted_at) - 1))
                cancel_at, cancel_from = inc.registered_at + timedelta(minutes=span), "registered"
            else:
                cancel_at, cancel_from = inc.accepted_at + timedelta(minutes=rng.randint(5, 120)), "accepted"
            if cancel_at <= now:
                inc.state, inc.cancel_at, inc.cancel_from = "cancelled", cancel_at, cancel_from
                inc.cancel_reason = rng.choice(self.texts["cancel_reasons"])
                inc.started_at = inc.closed_at = None
                if cancel_from == "registered":
                    inc.accepted_at = None
                self._keep_regrade(inc)
                return
        stop, stuck = "closed", False
        if not inc.major:
            if age < timedelta(days=3):
                stop = rng.choices(("registered", "accepted", "in_progress", "closed"), (20, 25, 45, 10))[0]
            elif age < timedelta(days=14):
                stop = rng.choices(("accepted", "in_progress", "closed"), (5, 20, 75))[0]
            elif rng.random() < 0.007:
                stop, stuck = "in_progress", True  # still waiting for the customer, long after
        reached = "registered"
        for state, moment in (("accepted", inc.accepted_at), ("in_progress", inc.started_at),
                              ("closed", inc.closed_at)):
            if moment <= now:
                reached = state
        order = ("registered", "accepted", "in_progress", "closed")
        inc.state = min(stop, reached, key=order.index)
        self._cut(inc)
        if inc.state == "closed" and not inc.major and rng.random() < 0.02:
            assert inc.closed_at
            reopened = _plus(inc.closed_at, rng.uniform(12, 120) * 60)
            closed = reopened + timedelta(minutes=rng.randint(70, 3000))
            if closed <= now:
                inc.reopen = (inc.closed_at, reopened)
                inc.closed_at = closed
        if inc.state == "in_progress" and inc.started_at and (stuck or rng.random() < 0.15):
            inc.state = "waiting"
            inc.waits = [(_part(inc.started_at, now, rng.uniform(0.3, 0.9)), None)]
        elif inc.state == "closed" and not inc.major and rng.random() < 0.08:
            assert inc.started_at and inc.closed_at
            end = inc.reopen[0] if inc.reopen else inc.closed_at
            waited = _part(inc.started_at, end, rng.uniform(0.1, 0.5))
            inc.waits = [(waited, _part(waited, end, rng.uniform(0.2, 0.8)))]

    def _settle_child(self, inc: _Incident) -> None:
        parent = inc.parent
        assert parent is not None
        inc.state = "registered"
        for state, moment in (("accepted", inc.accepted_at), ("in_progress", inc.started_at),
                              ("closed", inc.closed_at)):
            if moment is not None and moment <= self.now:
                inc.state = state
        self._cut(inc)

    def _cut(self, inc: _Incident) -> None:
        if inc.state == "registered":
            inc.accepted_at = None
        if inc.state in ("registered", "accepted"):
            inc.started_at = None
        if inc.state != "closed":
            inc.closed_at = None
        self._keep_regrade(inc)

    def _keep_regrade(self, inc: _Incident) -> None:
        """Forget a regrade that had not happened by `now` (or before the cancellation)."""
        if inc.regraded_at is None:
            return
        if (inc.accepted_at is None or inc.regraded_at > self.now
                or (inc.cancel_at is not None and inc.regraded_at >= inc.cancel_at)):
            inc.regraded_at, inc.regrade_reason, inc.grade_id = None, "", inc.grade0_id

    def _texts(self, inc: _Incident) -> None:
        """Closing texts for closed incidents (and for the close before a reopen); the rest have none yet."""
        if inc.state != "closed":
            return
        inc.closing = self._closing(inc)
        if inc.reopen:
            inc.first_closing = self._closing(inc)

    def _closing(self, inc: _Incident) -> dict[str, str]:
        t, fill = self.texts, inc.fill
        closures = t["closures"]
        cause, resolution = self.rng.choice(closures.get(inc.incident_type) or closures["application"])
        return {
            "cause": cause.format_map(fill),
            "resolution": resolution.format_map(fill),
            "result": self._pick(t["results"], fill),
            "follow_up_plan": self._pick(t["follow_up"], fill),
            "recurrence_prevention": self._pick(t["recurrence_prevention"], fill),
        }

    def _actions(self, inc: _Incident) -> list[tuple[datetime, int, str, str, _Serial]]:
        """Actions between acceptance and closing (or cancellation, or now), recorded while the incident
        is open; returns (recorded, who, kind, body, id) for their events."""
        rng, now = self.rng, self.now
        if inc.accepted_at is None:
            return []
        first_end = inc.cancel_at or (inc.reopen[0] if inc.reopen else inc.closed_at)
        end = first_end or now
        count = rng.choices((1, 2, 3, 4, 5, 6), (45, 27, 13, 8, 4, 3))[0]
        if inc.major:
            count = rng.randint(4, 6)
        elif inc.state in ("accepted", "cancelled"):
            count = min(count, 2)
        moments = sorted(_part(inc.accepted_at, end, rng.uniform(0.02, 0.98)) for _ in range(count))
        limits = [first_end - timedelta(seconds=1) if first_end else now] * count
        kinds = [rng.choice(("investigation", "contact"))]
        kinds += rng.choices(ACTION_KINDS, ACTION_WEIGHTS, k=count - 1)
        if inc.state == "closed" and count > 1:
            kinds[-1] = "fix"
        if inc.reopen:
            assert inc.closed_at
            moments.append(_part(inc.reopen[1], inc.closed_at, rng.uniform(0.2, 0.9)))
            limits.append(inc.closed_at - timedelta(seconds=1))
            kinds.append("fix")
        done = []
        for moment, limit, kind in zip(moments, limits, kinds, strict=True):
            actor = inc.assignee if rng.random() < 0.85 else rng.choice(inc.app.second_line)
            recorded = max(moment, min(limit, moment + timedelta(minutes=rng.choice((0, 1, 2, 5, 10, 30)))))
            body = self._pick(self.texts["actions"][kind], inc.fill)
            serial = self._action(inc.case, actor, moment, recorded, kind, body, rng.randint(5, 90))
            done.append((recorded, actor, kind, body, serial))
        return done

    def _incident_history(self, inc: _Incident) -> None:
        """Fire the incident's transitions and operations in time order, as its handlers would have."""
        rng, app, texts = self.rng, inc.app, self.texts
        life = _Life(self, inc.case)
        life.fire("register", inc.registered_by, inc.registered_at, {
            "title": inc.title, "description": inc.description, "application": app.id, "urgency": inc.urgency_id,
            "incident_type": inc.incident_type, "occurred_at": inc.occurred_at,
        }, effects={  # grade_from_matrix and assign_from_matrix: the first primary handler of the owner matrix
            "impact": app.impact_id, "grade": inc.grade0_id, "assignee": app.primary[0], "assigned_team": app.team_id,
        })
        # (when, order among equal moments, what, details)
        steps: list[tuple[datetime, int, str, Any]] = []
        if inc.parent is None and inc.assignee != app.primary[0] and rng.random() < 0.5:
            lead = self._lead_of(self.team_code[app.team_id])
            at = inc.registered_at + timedelta(minutes=rng.randint(1, 20), seconds=rng.randrange(60))
            if lead is not None and at < (inc.accepted_at or inc.cancel_at or self.now):
                steps.append((at, 1, "assign", lead))  # the team lead hands it on before anyone accepts
        if inc.parent is not None:
            at = inc.registered_at + timedelta(minutes=rng.randint(1, 5), seconds=rng.randrange(60))
            if at <= self.now:
                steps.append((at, 2, "set_parent", inc.parent))
        if inc.accepted_at:
            steps.append((inc.accepted_at, 3, "accept", None))
        if inc.regraded_at:
            steps.append((inc.regraded_at, 4, "regrade", None))
        if inc.started_at:
            steps.append((inc.started_at, 5, "start", None))
        for action in self._actions(inc):
            steps.append((action[0], 6, "action", action))
        for waited, resumed in inc.waits:
            steps.append((waited, 7, "wait", rng.choice(texts["wait_notes"])))
            if resumed is not None:
                steps.append((resumed, 8, "resume", rng.choice(texts["resume_notes"])))
        if inc.reopen:
            steps.append((inc.reopen[0], 9, "close", inc.first_closing))
            steps.append((inc.reopen[1], 10, "reopen", rng.choice(texts["reopen_reasons"])))
        if inc.state == "closed" and inc.closed_at:
            steps.append((inc.closed_at, 9, "close", inc.closing))
        if inc.state == "cancelled" and inc.cancel_at:
            steps.append((inc.cancel_at, 11, "cancel", None))
        steps.sort(key=lambda step: (step[0], step[1]))
        for at, _order, what, details in steps:
            if what == "assign":
                life.fire("assign", details, at, {"assignee": inc.assignee})
            elif what == "set_parent":
                self._set_parent(life, details, at)
            elif what == "accept":
                life.fire("accept", inc.assignee, at)  # take_assignment: whoever accepts owns it
            elif what == "regrade":
                life.fire("regrade", inc.assignee, at, {"grade": inc.grade_id, "grade_reason": inc.regrade_reason})
            elif what == "start":
                life.fire("start", inc.assignee, at)
            elif what == "action":
                _recorded, actor, kind, body, serial = details
                self._action_event(life, at, actor, kind, body, serial)
            elif what in ("wait", "resume", "reopen"):
                actor = inc.registered_by if what == "reopen" else inc.assignee
                life.fire(what, actor, at, {"note": details})
            elif what == "close":
                life.fire("close", inc.assignee, at, dict(details))
            elif what == "cancel":
                actor = inc.registered_by if inc.cancel_from == "registered" else inc.assignee
                life.fire("cancel", actor, at, {"cancel_reason": inc.cancel_reason})

    def _set_parent(self, life: _Life, parent: _Incident, at: datetime) -> None:
        """`case_service.set_parent`: the child's parent column (versioned) and an event on both."""
        parent_life = parent.case.life
        assert parent_life is not None
        if parent_life.is_final_at(at):
            raise ValueError(f"demo: parent incident closed before {at}")
        life.require("set_parent", at)
        life.touch(parent.assignee, at, {"parent": parent.case})
        self._event(life.case, "set_parent", parent.assignee, at, before={"parent": None},
                    after={"parent": parent.case})
        self._event(parent.case, "child_added", parent.assignee, at, after={"child": _NumberOf(life.case)})

    def _incident_clocks(self, inc: _Incident) -> None:
        """SLA clocks and pauses as `sla` leaves them after the incident's last transition."""
        pauses = [(waited, resumed, "waiting") for waited, resumed in inc.waits]
        if inc.reopen:
            pauses.append((inc.reopen[0], inc.reopen[1], "reopened"))
        pauses.sort(key=lambda p: p[0])
        for started, ended, reason in pauses:
            self.rows.pauses.append({"case": inc.case, "started_at": started, "ended_at": ended, "reason": reason})
        spans: list[tuple[datetime, datetime | None]] = [(started, ended) for started, ended, _ in pauses]
        cancelled = inc.state == "cancelled"
        response_stop = inc.accepted_at or (inc.cancel_at if cancelled else None)
        self._clock(inc.case, "response", self.policies[inc.grade0_id], inc.registered_at, response_stop,
                    verdict=inc.accepted_at is not None, spans=[], last=inc.registered_at, hooks=0)
        # each regrade, wait, resume, close before a reopen and reopen refreshes the running resolution clock
        moments = [inc.registered_at, inc.regraded_at, *(m for span in inc.waits for m in span), *(inc.reopen or ())]
        hooks = sum(1 for m in moments[1:] if m is not None)
        self._clock(inc.case, "resolution", self.policies[inc.grade_id], inc.registered_at,
                    inc.cancel_at if cancelled else inc.closed_at, verdict=not cancelled, spans=spans,
                    last=max(m for m in moments if m is not None), hooks=hooks)

    def _clock(self, case: _Case, kind: str, policy: _Policy, start: datetime, stop: datetime | None, *,
               verdict: bool, spans: list[tuple[datetime, datetime | None]], last: datetime, hooks: int) -> None:
        """One SLA clock with the figures `sla` stores: measured at its stop, or at its last refresh."""
        calendar = self.calendars[policy.calendar_id]
        target = policy.response_minutes if kind == "response" else policy.resolution_minutes
        business = not calendar.is_24x7
        clock = SlaClock(started_at=start, stopped_at=stop, target_minutes=target, uses_business_time=business)
        at = stop or last
        known = [(a, b if b is not None and b <= at else None) for a, b in spans if a <= at]
        m = sla.measure(clock, calendar, known, at)
        # `check_clocks` escalates a running clock once: when it reaches the warning share, when it passes the target
        end = stop or self.now
        elapsed = sla.judged(clock, m if stop else sla.measure(clock, calendar, spans, end))

        def reached(minutes: int) -> datetime | None:
            if elapsed < minutes:
                return None
            moment = sla.due_at(SlaClock(started_at=start, target_minutes=minutes, uses_business_time=business),
                                calendar, spans)
            return moment if moment is not None and moment < end else None

        self.rows.clocks.append({
            "case": case, "kind": kind, "policy": policy.id, "calendar": policy.calendar_id, "target_minutes": target,
            "uses_business_time": business, "started_at": start,
            "paused_at": next((a for a, b in spans if b is None), None) if stop is None else None,
            "stopped_at": stop, "due_at": None if stop else sla.due_at(clock, calendar, known),
            "paused_wall_minutes": m.paused_wall, "paused_business_minutes": m.paused_business,
            "elapsed_wall_minutes": m.wall if stop else None, "elapsed_business_minutes": m.business if stop else None,
            "warned_at": reached(math.ceil(target * policy.warning_percent / 100)), "breached_at": reached(target + 1),
            "met": sla.judged(clock, m) <= target if stop and verdict else None,
            "version": 1 + hooks + (1 if stop else 0),
        })

    # problems --------------------------------------------------------------------------

    def _plan_problems(self, total: int) -> None:
        rng = self.rng
        by_app: dict[int, list[_Incident]] = {}
        for inc in self.rows.incidents:  # an incident is linked once accepted (the operation's states)
            if inc.state != "cancelled" and inc.parent is None and inc.accepted_at is not None:
                by_app.setdefault(inc.app.id, []).append(inc)
        self.problem_titles_used: set[str] = set()
        if not by_app or total <= 0:
            return
        apps = [a for a in self.apps if a.id in by_app]
        weights = [len(by_app[a.id]) for a in apps]
        for registered in self._sample_times(total, 1, HISTORY_DAYS - 35):
            for _ in range(10):
                app = rng.choices(apps, weights=weights)[0]
                pool = [i for i in by_app[app.id] if not i.linked
                        and registered - timedelta(days=150) <= i.registered_at <= registered]
                if len(pool) >= 2:
                    break
            else:
                continue
            self._plan_problem(app, registered, pool)

    def _plan_problem(self, app: _App, registered: datetime, pool: list[_Incident]) -> None:
        rng, now, t = self.rng, self.now, self.texts["problems"]
        fill = self._new_fill(app)
        registered_by = rng.choice(self.problem_managers) if rng.random() < 0.6 else (
            self._lead_of(self.team_code[app.team_id]) or rng.choice(self.problem_managers))
        assignee = rng.choice(app.second_line + app.primary)
        manager = rng.choice(self.problem_managers)
        case = self._case("problem", registered)

        def later(moment: datetime, low: float, high: float) -> datetime:
            return _plus(moment, rng.uniform(low, high) * 1440)

        derive = later(registered, 0.5, 5)
        known = later(derive, 3, 30)
        execute = later(known, 1, 10)
        verify = later(execute, 7, 45)
        root_cause, workaround, solution = (text.format_map(fill) for text in rng.choice(t["analyses"]))
        solved = {"root_cause": root_cause, "solution": solution, "workaround": workaround}
        # (when, transition, who, fields)
        steps: list[tuple[datetime, str, int, dict[str, Any]]] = [
            (derive, "start_derivation", assignee, {}),
            (execute, "plan", assignee, solved),
            (verify, "submit_result", assignee, {}),
        ]
        if rng.random() < 0.15:
            fail = later(verify, 2, 7)
            execute2 = later(fail, 2, 10)
            verify = later(execute2, 3, 14)
            failure = self._pick(t["verification_failures"], fill)
            steps += [(fail, "verify_failed", manager, {"verification_result": failure}),
                      (execute2, "plan", assignee, solved), (verify, "submit_result", assignee, {})]
        closed = later(verify, 3, 20)
        steps.append((closed, "close", manager, {"verification_result": self._pick(t["verification_results"], fill)}))
        if rng.random() < 0.75:  # declared while deriving: `known` comes before `execute`
            steps.append((_plus(known, rng.uniform(60, 480)), "record_known_error", assignee,
                          {"workaround": workaround, "root_cause": root_cause}))
        if rng.random() < 0.05:
            cancelled = _part(registered, known, rng.uniform(0.05, 0.9))
            steps = [s for s in steps if s[0] < cancelled]
            steps.append((cancelled, "cancel", manager, {"cancel_reason": rng.choice(t["cancel_reasons"])}))
        steps = sorted((s for s in steps if s[0] <= now), key=lambda s: s[0])
        # closing resolves the open linked incidents: link only incidents already closed by then
        closing = next((at for at, name, *_ in steps if name == "close"), None)
        if closing is not None:
            done = [i for i in pool if i.case.life is not None and i.case.life.is_final_at(closing)]
            if len(done) >= 2:
                pool = done
            else:
                steps = [s for s in steps if s[1] != "close"]
                closing = None
        linked = rng.sample(pool, min(len(pool), rng.randint(2, 10)))
        links = []
        for inc in linked:
            inc.linked = True
            assert inc.accepted_at
            at = max(registered, inc.accepted_at) + timedelta(minutes=rng.randint(1, 30), seconds=rng.randrange(60))
            if at <= now and (closing is None or at < closing):
                links.append((at, inc))
        grade = min((i.grade_id for i in linked), key=lambda g: self.grade_level[g])
        unused = [title for title in app.problem_titles if title not in self.problem_titles_used]
        title = rng.choice(unused) if unused else f"{linked[0].title} 반복 발생"
        self.problem_titles_used.add(title)
        fill["count"] = str(len(linked))
        life = _Life(self, case)
        life.fire("register", registered_by, registered, {
            "title": title, "description": self._pick(t["descriptions"], fill), "application": app.id,
            "grade": grade, "assignee": assignee,
        })
        # (when, order among equal moments, what, details)
        happenings: list[tuple[datetime, int, str, Any]] = [
            (at, 2 if name in ("close", "cancel") else 0, "fire", (name, who, given)) for at, name, who, given in steps]
        derived = next((at for at, name, *_ in steps if name == "start_derivation"), None)
        stopped = next((at for at, name, *_ in steps if name in ("close", "cancel")), None)
        for _ in range(rng.randint(1, 4) if derived is not None else 0):
            assert derived is not None
            moment = _part(derived, stopped or now, rng.uniform(0.05, 0.95))
            kind = rng.choice(("investigation", "investigation", "note", "fix"))
            limit = stopped - timedelta(seconds=1) if stopped else now
            recorded = max(moment, min(limit, moment + timedelta(minutes=5)))
            body = self._pick(t["actions"], fill)
            serial = self._action(case, assignee, moment, recorded, kind, body, rng.randint(30, 240))
            happenings.append((recorded, 1, "action", (assignee, kind, body, serial)))
        happenings += [(at, 1, "link", inc) for at, inc in links]
        happenings.sort(key=lambda h: (h[0], h[1]))
        for at, _order, what, details in happenings:
            if what == "fire":
                name, who, given = details
                life.fire(name, who, at, given)
            elif what == "action":
                self._action_event(life, at, *details)
            else:
                self._link_problem(details, case, registered_by, at)
        self.rows.problems.append(case)
        execute_at = next((at for at, name, *_ in steps if name == "plan"), None)
        if execute_at and rng.random() < 0.6:
            requested = _plus(execute_at, rng.uniform(120, 2880))
            if requested < now:
                self._plan_change(case, app, requested, assignee, fill)

    def _link_problem(self, inc: _Incident, problem: _Case, actor: int, at: datetime) -> None:
        """`case_service.link_problem`: the link and an event on both sides."""
        assert inc.case.life is not None
        inc.case.life.require("link_problem", at)
        self.rows.links.append({"source": inc.case, "target": problem, "kind": "problem", "created_at": at,
                                "created_by": actor})
        self._event(inc.case, "link_problem", actor, at, after={"linked": _NumberOf(problem)})
        self._event(problem, "link_problem", actor, at, after={"linked": _NumberOf(inc.case)})

    # work orders and changes ---------------------------------------------------------------

    def _plan_followers(self) -> None:
        rng = self.rng
        for inc in self.rows.incidents:
            if inc.started_at is None or inc.state not in ("in_progress", "waiting", "closed"):
                continue
            if inc.state == "closed":
                assert inc.closed_at
                end = inc.reopen[0] if inc.reopen else inc.closed_at
            else:
                end = _plus(self.now, rng.uniform(120, 2880))
            if rng.random() < 0.15:
                self._plan_work_order(inc, end)
            if rng.random() < 0.05:
                requested = _part(inc.started_at, min(end, self.now), rng.uniform(0.3, 0.9))
                self._plan_change(inc.case, inc.app, requested, inc.assignee, inc.fill)

    def _plan_work_order(self, inc: _Incident, end: datetime) -> None:
        rng, now, t = self.rng, self.now, self.texts
        assert inc.started_at and inc.case.life
        issued = _part(inc.started_at, end, rng.uniform(0.05, 0.5))
        if issued >= now:
            return
        inc.case.life.require("issue_work_order", issued)
        assignee = rng.choice(inc.app.second_line)
        case = self._case("work_order", issued)
        started = _part(issued, end, rng.uniform(0.02, 0.2))
        returned = rng.random() < 0.1
        finished = _part(started, end, rng.uniform(0.3, 0.95))
        steps: list[tuple[str, datetime, dict[str, Any]]] = [("start", started, {})]
        if returned:
            reason = {"return_reason": rng.choice(t["work_order_returns"])}
            if rng.random() < 0.5:
                steps = [("return", started, reason)]
            else:
                steps.append(("return", finished, reason))
        else:
            steps.append(("complete", finished, {"result": self._pick(t["work_order_results"], inc.fill)}))
        level = self.grade_level[inc.grade_id]
        issue: dict[str, Any] = {
            "parent": inc.case, "title": self._pick(t["work_orders"], inc.fill),
            "instructions": self._pick(t["work_order_instructions"], inc.fill), "assignee": assignee,
            "due_at": issued + timedelta(hours=WORK_ORDER_DUE_HOURS.get(level, 24)),
        }
        if self.user_team.get(assignee) is not None:
            issue["assigned_team"] = self.user_team[assignee]
        life = _Life(self, case)
        life.fire("issue", inc.assignee, issued, issue)
        self._notify_parent(life, "issue", inc.assignee, issued, issue["title"])
        for name, at, given in steps:
            if at > now:
                break
            life.fire(name, assignee, at, given)
            self._notify_parent(life, name, assignee, at, given.get("result") or given.get("return_reason") or "")
        self.rows.work_orders.append(case)

    def _notify_parent(self, life: _Life, transition: str, actor: int, at: datetime, note: str) -> None:
        """The `notify_parent` effect: the parent case records its work order's progress."""
        self._event(life.cols["parent"], f"work_order_{transition}", actor, at, note=note,
                    after={"work_order": _NumberOf(life.case), "state": life.state})

    def _plan_change(self, parent: _Case, app: _App, requested: datetime, requested_by: int, fill: _Fill) -> None:
        assert parent.life is not None
        parent.life.require("request_change", requested)
        rng, now, t = self.rng, self.now, self.texts["changes"]
        manager = rng.choice(self.change_managers)
        case = self._case("change", requested)
        index = rng.randrange(len(t["titles"]))
        types = t.get("types", [])
        decided = _plus(requested, rng.uniform(240, 4320))
        rejected = rng.random() < 0.08
        night = datetime.combine(self.shape.local_day(decided) + timedelta(days=rng.randint(1, 7)), time(22))
        planned_start = night.replace(tzinfo=self.shape.zone).astimezone(UTC).replace(tzinfo=None)
        planned_end = planned_start + timedelta(hours=2)
        implemented = planned_start + timedelta(minutes=rng.randint(10, 110))
        reviewed = _plus(implemented, rng.uniform(1440, 4320))
        closed = _plus(reviewed, rng.uniform(120, 2880))
        assignee = rng.choice(app.second_line + app.primary)
        title = self._pick([t["titles"][index]], fill)
        life = _Life(self, case)
        life.fire("request", requested_by, requested, {
            "title": title, "description": self._pick(t["descriptions"], fill),
            "change_type": types[index] if index < len(types) else "program", "parent": parent,
            "application": app.id, "assignee": assignee,
            "implementation_plan": self._pick(t["implementation_plans"], fill),
            "rollback_plan": self._pick(t["rollback_plans"], fill),
        })
        # link_parent_change: the link and an event on the parent
        self.rows.links.append({"source": parent, "target": case, "kind": "change", "created_at": requested,
                                "created_by": requested_by})
        self._event(parent, "change_requested", requested_by, requested, after={"change": _NumberOf(case)},
                    note=title)
        if rejected:
            steps = [("reject", decided, manager, {"reject_reason": rng.choice(t["reject_reasons"])})]
        else:
            steps = [("approve", decided, manager, {"planned_start": planned_start, "planned_end": planned_end}),
                     ("implement", implemented, assignee, {}),
                     ("review", reviewed, manager, {"review_result": self._pick(t["review_results"], fill)}),
                     ("close", closed, manager, {})]
        for name, at, who, given in steps:
            if at > now:
                break
            life.fire(name, who, at, given)
        self.rows.changes.append(case)

    # writing -------------------------------------------------------------------------------

    def _write_cases(self) -> None:
        """Number every case per kind and year in time order, insert them, learn their ids."""
        cases = sorted(self.rows.cases, key=lambda c: c.created_at)
        sequences = {s.name: s.value for s in NumberSequence.select()}
        used: dict[str, int] = {}
        for case in cases:
            year = self.shape.local_day(case.created_at).year
            name = f"{CASE_PREFIXES[case.kind]}-{year}"
            value = used.get(name, sequences.get(name, 0)) + 1
            used[name] = value
            case.number = format_number(case.kind, year, value)
        _insert(Case, [{"kind": c.kind, "number": c.number, "created_at": c.created_at} for c in cases])
        ids: dict[str, int] = {}
        for chunk in _chunks([c.number for c in cases]):
            ids.update(_rows(Case.select(Case.number, Case.id).where(Case.number.in_(list(chunk)))))
        for case in cases:
            case.id = ids[case.number]
        for name, value in used.items():
            NumberSequence.insert(name=name, value=value).on_conflict(
                conflict_target=[NumberSequence.name], update={NumberSequence.value: value}
            ).execute()

    def _row(self, case: _Case) -> dict[str, Any]:
        assert case.life is not None
        return case.life.row(self.process_ids[case.kind])

    def _write_work(self) -> None:
        r = self.rows
        # incidents sorted by registration, so a parent is written before its children
        _insert(Incident, [self._row(inc.case) for inc in r.incidents])
        _insert(Problem, [self._row(case) for case in r.problems])
        _insert(Change, [self._row(case) for case in r.changes])
        _insert(WorkOrder, [self._row(case) for case in r.work_orders])
        _insert(CaseLink, [_with_ids(link) for link in r.links])
        order = sorted(range(len(r.actions)), key=lambda i: r.actions[i]["acted_at"])
        last_id = Action.select(fn.MAX(Action.id)).scalar() or 0
        _insert(Action, [_with_ids(r.actions[i]) for i in order])
        ids = [i for (i,) in Action.select(Action.id).where(Action.id > last_id).order_by(Action.id).tuples()]
        if len(ids) != len(order):
            raise RuntimeError("demo: the actions just written could not be read back")
        for i, action_id in zip(order, ids, strict=True):
            r.action_ids[i].id = action_id
        r.events.sort(key=lambda e: e["occurred_at"])  # stable: a case's events keep the order they were fired in
        _insert(Event, [
            {**e, "case": e["case"].id, "entity_id": e["case"].number, "before": _json(e["before"]),
             "after": _json(e["after"])}
            for e in r.events
        ])
        _insert(SlaClock, [_with_ids(clock) for clock in r.clocks])
        _insert(SlaPause, [_with_ids(pause) for pause in r.pauses])

    def _write_notifications(self) -> int:
        """The in-app notices the `propagate` (and register's assignment) effects queue, for the latest incidents.

        Rows as `notices.queue_notices` writes them: in-app rows are delivered by
        being written; the notices of the latest few incidents are still unread.
        """
        rng, now = self.rng, self.now
        latest = self.rows.incidents[-NOTIFIED_INCIDENTS:]
        if not latest:
            return 0
        by_case = {inc.case.id: (index, inc) for index, inc in enumerate(latest)}
        users = {user_id: f"{name} ({login})" for user_id, name, login in _rows(User.select(User.id, User.name,
                                                                                              User.login))}
        grades = {g: (level, {"ko": name, "en": name_en}) for g, level, name, name_en in _rows(
            Grade.select(Grade.id, Grade.level, Grade.name, Grade.name_en))}
        query = (Event.select(Event.id, Event.case, Event.kind, Event.actor, Event.occurred_at, Event.note)
                 .where(Event.case.in_(list(by_case)), Event.kind.in_(list(NOTICE_KINDS))).order_by(Event.id))
        rows = []
        for event_id, case_id, event_kind, actor, moment, note in _rows(query):
            index, inc = by_case[case_id]
            unread = index >= len(latest) - UNREAD_INCIDENTS
            kind = NOTICE_KINDS[event_kind]
            notices: dict[int, tuple[str, str]] = {}  # recipient → (kind, reason); the first reason wins
            if event_kind == "register":
                for user in inc.app.primary:
                    notices.setdefault(user, ("assigned", "primary_handler"))
            for user, reason in inc.app.group:
                if user != actor:
                    notices.setdefault(user, (kind, reason))
            if event_kind != "register" and inc.registered_by != actor and kind in (
                    "accepted", "closed", "cancelled", "reopened"):
                notices.setdefault(inc.registered_by, (kind, "reporter"))
            assert inc.case.life is not None
            grade = inc.grade_id if inc.regraded_at is not None and moment >= inc.regraded_at else inc.grade0_id
            common = {  # the outbox payload (`engine.outbox._payload`), as the case stood right after the event
                "number": inc.case.number, "case_kind": "incident", "case_id": case_id, "kind": "",
                "event": event_kind, "actor": users.get(actor, "?"), "at": moment.isoformat() + "Z",
                "note": note[:500], "title": inc.title, "state": inc.case.life.state_at(moment),
                "application": inc.app.name, "grade": grades[grade][0], "grade_name": grades[grade][1],
            }
            for user, (notice_kind, reason) in notices.items():
                read = None
                if not unread and rng.random() < 0.75:
                    read = min(now, moment + timedelta(minutes=rng.randint(1, 240)))
                rows.append({
                    "event": event_id, "case": case_id, "recipient": user, "kind": notice_kind, "reason": reason,
                    "payload": json.dumps({**common, "kind": notice_kind, "reason": reason}, ensure_ascii=False),
                    "created_at": moment, "next_attempt_at": moment, "channel": "inapp", "status": "sent",
                    "sent_at": moment, "read_at": read, "dedupe_key": f"{event_id}:{user}:inapp",
                })
        _insert(Notification, rows)
        return len(rows)


def _with_ids(row: dict[str, Any]) -> dict[str, Any]:
    """A copy of `row` with its `_Case` values replaced by their ids."""
    return {key: value.id if isinstance(value, _Case) else value for key, value in row.items()}
