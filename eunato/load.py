"""data/ -> one validated `Site`, or a `DataError` listing every problem at once.

Layout (the folder is the kind, the file name is the id):

    data/declarations/2016-warsaw.yml   data/sets/2016.yml     data/areas/cyber-security.yml
    data/actions/2017-01.yml            data/reports/2017-06.yml
    data/operations/kosovo.yml          data/sources.yml  data/topics.yml  data/glossary.yml
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .links import references
from .model import ID_PATTERN, KINDS, PLACEHOLDER, REGISTRIES, Item, Source, Topic
from .problems import DataError, Problem, expected_one_of, explain, field_name, unknown_id
from .site import Site
from .yaml_source import Document, Location, YamlProblem, read_document

YAML_SUFFIXES = (".yml", ".yaml")
REQUIRED_REGISTRIES = ("sources",)
REGISTRY_ENTRIES = {"sources": Source, "topics": Topic}


@dataclass
class _File:
    """One data file as read: where it is (for messages), its lines, and its record once valid."""

    name: str
    document: Document
    record: Any = None

    def problem(self, location: Location, message: str) -> Problem:
        return Problem(self.name, self.document.line_of(location), field_name(location), message)


class _Reader:
    def __init__(self, data_dir: Path, root: Path):
        self.data_dir, self.root = data_dir, root.resolve()
        self.problems: list[Problem] = []
        self.placeholders: list[Problem] = []
        self.files: dict[str, dict[str, _File]] = {kind: {} for kind in [*KINDS, *REGISTRIES]}

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
                expected = value[len(PLACEHOLDER):].strip() or "your own text"
                line = document.line_of(location)
                message = f"found a placeholder; expected {expected}"
                self.placeholders.append(Problem(self.display(path), line, field_name(location), message))

    def validate(self, file: _File, schema: Any, data: Any, model: type[BaseModel] | None) -> Any:
        try:
            return TypeAdapter(schema).validate_python(data)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                self.problems.append(file.problem(detail["loc"], explain(detail, model)))
            return None


def load_site(data_dir: Path | str, root: Path | str | None = None) -> Site:
    """Read and check every file of `data_dir`; messages name files relative to `root`."""
    data_dir = Path(data_dir)
    reader = _Reader(data_dir, Path(root) if root else data_dir.parent)
    if not data_dir.is_dir():
        raise DataError([Problem(reader.display(data_dir), 1, "(folder)", "the data folder does not exist")])
    _check_layout(reader)
    for name, schema in REGISTRIES.items():
        _read_registry(reader, name, schema)
    for kind, model in KINDS.items():
        for path in sorted(p for p in (data_dir / kind).glob("*") if p.suffix in YAML_SUFFIXES):
            _read_item(reader, kind, model, path)
    _check_references(reader)
    _check_counts(reader)
    if reader.problems:
        raise DataError(reader.problems, placeholders=reader.placeholders)
    records = {kind: {i: f.record for i, f in files.items()} for kind, files in reader.files.items()}
    registries = {name: reader.files[name]["-"].record if "-" in reader.files[name] else {} for name in REGISTRIES}
    return Site(**{kind: records[kind] for kind in KINDS}, **registries, placeholders=sorted(reader.placeholders))


def _check_layout(reader: _Reader) -> None:
    expected = [*KINDS, *(f"{name}.yml" for name in REGISTRIES)]
    for path in sorted(reader.data_dir.iterdir()):
        if path.name.startswith(".") or path.name in expected or path.name.lower() == "readme.md":
            continue
        reader.add(path, 1, "(file)", f"unexpected {'folder' if path.is_dir() else 'file'} in data/; {expected_one_of(expected)}")
    for kind in KINDS:
        for path in sorted((reader.data_dir / kind).glob("*")):
            if not path.name.startswith(".") and path.suffix not in YAML_SUFFIXES:
                reader.add(path, 1, "(file)", f"not a data file; expected a YAML file named <id>.yml in data/{kind}/")


def _read_registry(reader: _Reader, name: str, schema: Any) -> None:
    path = reader.data_dir / f"{name}.yml"
    if not path.exists():
        if name in REQUIRED_REGISTRIES:
            reader.add(path, 1, "(file)", f"the file is missing; expected data/{name}.yml listing every {name[:-1]} once")
        return
    document = reader.document(path)
    file = reader.files[name]["-"] = _File(reader.display(path), document or Document(None))
    if document is not None:
        file.record = reader.validate(file, schema, document.data, REGISTRY_ENTRIES.get(name))


def _read_item(reader: _Reader, kind: str, model: type[Item], path: Path) -> None:
    item_id = path.stem
    name = reader.display(path)
    if item_id in reader.files[kind]:
        reader.add(path, 1, "(file)", f"duplicate id '{item_id}': {reader.files[kind][item_id].name} has it too; keep one file per id")
        return
    document = reader.document(path)
    if document is None:
        reader.files[kind][item_id] = _File(name, Document({}))
        return
    file = reader.files[kind][item_id] = _File(name, document)
    data = dict(document.data)
    if not re.match(ID_PATTERN, item_id):
        reader.problems.append(file.problem(("id",), (
            f"the file name '{path.name}' is not a valid id; expected lowercase letters, digits and single "
            f"dashes, e.g. '{suggest_id(item_id)}{path.suffix}' (rename the file)")))
    elif "id" in data and str(data["id"]) != item_id:
        reader.problems.append(file.problem(("id",), (
            f"the id '{data['id']}' does not match the file name '{path.name}'; expected '{item_id}' "
            "(or rename the file)")))
    data["id"] = item_id
    before = len(reader.problems)
    file.record = reader.validate(file, model, data, model)
    # The file-name problem above already says what is wrong with the id.
    reader.problems[before:] = [p for p in reader.problems[before:] if p.field != "id"]


def suggest_id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-item"


def _known_ids(reader: _Reader, kind: str) -> set[str] | None:
    """Ids that exist, valid or not, so one broken file does not make every mention of it 'unknown'."""
    if kind in KINDS:
        return set(reader.files[kind])
    registry = reader.files[kind].get("-")
    if registry is None:
        return set()
    return set(registry.document.data) if isinstance(registry.document.data, dict) else None


def _check_references(reader: _Reader) -> None:
    known = {kind: _known_ids(reader, kind) for kind in reader.files}
    for kind in KINDS:
        for file in reader.files[kind].values():
            if file.record is None:
                continue
            seen: Counter = Counter()
            for location, target_kind, target_id in references(file.record):
                in_list = isinstance(location[-1], int)
                seen[(location[:-1], target_id)] += in_list
                if in_list and seen[(location[:-1], target_id)] == 2:
                    reader.problems.append(file.problem(location, f"'{target_id}' is listed twice; list each id once"))
                ids = known[target_kind]
                if ids is None or target_id in ids:
                    continue
                where = f"data/{target_kind}.yml" if target_kind in REGISTRIES else f"data/{target_kind}/"
                reader.problems.append(file.problem(location, unknown_id(target_kind, target_id, ids, where)))


def _valid(reader: _Reader, kind: str) -> dict[str, _File]:
    return {item_id: file for item_id, file in reader.files[kind].items() if file.record is not None}


def _check_counts(reader: _Reader) -> None:
    """What ids alone cannot catch: two reports with one ordinal, a set holding more actions than endorsed."""
    _unique(reader, "reports", lambda r: r.ordinal, "ordinal", "another report")
    _unique(reader, "areas", lambda a: a.number, "number", "another area")
    _unique(reader, "actions", lambda a: (a.set, a.position) if a.position else None, "position", "another action of the same set")
    sets = _valid(reader, "sets")
    per_set: dict[str, list[Any]] = defaultdict(list)
    for file in _valid(reader, "actions").values():
        per_set[file.record.set].append(file.record)
        proposal_set = sets.get(file.record.set)
        if proposal_set and file.record.position and file.record.position > proposal_set.record.count:
            reader.problems.append(file.problem(("position",), (
                f"position {file.record.position} is beyond the end of set '{file.record.set}'; "
                f"expected 1 to {proposal_set.record.count}")))
    for set_id, file in sets.items():
        actions, record = per_set[set_id], file.record
        if len(actions) > record.count:
            reader.problems.append(file.problem(("count",), (
                f"data/actions/ holds {len(actions)} actions of this set; expected at most {record.count}, "
                "the number the Councils endorsed")))
        if sum(record.area_counts.values()) > record.count:
            reader.problems.append(file.problem(("area_counts",), (
                f"the area counts add up to {sum(record.area_counts.values())}; expected at most {record.count}")))
        in_area = Counter(action.area for action in actions)
        for area_id, endorsed in record.area_counts.items():
            if in_area[area_id] > endorsed:
                reader.problems.append(file.problem(("area_counts", area_id), (
                    f"data/actions/ holds {in_area[area_id]} actions of this set in '{area_id}'; "
                    f"expected at most {endorsed}")))
    for file in _valid(reader, "operations").values():
        for location, span in [((), file.record), *[((side,), getattr(file.record, side)) for side in ("nato", "eu")]]:
            if span is not None and _ends_before_start(span):
                reader.problems.append(file.problem(location + ("end",), (
                    f"ends ({span.end}) before it starts ({span.start}); expected an end on or after the start")))


def _ends_before_start(span: Any) -> bool:
    return bool(span.start and span.end and span.end != "ongoing" and span.end.last_day < span.start.first_day)


def _unique(reader: _Reader, kind: str, key: Any, field: str, other: str) -> None:
    """Each record's `key` (a number, or a (group, number) pair) differs from every other record's."""
    taken: dict[Any, _File] = {}
    clashes = []
    for file in _valid(reader, kind).values():
        value = key(file.record)
        if value is None:
            continue
        if value in taken:
            clashes.append((file, value))
        else:
            taken[value] = file
    for file, value in clashes:
        number = value[-1] if isinstance(value, tuple) else value
        same_group = [v for v in taken if not isinstance(v, tuple) or v[:-1] == value[:-1]]
        free = 1 + max(v[-1] if isinstance(v, tuple) else v for v in same_group)
        reader.problems.append(file.problem((field,), (
            f"{field} {number} is already used by {other} ({taken[value].name}); "
            f"expected a different {field}, e.g. {free}, the next free one")))
