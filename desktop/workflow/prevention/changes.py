""""What changed?" (무엇이 바뀌었나): the changes and work orders completed just before an incident.

Changes put in (implemented) and work orders finished (done, not returned) on the incident's application
or on a CI it relates to, in the `what_changed_days` days (default 7) before the incident occurred
(its registration when no occurrence time was given), newest first. Each line says why it is listed:
the same application, or which related CI and by which relations, and how long before. A change counts
at its implementation, a work order at its finish; a work order's CI is its parent case's application.

Related CIs are those reached from the application by following relations outward (`runs_on`,
`depends_on`, `connects_to`, any number of steps: the application runs on a server that connects to a
switch) and the CI hierarchy upward (`parent`).

The handler may mark one line as the suspected cause: a `suspected_cause` CaseLink from the incident to
the change or work order, with an event on both cases, in one transaction. Marking another moves the link;
clearing it turns it into `suspect_cleared` (no one deletes case rows). Allowed to whoever may link
the incident to a problem (the same judgement about its cause); one suspected cause at a time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from peewee import JOIN, fn

from desktop.errors import BeaconError
from desktop.models import (
    Case,
    CaseLink,
    Change,
    CIRelation,
    ConfigurationItem,
    Event,
    Incident,
    Problem,
    WorkOrder,
    database,
    utcnow,
)
from desktop.workflow.cases.queries import can_view
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import as_utc_naive, load_row
from desktop.workflow.common.settings import get_setting
from desktop.workflow.engine.engine import may_operate
from desktop.workflow.engine.process import case_definition
from desktop.workflow.prevention.texts import TEXTS
from desktop.workflow.sla.durations import format_minutes

DEFAULT_DAYS = 7
LINK_KIND = "suspected_cause"
CLEARED_KIND = "suspect_cleared"  # the mark once cleared: the link row stays, as history
# marking a suspected cause is a judgement about the incident's cause, like linking it to a problem
PERMISSION = "link_problem"


@dataclass(frozen=True)
class Hop:
    """One step from the application towards a related CI: `relation` leads to `code`."""

    relation: str  # runs_on | depends_on | connects_to | part_of
    code: str


@dataclass(frozen=True)
class ChangedItem:
    """A change or work order completed before the incident, and why it is listed."""

    case_id: int
    number: str
    kind: str  # change | work_order
    title: str
    state: str
    completed_at: datetime  # naive UTC: a change's implementation, a work order's finish
    minutes_before: int
    ci_id: int
    ci_code: str
    ci_name: str
    ci_name_en: str
    path: tuple[Hop, ...] = ()  # empty: on the incident's own application
    suspected: bool = False
    from_registration: bool = False  # the incident gave no occurrence time: measured from its registration

    @property
    def same_application(self) -> bool:
        return not self.path

    def where(self, lang: str) -> str:
        """'same application' or 'related CI SRV-01 (runs on SRV-01 → connects to NW-01)'."""
        if not self.path:
            return TEXTS.pick("changes.same_application", lang)
        steps = " → ".join(f"{TEXTS.pick(f'changes.rel.{h.relation}', lang)} {h.code}" for h in self.path)
        return TEXTS.pick("changes.related_ci", lang, ci=self.ci_code, path=steps)

    def when(self, lang: str) -> str:
        """'2일 3시간 전 발생' / '2d 3h before it occurred'."""
        key = "changes.before_registered" if self.from_registration else "changes.before"
        return TEXTS.pick(key, lang, duration=format_minutes(self.minutes_before, lang))

    def reason(self, lang: str) -> str:
        """Why it is listed, in one line."""
        return f"{self.where(lang)} · {self.when(lang)}"


@dataclass(frozen=True)
class WhatChanged:
    """The answer for one incident: the moment looked back from, the window, the lines (newest first)."""

    incident_id: int
    number: str
    application_id: int
    moment: datetime  # naive UTC: occurred_at, or registered_at when none was given
    from_registration: bool
    days: int
    items: list[ChangedItem] = field(default_factory=list)

    @property
    def suspected(self) -> ChangedItem | None:
        return next((i for i in self.items if i.suspected), None)


def window_days() -> int:
    """The `what_changed_days` setting (days looked back), 7 when not set."""
    value = get_setting("what_changed_days", DEFAULT_DAYS)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else DEFAULT_DAYS


CiGraph = tuple[dict[int, list[tuple[str, int]]], dict[int, str]]


def ci_graph() -> CiGraph:
    """The CMDB as (CI id → [(relation, CI id it leads to)], CI id → code), read in two queries."""
    edges: dict[int, list[tuple[str, int]]] = {}
    for source, target, kind in CIRelation.select(CIRelation.source, CIRelation.target, CIRelation.kind).tuples():
        edges.setdefault(source, []).append((kind, target))
    codes: dict[int, str] = {}
    for ci_id, code, parent_id in ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.code,
                                                           ConfigurationItem.parent).tuples():
        codes[ci_id] = code
        if parent_id is not None:
            edges.setdefault(ci_id, []).append(("part_of", parent_id))
    return edges, codes


def related_cis(application_id: int, graph: CiGraph | None = None) -> dict[int, tuple[Hop, ...]]:
    """Every CI the application relates to, with the shortest chain of relations that reaches it.

    The application itself maps to (). Relations are followed outward from the application (what it runs
    on, depends on, connects to, and what those do in turn) and the hierarchy upward.
    """
    edges, codes = graph or ci_graph()
    paths: dict[int, tuple[Hop, ...]] = {application_id: ()}
    frontier = [application_id]
    while frontier:  # breadth first: the shortest explanation wins
        following: list[int] = []
        for node in frontier:
            for kind, target in sorted(edges.get(node, ()), key=lambda e: (codes.get(e[1], ""), e[0])):
                if target not in paths:
                    paths[target] = (*paths[node], Hop(kind, codes.get(target, str(target))))
                    following.append(target)
        frontier = following
    return paths


def what_changed(*, actor_id: int, case_id: int, days: int | None = None) -> WhatChanged:
    """The changes and work orders completed on the incident's application or related CIs before it occurred.

    Raises:
        BeaconError: not an incident, or one this user may not see (`workflow.not_found`).
    """
    actor = load_actor(actor_id)
    kind, row = load_row(case_id)
    if kind != "incident" or not can_view(actor, kind, row):
        raise BeaconError("workflow.not_found", what=TEXTS.pair("changes.kind.change"), ref=case_id)
    return _what_changed(case_id, row, days if days is not None else window_days())


def changes_before(case_id: int, *, days: int | None = None) -> WhatChanged:
    """`what_changed` for a caller that checked access itself (the incident report)."""
    _, row = load_row(case_id)
    return _what_changed(case_id, row, days if days is not None else window_days())


def _what_changed(case_id: int, row: Incident, days: int) -> WhatChanged:
    moment = row.occurred_at or row.registered_at
    since = moment - timedelta(days=days)
    paths = related_cis(row.application_id)
    ci_ids = list(paths)
    suspected = {target for (target,) in CaseLink.select(CaseLink.target)
                 .where((CaseLink.source == case_id) & (CaseLink.kind == LINK_KIND)).tuples()}
    found: list[tuple[int, str, str, str, str, datetime, int]] = []
    changes = (Change.select(Change.case, Case.number, Change.title, Change.state, Change.implemented_at,
                             Change.application)
               .join(Case, on=(Change.case == Case.id))
               .where(Change.implemented_at.between(since, moment) & Change.application.in_(ci_ids)
                      & (Change.parent.is_null() | (Change.parent != case_id)))
               .tuples())
    found += [(cid, number, "change", title, state, at, ci) for cid, number, title, state, at, ci in changes]
    parent_ci = fn.COALESCE(Incident.application, Problem.application, Change.application)
    orders = (WorkOrder.select(WorkOrder.case, Case.number, WorkOrder.title, WorkOrder.state, WorkOrder.finished_at,
                               parent_ci)
              .join(Case, on=(WorkOrder.case == Case.id))
              .switch(WorkOrder).join(Incident, JOIN.LEFT_OUTER, on=(WorkOrder.parent == Incident.case))
              .switch(WorkOrder).join(Problem, JOIN.LEFT_OUTER, on=(WorkOrder.parent == Problem.case))
              .switch(WorkOrder).join(Change, JOIN.LEFT_OUTER, on=(WorkOrder.parent == Change.case))
              .where((WorkOrder.state == "done") & WorkOrder.finished_at.between(since, moment)
                     & (WorkOrder.parent != case_id) & parent_ci.in_(ci_ids))
              .tuples())
    found += [(cid, number, "work_order", title, state, at, ci) for cid, number, title, state, at, ci in orders]
    names = {i: (c, n, e or "") for i, c, n, e in ConfigurationItem.select(
        ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.name, ConfigurationItem.name_en)
        .where(ConfigurationItem.id.in_({f[6] for f in found})).tuples()}
    from_registration = row.occurred_at is None
    items = [ChangedItem(case_id=cid, number=number, kind=k, title=title, state=state, completed_at=at,
                         minutes_before=int((moment - at).total_seconds() // 60), ci_id=ci,
                         ci_code=names[ci][0], ci_name=names[ci][1], ci_name_en=names[ci][2], path=paths[ci],
                         suspected=cid in suspected, from_registration=from_registration)
             for cid, number, k, title, state, at, ci in found]
    items.sort(key=lambda i: (i.completed_at, i.case_id), reverse=True)
    return WhatChanged(incident_id=case_id, number=Case.get_by_id(case_id).number, application_id=row.application_id,
                       moment=moment, from_registration=from_registration, days=days, items=items)


@dataclass(frozen=True)
class SuspectedCause:
    """What `mark_suspected_cause` left: the incident's suspected cause now (None when cleared)."""

    incident_id: int
    cause_id: int | None
    cause_number: str
    previous_number: str


