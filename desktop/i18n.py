"""Language choice for the layers below the GUI (CLI, services, reports).

Qt widgets translate with `self.tr()`; code that never imports Qt picks Korean
or English text from small catalogs through `pick()`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"

_current = os.environ.get("BEACON_LANG", DEFAULT_LANGUAGE)
if _current not in LANGUAGES:
    _current = DEFAULT_LANGUAGE


def current_language() -> str:
    """The language of messages produced outside the GUI."""
    return _current


def set_language(language: str) -> None:
    """Switch the language of messages produced outside the GUI."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; use one of {LANGUAGES}")
    _current = language


def pick(texts: Mapping[str, str], language: str | None = None) -> str:
    """Return the text for `language` (default: current), falling back to Korean."""
    lang = language or _current
    return texts.get(lang) or texts[DEFAULT_LANGUAGE]
