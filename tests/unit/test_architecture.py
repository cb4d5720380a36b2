"""The house walls: the import-linter contracts hold, a wrong import breaks them by name, and no
module under `desktop/` takes part in an import circle (imports inside functions included)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)})


def _copy_of_the_house(tmp_path: Path) -> Path:
    house = tmp_path / "house"
    shutil.copytree(ROOT / "desktop", house / "desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", house / "pyproject.toml")
    return house


def test_the_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("desktop/workflow/sla/kpi.py", "from PySide6 import QtCore  # noqa", "Qt only in views and the entry points"),
    ("desktop/workflow/engine/engine.py", "from desktop.workflow.cases import effects  # noqa", "Workflow wings"),
    ("desktop/workflow/notify/inbox.py", "from desktop.workflow.admin import cis  # noqa", "Workflow wings"),
    ("desktop/models/org.py", "from desktop.workflow.common import actors  # noqa", "Layers: entry points"),
    ("desktop/views/dashboard.py", "import peewee  # noqa", "Views never build queries"),
])
def test_a_wrong_import_breaks_its_contract(tmp_path: Path, module: str, line: str, contract: str) -> None:
    house = _copy_of_the_house(tmp_path)
    target = house / module
    target.write_text(target.read_text(encoding="utf-8") + "\n\ndef _wrong() -> None:\n    " + line + "\n",
                      encoding="utf-8")
    result = _lint_imports(house)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout


def _circles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root) & modules)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child) & modules))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(sorted(group))
    return found


def test_no_import_circle_under_desktop() -> None:
    graph = grimp.build_graph("desktop", cache_dir=None)
    circles = _circles(graph, set(graph.modules))
    assert not circles, "import circles:\n" + "\n".join(" → ".join(c) for c in circles)


def test_the_circle_finder_finds_one() -> None:
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _circles(graph, set(graph.modules)) == [["pkg.a", "pkg.b", "pkg.c"]]
