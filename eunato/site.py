"""The whole record, validated, ordered and cross-linked: what every page and test reads."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .dates import PartialDate
from .links import references
from .model import KINDS, Action, Item, Operation, Source, Topic
from .problems import Problem


def natural_key(text: str) -> tuple:
    """Sort '2' before '10': `sorted(ids, key=natural_key)`."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


def _far_future() -> PartialDate:
    return PartialDate(9999)


# How each kind is ordered on its index page, in navigation and in lists of links.
ORDER: dict[str, Callable[[Any, Site], Any]] = {
    "declarations": lambda item, site: (item.date, natural_key(item.id)),
    "sets": lambda item, site: (item.date, natural_key(item.id)),
    "areas": lambda item, site: (item.number, natural_key(item.id)),
    "actions": lambda item, site: (
        site.sets[item.set].date if item.set in site.sets else _far_future(),
        item.position or 10**6,
        natural_key(item.id),
    ),
    "reports": lambda item, site: (item.ordinal, natural_key(item.id)),
    "operations": lambda item, site: (item.start or _far_future(), natural_key(item.id)),
    "analyses": lambda item, site: (item.title, natural_key(item.id)),
}


@dataclass
class Site:
    """`site.referrers("areas", "cyber-security", "actions")` lists the actions filed under that area."""

    declarations: dict[str, Any] = field(default_factory=dict)
    sets: dict[str, Any] = field(default_factory=dict)
    areas: dict[str, Any] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    reports: dict[str, Any] = field(default_factory=dict)
    operations: dict[str, Operation] = field(default_factory=dict)
    analyses: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    glossary: dict[str, str] = field(default_factory=dict)
    # Values `python -m eunato new` left for the editor: shown in the preview, refused by `check` and `--strict`.
    placeholders: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        for kind in KINDS:
            ordered = sorted(getattr(self, kind).values(), key=lambda item: ORDER[kind](item, self))
            setattr(self, kind, {item.id: item for item in ordered})
        self._ordered_ids = {kind: list(getattr(self, kind)) for kind in KINDS}
        self._positions = {kind: {i: n for n, i in enumerate(ids)} for kind, ids in self._ordered_ids.items()}
        self._kind_of = {id(item): kind for kind in KINDS for item in getattr(self, kind).values()}
        # Every reference in the data, followed backwards once, so no page ever scans all items.
        self._referrers: dict[tuple[str, str], dict[str, dict[str, Item]]] = defaultdict(lambda: defaultdict(dict))
        for kind in KINDS:
            for item in getattr(self, kind).values():
                for _, target_kind, target_id in references(item):
                    self._referrers[(target_kind, target_id)][kind][item.id] = item

    def items(self, kind: str) -> list[Any]:
        return list(getattr(self, kind).values())

    def get(self, kind: str, item_id: str) -> Any:
        return getattr(self, kind)[item_id]

    def get_all(self, kind: str, item_ids: list[str]) -> list[Any]:
        """The items named by `item_ids`, in the order the data lists them."""
        items = getattr(self, kind)
        return [items[item_id] for item_id in item_ids]

    def neighbours(self, kind: str, item_id: str) -> tuple[Any | None, Any | None]:
        """The items just before and after `item_id` in its kind's order."""
        keys, items = self._ordered_ids[kind], getattr(self, kind)
        index = self._positions[kind][item_id]
        return (
            items[keys[index - 1]] if index > 0 else None,
            items[keys[index + 1]] if index + 1 < len(keys) else None,
        )

    def kind_of(self, item: Item) -> str:
        return self._kind_of[id(item)]

    def referrers(self, kind: str, item_id: str, from_kind: str) -> list[Any]:
        """Items of `from_kind` that name `kind/item_id` anywhere in their data, in `from_kind` order."""
        # Built while walking each kind in its own order, so the values are already ordered.
        return list(self._referrers.get((kind, item_id), {}).get(from_kind, {}).values())

    def citing(self, source_id: str) -> dict[str, list[Any]]:
        """Every item that cites `source_id`, by kind."""
        return {kind: items for kind in KINDS if (items := self.referrers("sources", source_id, kind))}

    @property
    def latest_report(self) -> Any | None:
        return next(reversed(self.reports.values()), None)

    def counts(self) -> dict[str, int]:
        return {kind: len(getattr(self, kind)) for kind in KINDS}
