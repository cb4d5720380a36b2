"""Beacon's roles: the global roles and matrix roles a process definition may name.

Reference data: the defaults seed them as rows; process definitions are checked against these codes.
"""

from __future__ import annotations

# code, Korean, English, in_matrix, is_global
ROLES: list[tuple[str, str, str, bool, bool]] = [
    ("customer", "고객", "Customer", False, True),
    ("handler", "장애 담당자", "Incident handler", False, True),
    ("primary_handler", "주담당자", "Primary handler", True, False),
    ("second_line", "2선 담당자", "Second line", True, True),
    ("team_lead", "팀장", "Team lead", True, True),
    ("department_head", "부서장", "Department head", True, True),
    ("problem_manager", "문제 관리자", "Problem manager", False, True),
    ("change_manager", "변경 관리자", "Change manager", False, True),
    ("admin", "관리자", "Administrator", False, True),
]
