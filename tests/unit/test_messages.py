"""Every user-facing message exists in Korean and English with the same placeholders."""

from __future__ import annotations

import string

import pytest

from desktop.cli import TEXT
from desktop.errors import MESSAGES


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("catalog", [MESSAGES, TEXT], ids=["errors", "cli"])
def test_both_languages_with_the_same_placeholders(catalog):
    for code, texts in catalog.items():
        assert set(texts) == {"ko", "en"}, code
        assert _fields(texts["ko"]) == _fields(texts["en"]), code
        assert any("\uac00" <= ch <= "\ud7a3" for ch in texts["ko"]), f"{code}: Korean text has no Hangul"
