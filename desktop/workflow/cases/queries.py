"""Read side: case lists with filters and keyset pagination, one case's timeline.

Lists return plain tuples turned into small dataclasses (no model instances),
so a page of 200 rows stays cheap; the next page starts after the last row's
(registered_at, case id), which an index serves directly at any depth.
"""

from __future__ import annotations

import json
import operator
from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from typing import Any, Generic, TypeVar

import peewee

from desktop.errors import BeaconError
from desktop.models import (
    Action,
    Case,
    ConfigurationItem,
    Event,
    Grade,
    Incident,
    User,
    database,
)
from desktop.models.prepared import Prepared, fast_tuples, id_list, param
from desktop.models.security import outside_changes
from desktop.workflow.cases.texts import TEXTS
from desktop.workflow.common.actors import Actor, load_actor
from desktop.workflow.common.cases import REPORTER_COLUMN
from desktop.workflow.engine.process import known_states

PAGE_SIZE = 200


@dataclass(frozen=True)
class IncidentFilter:
    """What the incident list shows; empty fields do not filter."""

    states: tuple[str, ...] = ()
    grades: tuple[int, ...] = ()  # grade levels
    application_ids: tuple[int, ...] = ()
    assignee_id: int | None = None
    unassigned: bool = False
    text: str = ""
    registered_from: datetime | None = None
    registered_to: datetime | None = None
    case_ids: tuple[int, ...] = ()  # only these cases (a live refresh of the rows a list holds)


@dataclass(frozen=True)
class Sort:
    """The column a list is ordered by; the case id breaks ties in the same direction."""

    key: str = "registered_at"
    descending: bool = True


