"""The record as downloads: the whole of it as JSON, a CSV per table, a JSON Schema per model.

    export_files(site)["data/actions.csv"]  # -> the bytes of /data/actions.csv

Pure (Site -> bytes): the MkDocs adapter adds each file to the site at the path it is keyed by,
so the addresses are stable and MkDocs checks every link to them. The JSON of an item is exactly
its validated model (`Action.model_validate` reads it back), so the downloads say what the pages say.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any

from pydantic import BaseModel

from . import urls
from .kinds import KINDS, REGISTRIES, Kind, Registry
from .kinds import tables as kind_tables
from .site import Site

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
# JSON Schema of each model, named as one of its records: data/schemas/action.json
SCHEMAS: dict[str, type[BaseModel]] = {
    **{kind.slug: kind.model for kind in KINDS},
    **{registry.singular: registry.entry for registry in REGISTRIES if registry.entry},
}


@dataclass(frozen=True)
class DocumentedTable:
    """A CSV download as the Data page documents it: its file, what a row is, each column and what it holds."""

    name: str
    path: str
    row: str
    columns: list[tuple[str, str]]


def tables() -> list[DocumentedTable]:
    return [
        DocumentedTable(
            table.name,
            table.path,
            table.row,
            [(column.name, column.describe(_model(owner))) for column in table.columns],
        )
        for owner, table in kind_tables()
    ]


def record(site: Site) -> dict[str, Any]:
    """The whole record: every item of every kind in site order, the registries, and its licence."""
    return {
        "licence": LICENCE,
        **{kind.name: [_json(item) for item in site.items(kind.name)] for kind in KINDS},
        "sources": [{"id": key, **_json(source)} for key, source in site.sources.items()],
        "topics": [{"id": key, **_json(topic)} for key, topic in site.topics.items()],
        "glossary": dict(site.glossary),
        "edition": _json(site.edition) if site.edition else None,
    }


def export_files(site: Site) -> dict[str, bytes]:
    files = {urls.RECORD: _dumps(record(site))}
    for owner, table in kind_tables():
        rows = table.rows(site) if table.rows else _rows(site, owner)
        files[table.path] = _csv(table.header(), ([column.value(row) for column in table.columns] for row in rows))
    for name, model in SCHEMAS.items():
        files[urls.schema_path(name)] = _schema_file(model)
    for kind in KINDS:
        for item in site.items(kind.name):
            files[urls.item_json_path(kind.name, item.id)] = _dumps(_json(item))
    return files


def _model(owner: Kind | Registry) -> type[BaseModel] | None:
    return owner.model if isinstance(owner, Kind) else owner.entry


def _rows(site: Site, owner: Kind | Registry) -> list[Any]:
    if isinstance(owner, Kind):
        return site.items(owner.name)
    # A registry's entries, each with its key as `id`.
    return [SimpleNamespace(id=key, **dict(entry)) for key, entry in getattr(site, owner.name).items()]


def _json(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def _dumps(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


# A schema is the model's alone: written once per process, not at every `mkdocs serve` rebuild
# (pydantic takes some 25 ms for all of them).
@cache
def _schema_file(model: type[BaseModel]) -> bytes:
    return _dumps(_schema(model))


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
