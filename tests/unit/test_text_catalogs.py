"""Texts where a translator finds them: every sentence below the GUI lives in a catalog.

Each package keeps its words in a `texts` module of `Catalog`s (key → {"ko": ..., "en": ...});
`desktop.errors.MESSAGES` is the errors' catalog. Logic modules hold keys, not sentences.
"""

from __future__ import annotations

import ast
import importlib
import re
import string
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

import desktop
from desktop.errors import MESSAGES
from desktop.i18n import Catalog

ROOT = Path(desktop.__file__).parent
HANGUL = re.compile(r"[\u3131-\u318e\uac00-\ud7a3]")
# Packages whose logic modules may not hold a Korean sentence (views translate with Qt; demo data is data),
# and the top-level modules below the GUI.
LOGIC = ("workflow", "reports")
TOP_LEVEL_EXEMPT = {
    "errors.py",  # MESSAGES is the errors' catalog
}
# Korean that must stay in code, with why.
ALLOWED = {
    # Codes made from Korean application/team names keep Hangul syllables (a character range, not a text).
    ("workflow/integrations/importer.py", "[^0-9A-Za-z가-힣]+"),
    ("workflow/integrations/importer.py", "[^0-9a-z가-힣]+"),
    # `beacon --help`: English help that names the Korean terms a bank's staff know the reports by.
    ("cli.py", "Beacon ITSM — incidents (장애) and problems (문제)."),
    ("cli.py", "incident report (장애 보고서)"),
    ("cli.py", "problem report (문제 보고서)"),
    ("cli.py", "monthly SLA report (월간 SLA 보고서)"),
}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT.parent).with_suffix("").parts)


def _catalog_modules() -> list[str]:
    return [_module_name(p) for p in sorted(ROOT.rglob("texts.py"))]


def _catalogs() -> Iterator[tuple[str, Mapping[Any, Mapping[str, str]]]]:
    yield "desktop.errors.MESSAGES", MESSAGES
    for name in _catalog_modules():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, Catalog):
                yield f"{name}.{attr}", value


def _placeholders(template: str) -> set[str]:
    return {re.split(r"[.\[]", field)[0] for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def _logic_files() -> list[Path]:
    top = [p for p in ROOT.glob("*.py") if p.name not in TOP_LEVEL_EXEMPT]
    below = [p for package in LOGIC for p in (ROOT / package).rglob("*.py")]
    return sorted(p for p in top + below if p.name != "texts.py")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def test_every_package_with_words_has_a_catalog_module():
    names = _catalog_modules()
    for package in ("reports", *(f"workflow.{wing}" for wing in
                                 ("admin", "cases", "common", "engine", "integrations", "notify", "sla"))):
        assert f"desktop.{package}.texts" in names
    for name in names:
        module = importlib.import_module(name)
        assert any(isinstance(v, Catalog) for v in vars(module).values()), f"{name} holds no Catalog"


@pytest.mark.parametrize(("name", "catalog"), list(_catalogs()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_text_is_in_korean_and_english_with_the_same_placeholders(name, catalog):
    assert len(catalog) > 0
    for key, texts in catalog.items():
        assert set(texts) == {"ko", "en"}, f"{name}[{key!r}] must have exactly ko and en"
        assert all(isinstance(t, str) and t.strip() for t in texts.values()), f"{name}[{key!r}] has an empty text"
        assert _placeholders(texts["ko"]) == _placeholders(texts["en"]), \
            f"{name}[{key!r}]: ko and en name different {{placeholders}}"


def test_no_korean_text_is_left_in_logic_modules():
    left = []
    for path in _logic_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and HANGUL.search(node.value) and (rel, node.value) not in ALLOWED):
                left.append(f"{rel}:{node.lineno}: {node.value!r}")
    assert not left, "Korean text outside a catalog (move it to the package's texts module):\n" + "\n".join(left)


def test_every_key_a_module_names_is_in_its_catalog_with_the_placeholders_it_fills():
    """`CATALOG.pick("key", ...)` / `.pair("key", ...)` with a literal key: the key exists, the params match."""
    problems = []
    for path in _logic_files():
        module = importlib.import_module(_module_name(path))
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("pick", "pair") and isinstance(node.func.value, ast.Name)):
                continue
            catalog = getattr(module, node.func.value.id, None)
            if not isinstance(catalog, Catalog) or not node.args or not isinstance(node.args[0], ast.Constant):
                continue
            key = node.args[0].value
            if key not in catalog:
                problems.append(f"{rel}:{node.lineno}: unknown key {key!r}")
                continue
            given = {k.arg for k in node.keywords}
            if None in given or not given:  # **params, or a template its caller formats later
                continue
            wanted = _placeholders(catalog[key]["ko"])
            if given != wanted:
                problems.append(f"{rel}:{node.lineno}: {key!r} fills {sorted(given)}, the text names {sorted(wanted)}")
    assert not problems, "\n".join(problems)


def test_pick_and_pair_fill_templates_per_language():
    catalog = Catalog({"greet": {"ko": "{who}님 안녕하세요", "en": "Hello {who}"},
                       "what": {"ko": "장애", "en": "Incident"}})
    assert catalog.pick("greet", "en", who="Kim") == "Hello Kim"
    assert catalog.pair("greet", who=catalog["what"]) == {"ko": "장애님 안녕하세요", "en": "Hello Incident"}
    assert catalog.pick("what", "ko") == "장애"
    assert catalog.pair("what") == {"ko": "장애", "en": "Incident"}
    assert catalog.pair("what") is not catalog.pair("what")