@dataclass(frozen=True)
class IncidentRow:
    case_id: int
    number: str
    title: str
    state: str
    grade: int
    grade_color: str
    application: str
    assignee: str
    registered_at: datetime
    version: int
    sla_due_at: datetime | None = None  # the resolution clock's deadline, while it runs
    sla_state: str = ""  # running | paused | met | missed | not_applicable (cancelled) | "" (no clock)
    sla_warned: bool = False
    application_en: str = ""  # English names, shown in English ("" when none is recorded)
    assignee_en: str = ""


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after this ((segment key, sort values), case id); opaque to callers."""

    value: Any
    case_id: int


Row = TypeVar("Row")


@dataclass(frozen=True)
class Page(Generic[Row]):
    """One page of a case list, and where the next starts (None after the last)."""

    rows: list[Row]
    next_cursor: Cursor | None = None


def _contains(columns: list[Any], words: str) -> Any:
    """Any of the columns contains the words (case-insensitive on PostgreSQL, where pg_trgm indexes ILIKE)."""
    sqlite = isinstance(database.obj, peewee.SqliteDatabase)
    conditions = [c.contains(words) if sqlite else c.ilike(f"%{words}%") for c in columns]
    return reduce(operator.or_, conditions)


# Above this many full-text matches a word is common enough that reading the list in its own order and testing
# each row (LIKE) finds a page sooner than fetching and ordering every match (see _text_condition).
FTS_COMMON = 5000


def _text_condition(model: Any, text: str) -> Any:
    """Title or description contains `text`.

    On SQLite, words of three characters or more go through the trigram index — unless they are common:
    ordering all 99k incidents that say "timeout" (of a million) took 450 ms, while reading the list in its
    sort order and testing each row with LIKE finds the first 200 after ~2k rows (4 ms). So a bounded probe
    of the index (≤ 5,001 rowids, ~8 ms) picks the plan: the index for rare words, LIKE for common ones.
    """
    words = text.strip()
    if not words:
        return None
    if isinstance(database.obj, peewee.SqliteDatabase) and model is Incident and len(words) >= 3:
        phrase = '"' + words.replace('"', '""') + '"'
        found = database.execute_sql(
            "SELECT COUNT(*) FROM (SELECT rowid FROM incident_search WHERE incident_search MATCH ? LIMIT ?)",
            (phrase, FTS_COMMON + 1)).fetchone()[0]
        if found <= FTS_COMMON:
            matches = peewee.SQL("(SELECT rowid FROM incident_search WHERE incident_search MATCH ?)", (phrase,))
            return model.case.in_(matches) | _imported_as(model, words)
    condition = _contains([model.title, model.description], words)
    return condition | _imported_as(model, words) if model is Incident else condition


def _imported_as(model: Any, words: str) -> Any:
    """An imported case is also found by its number in the system it came from (e.g. INC0010001)."""
    from desktop.models.imports import ImportedRecord

    return model.case.in_(ImportedRecord.select(ImportedRecord.case).where(ImportedRecord.source_number == words))


def _state_order(kind: str, column: Any) -> Any:
    """States in the order the process lists them (registered before closed), not alphabetically."""
    states = known_states(kind)
    return peewee.Case(column, [(name, position) for position, name in enumerate(states)], len(states))


@dataclass(frozen=True)
class _Segment:
    """A run of rows in sort order: those matching `condition`, ordered by `order` then case id.

    Sorting a million incidents by a joined name (grade, state, application, assignee) cannot use
    an index, so the list walks the dimension instead: one segment per grade (by level), state (in
    process order), application or assignee (by name), each served by an (fk, registered_at) index.
    """

    key: Any
    condition: Any
    order: tuple[Any, ...]


def _incident_segments(sort: Sort, f: IncidentFilter, clock: Any) -> list[_Segment]:
    by_time = (Incident.registered_at,)
    if sort.key == "registered_at":
        return [_Segment("all", None, by_time)]
    if sort.key == "number":  # numbers are issued in registration order, like case ids
        return [_Segment("all", None, ())]
    if sort.key == "title":
        return [_Segment("all", None, (Incident.title,))]
    if sort.key == "grade":
        grades = Grade.select(Grade.id, Grade.level).order_by(Grade.level, Grade.id)
        if f.grades:
            grades = grades.where(Grade.level.in_(f.grades))
        return [_Segment(gid, Incident.grade == gid, by_time) for gid, _ in grades.tuples()]
    if sort.key == "state":
        states = [s for s in known_states("incident") if not f.states or s in f.states]
        return [_Segment(s, Incident.state == s, by_time) for s in states]
    if sort.key == "application":
        apps = (ConfigurationItem.select(ConfigurationItem.id)
                .where(ConfigurationItem.id.in_(_distinct_values(Incident.application)))
                .order_by(ConfigurationItem.name, ConfigurationItem.id))
        if f.application_ids:
            apps = apps.where(ConfigurationItem.id.in_(f.application_ids))
        return [_Segment(aid, Incident.application == aid, by_time) for (aid,) in apps.tuples()]
    if sort.key == "assignee":
        if f.unassigned:
            return [_Segment(None, Incident.assignee.is_null(), by_time)]
        people = (User.select(User.id).where(User.id.in_(_distinct_values(Incident.assignee)))
                  .order_by(User.name, User.id))
        if f.assignee_id is not None:
            people = people.where(User.id == f.assignee_id)
        segments = [] if f.assignee_id is not None else [_Segment(None, Incident.assignee.is_null(), by_time)]
        return segments + [_Segment(uid, Incident.assignee == uid, by_time) for (uid,) in people.tuples()]
    if sort.key == "sla_due":  # running deadlines, soonest first; then every other incident, newest first
        running = clock.stopped_at.is_null() & clock.due_at.is_null(False)
        return [_Segment("running", running, (clock.due_at,)),
                _Segment("rest", ~running, tuple(e.desc() for e in by_time))]
    raise ValueError(f"unknown sort key {sort.key!r}")


def _distinct_values(column: Any) -> list[Any]:
    """The distinct non-null values of an indexed column, one index seek each (a loose index scan), so a
    million incidents with eight assignees cost eight seeks instead of a million-entry scan."""
    table = column.model._meta.table_name
    name = column.column_name
    sql = (f"WITH RECURSIVE seen(v) AS (SELECT MIN({name}) FROM {table} "
           f"UNION ALL SELECT (SELECT MIN({name}) FROM {table} WHERE {name} > seen.v) FROM seen "
           f"WHERE seen.v IS NOT NULL) SELECT v FROM seen WHERE v IS NOT NULL")
    return [v for (v,) in database.execute_sql(sql).fetchall()]


def _walk(query: Any, segments: list[_Segment], sort: Sort, after: Cursor | None, limit: int, width: int,
          id_column: Any) -> tuple[list[tuple], Cursor | None]:
    """The keyset walk every case list pages with: rows of `query` (its first `width` columns, the case id
    first) in segment order, `limit` at most, starting after the cursor (segment key, order values, case id)."""
    if sort.descending:
        segments = segments[::-1]
    keys = [s.key for s in segments]
    start = keys.index(after.value[0]) if after is not None and after.value[0] in keys else 0
    rows: list[tuple] = []
    for position in range(start, len(segments)):
        segment = segments[position]
        q = query if segment.condition is None else query.where(segment.condition)
        columns = [*segment.order, id_column]
        if after is not None and position == start:
            values = [*after.value[1], after.case_id]
            q = q.where(_tuple_after(columns, values, sort.descending))
        order = [_direction(c, sort.descending) for c in columns]
        q = q.select_extend(*[_plain(c) for c in segment.order]).order_by(*order).limit(limit + 1 - len(rows))
        for t in fast_tuples(q):
            rows.append((segment.key, t[:width], t[width:]))
        if len(rows) > limit:
            break
    cursor = None
    if len(rows) > limit:
        key, last, values = rows[limit - 1]
        cursor = Cursor((key, tuple(values)), last[0])
        rows = rows[:limit]
    return [r[1] for r in rows], cursor


def _plain(column: Any) -> Any:
    """A column without the DESC an order may carry."""
    return column.node if isinstance(column, peewee.Ordering) else column


def _direction(column: Any, descending: bool) -> Any:
    """Order by the column in the list's direction; a column that is already DESC (e.g. newest first among
    incidents without a running clock) flips with it."""
    if isinstance(column, peewee.Ordering):
        flip = column.direction.upper() == "DESC"
        return column.node.asc() if flip == descending else column.node.desc()
    return column.desc() if descending else column.asc()


def _tuple_after(columns: list[Any], values: list[Any], descending: bool) -> Any:
    """(c1, c2, …) strictly after (v1, v2, …) in each column's own direction, as nested OR/AND."""
    condition = None
    for i in range(len(columns) - 1, -1, -1):
        column = columns[i]
        flip = isinstance(column, peewee.Ordering) and column.direction.upper() == "DESC"
        plain = _plain(column)
        later = (plain < values[i]) if descending != flip else (plain > values[i])
        condition = later if condition is None else later | ((plain == values[i]) & condition)
    return condition


