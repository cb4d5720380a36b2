"""`pip install .` must give a working Beacon: the wheel carries every resource resource_path() serves.

Built from a clean copy of the sources (no local .qm, no build/ left over), the way a fresh checkout
builds: the translations in it can only have been compiled by the build itself (setup.py).
"""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "desktop" / "resources"
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # the first 16 bytes of every Qt .qm file


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "desktop", source / "desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(work / "out"), str(source)],
        capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = (work / "out").glob("beacon_itsm-*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


def _resources(archive: zipfile.ZipFile) -> set[str]:
    return {name.removeprefix("desktop/resources/") for name in archive.namelist()
            if name.startswith("desktop/resources/")}


@pytest.mark.slow
def test_the_wheel_carries_processes_fonts_icons_and_import_mappings(wheel):
    inside = _resources(wheel)
    for name in ("processes/incident.toml", "processes/problem.toml", "processes/change.toml",
                 "processes/work_order.toml", "fonts/NanumGothic.ttf", "fonts/NanumGothicBold.ttf",
                 "fonts/NanumGothic-OFL.txt", "icons/beacon.svg", "import/servicenow.toml", "demo/bank.toml"):
        assert name in inside
    # and everything else in desktop/resources/, whatever is added later
    sources = {p.relative_to(RESOURCES).as_posix() for p in RESOURCES.rglob("*")
               if p.is_file() and p.suffix not in (".ts", ".qm")}
    assert sources - inside == set()


@pytest.mark.slow
def test_the_wheel_carries_compiled_translations_not_their_sources(wheel):
    inside = _resources(wheel)
    sources = sorted((RESOURCES / "translations").glob("*.ts"))
    assert sources, "no translation sources?"
    for ts in sources:
        qm = f"translations/{ts.stem}.qm"
        assert qm in inside
        data = wheel.read(f"desktop/resources/{qm}")
        assert data.startswith(QM_MAGIC) and len(data) > 10_000
    assert not [name for name in inside if name.endswith(".ts")]


@pytest.mark.slow
def test_the_wheel_installs_the_beacon_command_on_python_3_11_to_3_13(wheel):
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    requires_python = email.message_from_bytes(wheel.read(metadata))["Requires-Python"]
    assert all(version in SpecifierSet(requires_python) for version in ("3.11.2", "3.12.1", "3.13.0"))
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "beacon = desktop.cli:main" in wheel.read(entry_points).decode()
