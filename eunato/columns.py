"""The CSV downloads: which columns each table has, and how each value is written as text.

A column is named after the field it comes from (`nato.start` is the start of the NATO side of an
operation). Its description is the model field's own `description` unless the column says more,
so the Data page, which documents every column from these declarations, and the JSON Schemas say
the same. The kind registry (kinds.py) names the table of each kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from . import urls
from .model import Report, State

if TYPE_CHECKING:
    from .site import Site


def text(value: Any) -> str:
    """One value as text: a date as `2019-06`, nothing as an empty cell."""
    return "" if value is None else str(value)


def ids(values: Iterable[str]) -> str:
    """Ids never contain spaces, so a space separates them: `cyber-security hybrid-threats`."""
    return " ".join(values)


def lines(values: Iterable[str]) -> str:
    """Free text, one entry per line (the cell is quoted, as CSV allows)."""
    return "\n".join(values)


@dataclass(frozen=True)
class Column:
    name: str  # the path of the field in the model: "nato.start"
    description: str = ""  # empty: the model field's description
    write: Callable[[Any], str] = text

    def value(self, row: Any) -> str:
        value = row
        for part in self.name.split("."):
            value = getattr(value, part, None) if value is not None else None
        return self.write(value) if value is not None else ""

    def describe(self, model: type[BaseModel] | None) -> str:
        """What the column holds: its own description, else the model field's."""
        description = self.description
        for part in self.name.split("."):
            if description or model is None:
                break
            field = model.model_fields[part]
            description = field.description or "" if part == self.name.split(".")[-1] else ""
            model = next(
                (
                    arg
                    for arg in (field.annotation, *getattr(field.annotation, "__args__", ()))
                    if isinstance(arg, type) and issubclass(arg, BaseModel)
                ),
                None,
            )
        return description


