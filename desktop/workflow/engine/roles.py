"""Beacon's roles: the global roles and matrix roles a process definition may name.

Reference data: the defaults seed them as rows; process definitions are checked against these codes.
"""

from __future__ import annotations

from desktop.workflow.engine.texts import ROLE_NAMES

# code, Korean, English, in_matrix, is_global (the names live in `texts.ROLE_NAMES`)
ROLES: list[tuple[str, str, str, bool, bool]] = [
    (code, ROLE_NAMES[code]["ko"], ROLE_NAMES[code]["en"], in_matrix, is_global)
    for code, in_matrix, is_global in (
        ("customer", False, True),
        ("handler", False, True),
        ("primary_handler", True, False),
        ("second_line", True, True),
        ("team_lead", True, True),
        ("department_head", True, True),
        ("problem_manager", False, True),
        ("change_manager", False, True),
        ("admin", False, True),
    )
]
