"""Propagation groups (전파 그룹): who is told about an application's incidents, and why."""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.models import Event, OwnerMatrixEntry, PropagationOverride, Role, Setting, User
from desktop.models.prepared import Prepared, id_list, param
from desktop.workflow.notify.texts import TEXTS

DEFAULT_PROPAGATION_ROLES = ("primary_handler", "team_lead", "department_head")
# A person added to or removed from one incident's group (its accept dialog): events on the case itself,
# so the change shows in the case's history and needs no table of its own.
CASE_ADD, CASE_REMOVE = "propagation_add", "propagation_remove"


@dataclass(frozen=True)
class Member:
    """One person in a propagation group and the rule that put them there."""

    user_id: int
    name: str
    reason: str  # a matrix role code, or "manual_add"


def role_labels() -> dict[str, dict[str, str]]:
    """Each matrix role's name in both languages, for a reason that is a role (as the reports print it)."""
    return {code: {"ko": name, "en": name_en or name}
            for code, name, name_en in Role.select(Role.code, Role.name, Role.name_en).tuples()}


_SETTING = Prepared(lambda: Setting.select(Setting.value).where(Setting.key == param("key")).tuples())
# an application's matrix entries with who holds them (the roles told are picked in Python: the statement
# stays one, compiled once, whatever the setting names)
_ENTRIES = Prepared(lambda: OwnerMatrixEntry.select(OwnerMatrixEntry.user, User.name, Role.code,
                                                    OwnerMatrixEntry.position)
                    .join(Role).switch(OwnerMatrixEntry).join(User)
                    .where((OwnerMatrixEntry.ci == param("application")) & (User.is_active == True))  # noqa: E712
                    .tuples())
_OVERRIDES = Prepared(lambda: PropagationOverride.select(PropagationOverride.user, PropagationOverride.mode)
                      .where(PropagationOverride.application == param("application")).tuples())
_ACTIVE_NAMES = Prepared(lambda: User.select(User.id, User.name)
                         .where(id_list(User.id, "ids") & (User.is_active == True)).tuples())  # noqa: E712


def propagation_roles() -> tuple[str, ...]:
    """Matrix roles whose holders are told (setting `propagation_roles`)."""
    rows = _SETTING.tuples(key="propagation_roles")
    return tuple(json.loads(rows[0][0])) if rows else DEFAULT_PROPAGATION_ROLES


def propagation_group(application_id: int) -> list[Member]:
    """Members: matrix roles of the application, plus users added by hand, minus users removed."""
    roles = propagation_roles()
    order = {code: i for i, code in enumerate(roles)}
    entries = [e for e in _ENTRIES.tuples(application=application_id) if e[2] in order]
    overrides = dict(_OVERRIDES.tuples(application=application_id))
    members: dict[int, Member] = {}
    for user_id, name, code, _pos in sorted(entries, key=lambda e: (order[e[2]], e[3])):
        if overrides.get(user_id) != "remove" and user_id not in members:
            members[user_id] = Member(user_id, name, code)
    added = [u for u, mode in overrides.items() if mode == "add" and u not in members]
    if added:
        for user_id, name in _ACTIVE_NAMES.tuples(ids=added):
            members[user_id] = Member(user_id, name, "manual_add")
    return list(members.values())


@dataclass(frozen=True)
class Recipient:
    """Who would be told about an incident of an application, why, and on which channels."""

    user_id: int
    name: str
    reason: str
    channels: tuple[str, ...]
    name_en: str = ""  # the English display name ("" when none is recorded)


def case_overrides(case_id: int) -> dict[int, str]:
    """The people added (`add`) to or removed (`remove`) from one incident's group; the latest choice counts."""
    modes: dict[int, str] = {}
    for kind, after in (Event.select(Event.kind, Event.after)
                        .where((Event.case == case_id) & Event.kind.in_((CASE_ADD, CASE_REMOVE)))
                        .order_by(Event.occurred_at, Event.id).tuples()):
        user_id = json.loads(after or "{}").get("user")
        if user_id is not None:
            modes[int(user_id)] = "add" if kind == CASE_ADD else "remove"
    return modes


