"""Shared fixtures: the real record, a built copy of the site, and small projects to break on purpose."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eunato import load_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
# What a build needs from the project; data/ is swapped for the fixture's.
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "hooks.py", "macros.py"]


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=environment, capture_output=True, text=True, check=False
    )


def check(data_dir: Path) -> subprocess.CompletedProcess:
    """`python -m eunato check`, run from the project folder that holds `data_dir`."""
    return run(sys.executable, "-m", "eunato", "check", data_dir.name, cwd=data_dir.parent)


def build(project: Path, site_dir: Path, strict: bool = True) -> subprocess.CompletedProcess:
    mode = "--strict" if strict else "--no-strict"
    return run(sys.executable, "-m", "mkdocs", "build", mode, "-f", project / "mkdocs.yml", "-d", site_dir, cwd=project)


def copy_project(destination: Path, data: Path = FIXTURE_DATA) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, destination / name)
    shutil.copytree(data, destination / "data")
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site's code and templates around the small fixture record, ready to change and build."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def data_dir(project: Path) -> Path:
    return project / "data"


@pytest.fixture(scope="session")
def real_site():
    return load_site(ROOT / "data")


@pytest.fixture(scope="session")
def real_build(tmp_path_factory):
    """The real site, built once with --strict; its folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def fixture_site():
    return load_site(FIXTURE_DATA)


@pytest.fixture(scope="session", params=["real record", "fixture record"])
def built(request):
    """Each record with its built site, `(site, site_dir)`: the real one, then the small fixture."""
    name = "real" if request.param == "real record" else "fixture"
    return request.getfixturevalue(f"{name}_site"), request.getfixturevalue(f"{name}_build")


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory):
    """The small fixture record, built once with --strict; its folder."""
    base = tmp_path_factory.mktemp("fixture")
    project = copy_project(base / "project")
    result = build(project, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "site"
