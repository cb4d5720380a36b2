"""The two matrices every wing reads: the owner matrix (who holds which role for a CI) and the
priority matrix (urgency × impact → grade).

May import `desktop.models` and `desktop.errors` only.
"""

from __future__ import annotations

from desktop.errors import BeaconError
from desktop.models import ImpactLevel, OwnerMatrixEntry, PriorityMatrixCell, Role, UrgencyLevel, User


def matrix_users(ci_id: int, role_code: str) -> list[User]:
    """Active users in one cell of the owner matrix, in their order."""
    return list(
        User.select().join(OwnerMatrixEntry, on=(OwnerMatrixEntry.user == User.id)).join(Role)
        .where((OwnerMatrixEntry.ci == ci_id) & (Role.code == role_code) & (User.is_active == True))  # noqa: E712
        .order_by(OwnerMatrixEntry.position, User.id)
    )


def grade_for(urgency_id: int, impact_id: int) -> int:
    """The grade id the priority matrix gives for an urgency and an impact."""
    cell = PriorityMatrixCell.get_or_none((PriorityMatrixCell.urgency == urgency_id)
                                          & (PriorityMatrixCell.impact == impact_id))
    if cell is None:
        raise BeaconError("workflow.no_matrix_cell", urgency=UrgencyLevel.get_by_id(urgency_id).name,
                          impact=ImpactLevel.get_by_id(impact_id).name)
    return int(cell.grade_id)
