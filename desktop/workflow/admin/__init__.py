"""Administration: the services behind Administration's tabs — configuration items (`cis`), the owner
matrix (`matrix`), users and teams (`people`), priority and SLA policy (`policy`), process versions
and their diagram (`processes`, `process_diagram`), propagation groups (`propagation`) — and the
reference data a new database starts with (`defaults`). Each change is one transaction with an event.

May import `cases`, `sla`, `notify`, `engine` and `common`; never `integrations` or `prevention`.
"""
