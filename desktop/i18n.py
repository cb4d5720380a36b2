"""Language choice for the layers below the GUI (CLI, services, reports).

Qt widgets translate with `self.tr()`; code that never imports Qt keeps its
words in one catalog per package (a `texts` module of `Catalog`s, key →
{"ko": ..., "en": ...}) and holds only keys, so a translator finds every
sentence in one place. Templates name their `{placeholders}`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

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


def localize(value: Any, language: str | None = None) -> Any:
    """A bilingual value ({"ko": ..., "en": ...}) in `language`; a list of them joined; anything else as is."""
    if isinstance(value, Mapping) and "ko" in value:
        return pick(value, language)
    if isinstance(value, list):
        return ", ".join(str(localize(v, language)) for v in value)
    return value


class Catalog(Mapping[Any, Mapping[str, str]]):
    """One package's texts: key → {"ko": ..., "en": ...}, templates with named `{placeholders}`.

    `pick` gives the text in one language; `pair` gives both, for code that
    passes a bilingual value on (an error's parameter, a stored note). A
    parameter may itself be bilingual and is then filled in per language.
    """

    def __init__(self, texts: Mapping[Any, Mapping[str, str]]) -> None:
        self._texts = dict(texts)

    def __getitem__(self, key: Any) -> Mapping[str, str]:
        return self._texts[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def pick(self, key: Any, language: str | None = None, /, **params: Any) -> str:
        """The text `key` in `language` (default: current), its placeholders filled from `params`."""
        text = pick(self._texts[key], language)
        if not params:
            return text
        lang = language or _current
        return text.format(**{name: localize(value, lang) for name, value in params.items()})

    def pair(self, key: Any, /, **params: Any) -> dict[str, str]:
        """The text `key` in both languages, as a new {"ko": ..., "en": ...} dict."""
        return {language: self.pick(key, language, **params) for language in LANGUAGES}
