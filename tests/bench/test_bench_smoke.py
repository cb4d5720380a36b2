"""The benchmarks work: generate 10,000 incidents and run every scenario once, on both backends.

A smoke check (no timing is asserted — the figures come from full runs on a quiet machine):
the generator's database is one the app opens and works with, and the runner prints every
scenario with its goal and writes it to JSON.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.models import db as dbmod

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ("list_first_page", "list_next_page", "list_app_grade_period", "search_ko", "search_en", "similar",
             "similar_en", "register", "kpi_month", "open_incident", "report_pdf", "what_changed", "reliability_12m",
             "total_count", "rows_at_middle", "problem_candidates",
             # the client and command subprocesses: no bare SQL of their own
             "gui_first_page", "gui_jump", "gui_rss_end", "cold_start", "cli_version", "cli_report")


def bench(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], capture_output=True, text=True,
                          timeout=240, check=False, cwd=ROOT, env={**os.environ, **(env or {})})


@pytest.mark.slow
def test_generate_then_run_every_scenario(empty_db: str, tmp_path: Path) -> None:
    dbmod.close()  # the subprocesses own the database now
    made = bench("generate.py", "--incidents", "10000", "--database", empty_db, "--seed", "9", "--now",
                 "2026-11-20T00:00:00")
    assert made.returncode == 0, made.stderr[-3000:]
    assert "generated 10,000 incidents" in made.stdout

    out = tmp_path / "bench.json"
    ran = bench("run.py", "--database", empty_db, "--repeat", "1", "--process-runs", "1", "--gui-rows", "1000",
                "--json", str(out))
    assert ran.returncode == 0, ran.stderr[-3000:]
    results = {r["name"]: r for r in json.loads(out.read_text(encoding="utf-8"))["results"]}
    assert set(results) == set(SCENARIOS)
    for r in results.values():
        assert r["label"] in ran.stdout and r["goal"] in ran.stdout  # every scenario printed with its goal
        assert (r["median_ms"] or r["extra"]["rss_end_mb"]) > 0 and r["met"] in (True, False)
    for name in SCENARIOS[:-6]:  # the in-process ones were measured against their bare SQL too
        assert results[name]["bare_median_ms"] > 0 and results[name]["extra"]["statements"] > 0
    assert results["gui_jump"]["extra"]["rows"] == 1000  # the real list jumped into the generated rows …
    assert results["gui_jump"]["extra"]["rows_read"] <= 400  # … reading the rows in view, not those between
    assert results["gui_rss_end"]["extra"]["rss_end_mb"] > 0
    assert results["open_incident"]["extra"]["timeline_entries"] >= 50


def _dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT c.number, i.title, i.state, i.registered_at, i.closed_at, i.grade_id, "
            "(SELECT COUNT(*) FROM event e WHERE e.case_id = i.case_id) FROM incident i "
            "JOIN cases c ON c.id = i.case_id ORDER BY c.id").fetchall()


@pytest.mark.slow
def test_same_seed_gives_the_same_data(tmp_path: Path) -> None:
    runs = {}
    for name, seed in (("a", "5"), ("b", "5"), ("c", "6")):
        path = tmp_path / f"{name}.db"
        made = bench("generate.py", "--incidents", "500", "--database", f"sqlite:///{path}", "--seed", seed,
                     "--now", "2026-11-20T00:00:00")
        assert made.returncode == 0, made.stderr[-3000:]
        runs[name] = _dump(path)
    assert len(runs["a"]) == 500
    assert runs["a"] == runs["b"]
    assert runs["a"] != runs["c"]


@pytest.mark.slow
def test_chunks_made_by_one_or_two_processes_give_the_same_data(tmp_path: Path) -> None:
    """Chunks are planned apart (own random stream, id ranges, number bases): how many processes make them
    changes nothing, and incident numbers still run without gaps across chunks."""
    runs = {}
    for planners in ("1", "2"):
        path = tmp_path / f"p{planners}.db"
        made = bench("generate.py", "--incidents", "900", "--database", f"sqlite:///{path}", "--seed", "5",
                     "--now", "2026-01-20T00:00:00", env={"BEACON_BENCH_CHUNK": "200",
                                                          "BEACON_BENCH_PLANNERS": planners})
        assert made.returncode == 0, made.stderr[-3000:]
        runs[planners] = _dump(path)
        with sqlite3.connect(path) as conn:
            for year, count, top in conn.execute(
                    "SELECT substr(c.number, 5, 4), COUNT(*), MAX(c.number) FROM cases c "
                    "WHERE c.kind = 'incident' GROUP BY 1").fetchall():
                assert top == f"INC-{year}-{count:06d}"  # no gaps, no repeats
            sequences = dict(conn.execute("SELECT name, value FROM number_sequence").fetchall())
            for name, top in conn.execute("SELECT substr(number, 1, length(number) - 7), "
                                          "MAX(CAST(substr(number, -6) AS INTEGER)) FROM cases GROUP BY 1"):
                assert sequences[name] == top  # the next case registered gets a fresh number
    assert len(runs["1"]) == 900
    assert runs["1"] == runs["2"]


def test_generator_refuses_a_database_with_incidents(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert bench("generate.py", "--incidents", "20", "--database", url).returncode == 0
    again = bench("generate.py", "--incidents", "20", "--database", url)
    assert again.returncode != 0 and "already has incidents" in again.stderr


@pytest.mark.slow
def test_compare_before_and_after_the_rules_leaves_every_rule_on(tmp_path: Path) -> None:
    """PostgreSQL: `run.py --compare` times the scenarios as the owner with the v10 triggers off and as the
    handler's and the customer's own logins, prints the before/after table, and switches the triggers on
    again; the generated users are logins with the demo password."""
    from desktop.models import database
    from tests.conftest import PG_URL, bind

    bind("postgresql", tmp_path)
    dbmod.close()
    made = bench("generate.py", "--incidents", "2000", "--database", PG_URL, "--seed", "9", "--now",
                 "2026-11-20T00:00:00")
    assert made.returncode == 0, made.stderr[-3000:]
    out = tmp_path / "compare.json"
    ran = bench("run.py", "--database", PG_URL, "--compare", "--repeat", "1", "--only", "list_first_page",
                "register", "open_incident", "--json", str(out))
    assert ran.returncode == 0, ran.stderr[-3000:]
    passes = json.loads(out.read_text(encoding="utf-8"))["passes"]
    assert set(passes) == {"before_handler", "after_handler", "before_customer", "after_customer"}
    for figures in passes.values():
        assert [r["name"] for r in figures["results"]] == ["list_first_page", "register", "open_incident"]
        assert all(r["median_ms"] > 0 for r in figures["results"])
    table = ran.stdout[ran.stdout.index("before/after the database's rules"):]
    for login in (passes["after_handler"]["login"], passes["after_customer"]["login"]):
        assert f"before {login} ms" in table and f"after {login} ms" in table
    dbmod.connect(PG_URL)
    try:
        off = database.execute_sql("SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                   "WHERE NOT t.tgisinternal AND t.tgenabled = 'D'").fetchall()
        assert off == []
        logins = database.execute_sql("SELECT count(*) FROM pg_roles WHERE rolname = beacon_login_prefix() || 'ops01'")
        assert logins.fetchone()[0] == 1  # the operations centre's staff sign in too
    finally:
        dbmod.close()
