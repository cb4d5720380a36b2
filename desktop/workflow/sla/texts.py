"""Every word the SLA wing shows a person: duration units and labels.

Korean and English side by side (key → {"ko": ..., "en": ...}); the modules of this package hold
the keys. Templates name their `{placeholders}`, filled by `Catalog.pick`/`Catalog.pair`.
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # durations
    "durations.unit.day": {"ko": "일", "en": "d"},
    "durations.unit.hour": {"ko": "시간", "en": "h"},
    "durations.unit.minute": {"ko": "분", "en": "m"},
    "durations.business_label": {
        "ko": "업무시간 기준 (1일 = 업무 {shown}시간)",
        "en": "Business time (1d = {shown} working hours)",
    },
    "durations.elapsed_label": {"ko": "경과 시간 (1일 = 24시간)", "en": "Elapsed (1d = 24h)"},
})
