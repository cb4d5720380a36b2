"""Who is acting: a user with their global roles."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.errors import BeaconError
from desktop.models import Role, User, UserRole

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


def load_actor(user_id: int) -> Actor:
    """Load an active user and their global roles.

    Raises:
        BeaconError: the user does not exist or is inactive.
    """
    user = User.get_or_none((User.id == user_id) & (User.is_active == True))  # noqa: E712
    if user is None:
        raise BeaconError("workflow.unknown_user", ref=user_id)
    codes = frozenset(
        code for (code,) in Role.select(Role.code).join(UserRole).where(UserRole.user == user_id).tuples()
    )
    return Actor(id=user.id, login=user.login, name=user.name, roles=codes, language=user.language,
                 name_en=user.name_en or "")
