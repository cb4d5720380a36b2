"""The workflow engine: process definitions (`process`), firing a transition in one transaction
(`engine`), the fields a transition may ask (`fields`), the roles it may name (`roles`), the effect
registry the wings fill (`effects`) and the outbox rows an event writes (`outbox`).

Knows no domain: it runs effects by name. May import `common` and `desktop.models`.
"""