def incident_group(application_id: int | None, case_id: int | None,
                   pending: dict[int, str] | None = None) -> list[Member]:
    """The application's group as this incident changed it: its own additions (reason `manual_add`) and
    removals on top of the application's matrix roles and overrides; `pending` ({user: "add"|"remove"})
    are changes not saved yet (the accept dialog's preview)."""
    members = propagation_group(application_id) if application_id is not None else []
    overrides = case_overrides(case_id) if case_id is not None else {}
    overrides.update(pending or {})
    if not overrides:
        return members
    kept = [m for m in members if overrides.get(m.user_id) != "remove"]
    present = {m.user_id for m in kept}
    added = [u for u, mode in overrides.items() if mode == "add" and u not in present]
    if added:
        names = dict(User.select(User.id, User.name).where(User.id.in_(added) & (User.is_active == True))  # noqa: E712
                     .tuples())
        kept += [Member(u, names[u], "manual_add") for u in added if u in names]
    return kept


def preview(application_id: int | None, kind: str = "registered", *, case_id: int | None = None,
            pending: dict[int, str] | None = None) -> list[Recipient]:
    """Who would be notified of a notice `kind` for an incident on this application (as `case_id` changed
    its group, when given), and how."""
    return _with_channels(incident_group(application_id, case_id, pending), kind)


# the reporter hears of these steps of their incident besides the group (see effects.propagate)
REPORTER_KINDS = ("accepted", "closed", "cancelled", "reopened")


def told_of(case_id: int, kind: str, *, actor_id: int, pending: dict[int, str] | None = None) -> list[Recipient]:
    """Everyone a notice `kind` about this incident would reach if `actor_id` took the step now: the group
    as the incident changed it (with `pending` changes), and the reporter; never the actor."""
    from desktop.models import Incident

    row = Incident.get(Incident.case == case_id)
    members = [m for m in incident_group(row.application_id, case_id, pending) if m.user_id != actor_id]
    reporter = row.registered_by_id
    if (kind in REPORTER_KINDS and reporter is not None and reporter != actor_id
            and all(m.user_id != reporter for m in members)):
        name = User.get_by_id(reporter).name
        members.append(Member(reporter, name, "reporter"))
    return _with_channels(members, kind)


def _with_channels(members: list[Member], kind: str) -> list[Recipient]:
    from desktop.models import NotificationPreference

    prefs: dict[int, list[NotificationPreference]] = {}
    public = [NotificationPreference._meta.fields[name] for name in ("id", "user", "kind", "channel", "enabled",
                                                                        "target")]  # never the webhook secret
    for pref in NotificationPreference.select(*public).where(
            NotificationPreference.user.in_([m.user_id for m in members])
            & (NotificationPreference.enabled == True)):  # noqa: E712
        prefs.setdefault(pref.user_id, []).append(pref)
    people = {i: (email, name_en) for i, email, name_en in User.select(User.id, User.email, User.name_en)
              .where(User.id.in_([m.user_id for m in members])).tuples()}
    from desktop.workflow.engine.outbox import channels_for

    out = []
    for m in members:
        email, name_en = people.get(m.user_id, ("", ""))
        chosen = channels_for(prefs.get(m.user_id, []), kind, email)
        out.append(Recipient(m.user_id, m.name, m.reason, ("inapp", *(channel for channel, _ in chosen)),
                             name_en or ""))
    return out


def set_override(*, actor_id: int, application_id: int, user_id: int, mode: str | None, reason: str = "") -> None:
    """Add (`add`) or remove (`remove`) a person by hand, or drop the override (None). Administrators only."""
    from desktop.errors import BeaconError
    from desktop.models import ConfigurationItem, Event, database, utcnow
    from desktop.workflow.common.actors import load_actor

    if mode not in ("add", "remove", None):
        raise ValueError(f"unknown mode {mode!r}")
    with database.atomic():
        actor = load_actor(actor_id)
        app = ConfigurationItem.get_by_id(application_id)
        if "admin" not in actor.roles:
            raise BeaconError("workflow.not_allowed", who=actor.display, record=app.name,
                              action=TEXTS.pair("propagation.change_propagation_group"))
        current = PropagationOverride.get_or_none((PropagationOverride.application == application_id)
                                                  & (PropagationOverride.user == user_id))
        before = current.mode if current else None
        if mode is None:
            if current is not None:
                current.delete_instance()
        elif current is None:
            PropagationOverride.create(application=application_id, user=user_id, mode=mode, reason=reason,
                                       created_by=actor_id)
        else:
            current.mode, current.reason, current.created_by = mode, reason, actor_id
            current.save()
        kind = {"add": "member_added", "remove": "member_removed", None: "override_cleared"}[mode]
        Event.create(entity="propagation_group", entity_id=app.code, kind=kind, actor=actor_id, occurred_at=utcnow(),
                     before=json.dumps({"user": user_id, "mode": before}),
                     after=json.dumps({"user": user_id, "mode": mode}), note=reason)