def list_incidents(*, actor_id: int, filters: IncidentFilter | None = None, after: Cursor | None = None,
                   limit: int = PAGE_SIZE, sort: Sort | None = None) -> Page[IncidentRow]:
    """One page of incidents as this user may see them, newest first unless `sort` says otherwise.

    Two steps: the page's case ids are chosen on the incident table alone (filters, order, keyset,
    limit), then only those rows are joined with what the list shows, so a filter that matches a
    hundred thousand incidents never joins them all.
    """
    from desktop.models import SlaClock

    actor = load_actor(actor_id)
    f = filters or IncidentFilter()
    sort = sort or Sort()
    Clock = SlaClock.alias()
    ids = Incident.select(Incident.case)
    if sort.key == "sla_due":
        ids = ids.join(Clock, peewee.JOIN.LEFT_OUTER,
                       on=((Clock.case == Incident.case) & (Clock.kind == "resolution")))
    for condition in _incident_conditions(actor, f):
        ids = ids.where(condition)
    chosen, cursor = _walk(ids, _incident_segments(sort, f, Clock), sort, after, limit, 1, Incident.case)
    return Page(rows=_incident_rows([t[0] for t in chosen]), next_cursor=cursor)


def count_incidents(*, actor_id: int, filters: IncidentFilter | None = None) -> int:
    """How many incidents this user may see match `filters` (the list's footer: "200 / 1,534")."""
    actor = load_actor(actor_id)
    ids = Incident.select(Incident.case)
    for condition in _incident_conditions(actor, filters or IncidentFilter()):
        ids = ids.where(condition)
    return int(ids.count())


