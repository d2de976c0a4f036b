"""Timed runs: a command's wall-clock and CPU time, and the median of several."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "hooks.py", "macros.py"]


@dataclass(frozen=True)
class Time:
    wall: float  # seconds on the clock
    cpu: float  # seconds of user and system time of the process and its children

    def __truediv__(self, other: Time | float) -> Time:
        if isinstance(other, Time):
            return Time(self.wall / other.wall, self.cpu / other.cpu)
        return Time(self.wall / other, self.cpu / other)


def run(command: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> Time:
    """Run `command` to completion; stop the benchmark with its output if it fails or warns."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env or ENVIRONMENT, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0 or "WARNING" in result.stderr:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stdout}{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Time(wall, cpu)


def build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> Time:
    """`mkdocs build --strict` of the project whose mkdocs.yml is `config`."""
    return run(
        [PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", site_dir],
        cwd=config.parent,
        env=env,
    )


def median(times: list[Time]) -> Time:
    return Time(statistics.median(t.wall for t in times), statistics.median(t.cpu for t in times))


def pages(site_dir: Path) -> int:
    """HTML pages MkDocs wrote (the 404 page included)."""
    return sum(1 for _ in site_dir.rglob("*.html"))
