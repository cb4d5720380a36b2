"""Configuration items: create, edit, retire, relate, and read the incidents of one CI.

Administrators only (each change is one `admin_change` transaction with its event). A CI
that cases refer to is never deleted, only retired: it leaves the registration pickers
(`session.applications`) and keeps every incident, problem and change that names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peewee import JOIN, fn

from desktop.errors import BeaconError
from desktop.models import (
    CI_KINDS,
    Change,
    CIRelation,
    ConfigurationItem,
    ImpactLevel,
    Incident,
    Problem,
    Team,
    database,
    utcnow,
)
from desktop.models.versioning import update_versioned
from desktop.workflow.admin.texts import CI_FIELDS as FIELDS
from desktop.workflow.admin.texts import KIND_LABELS as KIND_LABELS  # re-exported: the views read it here
from desktop.workflow.admin.texts import RELATION_KINDS, TEXTS
from desktop.workflow.admin.texts import RELATION_PHRASES as RELATION_PHRASES  # re-exported too
from desktop.workflow.cases.queries import PAGE_SIZE, IncidentFilter, IncidentRow, list_incidents
from desktop.workflow.common.audit import admin_change, record

# Relations that say "this one needs that one": following them must never lead back.
ACYCLIC_KINDS = ("runs_on", "depends_on")
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")
CI_WORD = TEXTS.pair("cis.configuration_item")


@dataclass(frozen=True)
class CiRow:
    """One configuration item as the editor lists and edits it."""

    id: int
    code: str
    name: str
    name_en: str
    kind: str
    impact: str  # impact level code; "" when none
    team_id: int | None
    team_name: str
    description: str
    is_active: bool
    version: int


@dataclass(frozen=True)
class RelationRow:
    """A relation seen from one CI: `outgoing` when this CI is the source."""

    id: int
    kind: str
    outgoing: bool
    other_id: int
    other_code: str
    other_name: str
    other_name_en: str
    other_active: bool


def _bad(field: str, reason: dict[str, str]) -> BeaconError:
    return BeaconError("workflow.bad_value", field=FIELDS[field], reason=reason)


def _row(t: tuple) -> CiRow:
    i, code, name, name_en, kind, impact, team_id, team_name, description, active, version = t
    return CiRow(i, code, name, name_en or "", kind, impact or "", team_id, team_name or "", description or "",
                 bool(active), version)


def _select():
    return (ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.name,
                                     ConfigurationItem.name_en, ConfigurationItem.kind, ImpactLevel.code,
                                     ConfigurationItem.team, Team.name, ConfigurationItem.description,
                                     ConfigurationItem.is_active, ConfigurationItem.version)
            .join(ImpactLevel, JOIN.LEFT_OUTER, on=(ConfigurationItem.impact == ImpactLevel.id))
            .switch(ConfigurationItem).join(Team, JOIN.LEFT_OUTER, on=(ConfigurationItem.team == Team.id)))


def list_cis(*, text: str = "", kind: str = "", include_retired: bool = True) -> list[CiRow]:
    """Every CI matching the search (code or either name), by kind then code."""
    query = _select()
    words = text.strip().lower()
    if words:
        query = query.where(fn.LOWER(ConfigurationItem.code).contains(words)
                            | fn.LOWER(ConfigurationItem.name).contains(words)
                            | fn.LOWER(ConfigurationItem.name_en).contains(words))
    if kind:
        query = query.where(ConfigurationItem.kind == kind)
    if not include_retired:
        query = query.where(ConfigurationItem.is_active == True)  # noqa: E712
    # plain cursor rows: peewee's per-value conversion would cost more than the query on a large CMDB
    return [_row(t) for t in database.execute(query.order_by(ConfigurationItem.kind, ConfigurationItem.code))]


def ci_choices(*, exclude_id: int | None = None) -> list[tuple[int, str, str, str]]:
    """(id, code, name, name_en) of every CI in service, by code: what a relation may point at."""
    query = (ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.code, ConfigurationItem.name,
                                      ConfigurationItem.name_en)
             .where(ConfigurationItem.is_active == True).order_by(ConfigurationItem.code))  # noqa: E712
    if exclude_id is not None:
        query = query.where(ConfigurationItem.id != exclude_id)
    return [(i, code, name, name_en or "") for i, code, name, name_en in database.execute(query)]


def get_ci(ci_id: int) -> CiRow:
    """One CI, fresh from the database."""
    t = _select().where(ConfigurationItem.id == ci_id).tuples().get_or_none()
    if t is None:
        raise BeaconError("workflow.not_found", what=CI_WORD, ref=ci_id)
    return _row(t)


def _impact_id(kind: str, impact: str) -> int | None:
    if not impact:
        if kind == "application":
            raise _bad("impact", TEXTS.pair("cis.application_needs_impact"))
        return None
    level = ImpactLevel.get_or_none(ImpactLevel.code == impact)
    if level is None:
        raise _bad("impact", TEXTS.pair("cis.no_such_impact", impact=impact))
    return int(level.id)


def _check_team(team_id: int | None) -> None:
    if team_id is None:
        return
    team = Team.get_or_none(Team.id == team_id)
    if team is None:
        raise BeaconError("workflow.not_found", what=FIELDS["team"], ref=team_id)
    if not team.is_active:
        raise BeaconError("admin.inactive_choice", what=FIELDS["team"], name=team.name)


def save_ci(*, actor_id: int, ci_id: int | None, code: str, name: str, name_en: str = "", kind: str,
            impact: str = "", team_id: int | None = None, description: str = "", version: int | None = None) -> CiRow:
    """Create (`ci_id` None) or edit a CI; an edit on a stale `version` is refused. Returns the saved row."""
    code, name, name_en = code.strip(), name.strip(), name_en.strip()
    if not CODE_PATTERN.match(code):
        raise _bad("code", TEXTS.pair("cis.code_format"))
    if not name:
        raise _bad("name", TEXTS.pair("cis.give_name"))
    if kind not in CI_KINDS:
        raise _bad("kind", TEXTS.pair("cis.allowed", allowed=", ".join(CI_KINDS)))
    action = TEXTS.pair("cis.save_configuration_item")
    with admin_change(actor_id, action, code) as actor:
        impact_id = _impact_id(kind, impact)
        taken = ConfigurationItem.get_or_none(fn.LOWER(ConfigurationItem.code) == code.lower())
        if taken is not None and taken.id != ci_id:
            raise BeaconError("admin.code_taken", what=TEXTS.pair("cis.ci_code"), value=code)
        values = {"code": code, "name": name, "name_en": name_en, "kind": kind, "impact": impact_id,
                  "team": team_id, "description": description.strip()}
        if ci_id is None:
            _check_team(team_id)
            ci = ConfigurationItem.create(**values, updated_by=actor.id)
            record(actor, "ci", code, "created", None, _audit(get_ci(ci.id)))
            return get_ci(ci.id)
        before = get_ci(ci_id)
        if team_id != before.team_id:
            _check_team(team_id)
        if version is None:
            raise ValueError("editing a CI needs the version it was read at")
        if before.kind == "application" and kind != "application" and _case_count(ci_id):
            raise _bad("kind", TEXTS.pair("cis.kind_fixed_by_incidents"))
        update_versioned(ConfigurationItem, ci_id, expected_version=version, changes=values, actor_id=actor.id,
                         label=before.code)
        after = get_ci(ci_id)
        record(actor, "ci", code, "updated", _audit(before), _audit(after))
        return after


def _audit(row: CiRow) -> dict[str, object]:
    return {"code": row.code, "name": row.name, "name_en": row.name_en, "kind": row.kind, "impact": row.impact,
            "team": row.team_id, "description": row.description, "active": row.is_active}


def _case_count(ci_id: int) -> int:
    return (Incident.select().where(Incident.application == ci_id).count()
            + Problem.select().where(Problem.application == ci_id).count()
            + Change.select().where(Change.application == ci_id).count())


def set_ci_active(*, actor_id: int, ci_id: int, active: bool, version: int) -> CiRow:
    """Retire a CI (it leaves the pickers; its cases keep it) or bring it back into service."""
    action = (TEXTS.pair("cis.return_configuration_item_service") if active
              else TEXTS.pair("cis.retire_configuration_item"))
    with admin_change(actor_id, action) as actor:
        before = get_ci(ci_id)
        if before.is_active == active:
            return before
        update_versioned(ConfigurationItem, ci_id, expected_version=version,
                         changes={"is_active": active, "retired_at": None if active else utcnow()},
                         actor_id=actor.id, label=before.code)
        open_incidents = (Incident.select().where((Incident.application == ci_id) & Incident.closed_at.is_null()
                                                 & Incident.cancelled_at.is_null())
                          .count())
        record(actor, "ci", before.code, "reactivated" if active else "retired", {"active": before.is_active},
               {"active": active}, note=f"open incidents: {open_incidents}" if not active else "")
        return get_ci(ci_id)


def delete_ci(*, actor_id: int, ci_id: int) -> None:
    """Delete a CI entered by mistake; refused once any case refers to it (retire it instead)."""
    with admin_change(actor_id, TEXTS.pair("cis.delete_configuration_item")) as actor:
        before = get_ci(ci_id)
        count = _case_count(ci_id)
        if count:
            raise BeaconError("admin.ci_in_use", ci=before.code, count=count)
        ConfigurationItem.update(parent=None).where(ConfigurationItem.parent == ci_id).execute()
        ConfigurationItem.delete().where(ConfigurationItem.id == ci_id).execute()
        record(actor, "ci", before.code, "deleted", _audit(before), None)


# --- relations --------------------------------------------------------------------------

def relations_of(ci_id: int) -> list[RelationRow]:
    """The CI's relations both ways: what it runs on or depends on, and what runs on or depends on it."""
    Other = ConfigurationItem.alias()
    rows: list[RelationRow] = []
    for outgoing, mine, theirs in ((True, CIRelation.source, CIRelation.target),
                                   (False, CIRelation.target, CIRelation.source)):
        query = (CIRelation.select(CIRelation.id, CIRelation.kind, Other.id, Other.code, Other.name, Other.name_en,
                                   Other.is_active)
                 .join(Other, on=(theirs == Other.id)).where(mine == ci_id).order_by(CIRelation.kind, Other.code))
        rows += [RelationRow(i, k, outgoing, oid, code, name, name_en or "", bool(active))
                 for i, k, oid, code, name, name_en, active in query.tuples()]
    return rows