def _incident_conditions(actor: Actor, f: IncidentFilter) -> list[Any]:
    """The WHERE conditions of the incident list for this user and these filters."""
    conditions: list[Any] = []
    if actor.is_customer_only:
        conditions.append(Incident.registered_by == actor.id)
    if f.states:
        conditions.append(Incident.state.in_(f.states))
    if f.grades:
        conditions.append(Incident.grade.in_([g for (g,) in Grade.select(Grade.id)
                                              .where(Grade.level.in_(f.grades)).tuples()]))
    if f.application_ids:
        conditions.append(Incident.application.in_(f.application_ids))
    if f.assignee_id is not None:
        conditions.append(Incident.assignee == f.assignee_id)
    if f.unassigned:
        conditions.append(Incident.assignee.is_null())
    if f.registered_from is not None:
        conditions.append(Incident.registered_at >= f.registered_from)
    if f.registered_to is not None:
        conditions.append(Incident.registered_at < f.registered_to)
    if f.case_ids:
        conditions.append(Incident.case.in_(f.case_ids))
    text = _text_condition(Incident, f.text)
    if text is not None:
        conditions.append(text)
    return conditions


def _incident_rows_query() -> Any:
    from desktop.models import SlaClock

    Assignee = User.alias()
    # the clock's pause, stop and warning are read as flags: the row needs whether, not when
    return (
        Incident.select(Incident.case, Case.number, Incident.title, Incident.state, Grade.level, Grade.color,
                        ConfigurationItem.name, Assignee.name, Incident.registered_at, Incident.version,
                        SlaClock.due_at, SlaClock.id.is_null(False), SlaClock.paused_at.is_null(False),
                        SlaClock.stopped_at.is_null(False), SlaClock.met, SlaClock.warned_at.is_null(False),
                        ConfigurationItem.name_en, Assignee.name_en)
        .join(Case, on=(Incident.case == Case.id))
        .switch(Incident).join(Grade, on=(Incident.grade == Grade.id))
        .switch(Incident).join(ConfigurationItem, on=(Incident.application == ConfigurationItem.id))
        .switch(Incident).join(Assignee, peewee.JOIN.LEFT_OUTER, on=(Incident.assignee == Assignee.id))
        .switch(Incident).join(SlaClock, peewee.JOIN.LEFT_OUTER,
                               on=((SlaClock.case == Incident.case) & (SlaClock.kind == "resolution")))
        .where(id_list(Incident.case, "ids"))
        .tuples()
    )


# compiled once: a page's rows are one statement with its ids as one value, not 200 parameters to compile
_INCIDENT_ROWS = Prepared(_incident_rows_query)


def _incident_rows(case_ids: list[int]) -> list[IncidentRow]:
    """The list's columns for these incidents, in the order given."""
    if not case_ids:
        return []
    rows: dict[int, IncidentRow] = {}
    for (case_id, number, title, state, level, color, application, assignee, registered_at, version, due, clocked,
         paused, stopped, met, warned, application_en, assignee_en) in _INCIDENT_ROWS.tuples(ids=case_ids):
        if not clocked or (due is None and not paused and not stopped):
            sla_state = ""
        elif state == "cancelled":  # a cancelled incident is not judged: no target was missed
            sla_state = "not_applicable"
        elif stopped:
            sla_state = "met" if met else "missed"
        else:
            sla_state = "paused" if paused else "running"
        rows[case_id] = IncidentRow(case_id, number if number is not None else "", title if title is not None else "",
                                    state if state is not None else "", level if level is not None else "",
                                    color if color is not None else "",
                                    application if application is not None else "",
                                    assignee if assignee is not None else "",
                                    registered_at if registered_at is not None else "",
                                    version if version is not None else "",
                                    sla_due_at=due if sla_state == "running" else None, sla_state=sla_state,
                                    sla_warned=bool(warned), application_en=application_en or "",
                                    assignee_en=assignee_en or "")
    return [rows[i] for i in case_ids if i in rows]


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a case's history, from its events and actions."""

    at: datetime
    kind: str  # transition name, "action", or an effect's event kind
    actor: str
    from_state: str = ""
    to_state: str = ""
    note: str = ""
    before: str = "{}"
    after: str = "{}"
    action_kind: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    actor_en: str = ""  # the English name of who did it ("" when none is recorded)


