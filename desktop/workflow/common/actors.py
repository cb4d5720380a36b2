"""Who is acting: a user with their global roles."""

from __future__ import annotations

from dataclasses import dataclass

import peewee

from desktop.errors import BeaconError
from desktop.models import Role, User, UserRole
from desktop.models.prepared import Prepared, param

STAFF_ROLES = frozenset({"handler", "second_line", "team_lead", "department_head", "problem_manager",
                         "change_manager", "admin"})


@dataclass(frozen=True)
class Actor:
    """A signed-in user as the workflow sees them."""

    id: int
    login: str
    name: str
    roles: frozenset[str]
    language: str = "ko"
    # signed in with a temporary password: the client asks for a new one before anything else
    must_change_password: bool = False
    name_en: str = ""  # the English display name, when one is recorded

    @property
    def is_customer_only(self) -> bool:
        """A customer without any staff role sees only their own incidents."""
        return not (self.roles & STAFF_ROLES)

    @property
    def display(self) -> str:
        return f"{self.name} ({self.login})"

    def display_in(self, language: str) -> str:
        """"최지훈 (choi)" in Korean, "Choi Jihoon (choi)" in English (Korean where no English name is kept)."""
        name = self.name_en if language == "en" and self.name_en else self.name
        return f"{name} ({self.login})"


# the user and their roles in one statement (every service call starts here): one row per role, or one
# row with no role
_ACTOR = Prepared(lambda: User.select(User.id, User.login, User.name, User.language, User.name_en, Role.code)
                  .join(UserRole, peewee.JOIN.LEFT_OUTER, on=(UserRole.user == User.id))
                  .join(Role, peewee.JOIN.LEFT_OUTER, on=(Role.id == UserRole.role))
                  .where((User.id == param("user")) & (User.is_active == True))  # noqa: E712
                  .tuples())


def load_actor(user_id: int) -> Actor:
    """Load an active user and their global roles.

    Raises:
        BeaconError: the user does not exist or is inactive.
    """
    key = _key(user_id)
    rows = _ACTOR.tuples(user=key) if key is not None else []
    if not rows:
        raise BeaconError("workflow.unknown_user", ref=user_id)
    uid, login, name, language, name_en, _ = rows[0]
    return Actor(id=uid, login=login, name=name, roles=frozenset(code for *_, code in rows if code is not None),
                 language=language, name_en=name_en or "")


def _key(user_id: object) -> int | None:
    """The id as the user table's key column takes it (a model instance by its id, "7" as 7)."""
    if isinstance(user_id, peewee.Model):
        user_id = user_id.get_id()
    try:
        return int(user_id)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return None
