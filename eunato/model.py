"""What each data file may hold: one strict class per kind.

A file's name is its id (`data/actions/2017-01.yml` is the action `2017-01`).
Fields that name another item (`area: hybrid-threats`) are marked with
`Reference`, so that checking them and listing their allowed values in the
JSON Schema is done once, for every kind, from these declarations.
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
    model_validator,
)
from pydantic_core import core_schema

from . import dates
from .dates import PartialDate

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# How `python -m eunato new` marks what the editor must write: a valid value, so the preview builds,
# that `check` and a `--strict` build refuse, so it is never published.
PLACEHOLDER = "FILL IN:"


def _as_id(value: Any) -> Any:
    # YAML reads `set: 2016` as a number; an id is text either way.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and not re.match(ID_PATTERN, value):
        raise ValueError(
            f"'{value}' is not a valid id; expected lowercase letters, digits and single dashes, "
            "like 'hybrid-threats' or '2017-01'"
        )
    return value


Id = Annotated[
    str,
    BeforeValidator(_as_id),
    StringConstraints(pattern=ID_PATTERN),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "description": "an id: lowercase letters, digits and single dashes"}),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[Text, WithJsonSchema({"type": "string", "description": "Markdown text, in the project's own words"})]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Reference:
    """Marks an id that must name an existing item of `kind` (a folder of data/)."""

    def __init__(self, kind: str):
        self.kind = kind

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict:
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


def _parse_end(value: Any) -> PartialDate | str:
    return "ongoing" if value == "ongoing" else PartialDate.parse(value)


End = Annotated[
    PartialDate | str,
    PlainValidator(_parse_end),
    WithJsonSchema({"anyOf": [{"const": "ongoing"}, dates.JSON_SCHEMA], "description": "a date, or 'ongoing'"}),
]


class Record(BaseModel):
    """Every mapping in the data: no unknown keys, no silent type conversion, read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, validate_default=True)


class Item(Record):
    """One file of data/<kind>/: its id is the file name; it cites at least one source."""

    id: Id | None = Field(default=None, description="Optional: the file name without .yml. If given, it must match.")
    sources: list[SourceId] = Field(min_length=1, description="Ids from data/sources.yml.")
    uncertain: list[Markdown] = Field(
        default=[], description="What the sources leave unconfirmed about this item; shown as a warning."
    )


# --- Declarations and proposal sets --------------------------------------------------


class Signatory(Record):
    name: Text
    office: Text


class Declaration(Item):
    title: Text
    date: PartialDate
    place: Text
    signatories: list[Signatory] = Field(min_length=1)
    summary: Markdown
    topics: list[TopicId] = Field(default=[], description="Topics this declaration set or added.")


class ProposalSet(Item):
    title: Text
    date: PartialDate
    count: int = Field(gt=0, description="How many proposals the Councils endorsed in this set.")
    declaration: DeclarationId
    endorsed_by: Text
    summary: Markdown
    area_counts: dict[AreaId, Annotated[int, Field(gt=0)]] = Field(
        default={}, description="Proposals per area, only where a source states the figure."
    )
    complete_list: Markdown | None = Field(
        default=None, description="Where the full official list of this set is published; shown on the coverage page."
    )


# --- Areas and actions -----------------------------------------------------------------


class Area(Item):
    number: int = Field(gt=0, description="Position in the 2016 Joint Declaration.")
    title: Text
    declaration: DeclarationId
    summary: Markdown
    topics: list[TopicId] = []


class Action(Item):
    title: Text
    set: SetId
    area: AreaId
    subheading: Text | None = None
    position: int | None = Field(default=None, gt=0, description="Place in its set, only where a source gives it.")
    summary: Markdown
    topics: list[TopicId] = []


# --- Progress reports ------------------------------------------------------------------


class Statement(Record):
    """A sentence of the project's own, with the sources that back it when they differ from the item's."""

    text: Markdown
    sources: list[SourceId] = []