def can_view(actor: Actor, kind: str, row: Any) -> bool:
    """Customers see only what they reported; staff see everything."""
    return not actor.is_customer_only or getattr(row, REPORTER_COLUMN[kind] + "_id") == actor.id


def _timeline_actions() -> Any:
    return (Action.select(Action.id, Action.acted_at, User.name, Action.body, Action.kind, User.name_en)
            .join(User, on=(Action.actor == User.id)).where(Action.case == param("case"))
            .order_by(Action.acted_at, Action.id).tuples())


def _timeline_events() -> Any:
    return (Event.select(Event.occurred_at, Event.kind, User.name, Event.from_state, Event.to_state, Event.note,
                         Event.before, Event.after, User.name_en)
            .join(User, peewee.JOIN.LEFT_OUTER, on=(Event.actor == User.id))
            .where(Event.case == param("case")).order_by(Event.occurred_at, Event.id).tuples())


_TIMELINE_ACTIONS = Prepared(_timeline_actions)
_TIMELINE_EVENTS = Prepared(_timeline_events)
_CASE_KIND = Prepared(lambda: Case.select(Case.kind).where(Case.id == param("case")).tuples())
_REPORTERS = {kind: Prepared(lambda kind=kind: _reporter_query(kind)) for kind in REPORTER_COLUMN}


def _reporter_query(kind: str) -> Any:
    from desktop.workflow.common.cases import KIND_MODELS

    model = KIND_MODELS[kind]
    return model.select(getattr(model, REPORTER_COLUMN[kind])).where(model.case == param("case")).tuples()


def timeline(*, actor_id: int, case_id: int) -> list[TimelineEntry]:
    """A case's full history in time order: transitions, effects' events and actions."""
    from desktop.workflow.common.texts import KIND_LABELS

    actor = load_actor(actor_id)
    found = _CASE_KIND.tuples(case=case_id)
    if not found:
        raise BeaconError("workflow.not_found", what=KIND_LABELS["case"], ref=case_id)
    if actor.is_customer_only:  # staff see every case: only a customer's needs its row (who reported it)
        kind = found[0][0]
        reporter = _REPORTERS[kind].tuples(case=case_id)
        if not reporter or reporter[0][0] != actor.id:
            raise BeaconError("workflow.not_found", what=TEXTS.pair("case_service.case"), ref=case_id)
    actions = _TIMELINE_ACTIONS.tuples(case=case_id)
    logged = {action_id for action_id, *_ in actions}
    entries = [
        TimelineEntry(at, k, name or "", fs, ts, note, before, after, actor_en=name_en or "")
        for at, k, name, fs, ts, note, before, after, name_en in _TIMELINE_EVENTS.tuples(case=case_id)
        # an action's event is shown as its action; one without its action (written from psql) as itself
        if k != "action" or _action_of(after) not in logged
    ]
    entries += [TimelineEntry(at, "action", name, note=body, action_kind=action_kind, actor_en=name_en or "")
                for _, at, name, body, action_kind, name_en in actions]
    entries += [outside_entry(*row) for row in outside_changes(case_id)]
    entries.sort(key=lambda e: e.at)
    return entries


def _action_of(after: str) -> Any:
    try:
        found = json.loads(after or "{}")
    except ValueError:
        return None
    return found.get("action") if isinstance(found, dict) else None


