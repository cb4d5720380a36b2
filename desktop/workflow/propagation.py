"""Propagation groups (전파 그룹): who is told about an application's incidents, and why."""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.models import OwnerMatrixEntry, PropagationOverride, Role, Setting, User

DEFAULT_PROPAGATION_ROLES = ("primary_handler", "team_lead", "department_head")


@dataclass(frozen=True)
class Member:
    """One person in a propagation group and the rule that put them there."""

    user_id: int
    name: str
    reason: str  # a matrix role code, or "manual_add"


def propagation_roles() -> tuple[str, ...]:
    """Matrix roles whose holders are told (setting `propagation_roles`)."""
    row = Setting.get_or_none(Setting.key == "propagation_roles")
    return tuple(json.loads(row.value)) if row else DEFAULT_PROPAGATION_ROLES


def propagation_group(application_id: int) -> list[Member]:
    """Members: matrix roles of the application, plus users added by hand, minus users removed."""
    roles = propagation_roles()
    order = {code: i for i, code in enumerate(roles)}
    entries = (
        OwnerMatrixEntry.select(OwnerMatrixEntry.user, User.name, Role.code, OwnerMatrixEntry.position)
        .join(Role).switch(OwnerMatrixEntry).join(User)
        .where((OwnerMatrixEntry.ci == application_id) & Role.code.in_(roles) & (User.is_active == True))  # noqa: E712
        .tuples()
    )
    overrides = {
        user_id: mode
        for user_id, mode in PropagationOverride.select(PropagationOverride.user, PropagationOverride.mode)
        .where(PropagationOverride.application == application_id).tuples()
    }
    members: dict[int, Member] = {}
    for user_id, name, code, _pos in sorted(entries, key=lambda e: (order[e[2]], e[3])):
        if overrides.get(user_id) != "remove" and user_id not in members:
            members[user_id] = Member(user_id, name, code)
    added = [u for u, mode in overrides.items() if mode == "add" and u not in members]
    if added:
        for user_id, name in (User.select(User.id, User.name)
                              .where(User.id.in_(added) & (User.is_active == True)).tuples()):  # noqa: E712
            members[user_id] = Member(user_id, name, "manual_add")
    return list(members.values())