def _as_statement(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


# A highlight is a plain sentence, or a mapping with its text and its own sources.
Highlight = Annotated[Statement, BeforeValidator(_as_statement, json_schema_input_type=Markdown | Statement)]


class Period(Record):
    start: PartialDate
    end: PartialDate

    @model_validator(mode="after")
    def _start_before_end(self) -> Period:
        if self.start.first_day > self.end.last_day:
            raise ValueError(f"the period starts ({self.start}) after it ends ({self.end}); expected start <= end")
        return self


class Mentions(Record):
    areas: list[AreaId] = []
    actions: list[ActionId] = []
    operations: list[OperationId] = []


class Report(Item):
    ordinal: int = Field(gt=0, description="The report's number: 1 for the first progress report, 2 for the second, and so on.")
    title: Text
    date: PartialDate
    date_kind: Literal["report", "presented", "council"] = Field(
        default="report",
        description="What the date is: printed on the report, the day it was presented to the Councils, "
        "or the day the Council of the EU took note of it.",
    )
    period: Period | None = Field(default=None, description="The months the report covers, only where the report states them.")
    highlights: list[Highlight] = Field(
        min_length=1, description="What the report says, in the project's own words: a sentence, or text with its own sources."
    )
    mentions: Mentions = Field(
        default=Mentions(), description="Ids of what the report itself speaks of; each of those pages links back to it."
    )


# --- Operations and mechanisms ---------------------------------------------------------


class Side(Record):
    """What one organisation brings: its operation, body or instrument, and when."""

    name: Text
    role: Markdown
    start: PartialDate | None = None
    end: End | None = None


class Milestone(Record):
    """A dated turn in an operation's life, e.g. one EU operation handing over to the next."""

    date: PartialDate
    text: Markdown
    sources: list[SourceId] = []


class Operation(Item):
    title: Text
    kind: Literal["operation", "mechanism"]
    theatre: Text
    start: PartialDate | None = Field(default=None, description="Left out when no source gives it.")
    end: End | None = Field(default=None, description="A date, 'ongoing', or left out when unknown.")
    nato: Side | None = None
    eu: Side | None = None
    summary: Markdown
    milestones: list[Milestone] = Field(default=[], description="Dated events beyond start and end; shown on the timeline.")
    areas: list[AreaId] = []
    actions: list[ActionId] = []
    topics: list[TopicId] = []


# --- Analyses: longer pages in the project's own words, on questions that cut across the record ----


class Analysis(Item):
    title: Text
    summary: Markdown = Field(description="One paragraph: what the page argues. Shown on the index.")
    body: Markdown = Field(description="The page itself, in Markdown; link other pages as ../operations/<id>.md.")
    areas: list[AreaId] = []
    actions: list[ActionId] = []
    operations: list[OperationId] = []
    topics: list[TopicId] = []


# --- Registries: one file each ---------------------------------------------------------


class Source(Record):
    """A cited document, listed once in data/sources.yml and cited by its id.

    `note` says what the reader should know, e.g. that the text was read in a translation.
    """

    title: Text
    issuer: Text
    date: PartialDate | None = None
    number: Text | None = Field(default=None, description="Official document number, e.g. 'Press Release (2017) 174'.")
    url: Url | None = None
    kind: Literal["official", "press", "analysis"] = "official"
    note: Text | None = None

    @model_validator(mode="after")
    def _findable(self) -> Source:
        # A document read only in a copy is cited by its name and date, never by the copy's address.
        if not (self.number or self.url or self.date):
            raise ValueError(
                "a source needs a way to find it; expected 'number' (official document number), 'url' "
                "(the issuer's own address) or, for a document known only by name, its 'date'"
            )
        return self


class Topic(Record):
    title: Text
    summary: Markdown | None = None


KINDS: dict[str, type[Item]] = {
    "declarations": Declaration,
    "sets": ProposalSet,
    "areas": Area,
    "actions": Action,
    "reports": Report,
    "operations": Operation,
    "analyses": Analysis,
}

Sources = dict[Id, Source]
Topics = dict[Id, Topic]
Glossary = dict[Text, Text]

REGISTRIES: dict[str, Any] = {"sources": Sources, "topics": Topics, "glossary": Glossary}