OUTSIDE = "outside"  # a timeline entry's kind for a change made outside Beacon (psql, another client)


def outside_entry(at: datetime, login: str, table: str, operation: str, before: dict[str, Any] | None,
                  after: dict[str, Any] | None, application: str) -> TimelineEntry:
    """One audited change that came through no Beacon connection: who (the login), when, fields before → after.

    `extra["fields"]` holds (table.column, before, after) per changed column; an insert has no before, a delete
    no after.
    """
    old, new = before or {}, after or {}
    names = list(dict.fromkeys([*new, *old]))
    changes = [(f"{table}.{name}", _shown(old.get(name)) if name in old else "",
                _shown(new.get(name)) if name in new else "") for name in names]
    return TimelineEntry(at, OUTSIDE, login, extra={"table": table, "operation": operation, "fields": changes,
                                                    "application": application})


def _shown(value: Any) -> str:
    return "∅" if value is None else str(value)


@dataclass(frozen=True)
class CaseFilter:
    """Filters for the problem, change and work-order lists."""

    states: tuple[str, ...] = ()
    assignee_id: int | None = None
    unassigned: bool = False
    text: str = ""
    opened_from: datetime | None = None
    opened_to: datetime | None = None
    case_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class CaseRow:
    case_id: int
    number: str
    title: str
    state: str
    assignee: str
    opened_at: datetime
    version: int
    # what only some lists show (`list_format.CASE_LIST_COLUMNS`): a problem's grade and application, the case
    # a change or work order came from, a work order's due time
    grade: int | None = None
    grade_color: str = ""
    application: str = ""
    parent: str = ""  # the parent case's number
    # the English names, where the person and the application have one (the list shows them in English)
    assignee_en: str = ""
    application_en: str = ""
    parent_id: int | None = None
    due_at: datetime | None = None


_BASE_WIDTH = 7  # CaseRow's fields every list reads


def list_cases(*, actor_id: int, kind: str, filters: CaseFilter | None = None, after: Cursor | None = None,
               limit: int = PAGE_SIZE, sort: Sort | None = None) -> Page[CaseRow]:
    """One page of problems, changes or work orders, newest first unless `sort` says otherwise."""
    if kind == "incident":
        raise ValueError("use list_incidents for incidents")
    listed = case_list_query(load_actor(actor_id), kind, filters or CaseFilter(), sort or Sort())
    tuples, cursor = _walk(listed.query, listed.segments, sort or Sort(), after, limit, listed.width,
                           listed.model.case)
    return Page(case_rows(listed, tuples), cursor)


@dataclass(frozen=True)
class CaseListQuery:
    """A problem, change or work-order list as one query: its rows' columns, filters and joins, the run of
    rows it walks in (one segment, ordered by the sorted column), and how its tuples become CaseRows."""

    model: Any
    query: Any
    segments: list[_Segment]
    width: int  # columns of a row in the query's tuples (the case id first)
    names: list[str]  # CaseRow fields of the columns beyond the common ones


