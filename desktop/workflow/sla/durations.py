"""Elapsed time as people read it: 1880 minutes → "1일 7시간 20분" / "1d 7h 20m".

Stored figures stay raw integer minutes; this only formats them. A business
figure counts days of the calendar's working time (e.g. 9 hours), and its label
says so.
"""

from __future__ import annotations

from desktop.i18n import LANGUAGES, current_language
from desktop.workflow.sla.texts import TEXTS

UNITS = {lang: tuple(TEXTS.pick(f"durations.unit.{unit}", lang) for unit in ("day", "hour", "minute"))
         for lang in LANGUAGES}
SEPARATOR = {"ko": " ", "en": " "}


def format_minutes(minutes: int, lang: str | None = None, *, minutes_per_day: int = 24 * 60) -> str:
    """Format whole minutes as days, hours and minutes, leaving out zero parts.

    Args:
        minutes: raw minutes (negative for overdue figures, shown with a leading minus).
        lang: "ko" or "en" (default: the current language).
        minutes_per_day: 1440 for wall-clock figures, the calendar's working minutes
            per day (e.g. 540) for business figures.
    """
    language = lang or current_language()
    day_unit, hour_unit, minute_unit = UNITS[language]
    sign = "-" if minutes < 0 else ""
    rest = abs(int(minutes))
    days, rest = divmod(rest, minutes_per_day)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days}{day_unit}")
    if hours:
        parts.append(f"{hours}{hour_unit}")
    if mins or not parts:
        parts.append(f"{mins}{minute_unit}")
    return sign + SEPARATOR[language].join(parts)


def duration_label(*, business: bool, minutes_per_day: int = 24 * 60, lang: str | None = None) -> str:
    """The label that goes with a figure: says whether a day is 24 hours or one business day."""
    if not business:
        return TEXTS.pick("durations.elapsed_label", lang)
    hours = minutes_per_day / 60
    shown = f"{hours:g}"
    return TEXTS.pick("durations.business_label", lang, shown=shown)
