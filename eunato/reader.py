"""The files of data/ as read: each with its lines and, once valid, its record; and the problems found so far.

Shared by the loader (load.py), the checks between files (checks.py) and the rules on the whole
record (rules.py), so that each reports a problem on the file and line it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import kinds, messages
from .kinds import REGISTRIES, Kind
from .model import PLACEHOLDER
from .problems import Location, Problem, field_name
from .yaml_source import Document, YamlProblem, read_document

YAML_SUFFIXES = (".yml", ".yaml")
REGISTRY_KEY = "-"  # a registry is one file: the single entry of its folder in `Reader.files`


@dataclass
class DataFile:
    """One data file as read: where it is (for messages), its lines, and its record once valid."""

    name: str
    document: Document
    record: Any = None

    def problem(self, location: Location, message: str) -> Problem:
        return Problem(self.name, self.document.line_of(location), field_name(location), message)


@dataclass
class Reader:
    data_dir: Path
    root: Path
    problems: list[Problem] = field(default_factory=list)
    placeholders: list[Problem] = field(default_factory=list)
    uncited: list[Problem] = field(default_factory=list)  # paragraphs of prose without a citation
    files: dict[str, dict[str, DataFile]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root = self.root.resolve()
        self.files = {name: {} for name in [*kinds.NAMES, *(registry.name for registry in REGISTRIES)]}

    def display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.display(path), line, field, message))

    def document(self, path: Path) -> Document | None:
        try:
            document = read_document(path)
        except YamlProblem as problem:
            self.add(path, problem.line, "(file)", problem.message)
            return None
        self.note_placeholders(path, document)
        return document

    def note_placeholders(self, path: Path, document: Document) -> None:
        for location, value in document.scalars():
            if isinstance(value, str) and value.startswith(PLACEHOLDER):
                expected = value[len(PLACEHOLDER) :].strip() or "your own text"
                line = document.line_of(location)
                self.placeholders.append(
                    Problem(self.display(path), line, field_name(location), messages.placeholder(expected))
                )

    def validate(self, file: DataFile, schema: Any, data: Any, model: type[BaseModel] | None) -> Any:
        try:
            return TypeAdapter(schema).validate_python(data)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                self.problems.append(file.problem(detail["loc"], messages.explain(detail, model)))
            return None

    def valid(self, kind: str) -> dict[str, DataFile]:
        """The files of `kind` that passed their model, by id."""
        return {item_id: file for item_id, file in self.files[kind].items() if file.record is not None}


def item_files(data_dir: Path, kind: Kind) -> list[Path]:
    """The data files of a kind's folder, in name order."""
    return sorted(path for path in (data_dir / kind.name).glob("*") if path.suffix in YAML_SUFFIXES)


def known_ids(reader: Reader, name: str) -> set[str] | None:
    """Ids that exist, valid or not, so one broken file does not make every mention of it 'unknown'."""
    if not kinds.is_registry(name):
        return set(reader.files[name])
    registry = reader.files[name].get(REGISTRY_KEY)
    if registry is None:
        return set()
    return {str(key) for key in registry.document.data} if isinstance(registry.document.data, dict) else None