def case_list_query(actor: Actor, kind: str, f: CaseFilter, sort: Sort) -> CaseListQuery:
    """The query behind `list_cases` (also read by position, see `positions`)."""
    from desktop.workflow.common.cases import KIND_MODELS, OPENED_AT_COLUMN

    model = KIND_MODELS[kind]
    opened = getattr(model, OPENED_AT_COLUMN[kind])
    Assignee = User.alias()
    Parent = Case.alias()
    extra, names = _kind_columns(kind, model, Parent)
    extra, names = [*extra, Assignee.name_en], [*names, "assignee_en"]  # one name per language, as every list
    query = (
        model.select(model.case, Case.number, model.title, model.state, Assignee.name, opened, model.version, *extra)
        .join(Case, on=(model.case == Case.id))
        .switch(model).join(Assignee, peewee.JOIN.LEFT_OUTER, on=(model.assignee == Assignee.id))
    )
    # the extra columns come through joins on the page's own rows, never a query per row
    if kind == "problem":
        query = (query.switch(model).join(Grade, peewee.JOIN.LEFT_OUTER, on=(model.grade == Grade.id))
                 .switch(model).join(ConfigurationItem, peewee.JOIN.LEFT_OUTER,
                                     on=(model.application == ConfigurationItem.id)))
    elif kind in ("change", "work_order"):
        query = query.switch(model).join(Parent, peewee.JOIN.LEFT_OUTER, on=(model.parent == Parent.id))
    if actor.is_customer_only:
        query = query.where(getattr(model, REPORTER_COLUMN[kind]) == actor.id)
    if f.states:
        query = query.where(model.state.in_(f.states))
    if f.assignee_id is not None:
        query = query.where(model.assignee == f.assignee_id)
    if f.unassigned:
        query = query.where(model.assignee.is_null())
    if f.opened_from is not None:
        query = query.where(opened >= f.opened_from)
    if f.opened_to is not None:
        query = query.where(opened < f.opened_to)
    if f.case_ids:
        query = query.where(model.case.in_(f.case_ids))
    if f.text.strip():
        query = query.where(_contains([model.title], f.text.strip()))
    expressions = {"opened_at": opened, "registered_at": opened, "number": Case.number, "title": model.title,
                   "state": _state_order(kind, model.state), "assignee": peewee.fn.COALESCE(Assignee.name, "")}
    if sort.key not in expressions:
        raise ValueError(f"unknown sort key {sort.key!r}")
    segments = [_Segment("all", None, (expressions[sort.key],))]  # one run, ordered by the sorted column itself
    return CaseListQuery(model, query, segments, _BASE_WIDTH + len(extra), names)


def case_rows(listed: CaseListQuery, tuples: list[tuple]) -> list[CaseRow]:
    """CaseRows from the list query's tuples."""
    rows = []
    for t in tuples:
        base = (value if value is not None else "" for value in t[:_BASE_WIDTH])
        more = {name: value for name, value in zip(listed.names, t[_BASE_WIDTH:], strict=True) if value is not None}
        rows.append(CaseRow(*base, **more))
    return rows


def _kind_columns(kind: str, model: Any, parent: Any) -> tuple[list[Any], list[str]]:
    """The columns a kind's list reads beyond the common ones, and the CaseRow fields they fill."""
    if kind == "problem":
        return ([Grade.level, Grade.color, ConfigurationItem.name, ConfigurationItem.name_en],
                ["grade", "grade_color", "application", "application_en"])
    if kind == "change":
        return [parent.number, model.parent], ["parent", "parent_id"]
    if kind == "work_order":
        return [parent.number, model.parent, model.due_at], ["parent", "parent_id", "due_at"]
    return [], []


def _work_orders_query() -> Any:
    from desktop.models import WorkOrder

    Assignee = User.alias()
    return (WorkOrder.select(WorkOrder.case, Case.number, WorkOrder.title, WorkOrder.state, Assignee.name,
                             WorkOrder.issued_at, WorkOrder.version)
            .join(Case, on=(WorkOrder.case == Case.id))
            .switch(WorkOrder).join(Assignee, peewee.JOIN.LEFT_OUTER, on=(WorkOrder.assignee == Assignee.id))
            .where(WorkOrder.parent == param("case")).order_by(WorkOrder.issued_at, WorkOrder.case).tuples())


_WORK_ORDERS = Prepared(_work_orders_query)


def work_orders_of(case_id: int) -> list[CaseRow]:
    """The work orders a case issued, with their states (the parent shows them)."""
    return [CaseRow(*(value if value is not None else "" for value in t)) for t in _WORK_ORDERS.tuples(case=case_id)]


def _links_query() -> Any:
    from desktop.models import CaseLink

    outgoing = CaseLink.select(CaseLink.kind, CaseLink.target, peewee.Value(0).alias("incoming"), CaseLink.id) \
        .where(CaseLink.source == param("case"))
    incoming = CaseLink.select(CaseLink.kind, CaseLink.source, peewee.Value(1), CaseLink.id) \
        .where(CaseLink.target == param("case"))
    return outgoing.union_all(incoming).order_by(peewee.SQL("3"), peewee.SQL("4")).tuples()


