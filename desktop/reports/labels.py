"""Reading the report catalogs (`texts`): labels by key, codes with a fallback, month names.

Labels are small ko/en dicts read through `tr(key, lang)`; codes that come from
data (action kinds, notice kinds, clock states, link kinds) have their own
catalogs with a readable fallback, so a new code prints as itself rather than
failing the report.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.i18n import pick
from desktop.reports.texts import (
    ACTION_KINDS,
    CHANNELS,
    CLOCK_STATES,
    LABELS,
    LINK_KINDS,
    MONTHS,
    NOTICE_KINDS,
    NOTICE_REASONS,
    NOTICE_STATUS,
    SHORT_MONTHS,
    SR_STATES,
)

__all__ = ["ACTION_KINDS", "CHANNELS", "CLOCK_STATES", "LABELS", "LINK_KINDS", "NOTICE_KINDS", "NOTICE_REASONS",
           "NOTICE_STATUS", "SR_STATES", "from_catalog", "month_label", "short_month_label", "tr"]

Text = Mapping[str, str]


def tr(key: str, lang: str, **params: object) -> str:
    """The label `key` in `lang`, with `{placeholders}` filled in."""
    text = pick(LABELS[key], lang)
    return text.format(**params) if params else text


def from_catalog(catalog: Mapping[str, Mapping[str, str]], code: str, lang: str) -> str:
    """A code's label from one of the catalogs above; unknown codes print as themselves."""
    texts = catalog.get(code)
    return pick(texts, lang) if texts else code


def month_label(year: int, month: int, lang: str) -> str:
    """'2026년 10월' or 'October 2026'."""
    return tr("month", lang, year=year, month=MONTHS.pick(month, lang))


def short_month_label(year: int, month: int, lang: str) -> str:
    """'26.10' style tick labels: '10월' / 'Oct', with the year where it changes."""
    return SHORT_MONTHS.pick(month, lang)