def _path(source_id: int, target_id: int, kind: str) -> list[int] | None:
    """The chain of `kind` relations leading from `source_id` to `target_id`, if any (breadth-first)."""
    edges: dict[int, list[int]] = {}
    for s, t in CIRelation.select(CIRelation.source, CIRelation.target).where(CIRelation.kind == kind).tuples():
        edges.setdefault(s, []).append(t)
    came_from: dict[int, int | None] = {source_id: None}
    frontier = [source_id]
    while frontier:
        nxt = []
        for node in frontier:
            for succ in edges.get(node, []):
                if succ in came_from:
                    continue
                came_from[succ] = node
                if succ == target_id:
                    path, at = [], succ
                    while at is not None:
                        path.append(at)
                        at = came_from[at]
                    return path[::-1]
                nxt.append(succ)
        frontier = nxt
    return None


def add_relation(*, actor_id: int, source_id: int, target_id: int, kind: str) -> int:
    """Relate two CIs (`source` kind `target`); no self-relation, no duplicate, no cycle of runs-on/depends-on."""
    if kind not in RELATION_KINDS:
        raise _bad("relation", TEXTS.pair("cis.allowed", allowed=", ".join(RELATION_KINDS)))
    with admin_change(actor_id, TEXTS.pair("cis.add_ci_relation")) as actor:
        source, target = get_ci(source_id), get_ci(target_id)
        if source_id == target_id:
            raise BeaconError("admin.relation_self", ci=source.code)
        for ci in (source, target):
            if not ci.is_active:
                raise BeaconError("admin.inactive_choice", what=CI_WORD, name=ci.code)
        label = RELATION_KINDS[kind]
        if CIRelation.get_or_none((CIRelation.source == source_id) & (CIRelation.target == target_id)
                                  & (CIRelation.kind == kind)) is not None:
            raise BeaconError("admin.relation_duplicate", source=source.code, target=target.code, kind=label)
        if kind in ACYCLIC_KINDS:
            back = _path(target_id, source_id, kind)
            if back is not None:
                codes = dict(ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.code)
                             .where(ConfigurationItem.id.in_(back)).tuples())
                path = " → ".join([source.code] + [codes[i] for i in back])  # the new relation first
                raise BeaconError("admin.relation_cycle", source=source.code, target=target.code, kind=label,
                                  path=path)
        relation = CIRelation.create(source=source_id, target=target_id, kind=kind)
        record(actor, "ci", source.code, "relation_added", None,
               {"kind": kind, "source": source.code, "target": target.code})
        return int(relation.id)


def remove_relation(*, actor_id: int, relation_id: int) -> None:
    """Remove one relation."""
    with admin_change(actor_id, TEXTS.pair("cis.remove_ci_relation")) as actor:
        relation = CIRelation.get_or_none(CIRelation.id == relation_id)
        if relation is None:
            raise BeaconError("workflow.not_found", what=FIELDS["relation"], ref=relation_id)
        source, target = get_ci(relation.source_id), get_ci(relation.target_id)
        relation.delete_instance()
        record(actor, "ci", source.code, "relation_removed",
               {"kind": relation.kind, "source": source.code, "target": target.code}, None)


def impact_levels() -> list[tuple[str, str, str]]:
    """(code, Korean, English) of every impact level, widest first."""
    return list(ImpactLevel.select(ImpactLevel.code, ImpactLevel.name, ImpactLevel.name_en)
                .order_by(ImpactLevel.rank).tuples())


def incidents_of(*, actor_id: int, ci_id: int, limit: int = PAGE_SIZE) -> list[IncidentRow]:
    """The newest incidents registered against this CI (an application), as the incident list shows them."""
    return list_incidents(actor_id=actor_id, filters=IncidentFilter(application_ids=(ci_id,)), limit=limit).rows
