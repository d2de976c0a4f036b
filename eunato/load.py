"""data/ -> one validated `Site`, or a `DataError` listing every problem at once.

Layout (the folder is the kind, the file name is the id; kinds.py lists the kinds and registries):

    data/declarations/2016-warsaw.yml   data/sets/2016.yml     data/areas/cyber-security.yml
    data/actions/2017-01.yml            data/reports/2017-06.yml
    data/operations/kosovo.yml          data/sources.yml  data/topics.yml  data/glossary.yml

Reading happens in three passes: each file alone (YAML, then its model), the references between
files (every id names something that exists), then the rules that need the whole record (rules.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import citations, kinds, links, messages, rules
from .kinds import KINDS, REGISTRIES, Kind, Registry
from .links import references
from .model import ID_PATTERN, PLACEHOLDER, Item
from .problems import DataError, Location, Problem, field_name
from .site import Site
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


def load_site(data_dir: Path | str, root: Path | str | None = None) -> Site:
    """Read and check every file of `data_dir`; messages name files relative to `root`."""
    data_dir = Path(data_dir)
    reader = Reader(data_dir, Path(root) if root else data_dir.parent)
    if not data_dir.is_dir():
        raise DataError([Problem(reader.display(data_dir), 1, "(folder)", "the data folder does not exist")])
    _check_layout(reader)
    for registry in REGISTRIES:
        _read_registry(reader, registry)
    for kind in KINDS:
        for path in item_files(data_dir, kind):
            _read_item(reader, kind, path)
    _check_references(reader)
    _check_citations(reader)
    for rule in rules.RULES:
        reader.problems.extend(rule(reader))
    if reader.problems:
        raise DataError(reader.problems, placeholders=reader.placeholders)
    registries = {
        registry.name: (
            reader.files[registry.name][REGISTRY_KEY].record if REGISTRY_KEY in reader.files[registry.name] else None
        )
        for registry in REGISTRIES
    }
    items = {
        kind.name: {item_id: _with_cited(file.record) for item_id, file in reader.files[kind.name].items()}
        for kind in KINDS
    }
    return Site(items, **registries, placeholders=reader.placeholders, uncited=reader.uncited)


def _with_cited(item: Item) -> Item:
    """The item with every source it cites under `sources`: inline first, then those its fields name, then the rest."""
    return item.model_copy(update={"sources": links.sources_of(item)})


def _check_layout(reader: Reader) -> None:
    expected = [*kinds.NAMES, *(f"{registry.name}.yml" for registry in REGISTRIES)]
    for path in sorted(reader.data_dir.iterdir()):
        if path.name.startswith(".") or path.name in expected or path.name.lower() == "readme.md":
            continue
        what = "folder" if path.is_dir() else "file"
        reader.add(path, 1, "(file)", f"unexpected {what} in data/; {messages.expected_one_of(expected)}")
    for kind in KINDS:
        for path in sorted((reader.data_dir / kind.name).glob("*")):
            if not path.name.startswith(".") and path.suffix not in YAML_SUFFIXES:
                reader.add(
                    path, 1, "(file)", f"not a data file; expected a YAML file named <id>.yml in data/{kind.name}/"
                )


def _read_registry(reader: Reader, registry: Registry) -> None:
    path = reader.data_dir / f"{registry.name}.yml"
    if not path.exists():
        if registry.required:
            reader.add(
                path,
                1,
                "(file)",
                f"the file is missing; expected data/{registry.name}.yml with {registry.holds}",
            )
        return
    document = reader.document(path)
    file = reader.files[registry.name][REGISTRY_KEY] = DataFile(reader.display(path), document or Document({}))
    if document is not None:
        file.record = reader.validate(file, registry.schema, document.data, registry.entry)


def _read_item(reader: Reader, kind: Kind, path: Path) -> None:
    item_id = path.stem
    name = reader.display(path)
    if item_id in reader.files[kind.name]:
        other = reader.files[kind.name][item_id].name
        reader.add(path, 1, "(file)", f"duplicate id '{item_id}': {other} has it too; keep one file per id")
        return
    document = reader.document(path)
    if document is None:
        reader.files[kind.name][item_id] = DataFile(name, Document({}))
        return
    file = reader.files[kind.name][item_id] = DataFile(name, document)
    data = dict(document.data)
    if not re.match(ID_PATTERN, item_id):
        suggestion = f"{suggest_id(item_id)}{path.suffix}"
        reader.problems.append(
            file.problem(
                ("id",),
                (
                    f"the file name '{path.name}' is not a valid id; expected {messages.ID_FORMAT}, "
                    f"e.g. '{suggestion}' (rename the file)"
                ),
            )
        )
    elif "id" in data and str(data["id"]) != item_id:
        reader.problems.append(
            file.problem(
                ("id",),
                (
                    f"the id '{data['id']}' does not match the file name '{path.name}'; expected '{item_id}' "
                    "(or rename the file)"
                ),
            )
        )
    data["id"] = item_id
    before = len(reader.problems)
    file.record = reader.validate(file, kind.model, data, kind.model)
    # The file-name problem above already says what is wrong with the id.
    reader.problems[before:] = [p for p in reader.problems[before:] if p.field != "id"]


def suggest_id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-item"


def _known_ids(reader: Reader, name: str) -> set[str] | None:
    """Ids that exist, valid or not, so one broken file does not make every mention of it 'unknown'."""
    if not kinds.is_registry(name):
        return set(reader.files[name])
    registry = reader.files[name].get(REGISTRY_KEY)
    if registry is None:
        return set()
    return {str(key) for key in registry.document.data} if isinstance(registry.document.data, dict) else None


def _check_references(reader: Reader) -> None:
    known = {name: _known_ids(reader, name) for name in reader.files}
    for kind in KINDS:
        for file in reader.valid(kind.name).values():
            seen: Counter[tuple[Location, str]] = Counter()
            for location, target_kind, target_id in references(file.record):
                in_list = isinstance(location[-1], int)
                seen[(location[:-1], target_id)] += in_list
                if in_list and seen[(location[:-1], target_id)] == 2:
                    reader.problems.append(file.problem(location, messages.listed_twice(target_id)))
                ids = known[target_kind]
                if ids is None or target_id in ids:
                    continue
                defined_in = messages.where(target_kind, kinds.is_registry(target_kind))
                reader.problems.append(
                    file.problem(location, messages.unknown_id(kinds.noun(target_kind), target_id, ids, defined_in))
                )


def _records_with_text(reader: Reader) -> Iterator[tuple[DataFile, Location, BaseModel]]:
    """Every valid record whose text may hold citations: each item, and each entry of a registry."""
    for kind in KINDS:
        for file in reader.valid(kind.name).values():
            yield file, (), file.record
    for registry in REGISTRIES:
        entries = reader.files[registry.name].get(REGISTRY_KEY)
        if entries is not None and isinstance(entries.record, dict):
            for key, entry in entries.record.items():
                if isinstance(entry, BaseModel):
                    yield entries, (key,), entry


def _check_citations(reader: Reader) -> None:
    """Citations only in prose, well formed, naming sources that exist; and note each paragraph that has none."""
    sources = _known_ids(reader, "sources") or set()
    for file, at, record in _records_with_text(reader):
        for location, text, is_prose in links.texts(record):
            where = (*at, *location)
            if not is_prose:
                if "[@" in text:
                    reader.problems.append(file.problem(where, messages.citation_in_plain_text(_first_citation(text))))
                continue
            try:
                found = citations.parse(text)
            except citations.Malformed as malformed:
                reader.problems.append(file.problem(where, messages.malformed_citation(malformed.found)))
                continue
            for ref in (ref for citation in found for ref in citation.refs):
                if ref.source_id not in sources:
                    message = messages.unknown_id("source", ref.source_id, sources, messages.where("sources", True))
                    reader.problems.append(file.problem(where, message))
            for paragraph in citations.paragraphs(text):
                if not citations.has_citation(paragraph) and not paragraph.startswith(PLACEHOLDER):
                    line = file.document.line_of_text(where, paragraph)
                    reader.uncited.append(Problem(file.name, line, field_name(where), messages.uncited(paragraph)))
    for kind in KINDS:
        for file in reader.valid(kind.name).values():
            if not links.sources_of(file.record):
                reader.problems.append(file.problem(("sources",), messages.cites_nothing()))


def _first_citation(text: str) -> str:
    start = text.index("[@")
    end = text.find("]", start)
    return text[start : end + 1 if end != -1 else start + 30]