def may_mark_suspected(*, actor_id: int, case_id: int) -> bool:
    """Whether this user may mark (or clear) the incident's suspected cause now."""
    actor = load_actor(actor_id)
    kind, row = load_row(case_id)
    if kind != "incident":
        return False
    operation = case_definition(kind, row).operations.get(PERMISSION)
    return operation is not None and may_operate(actor, kind, row, operation)


def mark_suspected_cause(*, actor_id: int, incident_id: int, cause_id: int | None,
                         now: datetime | None = None) -> SuspectedCause:
    """Mark a change or work order of the incident's "what changed?" list as its suspected cause, or clear the
    mark (`cause_id` None). One transaction: the link, replacing any earlier one, and an event on the incident
    and on each change or work order concerned.

    Raises:
        BeaconError: not allowed now (state or role), or `cause_id` is not on the incident's list.
    """
    at = as_utc_naive(now) if now else None
    with database.atomic():
        actor = load_actor(actor_id)
        kind, row = load_row(incident_id, lock=True)
        at = at or utcnow()
        if kind != "incident" or not can_view(actor, kind, row):
            raise BeaconError("workflow.not_found", what=TEXTS.pair("changes.kind.change"), ref=incident_id)
        case = Case.get_by_id(incident_id)
        process = case_definition(kind, row)
        operation = process.operations.get(PERMISSION)
        action = TEXTS.pair("changes.mark_suspected")
        if operation is None or row.state not in operation.states:
            raise BeaconError("workflow.bad_state", record=case.number, state=process.states[row.state].label,
                              action=action)
        if not may_operate(actor, kind, row, operation):
            raise BeaconError("workflow.not_allowed", who=actor.display, record=case.number, action=action)
        listed = _what_changed(incident_id, row, window_days())
        chosen = None
        if cause_id is not None:
            chosen = next((i for i in listed.items if i.case_id == cause_id), None)
            if chosen is None:
                raise BeaconError("workflow.bad_value", field=TEXTS.pair("changes.suspected_cause"),
                                  reason=TEXTS.pair("changes.not_in_list", days=listed.days))
        # one mark row per incident, moved rather than deleted: people may update case rows, never delete them
        mark = (CaseLink.select(CaseLink.id, CaseLink.target, CaseLink.kind, Case.number)
                .join(Case, on=(CaseLink.target == Case.id))
                .where((CaseLink.source == incident_id) & CaseLink.kind.in_((LINK_KIND, CLEARED_KIND)))
                .order_by(CaseLink.id).tuples().first())
        previous = [(mark[1], mark[3])] if mark is not None and mark[2] == LINK_KIND else []
        previous_number = previous[0][1] if previous else ""
        if chosen is not None and [t for t, _ in previous] == [chosen.case_id]:
            return SuspectedCause(incident_id, chosen.case_id, chosen.number, previous_number)  # already so
        if not previous and chosen is None:
            return SuspectedCause(incident_id, None, "", "")
        if chosen is None:
            CaseLink.update(kind=CLEARED_KIND).where(CaseLink.id == mark[0]).execute()
        elif mark is not None:
            CaseLink.update(target=chosen.case_id, kind=LINK_KIND, created_by=actor.id, created_at=at).where(
                CaseLink.id == mark[0]).execute()
        else:
            CaseLink.create(source=incident_id, target=chosen.case_id, kind=LINK_KIND, created_by=actor.id,
                            created_at=at)
        before = {"suspected_cause": previous_number or None}
        after = {"suspected_cause": chosen.number if chosen else None}
        note = f"{chosen.number} {chosen.title}" if chosen else previous_number
        Event.create(case=incident_id, entity="incident", entity_id=case.number,
                     kind="suspected_cause" if chosen else "suspected_cause_cleared", actor=actor.id, occurred_at=at,
                     before=json.dumps(before), after=json.dumps(after, ensure_ascii=False), note=note)
        for other_id, other_number in previous:
            if chosen is None or other_id != chosen.case_id:
                other = Case.get_by_id(other_id)
                Event.create(case=other_id, entity=other.kind, entity_id=other_number,
                             kind="suspected_cause_cleared", actor=actor.id, occurred_at=at,
                             after=json.dumps({"incident": case.number}))
        if chosen is not None:
            Event.create(case=chosen.case_id, entity=chosen.kind, entity_id=chosen.number, kind="suspected_cause",
                         actor=actor.id, occurred_at=at, after=json.dumps({"incident": case.number}))
    return SuspectedCause(incident_id, chosen.case_id if chosen else None, chosen.number if chosen else "",
                          previous_number)
