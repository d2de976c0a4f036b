"""The whole record, validated, ordered and cross-linked: what every page and test reads.

    site.items("actions")                               # every action, in the kind's order
    site.of(Action)["2017-01"]                          # the same, typed
    site.referrers("areas", "cyber-security", "actions")  # the actions filed under that area

A kind name the registry does not know raises `UnknownKind`, so a typo in a template fails the
build instead of rendering "no item mentions this".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from . import kinds
from .dates import PartialDate
from .kinds import KINDS, UnknownKind
from .links import references
from .model import Edition, Item, Report, Source, Topic
from .problems import Problem
from .timeline import Event

T = TypeVar("T", bound=Item)


class Site:
    def __init__(
        self,
        items: Mapping[str, Mapping[str, Item]],
        sources: Mapping[str, Source] | None = None,
        topics: Mapping[str, Topic] | None = None,
        glossary: Mapping[str, str] | None = None,
        edition: Edition | None = None,
        placeholders: Iterable[Problem] = (),
        uncited: Iterable[Problem] = (),
    ):
        for name in items:
            kinds.kind(name)  # raises on a name the registry does not know
        self.sources: dict[str, Source] = dict(sources or {})
        self.topics: dict[str, Topic] = dict(topics or {})
        self.glossary: dict[str, str] = dict(glossary or {})
        # Which edition of the record this is (data/edition.yml); the date counts are stated for.
        self.edition = edition
        # Values `python -m eunato new` left for the editor: shown in the preview, refused by `check` and `--strict`.
        self.placeholders: list[Problem] = sorted(placeholders)
        # Paragraphs of prose that cite no source, for `python -m eunato check --uncited`.
        self.uncited: list[Problem] = sorted(uncited)
        # Kinds are ordered in the registry's order, so an order may use a kind before it (actions by set).
        self._items: dict[str, dict[str, Item]] = {}
        for row in KINDS:
            ordered = sorted(items.get(row.name, {}).values(), key=lambda item, row=row: row.order(item, self))  # type: ignore[misc]
            self._items[row.name] = {item.id: item for item in ordered}
        self._positions = {name: {item_id: n for n, item_id in enumerate(found)} for name, found in self._items.items()}
        self._kind_of = {id(item): name for name, found in self._items.items() for item in found.values()}
        self._by_model = {row.model: row.name for row in KINDS}
        # Every reference in the data, followed backwards once, so no page ever scans all items.
        self._referrers: dict[tuple[str, str], dict[str, dict[str, Item]]] = defaultdict(lambda: defaultdict(dict))
        for name, found in self._items.items():
            for item in found.values():
                for _, target_kind, target_id in references(item):
                    self._referrers[(target_kind, target_id)][name][item.id] = item

    # --- Items --------------------------------------------------------------------------

    def items(self, kind: str) -> list[Any]:
        """Every item of `kind`, in its order."""
        return list(self._of_kind(kind).values())

    def of(self, model: type[T]) -> dict[str, T]:
        """Every item of the kind whose model is `model`, by id, typed: `site.of(Action)["2017-01"].area`."""
        return self._items[self._by_model[model]]  # type: ignore[return-value]

    def get(self, kind: str, item_id: str) -> Any:
        return self._of_kind(kind)[item_id]

    def has(self, kind: str, item_id: str) -> bool:
        return item_id in self._of_kind(kind)

    def get_all(self, kind: str, item_ids: Iterable[str]) -> list[Any]:
        """The items named by `item_ids`, in the order the data lists them."""
        found = self._of_kind(kind)
        return [found[item_id] for item_id in item_ids]

    def __getattr__(self, name: str) -> dict[str, Any]:
        # `site.actions` in templates: the items of a kind by id. Anything else is an error that names the kinds.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._of_kind(name)
        except UnknownKind as error:
            raise AttributeError(str(error)) from None

    def _of_kind(self, kind: str) -> dict[str, Item]:
        try:
            return self._items[kind]
        except (KeyError, TypeError):
            kinds.kind(kind)  # raises, naming the kinds that exist
            raise

    # --- Order and links ------------------------------------------------------------------

    def neighbours(self, kind: str, item_id: str) -> tuple[Any | None, Any | None]:
        """The items just before and after `item_id` in its kind's order."""
        ordered = self.items(kind)
        index = self._positions[kind][item_id]
        return (ordered[index - 1] if index > 0 else None, ordered[index + 1] if index + 1 < len(ordered) else None)

    def position(self, kind: str, item_id: str) -> int:
        """Where `item_id` stands in its kind's order, from 0: a sort key for tables."""
        self._of_kind(kind)
        return self._positions[kind][item_id]

    def kind_of(self, item: Item) -> str:
        return self._kind_of[id(item)]

    def referrers(self, kind: str, item_id: str, from_kind: str) -> list[Any]:
        """Items of `from_kind` that name `kind/item_id` anywhere in their data, in `from_kind` order."""
        if not kinds.is_registry(kind):
            kinds.kind(kind)
        kinds.kind(from_kind)
        # Built while walking each kind in its own order, so the values are already ordered.
        return list(self._referrers.get((kind, item_id), {}).get(from_kind, {}).values())

    def citing(self, source_id: str) -> dict[str, list[Any]]:
        """Every item that cites `source_id`, by kind."""
        return {row.name: found for row in KINDS if (found := self.referrers("sources", source_id, row.name))}

    # --- Facts about the whole record -------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {name: len(found) for name, found in self._items.items()}

    @property
    def latest_report(self) -> Report | None:
        return next(reversed(self.of(Report).values()), None)

    def events(self) -> list[Event]:
        """Every dated event of the record, oldest first; on one date, in the order of the kinds."""
        found = [event for row in KINDS if row.events for item in self.items(row.name) for event in row.events(item)]
        return sorted(found, key=lambda event: event.date)

    @property
    def latest_date(self) -> PartialDate | None:
        """The last date the record knows of, to which an ongoing operation is drawn."""
        return max((event.date for event in self.events()), default=None)
