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

# What the wing's effects do (`engine.effects.describe`).
EFFECT_DESCRIPTIONS = Catalog({
    "sla_start": {"ko": "등급에 맞는 응답·해결 SLA 시계를 시작합니다",
                  "en": "starts the response and resolution SLA clocks for the grade"},
    "sla_stop_response": {"ko": "응답 SLA 시계를 멈춥니다", "en": "stops the response SLA clock"},
    "sla_stop_resolution": {"ko": "해결(과 남은 응답) SLA 시계를 멈춥니다",
                            "en": "stops the resolution (and any running response) SLA clock"},
    "sla_reopen": {"ko": "해결 SLA 시계를 다시 돌립니다", "en": "runs the resolution SLA clock again"},
    "sla_cancel": {"ko": "SLA 시계를 취소합니다 (적기 처리율에서 빠짐)",
                   "en": "cancels the SLA clocks (left out of the on-time rate)"},
    "sla_regrade": {"ko": "새 등급의 목표로 SLA 시계를 다시 계산합니다",
                    "en": "recomputes the SLA clocks for the new grade's targets"},
    "sla_pause": {"ko": "SLA 시계를 멈춥니다 (대기 상태에 들어갈 때)",
                  "en": "pauses the SLA clocks (entering a state that pauses them)"},
    "sla_resume": {"ko": "멈췄던 SLA 시계를 다시 돌립니다", "en": "resumes paused SLA clocks"},
})
