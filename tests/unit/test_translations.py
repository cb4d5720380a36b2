"""Every string the views show has a Korean translation, and the .ts file is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "desktop" / "resources" / "translations" / "beacon_ko.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    out = {}
    for context in tree.iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            out[(name, message.find("source").text)] = message.find("translation")
    return out


def test_every_korean_translation_is_finished():
    unfinished = [key for key, tr in _messages(TS).items() if tr.get("type") == "unfinished" or not tr.text]
    assert unfinished == []


def test_the_ts_file_has_every_string_of_the_views(tmp_path):
    tool = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(tool).exists():
        pytest.fail("pyside6-lupdate is missing from the environment")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "views").rglob("*.py"))  # admin/ screens too
    subprocess.run([tool, *sources, "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert missing == set(), ("run: pyside6-lupdate desktop/views/*.py desktop/views/admin/*.py "
                              "-ts desktop/resources/translations/beacon_ko.ts "
                              "-no-obsolete -locations none")