# a case's links both ways in one statement: this case's own first, then those pointing at it
_LINKS = Prepared(_links_query)


def case_links(case_id: int) -> list[tuple[str, int, bool]]:
    """A case's links as (link kind, the other case's id, whether the other case links to this one)."""
    return [(kind, other, bool(incoming)) for kind, other, incoming, _ in _LINKS.tuples(case=case_id)]


def linked_cases(case_id: int) -> list[tuple[str, str, str, str]]:
    """Cases linked to this one: (link kind, number, kind, state), both directions."""
    return describe_links(case_links(case_id))


def describe_links(links: list[tuple[str, int, bool]]) -> list[tuple[str, str, str, str]]:
    """(link kind, number, kind, state) of each linked case, in the order given: one read of the cases and
    one per kind among them, not three per link."""
    from desktop.workflow.common.cases import KIND_MODELS
    from desktop.workflow.common.texts import KIND_LABELS

    if not links:
        return []
    others = list(dict.fromkeys(other for _, other, _ in links))
    cases = {cid: (kind, number) for cid, kind, number in
             Case.select(Case.id, Case.kind, Case.number).where(Case.id.in_(others)).tuples()}
    states: dict[int, str] = {}
    for kind in dict.fromkeys(kind for kind, _ in cases.values()):
        model = KIND_MODELS[kind]
        ids = [cid for cid, (k, _) in cases.items() if k == kind]
        states.update(model.select(model.case, model.state).where(model.case.in_(ids)).tuples())
    result = []
    for link_kind, other, _ in links:
        if other not in cases or other not in states:  # as `load_row` refuses a case one may not see
            raise BeaconError("workflow.not_found", what=KIND_LABELS["case"], ref=other)
        kind, number = cases[other]
        result.append((link_kind, number, kind, states[other]))
    return result


@dataclass(frozen=True)
class DeliveryRow:
    """Who was told about a case, on which channel, and whether it arrived."""

    recipient: str
    reason: str
    kind: str
    channel: str
    status: str
    created_at: datetime
    sent_at: datetime | None
    recipient_en: str = ""  # the recipient's English name ("" when none is recorded)


def deliveries_of(case_id: int) -> list[DeliveryRow]:
    """The propagation record of a case: every notice, oldest first."""
    from desktop.models import Notification

    query = (Notification.select(User.name, Notification.reason, Notification.kind, Notification.channel,
                                 Notification.status, Notification.created_at, Notification.sent_at, User.name_en)
             .join(User, on=(Notification.recipient == User.id))
             .where((Notification.case == case_id) & (Notification.channel != "sr"))  # SRs have their own tab
             .order_by(Notification.id))
    return [DeliveryRow(*row) for row in query.tuples()]


@dataclass(frozen=True)
class OutsideTeam:
    """An incident whose application's team (and owner matrix) does not include a person."""

    number: str
    application: str
    application_en: str


def outside_team(*, case_ids: list[int], user_id: int) -> list[OutsideTeam]:
    """The incidents among `case_ids` that `user_id` would take from outside their application's team: not in
    the application's team and not in its owner matrix (a bulk assignment warns before it is made)."""
    from desktop.models import OwnerMatrixEntry

    user = User.get_or_none(User.id == user_id)
    if user is None or not case_ids:
        return []
    rows = (Incident.select(Case.number, ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.name_en,
                            ConfigurationItem.team)
            .join(Case, on=(Incident.case == Case.id))
            .switch(Incident).join(ConfigurationItem, on=(Incident.application == ConfigurationItem.id))
            .where(Incident.case.in_(case_ids)).order_by(Case.number).tuples())
    in_matrix = {ci for (ci,) in OwnerMatrixEntry.select(OwnerMatrixEntry.ci)
                 .where(OwnerMatrixEntry.user == user_id).tuples()}
    return [OutsideTeam(number, name, name_en or "") for number, ci, name, name_en, team in rows
            if ci not in in_matrix and (team is None or team != user.team_id)]
