"""Propagation groups (전파 그룹) as an administrator edits them, one application at a time.

Members come from `propagation.propagation_group` (the matrix roles that are told, plus people
added by hand, minus people removed); this module adds who was removed by hand, so the editor
can show and restore them, and checks each hand change before `propagation.set_override`
records it (one transaction, one event, administrators only).
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN

from desktop.errors import BeaconError
from desktop.models import ConfigurationItem, PropagationOverride, Team, User
from desktop.workflow.admin.texts import TEXTS
from desktop.workflow.common.session import Choice
from desktop.workflow.notify.notices import REASON_LABELS
from desktop.workflow.notify.propagation import preview, propagation_group, set_override

REMOVED = "manual_remove"
RULE_LABELS: dict[str, dict[str, str]] = {
    **REASON_LABELS,
    REMOVED: TEXTS.pair("propagation.removed_from_propagation_group"),
}


@dataclass(frozen=True)
class GroupMember:
    """A row of the editor: a person, their team, the rule that put them there (or took them out)."""

    user_id: int
    name: str
    name_en: str
    team: str
    team_en: str
    rule: str  # a matrix role code, "manual_add", or "manual_remove" (shown, not told)
    note: str  # the reason given for a hand change

    @property
    def told(self) -> bool:
        return self.rule != REMOVED

    def rule_label(self, language: str) -> str:
        from desktop.i18n import pick

        return pick(RULE_LABELS.get(self.rule, {"ko": self.rule, "en": self.rule}), language)


def group_applications() -> list[Choice]:
    """Active applications (every one has a propagation group), by name."""
    return [Choice(i, n, e) for i, n, e in ConfigurationItem.select(
        ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.name_en)
        .where((ConfigurationItem.kind == "application") & (ConfigurationItem.is_active == True))  # noqa: E712
        .order_by(ConfigurationItem.name).tuples()]


def group_members(application_id: int) -> list[GroupMember]:
    """Who is told about this application's incidents and why, then who was taken out by hand."""
    members = propagation_group(application_id)
    overrides = {u: note for u, mode, note in PropagationOverride.select(
        PropagationOverride.user, PropagationOverride.mode, PropagationOverride.reason)
        .where(PropagationOverride.application == application_id).tuples()}
    removed = [u for u, mode in PropagationOverride.select(PropagationOverride.user, PropagationOverride.mode)
               .where((PropagationOverride.application == application_id)
                      & (PropagationOverride.mode == "remove")).tuples()]
    ids = [m.user_id for m in members] + removed
    info = {i: (n, e or n, t or "", te or t or "") for i, n, e, t, te in User.select(
            User.id, User.name, User.name_en, Team.name, Team.name_en)
            .join(Team, JOIN.LEFT_OUTER, on=(User.team == Team.id)).where(User.id.in_(ids)).tuples()}
    out = [GroupMember(m.user_id, *info[m.user_id], m.reason, overrides.get(m.user_id, "")) for m in members]
    out += [GroupMember(u, *info[u], REMOVED, overrides.get(u, "")) for u in removed if u in info]
    return out


def _names(application_id: int, user_id: int) -> tuple[str, str]:
    app = ConfigurationItem.get_or_none(ConfigurationItem.id == application_id)
    user = User.get_or_none((User.id == user_id) & (User.is_active == True))  # noqa: E712
    if app is None or app.kind != "application":
        raise BeaconError("workflow.not_found", what=TEXTS.pair("propagation.application"), ref=application_id)
    if user is None:
        raise BeaconError("workflow.unknown_user", ref=user_id)
    return app.name, user.name


def add_member(*, actor_id: int, application_id: int, user_id: int, reason: str = "") -> None:
    """Tell one more person about this application's incidents (or take back their removal)."""
    app, user = _names(application_id, user_id)
    current = {m.user_id: m for m in group_members(application_id)}
    member = current.get(user_id)
    if member is not None and member.told:
        raise BeaconError("propagation.already_member", user=user, app=app, reason=RULE_LABELS.get(
            member.rule, {"ko": member.rule, "en": member.rule}))
    # A person the matrix puts there but who was removed by hand only needs the removal dropped.
    mode = None if member is not None and _from_matrix(application_id, user_id) else "add"
    set_override(actor_id=actor_id, application_id=application_id, user_id=user_id, mode=mode, reason=reason)


def remove_member(*, actor_id: int, application_id: int, user_id: int, reason: str = "") -> None:
    """Stop telling someone: drop a hand addition, or exclude a person the matrix puts there."""
    app, user = _names(application_id, user_id)
    member = next((m for m in group_members(application_id) if m.user_id == user_id and m.told), None)
    if member is None:
        raise BeaconError("propagation.not_member", user=user, app=app)
    mode = None if member.rule == "manual_add" else "remove"
    set_override(actor_id=actor_id, application_id=application_id, user_id=user_id, mode=mode, reason=reason)


def _from_matrix(application_id: int, user_id: int) -> bool:
    """True when the matrix alone (without overrides) would put this person in the group."""
    from desktop.models import OwnerMatrixEntry, Role
    from desktop.workflow.notify.propagation import propagation_roles

    return OwnerMatrixEntry.select().join(Role).where(
        (OwnerMatrixEntry.ci == application_id) & (OwnerMatrixEntry.user == user_id)
        & Role.code.in_(propagation_roles())).exists()


@dataclass(frozen=True)
class NoticeRecipient:
    name: str
    rule: str
    channels: tuple[str, ...]


def notice_preview(application_id: int, kind: str = "registered", language: str = "ko") -> list[NoticeRecipient]:
    """Who would be told of a sample incident on this application (notice `kind`), and on which channels."""
    told = preview(application_id, kind)
    en = dict(User.select(User.id, User.name_en).where(User.id.in_([r.user_id for r in told])).tuples())
    return [NoticeRecipient((en.get(r.user_id) or r.name) if language == "en" else r.name, r.reason, r.channels)
            for r in told]