@dataclass(frozen=True)
class Table:
    name: str
    row: str  # what a row is, for the Data page: "one row per common action"
    columns: tuple[Column, ...]
    # The rows: by default every item of the kind the table belongs to.
    rows: Callable[[Site], Iterable[Any]] | None = None

    @property
    def path(self) -> str:
        return urls.table_path(self.name)

    def header(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass(frozen=True)
class Mention:
    """One row of report-mentions.csv: report `report` mentions `kind`/`id`."""

    report: str
    kind: str
    id: str


def report_mentions(site: Site) -> list[Mention]:
    return [
        Mention(report.id, kind, target)
        for report in site.of(Report).values()
        for kind in ("areas", "actions", "operations", "states")
        for target in getattr(report.mentions, kind)
    ]


ID = Column("id", "The item's id: its file name in data/ and the last part of its page address.")
TITLE = Column("title", "Title, as shown on the item's page.")
SUMMARY = Column("summary", "Summary in this project's own words (Markdown; sources cited inline as [@source-id]).")
TOPICS = Column("topics", "Ids of the topics it belongs to (see topics.csv), separated by spaces.", ids)
SOURCES = Column("sources", "Ids of the sources it cites (see sources.csv), separated by spaces.", ids)
UNCERTAIN = Column("uncertain", "What the sources leave unconfirmed, one note per line; empty if nothing.", lines)
DATE = "YYYY-MM-DD, or YYYY-MM or YYYY when the sources give only the month or the year"

DECLARATIONS = Table(
    "declarations",
    "Joint Declaration",
    (
        ID,
        TITLE,
        Column("date", f"Date of signature: {DATE}."),
        Column("place", "Where it was signed."),
        Column(
            "signatories",
            "Who signed it, one per line as 'name, office'.",
            lambda people: lines(f"{person.name}, {person.office}" for person in people),
        ),
        SUMMARY,
        TOPICS,
        SOURCES,
        UNCERTAIN,
    ),
)
SETS = Table(
    "sets",
    "common set of proposals",
    (
        ID,
        TITLE,
        Column("date", f"Date both Councils endorsed it: {DATE}."),
        Column("count"),
        Column("declaration", "Id of the declaration it implements."),
        Column("endorsed_by", "Who endorsed it."),
        Column(
            "area_counts",
            "Proposals per area as 'area-id=number', separated by spaces; only where a source states the figure.",
            lambda counts: ids(f"{area}={number}" for area, number in counts.items()),
        ),
        SUMMARY,
        SOURCES,
        UNCERTAIN,
    ),
)
AREAS = Table(
    "areas",
    "cooperation area",
    (
        ID,
        Column("number"),
        TITLE,
        Column("declaration", "Id of the declaration that named it."),
        SUMMARY,
        TOPICS,
        SOURCES,
        UNCERTAIN,
    ),
)
ACTIONS = Table(
    "actions",
    "common action (proposal) described in this record",
    (
        ID,
        TITLE,
        Column("set", "Id of the set that holds it (see sets.csv)."),
        Column("position", "Its number within the set; empty where no source gives it."),
        Column("area", "Id of its cooperation area (see areas.csv)."),
        Column("subheading", "The sub-heading it stands under in the set, if any."),
        SUMMARY,
        TOPICS,
        SOURCES,
        UNCERTAIN,
    ),
)
REPORTS = Table(
    "reports",
    "joint progress report",
    (
        ID,
        Column("ordinal"),
        TITLE,
        Column("date", f"Date of the report: {DATE}."),
        Column("period.start", f"Start of the period it covers ({DATE}); empty if not stated."),
        Column("period.end", f"End of the period it covers ({DATE}); empty if not stated."),
        Column(
            "highlights",
            "What it reported, in this project's words, one highlight per line, "
            "each citing its sources inline as [@source-id].",
            lines,
        ),
        SOURCES,
        UNCERTAIN,
    ),
)
REPORT_MENTIONS = Table(
    "report-mentions",
    "mention of an area, action, operation or state by a report",
    (
        Column("report", "Id of the report (see reports.csv)."),
        Column("kind", "What it mentions: areas, actions, operations or states (the name of the CSV file to look in)."),
        Column("id", "Id of the area, action, operation or state it mentions."),
    ),
    rows=report_mentions,
)
OPERATIONS = Table(
    "operations",
    "operation or standing mechanism where the EU and NATO meet",
    (
        ID,
        TITLE,
        Column("kind", "'operation' (each organisation runs its own, side by side) or 'mechanism'."),
        Column("theatre", "Where it takes place."),
        Column("start", f"When it began: {DATE}."),
        Column("end", f"When it ended ({DATE}), 'ongoing', or empty when not known."),
        *(
            column
            for side, name in (("nato", "NATO"), ("eu", "EU"))
            for column in (
                Column(f"{side}.name", f"The {name} operation, body or instrument; empty if {name} has none here."),
                Column(f"{side}.role", f"What the {name} side does (Markdown)."),
                Column(f"{side}.start", f"When the {name} side began ({DATE}); empty when not known."),
                Column(f"{side}.end", f"When the {name} side ended ({DATE}), 'ongoing', or empty when not known."),
            )
        ),
        SUMMARY,
        Column("areas", "Ids of the cooperation areas it serves, separated by spaces.", ids),
        Column("actions", "Ids of the common actions it serves, separated by spaces.", ids),
        TOPICS,
        SOURCES,
        UNCERTAIN,
    ),
)
STATES = Table(
    "states",
    "state that has belonged to the EU or NATO, or a partner with a role in the record",
    (ID, Column("name"), SUMMARY, SOURCES, UNCERTAIN),
)
MEMBERSHIPS = Table(
    "memberships",
    "period of a state in the EU, NATO or NATO's Partnership for Peace",
    (
        Column("state", "Id of the state (see states.csv)."),
        Column(
            "body",
            "'eu' (the European Communities from 1958, the EU since 1993), 'nato' or 'pfp' (Partnership for Peace).",
        ),
        Column("joined", f"When it joined: {DATE}."),
        Column("joined_source", "Id of the source that gives that date (see sources.csv)."),
        Column("left", f"The last day of membership ({DATE}); empty while it lasts."),
        Column("left_source", "Id of the source that gives that date; empty while it lasts."),
    ),
    rows=lambda site: [
        SimpleNamespace(state=state.id, **dict(period))
        for state in site.of(State).values()
        for period in state.memberships
    ],
)
STRATEGIES = Table(
    "strategies",
    "strategy, summit declaration or set of conclusions that frames the partnership",
    (
        ID,
        TITLE,
        Column("issuer", "'nato' or 'eu'."),
        Column("type", "'strategic-concept', 'strategy', 'summit-declaration' or 'council-conclusions'."),
        Column("date", f"When it was adopted: {DATE}."),
        Column("adopted_by"),
        SUMMARY,
        Column(
            "on_partner", "What it says about the other organisation (Markdown, cited inline); empty if not recorded."
        ),
        Column(
            "areas",
            "The areas it speaks to, as area ids separated by spaces (what it says is in the JSON).",
            ids,
        ),
        TOPICS,
        SOURCES,
        UNCERTAIN,
    ),
)
TURNING_POINTS = Table(
    "turning-points",
    "event that changed the partnership",
    (
        ID,
        TITLE,
        Column("date", f"When it happened: {DATE}."),
        SUMMARY,
        Column("states", "Ids of the states it concerns (see states.csv), separated by spaces.", ids),
        TOPICS,
        SOURCES,
        UNCERTAIN,
    ),
)
SOURCE_LIST = Table(
    "sources",
    "cited document",
    (
        Column("id", "The id items cite it by (the sources columns of the other files)."),
        Column("title", "Title of the document."),
        Column("issuer", "Who issued or published it."),
        Column("date", f"Its date ({DATE}); empty if undated."),
        Column("number"),
        Column("url", "Where to read it, if it is online."),
        Column("kind", "'official', 'press' (a press article) or 'analysis'."),
        Column("note", "A remark on the source, if any."),
    ),
)
TOPIC_LIST = Table(
    "topics",
    "theme that cuts across the areas",
    (
        Column("id", "The id items name it by (the topics columns of the other files)."),
        Column("title", "Its name, as shown on the Topics page."),
        Column("summary", "What it covers, if described."),
    ),
)
