"""`beacon --version` starts without the GUI, the spreadsheet library or the workflow (issue #22.3)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# runs a `beacon` command in a fresh interpreter and prints, after it, which modules it had imported
PROBE = """
import json, sys
from desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("\\nMODULES " + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""
HEAVY = ("PySide6", "shiboken6", "qt_material", "openpyxl")


def imported_by(*args: str, env: dict[str, str] | None = None) -> tuple[int, set[str], str]:
    """Exit code, imported module names and output of `beacon ARGS` run in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "BEACON_LANG": "en", **(env or {})})
    out, _, tail = done.stdout.rpartition("\nMODULES ")
    assert tail, done.stdout + done.stderr
    found = json.loads(tail)
    return found["code"], set(found["modules"]), out


def test_version_imports_no_gui_no_spreadsheet_and_no_workflow() -> None:
    code, modules, out = imported_by("--version")
    assert code == 0 and out.startswith("Beacon ITSM ")
    assert not {m for m in modules if m.split(".")[0] in HEAVY}
    assert not {m for m in modules if m.startswith(("desktop.workflow", "desktop.models", "desktop.reports"))}


def test_the_grammar_names_the_importer_s_own_formats_and_encodings() -> None:
    from desktop import cli
    from desktop.workflow.integrations import importer

    assert cli.IMPORT_FORMATS == importer.FORMATS
    assert cli.IMPORT_ENCODINGS == importer.ENCODINGS
