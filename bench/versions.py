"""The code a measured site is built with: this checkout, or a baseline taken from git.

`python bench/run.py --baseline REF` measures the pages and the editor's loop of REF (a commit,
tag or branch of this repository) beside those of the checkout, alternating, in the same run: on a
shared machine only figures taken side by side can be compared. A baseline is extracted with
`git archive` into the benchmark's temporary folder (no worktree, nothing changed in the
repository) and its commands import its own `eunato` package (PYTHONPATH), on the same record.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import measure

ROOT = Path(__file__).resolve().parents[1]
# What a project needs besides data/: measure.PROJECT_FILES, and the Makefile that says how `make serve` runs.
FILES = [*measure.PROJECT_FILES, "Makefile"]


@dataclass(frozen=True)
class Version:
    name: str  # how the results name it: "this checkout", or the baseline's ref
    root: Path  # its project files and its `eunato` package
    env: dict[str, str]  # the environment its commands run in

    def project(self, data: Path, folder: Path) -> Path:
        """A project of this version's code around the record in `data`, in `folder`."""
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for name in FILES:
            source = self.root / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
        shutil.copytree(data, folder / "data")
        return folder


CURRENT = Version("this checkout", ROOT, measure.ENVIRONMENT)


def baseline(ref: str, work: Path) -> Version:
    """REF of this repository, extracted into `work`."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", f"{ref}^{{commit}}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if commit.returncode != 0:
        raise SystemExit(f"--baseline {ref}: not a commit of this repository\n{commit.stderr}")
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT, capture_output=True, check=True)
    root = work / "baseline"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(root, filter="data")
    short = commit.stdout.strip()
    name = ref if short.startswith(ref) or ref.startswith(short) else f"{ref} ({short})"
    return Version(name, root, {**measure.ENVIRONMENT, "PYTHONPATH": str(root)})
