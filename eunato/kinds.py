"""The kinds of the record, one declarative row each: everything else reads these rows.

A kind is a folder of data/ (`data/actions/`), one YAML file per item, the file name its id. Its
row says which model checks a file, what one item is called, the title of its index page, how its
items are ordered, whether the navigation lists them, its CSV tables and its timeline events.
The loader, `Site`, the pages, the downloads, the editors' schemas, the scaffold and the tests all
read these rows, so adding a kind is: its model class, one row here, two templates
(`docs/templates/<name>.md` for the index, `<singular>.md` for an item) and one nav line.

A registry is a single file of data/ (`data/sources.yml`) keyed by id or term.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from . import columns, messages, timeline
from .columns import Table
from .dates import PartialDate
from .model import (
    Action,
    Analysis,
    Area,
    Declaration,
    Edition,
    Glossary,
    Item,
    Operation,
    ProposalSet,
    Report,
    Source,
    Sources,
    State,
    Strategy,
    Topic,
    Topics,
    TurningPoint,
)
from .text import count, natural_key

if TYPE_CHECKING:
    from .site import Site

_LAST = PartialDate(9999)  # sorts after every real date


@dataclass(frozen=True)
class Kind:
    name: str  # its folder in data/ and the first part of its pages' addresses: "actions"
    model: type[Item]
    singular: str  # one item: "action"; also the name of its item template and its JSON Schema
    plural: str  # several items, in running text: "actions"
    title: str  # the title of its index page: "Common actions"
    order: Callable[[Any, Site], Any]  # sort key of an item, for index pages, navigation and lists of links
    # Whether the navigation lists each item. The navigation is written into every HTML file, so only
    # kinds that stay short are listed; the others are reached from their index pages.
    in_nav: bool
    tables: tuple[Table, ...] = ()  # its CSV downloads; the first holds one row per item
    events: Callable[[Any], Iterable[timeline.Event]] | None = None  # its dates on the Timeline page

    @property
    def slug(self) -> str:
        """One item's name in file names: its item template `<slug>.md` and its JSON Schema: `turning-point`."""
        return self.singular.replace(" ", "-")

    def count(self, number: int) -> str:
        """`3 actions`, `1 analysis`."""
        return count(number, self.singular, self.plural)


@dataclass(frozen=True)
class Registry:
    name: str  # data/<name>.yml
    schema: Any  # what the whole file must be: a mapping of id to entry
    entry: type[BaseModel] | None  # the model of one entry, for messages about its fields
    singular: str
    plural: str
    holds: str  # what the file holds, for the message when it is missing: "every cited document, once"
    required: bool = False
    table: Table | None = None


KINDS: tuple[Kind, ...] = (
    Kind(
        "declarations",
        Declaration,
        "declaration",
        "declarations",
        "Joint Declarations",
        order=lambda item, site: (item.date, natural_key(item.id)),
        in_nav=True,
        tables=(columns.DECLARATIONS,),
        events=timeline.signed,
    ),
    Kind(
        "sets",
        ProposalSet,
        "set",
        "sets",
        "Proposal sets",
        order=lambda item, site: (item.date, natural_key(item.id)),
        in_nav=True,
        tables=(columns.SETS,),
        events=timeline.endorsed,
    ),
    Kind(
        "areas",
        Area,
        "area",
        "areas",
        "Cooperation areas",
        order=lambda item, site: (item.number, natural_key(item.id)),
        in_nav=True,
        tables=(columns.AREAS,),
    ),
    Kind(
        "actions",
        Action,
        "action",
        "actions",
        "Common actions",
        # By set (in the sets' order), then by position in the set where a source gives it.
        order=lambda item, site: (
            site.get("sets", item.set).date if site.has("sets", item.set) else _LAST,
            item.position or 10**6,
            natural_key(item.id),
        ),
        in_nav=False,
        tables=(columns.ACTIONS,),
    ),
    Kind(
        "reports",
        Report,
        "report",
        "reports",
        "Progress reports",
        order=lambda item, site: (item.ordinal, natural_key(item.id)),
        in_nav=True,
        tables=(columns.REPORTS, columns.REPORT_MENTIONS),
        events=timeline.published,
    ),
    Kind(
        "operations",
        Operation,
        "operation",
        "operations",
        "Operations and mechanisms",
        order=lambda item, site: (item.start or _LAST, natural_key(item.id)),
        in_nav=False,
        tables=(columns.OPERATIONS,),
        events=timeline.operation_events,
    ),
    Kind(
        "analyses",
        Analysis,
        "analysis",
        "analyses",
        "Analysis",
        order=lambda item, site: (item.title, natural_key(item.id)),
        in_nav=True,
    ),
    Kind(
        "states",
        State,
        "state",
        "states",
        "Members of both",
        order=lambda item, site: (item.name, natural_key(item.id)),
        in_nav=False,
        tables=(columns.STATES, columns.MEMBERSHIPS),
        events=timeline.memberships,
    ),
    Kind(
        "strategies",
        Strategy,
        "strategy",
        "strategies",
        "Strategies and summit texts",
        order=lambda item, site: (item.date, natural_key(item.id)),
        in_nav=False,
        tables=(columns.STRATEGIES,),
        events=timeline.adopted,
    ),
    Kind(
        "turning-points",
        TurningPoint,
        "turning point",
        "turning points",
        "Turning points",
        order=lambda item, site: (item.date, natural_key(item.id)),
        in_nav=True,
        tables=(columns.TURNING_POINTS,),
        events=timeline.happened,
    ),
)

REGISTRIES: tuple[Registry, ...] = (
    Registry(
        "sources",
        Sources,
        Source,
        "source",
        "sources",
        "every cited document, once",
        required=True,
        table=columns.SOURCE_LIST,
    ),
    Registry("topics", Topics, Topic, "topic", "topics", "the topics items name", table=columns.TOPIC_LIST),
    Registry("glossary", Glossary, None, "glossary entry", "glossary entries", "each acronym and its meaning"),
    # Not a list but one mapping: the edition's number and date, shown in the footer and every citation.
    Registry("edition", Edition, Edition, "edition", "editions", "the edition's version and date", required=True),
)

_KINDS = {kind.name: kind for kind in KINDS}
_REGISTRIES = {registry.name: registry for registry in REGISTRIES}
NAMES = tuple(_KINDS)


def kind(name: str) -> Kind:
    """The row of `name`; an unknown name is an error that names the kinds that exist."""
    try:
        return _KINDS[name]
    except (KeyError, TypeError):
        raise UnknownKind(messages.unknown_kind(str(name), _KINDS)) from None


def registry(name: str) -> Registry:
    try:
        return _REGISTRIES[name]
    except (KeyError, TypeError):
        raise UnknownKind(messages.unknown_kind(str(name), _REGISTRIES)) from None


def is_registry(name: str) -> bool:
    return name in _REGISTRIES


def noun(name: str) -> str:
    """What one item of a kind or registry is called: `areas` -> `area`, `sources` -> `source`."""
    return (_KINDS.get(name) or registry(name)).singular


def tables() -> Iterator[tuple[Kind | Registry, Table]]:
    """Every CSV download, with the kind or registry whose rows it lists by default."""
    for row in KINDS:
        for table in row.tables:
            yield row, table
    for entry in REGISTRIES:
        if entry.table:
            yield entry, entry.table


class UnknownKind(LookupError):
    """A kind or registry name that the registry does not hold, e.g. a typo in a template."""
