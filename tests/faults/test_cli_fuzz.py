"""A bad-input fuzz over every `beacon` command and setting (Hypothesis): every answer is a sentence or a
usage message, never a traceback or an "unexpected error"; a refused command writes nothing."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.models import AlertLink, Case, Event, Notification, OwnerMatrixEntry, Setting
from desktop.models import db as dbmod
from desktop.setup import initialize_database
from desktop.workflow.common.settings import SCHEMA

NASTY_TEXT = ["", " ", "\x00", "\ud800", "../etc", "-", "--", "x" * 5000, "ÿ", "INC-2026-000001", "PRB-0",
              "2026-13", "9999-99", "Asia/Nowhere", "'; DROP TABLE case; --", "%s", "{}", "💥", "\udcff"]
NASTY_JSON = ["NaN", "Infinity", "-Infinity", "1e999", "[" * 5000 + "]" * 5000, '"\\ud800"', '"\\u0000"', "{",
              '{"a": ' * 3000 + "1" + "}" * 3000, "null", "true", "0", "-1", "2147483648", '"five"', "[]", "{}",
              '{"host": "", "port": "25"}', '{"host": "m", "port": 0}', "1" * 5000]
NASTY_URL = ["sqlite:////dev/null", "sqlite:////nonexistent/dir/x.db", "sqlite:///\x00.db", "postgresql://u:pw@h:99999/db",
             "postgresql://u:pw@\x00/db", "postgresql://u:pw@127.0.0.1:1/db", "mysql://x", "", "sqlite://",
             "postgresql://u:pw@h1:5432,:5/db", "file:///etc/passwd", "sqlite:///%00"]
NASTY_BYTES = [b"", b"\xff\xfe\x00", b"number,short_description\n" + b"\x00" * 50,
               "number,short_description,opened_at\nINC1,제목,2026-99-99\n".encode(),
               b"a,b\n" + b'"' * 1000, "번호,제목\n".encode("cp949"), b"\xef\xbb\xbf" + b",,,,\n" * 100,
               b"ci,role,users\nIBK,handler,nobody\n", b"[columns]\nx = [1, 2]\n", b"[source]\nname = 5\n",
               b"[columns]\nnumber = \"number\"\n[values]\nstate = [1]\n", b"[values]\nx = 1\n"]


ADMIN_PASSWORD = "fuzzing admin 2026"


def text() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=40))


def commands(db: str, files: Path) -> st.SearchStrategy[list[str]]:
    """An argv: a real command with bad arguments (or a real database replaced by a bad URL)."""
    data = files / "input.csv"
    mapping = files / "map.toml"
    out = files / "out"

    def with_file(argv: list[str], content: bytes, target: Path) -> list[str]:
        target.write_bytes(content)
        return argv

    keys = st.one_of(st.sampled_from(sorted(SCHEMA)), text())
    values = st.one_of(st.sampled_from(NASTY_JSON), text())
    return st.one_of(
        st.tuples(keys, values).map(lambda kv: ["setting", "set", kv[0], kv[1]]),
        keys.map(lambda k: ["setting", "get", k]),
        st.tuples(st.sampled_from(["incident", "problem"]), text()).map(
            lambda a: ["report", a[0], a[1], "--out", str(out / "r.pdf")]),
        st.tuples(text(), text()).map(lambda a: ["report", "sla", "--month", a[0], "--team", a[1], "--out",
                                                 str(out / "s.pdf")]),
        st.tuples(st.sampled_from(["incidents", "problems", "changes", "work-orders"]), text(), text(), text()).map(
            lambda a: ["export", a[0], "--state", a[1], "--from", a[2], "--sort", a[3], "--format", "csv",
                       "--out", str(out / "e.csv")]),
        st.tuples(st.sampled_from(NASTY_BYTES), st.booleans()).map(
            lambda a: with_file(["matrix", "import", str(data)] + (["--dry-run"] if a[1] else []), a[0], data)),
        st.tuples(st.sampled_from(NASTY_BYTES), st.sampled_from(NASTY_BYTES), st.booleans()).map(
            lambda a: with_file(with_file(["import", "incidents", str(data), "--format", "generic", "--mapping",
                                           str(mapping)] + (["--dry-run"] if a[2] else []), a[0], data),
                                a[1], mapping)),
        text().map(lambda name: ["intake", "token", "revoke", name]),
        st.tuples(text(), text(), st.booleans()).map(
            lambda a: ["prevention", "similar", "--text", a[0], "--application", a[1]] + (["--json"] if a[2] else [])),
        st.just(["init-db"]),
        st.just(["config", "show"]),
        st.sampled_from(NASTY_BYTES).map(lambda b: with_file(["process", "check", str(data)], b, data)),
        st.tuples(st.sampled_from(["dispatch", "sla"]), st.sampled_from(["--once", "--health"])).map(
            lambda a: ["dispatch", a[1]] if a[0] == "dispatch" else ["sla", "check", "--wait", "1"]),
        text().map(lambda value: ["export", "incidents", "--format", "csv", "--out", str(out / value[:20])]),
    ).flatmap(lambda argv: st.one_of(
        st.just([*argv, "--database", db]),
        st.sampled_from(NASTY_URL).map(lambda url: [*argv, "--database", url])))


def _snapshot() -> dict[str, int | dict[str, str]]:
    return {"settings": {row.key: row.value for row in Setting.select()}, "cases": Case.select().count(),
            "events": Event.select().count(), "matrix": OwnerMatrixEntry.select().count(),
            "notices": Notification.select().count(), "alerts": AlertLink.select().count()}


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory) -> tuple[str, Path]:
    root = tmp_path_factory.mktemp("fuzz")
    url = f"sqlite:///{root / 'fuzz.db'}"
    dbmod.close()
    initialize_database(url, admin_password=ADMIN_PASSWORD)
    dbmod.close()
    (root / "out").mkdir()
    return url, root


def test_no_command_answers_bad_input_with_a_traceback(fuzz_db, monkeypatch):
    url, root = fuzz_db
    # signed in as the administrator, so every command gets past who-may-do-it to the input itself
    monkeypatch.setenv("BEACON_USER", "admin")
    monkeypatch.setenv("BEACON_PASSWORD", ADMIN_PASSWORD)
    outcomes: dict[str, int] = {}

    @settings(max_examples=1000, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(commands(url, root))
    def run(argv: list[str]) -> None:
        dbmod.close()
        dbmod.connect(url)
        before = _snapshot()
        dbmod.close()
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                code = main(["--lang", "en", *argv])
            except SystemExit as exc:  # argparse: a usage message and exit 2
                code = exc.code if isinstance(exc.code, int) else 2
        message = err.getvalue()
        assert "Traceback" not in message, (argv, message)
        assert "unexpected error" not in message, (argv, message)
        outcomes[str(code)] = outcomes.get(str(code), 0) + 1
        dbmod.close()
        dbmod.connect(url)
        if code != 0:
            assert _snapshot() == before, (argv, message)  # a refused command wrote nothing
        dbmod.close()

    try:
        run()
    finally:
        print(f"\n{sum(outcomes.values())} bad inputs over the CLI: exit codes {dict(sorted(outcomes.items()))}")
        shutil.rmtree(root / "out", ignore_errors=True)
