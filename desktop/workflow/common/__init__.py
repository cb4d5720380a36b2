"""What every wing shares, below the engine: who is acting (`actors`), signing in (`session`, `auth`),
which table holds a case and its row (`cases`), the owner and priority matrices (`matrices`),
organisation settings (`settings`) and the audit event of an administration change (`audit`).

May import `desktop.models`, `desktop.errors` and `desktop.i18n`; nothing else of the workflow.
"""
