"""The two matrices every wing reads: the owner matrix (who holds which role for a CI) and the
priority matrix (urgency × impact → grade).

May import `desktop.models` and `desktop.errors` only.
"""

from __future__ import annotations

from desktop.errors import BeaconError
from desktop.models import ImpactLevel, OwnerMatrixEntry, PriorityMatrixCell, Role, UrgencyLevel, User
from desktop.models.prepared import Prepared, param

_CELL_USERS = Prepared(lambda: User.select().join(OwnerMatrixEntry, on=(OwnerMatrixEntry.user == User.id)).join(Role)
                       .where((OwnerMatrixEntry.ci == param("ci")) & (Role.code == param("role"))
                              & (User.is_active == True))  # noqa: E712
                       .order_by(OwnerMatrixEntry.position, User.id))
_GRADE = Prepared(lambda: PriorityMatrixCell.select(PriorityMatrixCell.grade)
                  .where((PriorityMatrixCell.urgency == param("urgency"))
                         & (PriorityMatrixCell.impact == param("impact"))).tuples())


def matrix_users(ci_id: int, role_code: str) -> list[User]:
    """Active users in one cell of the owner matrix, in their order."""
    return list(_CELL_USERS.objects(ci=ci_id, role=role_code))


def grade_for(urgency_id: int, impact_id: int) -> int:
    """The grade id the priority matrix gives for an urgency and an impact (read fresh: an administrator's
    change to the matrix holds for the next incident, on every desk)."""
    cell = _GRADE.tuples(urgency=urgency_id, impact=impact_id)
    if not cell:
        raise BeaconError("workflow.no_matrix_cell", urgency=UrgencyLevel.get_by_id(urgency_id).name,
                          impact=ImpactLevel.get_by_id(impact_id).name)
    return int(cell[0][0])
