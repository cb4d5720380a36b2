"""`beacon report` prints a PDF without importing the GUI or the spreadsheet library (issue #22.3)."""

from __future__ import annotations

from desktop.models import db as dbmod
from tests.bank import make_bank, seoul
from tests.reports.helpers import Incident
from tests.unit.test_cli_startup import HEAVY, imported_by


def test_report_command_imports_no_gui_and_no_spreadsheet(db, tmp_path):
    bank = make_bank()
    incident = Incident(bank, seoul(2026, 10, 14, 10, 0))
    incident.handle(seoul(2026, 10, 14, 10, 0))
    dbmod.close()
    out = tmp_path / "incident.pdf"
    code, modules, said = imported_by("report", "incident", incident.number, "--out", str(out), "--database", db)
    assert code == 0 and str(out) in said
    assert out.read_bytes().startswith(b"%PDF")
    assert not {m for m in modules if m.split(".")[0] in HEAVY}
    assert "desktop.workflow.integrations.export" not in modules  # the list export is what needs openpyxl
