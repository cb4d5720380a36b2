"""Incident prevention (장애 예방): similar cases, recurring incidents as problem candidates, early
warning, "what changed?" and reliability by application. Reads what the other wings record.

May import `cases`, `sla`, `notify`, `engine` and `common`; never `admin` or `integrations`.
"""
