"""What every data file shares: ids, text, references to other items, and the strict base classes.

A file's name is its id (`data/actions/2017-01.yml` is the action `2017-01`). Fields that name
another item (`area: hybrid-threats`) are marked with `Reference`, so that checking them and
listing their allowed values in the JSON Schema is done once, for every kind, from these declarations.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import core_schema

from .. import dates, messages
from ..dates import PartialDate

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# How `python -m eunato new` marks what the editor must write: a valid value, so the preview builds,
# that `check` and a `--strict` build refuse, so it is never published.
PLACEHOLDER = "FILL IN:"


def _as_id(value: Any) -> Any:
    # YAML reads `set: 2016` as a number; an id is text either way.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and not re.match(ID_PATTERN, value):
        raise ValueError(messages.not_an_id(value))
    return value


Id = Annotated[
    str,
    BeforeValidator(_as_id),
    StringConstraints(pattern=ID_PATTERN),
    WithJsonSchema(
        {"type": "string", "pattern": ID_PATTERN, "description": "an id: lowercase letters, digits and single dashes"}
    ),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Prose:
    """Marks text that is Markdown in the project's own words: the only text that may cite sources inline."""

    def __repr__(self) -> str:
        return "Prose()"


# Prose: Markdown in the project's own words, which may cite sources inline as [@source-id].
Markdown = Annotated[
    Text,
    Prose(),
    WithJsonSchema(
        {
            "type": "string",
            "description": "Markdown text in the project's own words; cite sources inline as [@source-id]",
        }
    ),
]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Reference:
    """Marks an id that must name an existing item of `kind` (a folder of data/, or a registry)."""

    def __init__(self, kind: str):
        self.kind = kind

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {**handler(schema), "x-reference": self.kind}

    def __repr__(self) -> str:
        return f"Reference({self.kind!r})"


DeclarationId = Annotated[Id, Reference("declarations")]
SetId = Annotated[Id, Reference("sets")]
AreaId = Annotated[Id, Reference("areas")]
ActionId = Annotated[Id, Reference("actions")]
OperationId = Annotated[Id, Reference("operations")]
TopicId = Annotated[Id, Reference("topics")]
SourceId = Annotated[Id, Reference("sources")]
StateId = Annotated[Id, Reference("states")]
StrategyId = Annotated[Id, Reference("strategies")]

Ongoing = Literal["ongoing"]


def _parse_end(value: Any) -> PartialDate | Ongoing:
    return "ongoing" if value == "ongoing" else PartialDate.parse(value)


End = Annotated[
    PartialDate | Ongoing,
    PlainValidator(_parse_end),
    WithJsonSchema({"anyOf": [{"const": "ongoing"}, dates.JSON_SCHEMA], "description": "a date, or 'ongoing'"}),
]


class Record(BaseModel):
    """Every mapping in the data: no unknown keys, no silent type conversion, read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, validate_default=True)


class Item(Record):
    """One file of data/<kind>/: its id is the file name; it cites at least one source.

    Sources are cited inline in its prose (`[@source-id]`); `sources` lists those it rests on beyond
    them. Once loaded, `sources` holds every source the item cites: the inline ones first, in the
    order of first citation, then the others.
    """

    # Required here, since the loader always sets it from the file name; the editors' schema leaves it optional.
    id: Id = Field(description="Optional: the file name without .yml. If given, it must match.")
    sources: list[SourceId] = Field(
        default=[],
        description="Ids from data/sources.yml of sources the item rests on besides those its text cites inline.",
    )
    uncertain: list[Markdown] = Field(
        default=[], description="What the sources leave unconfirmed about this item; shown as a warning."
    )
