"""The CSV downloads: which tables, which columns, and what each column holds.

A column is named after the field it comes from (`nato.start` is the start of the
NATO side of an operation) and says how the value is written as text. The Data
page documents the columns from these same declarations, so the files and their
documentation cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

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
    description: str
    write: Callable[[Any], str] = text

    def value(self, row: Any) -> str:
        value = row
        for part in self.name.split("."):
            value = getattr(value, part, None) if value is not None else None
        return self.write(value) if value is not None else ""


@dataclass(frozen=True)
class Table:
    name: str
    row: str  # what a row is, for the Data page: "one row per common action"
    rows: Callable[[Site], Iterable[Any]]
    columns: tuple[Column, ...]

    @property
    def path(self) -> str:
        """Where the file is in the built site: `data/actions.csv`."""
        return f"data/{self.name}.csv"

    def header(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass(frozen=True)
class Mention:
    """One row of report-mentions.csv: report `report` mentions `kind`/`id`."""

    report: str
    kind: str
    id: str


def mentions(site: Site) -> list[Mention]:
    return [
        Mention(report.id, kind, target)
        for report in site.items("reports")
        for kind in ("areas", "actions", "operations")
        for target in getattr(report.mentions, kind)
    ]


def registry(site: Site, name: str) -> list[SimpleNamespace]:
    """Entries of sources.yml or topics.yml, each with its key as `id`."""
    return [SimpleNamespace(id=key, **dict(entry)) for key, entry in getattr(site, name).items()]


def items(kind: str) -> Callable[[Site], list[Any]]:
    return lambda site: site.items(kind)


ID = Column("id", "The item's id: its file name in data/ and the last part of its page address.")
TITLE = Column("title", "Title, as shown on the item's page.")
SUMMARY = Column("summary", "Summary in this project's own words (Markdown).")
TOPICS = Column("topics", "Ids of the topics it belongs to (see topics.csv), separated by spaces.", ids)
SOURCES = Column("sources", "Ids of the sources it cites (see sources.csv), separated by spaces.", ids)
UNCERTAIN = Column("uncertain", "What the sources leave unconfirmed, one note per line; empty if nothing.", lines)
DATE = "YYYY-MM-DD, or YYYY-MM or YYYY when the sources give only the month or the year"

TABLES: tuple[Table, ...] = (
    Table("declarations", "Joint Declaration", items("declarations"), (
        ID, TITLE,
        Column("date", f"Date of signature: {DATE}."),
        Column("place", "Where it was signed."),
        Column("signatories", "Who signed it, one per line as 'name, office'.",
               lambda people: lines(f"{person.name}, {person.office}" for person in people)),
        SUMMARY, TOPICS, SOURCES, UNCERTAIN,
    )),
    Table("sets", "common set of proposals", items("sets"), (
        ID, TITLE,
        Column("date", f"Date both Councils endorsed it: {DATE}."),
        Column("count", "How many proposals the Councils endorsed in this set."),
        Column("declaration", "Id of the declaration it implements."),
        Column("endorsed_by", "Who endorsed it."),
        Column("area_counts", "Proposals per area as 'area-id=number', separated by spaces; "
               "only where a source states the figure.",
               lambda counts: ids(f"{area}={count}" for area, count in counts.items())),
        SUMMARY, SOURCES, UNCERTAIN,
    )),
    Table("areas", "cooperation area", items("areas"), (
        ID,
        Column("number", "Its number in the 2016 Joint Declaration."),
        TITLE,
        Column("declaration", "Id of the declaration that named it."),
        SUMMARY, TOPICS, SOURCES, UNCERTAIN,
    )),
    Table("actions", "common action (proposal) described in this record", items("actions"), (
        ID, TITLE,
        Column("set", "Id of the set that holds it (see sets.csv)."),
        Column("position", "Its number within the set; empty where no source gives it."),
        Column("area", "Id of its cooperation area (see areas.csv)."),
        Column("subheading", "The sub-heading it stands under in the set, if any."),
        SUMMARY, TOPICS, SOURCES, UNCERTAIN,
    )),
    Table("reports", "joint progress report", items("reports"), (
        ID,
        Column("ordinal", "1 for the first progress report, 2 for the second, and so on."),
        TITLE,
        Column("date", f"Date of the report: {DATE}."),
        Column("period.start", f"Start of the period it covers ({DATE}); empty if not stated."),
        Column("period.end", f"End of the period it covers ({DATE}); empty if not stated."),
        Column("highlights", "What it reported, in this project's words, one highlight per line.",
               lambda statements: lines(statement.text for statement in statements)),
        SOURCES, UNCERTAIN,
    )),
    Table("report-mentions", "mention of an area, action or operation by a report", mentions, (
        Column("report", "Id of the report (see reports.csv)."),
        Column("kind", "What it mentions: areas, actions or operations (the name of the CSV file to look in)."),
        Column("id", "Id of the area, action or operation it mentions."),
    )),
    Table("operations", "operation or standing mechanism where the EU and NATO meet", items("operations"), (
        ID, TITLE,
        Column("kind", "'operation' (each organisation runs its own, side by side) or 'mechanism'."),
        Column("theatre", "Where it takes place."),
        Column("start", f"When it began: {DATE}."),
        Column("end", f"When it ended ({DATE}), 'ongoing', or empty when not known."),
        *(column
          for side, name in (("nato", "NATO"), ("eu", "EU"))
          for column in (
              Column(f"{side}.name", f"The {name} operation, body or instrument; empty if {name} has none here."),
              Column(f"{side}.role", f"What the {name} side does (Markdown)."),
              Column(f"{side}.start", f"When the {name} side began ({DATE}); empty when not known."),
              Column(f"{side}.end", f"When the {name} side ended ({DATE}), 'ongoing', or empty when not known."),
          )),
        SUMMARY,
        Column("areas", "Ids of the cooperation areas it serves, separated by spaces.", ids),
        Column("actions", "Ids of the common actions it serves, separated by spaces.", ids),
        TOPICS, SOURCES, UNCERTAIN,
    )),
    Table("sources", "cited document", lambda site: registry(site, "sources"), (
        Column("id", "The id items cite it by (the sources columns of the other files)."),
        Column("title", "Title of the document."),
        Column("issuer", "Who issued or published it."),
        Column("date", f"Its date ({DATE}); empty if undated."),
        Column("number", "Official document number, if it has one."),
        Column("url", "Where to read it, if it is online."),
        Column("kind", "'official', 'press' (a press article) or 'analysis'."),
        Column("note", "A remark on the source, if any."),
    )),
    Table("topics", "theme that cuts across the areas", lambda site: registry(site, "topics"), (
        Column("id", "The id items name it by (the topics columns of the other files)."),
        Column("title", "Its name, as shown on the Topics page."),
        Column("summary", "What it covers, if described."),
    )),
)
