"""Problems in the data as records: `file:line: field: what is wrong; what was expected`.

The sentences themselves are worded in messages.py; this module places them (file, line, field)
and reports them, on the terminal or as GitHub annotations on the pull request's lines.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from . import messages

Location = tuple[str | int, ...]  # where in a file: `("highlights", 2, "text")`


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"

    def github_annotation(self, level: str = "error") -> str:
        """The same problem as a GitHub Actions annotation on the file and line."""
        text = f"{self.field}: {self.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.file},line={self.line}::{text}"


def print_github_annotations(problems: Iterable[Problem], level: str = "error") -> None:
    """In GitHub Actions, show each problem on its file and line in the pull request; elsewhere do nothing."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(problem.github_annotation(level), flush=True)


class DataError(Exception):
    """Every problem found in data/, raised once after all files were read; placeholders are listed too."""

    def __init__(self, problems: Iterable[Problem], placeholders: Iterable[Problem] = ()):
        self.placeholders = sorted(set(placeholders))
        self.problems = sorted(set(problems) | set(self.placeholders))
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join([*map(str, self.problems), messages.problems_found(len(self.problems))])


def field_name(location: Location) -> str:
    """`('highlights', 2, 'text')` -> `highlights[3].text`: items are counted from 1, like an editor does."""
    name = ""
    for part in location:
        if part == "[key]":
            continue
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(file)"
