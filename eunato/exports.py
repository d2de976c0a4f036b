"""The record as downloads: the whole of it as JSON, a CSV per table, a JSON Schema per model.

    export_files(site)["data/actions.csv"]  # -> the bytes of /data/actions.csv

Pure (Site -> bytes): hooks.py adds each file to the site at the path it is
keyed by, so the addresses are stable and MkDocs checks every link to them.
The JSON of an item is exactly its validated model (`Action.model_validate`
reads it back), so the downloads say what the pages say.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from pydantic import BaseModel

from .columns import TABLES, Table
from .model import KINDS, Source, Topic
from .pages import SINGULAR
from .site import Site

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
RECORD = "data/record.json"
# JSON Schema of each model, named as one of its records: data/schemas/action.json
SCHEMAS: dict[str, type[BaseModel]] = {
    **{SINGULAR[kind]: model for kind, model in KINDS.items()},
    "source": Source,
    "topic": Topic,
}


def item_path(kind: str, item_id: str) -> str:
    """Where one item's JSON is: `item_path("actions", "2017-01")` -> `data/actions/2017-01.json`."""
    return f"data/{kind}/{item_id}.json"


def schema_path(name: str) -> str:
    return f"data/schemas/{name}.json"


def record(site: Site) -> dict[str, Any]:
    """The whole record: every item of every kind in site order, the registries, and its licence."""
    return {
        "licence": LICENCE,
        **{kind: [_json(item) for item in site.items(kind)] for kind in KINDS},
        "sources": [{"id": key, **_json(source)} for key, source in site.sources.items()],
        "topics": [{"id": key, **_json(topic)} for key, topic in site.topics.items()],
        "glossary": dict(site.glossary),
    }


def export_files(site: Site) -> dict[str, bytes]:
    files = {RECORD: _dumps(record(site))}
    for table in TABLES:
        files[table.path] = _csv(table, site)
    for name, model in SCHEMAS.items():
        files[schema_path(name)] = _dumps(_schema(model))
    for kind in KINDS:
        for item in site.items(kind):
            files[item_path(kind, item.id)] = _dumps(_json(item))
    return files


def _json(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def _dumps(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv(table: Table, site: Site) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow(table.header())
    for row in table.rows(site):
        writer.writerow([column.value(row) for column in table.columns])
    return buffer.getvalue().encode("utf-8")


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
