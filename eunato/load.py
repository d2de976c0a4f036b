"""data/ -> one validated `Site`, or a `DataError` listing every problem at once.

Layout (the folder is the kind, the file name is the id; kinds.py lists the kinds and registries):

    data/declarations/2016-warsaw.yml   data/sets/2016.yml     data/areas/cyber-security.yml
    data/actions/2017-01.yml            data/reports/2017-06.yml
    data/operations/kosovo.yml          data/sources.yml  data/topics.yml  data/glossary.yml

Reading happens in three passes: each file alone (YAML, then its model), the references between
files (every id names something that exists, every citation: checks.py), then the rules that need
the whole record (rules.py). The files as read, and the problems found, are held by reader.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import checks, kinds, links, messages, rules
from .kinds import KINDS, REGISTRIES, Kind, Registry
from .model import ID_PATTERN, Item
from .problems import DataError, Problem
from .reader import REGISTRY_KEY, YAML_SUFFIXES, DataFile, Reader, item_files
from .site import Site
from .yaml_source import Document


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
    checks.check_references(reader)
    checks.check_citations(reader)
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
