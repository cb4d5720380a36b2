"""Every word the common wing shows a person: the names of the kinds of record.

Korean and English side by side (key → {"ko": ..., "en": ...}); the modules of this package hold
the keys. Templates name their `{placeholders}`, filled by `Catalog.pick`/`Catalog.pair`.
"""

from __future__ import annotations

from desktop.i18n import Catalog

KIND_LABELS = Catalog({
    "incident": {"ko": "장애", "en": "Incident"},
    "problem": {"ko": "문제", "en": "Problem"},
    "change": {"ko": "변경", "en": "Change"},
    "work_order": {"ko": "작업 지시", "en": "Work order"},
    "case": {"ko": "건", "en": "Case"},
    "application": {"ko": "업무시스템", "en": "Application"},
    "team": {"ko": "팀", "en": "Team"},
})
