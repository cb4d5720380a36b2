"""`beacon report ...`: PDFs written, exit codes, and one clear line for every mistake."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.i18n import current_language, set_language
from desktop.models import db as dbmod
from desktop.workflow.cases import case_service as cs
from tests.bank import make_bank, seoul
from tests.reports.helpers import Incident, pdf_text


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    """`main()` switches the process-wide message language; put it back for the next test."""
    before = current_language()
    yield
    set_language(before)


def cases() -> tuple[str, str]:
    bank = make_bank()
    incident = Incident(bank, seoul(2026, 10, 14, 10, 0))
    incident.handle(seoul(2026, 10, 14, 10, 0))
    incident.close(seoul(2026, 10, 14, 12, 0))
    problem = cs.register_problem(actor_id=bank.id("pm"), title="세션 풀 고갈 반복", description="월말 재발")
    return incident.number, problem.number


def test_each_report_is_written_to_its_file(db, tmp_path, capsys):
    incident, problem = cases()
    dbmod.close()
    out = tmp_path / "incident.pdf"
    assert main(["report", "incident", incident, "--out", str(out), "--database", db]) == 0
    said = capsys.readouterr()
    assert said.err == "" and said.out.startswith("보고서를 저장했습니다: ") and str(out) in said.out
    assert out.read_bytes().startswith(b"%PDF") and "장애 보고서" in pdf_text(out.read_bytes())

    out = tmp_path / "problem-en.pdf"
    assert main(["report", "problem", problem, "--lang", "en", "--out", str(out), "--database", db]) == 0
    assert capsys.readouterr().out.startswith("Report written: ")
    assert "Problem report" in pdf_text(out.read_bytes())

    out = tmp_path / "sla.pdf"
    assert main(["--lang", "en", "report", "sla", "--month", "2026-10", "--lang", "ko", "--tz", "UTC",
                 "--out", str(out), "--database", db]) == 0
    assert capsys.readouterr().out.startswith("Report written: ")  # messages in --lang en, the report in ko
    text = pdf_text(out.read_bytes())
    assert "월간 SLA 보고서" in text and "2026년 10월" in text and "(UTC, UTC)" in text


@pytest.mark.parametrize(("args", "code", "words"), [
    (["report", "incident", "INC-2026-999999"], 2, "'INC-2026-999999'을(를) 찾을 수 없습니다"),
    (["report", "problem", "{incident}"], 2, "문제 번호가 아닙니다"),
    (["report", "incident", "{incident}", "--lang", "en", "--tz", "Mars/Olympus"], 2, "Unknown time zone"),
    (["report", "sla", "--month", "2026-13"], 2, "YYYY-MM"),
    (["report", "sla", "--month", "2026-10", "--application", "NOPE"], 2, "업무시스템 코드 'NOPE'"),
    (["report", "sla", "--month", "2026-10", "--team", "NOPE", "--lang", "en"], 2, "no team with the code 'NOPE'"),
])
def test_mistakes_get_one_line_and_exit_code_2(db, tmp_path, capsys, args, code, words):
    incident, _ = cases()
    dbmod.close()
    out = tmp_path / "report.pdf"
    argv = [a.format(incident=incident) for a in args] + ["--out", str(out), "--database", db]
    assert main(argv) == code
    said = capsys.readouterr()
    assert said.out == ""
    lines = said.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("beacon: ") and words in lines[0], said.err
    assert not out.exists()


def test_an_unwritable_file_and_a_missing_database(db, tmp_path, capsys):
    incident, _ = cases()
    dbmod.close()
    assert main(["--lang", "en", "report", "incident", incident, "--out", str(tmp_path / "no" / "such" / "x.pdf"),
                 "--database", db]) == 2
    assert "Cannot write the report file" in capsys.readouterr().err
    missing = tmp_path / "never-made.db"
    assert main(["report", "incident", incident, "--out", str(tmp_path / "x.pdf"),
                 "--database", f"sqlite:///{missing}"]) == 2
    assert "beacon init-db" in capsys.readouterr().err
    assert not missing.exists()  # reading a report never creates a database


def test_a_real_process_exits_2_without_a_traceback(db, tmp_path):
    cases()
    dbmod.close()
    env = {**os.environ, "BEACON_LANG": "en", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "report", "incident", "INC-2026-000404",
                             "--out", str(tmp_path / "x.pdf"), "--database", db],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == "beacon: Incident 'INC-2026-000404' was not found; check the number."
    usage = subprocess.run([sys.executable, "-m", "desktop.cli", "report", "incident", "X"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert usage.returncode == 2 and "--out" in usage.stderr  # argparse: the file is required
