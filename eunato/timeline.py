"""One chronology from every date in the data: declarations, sets, reports, operations and their two sides."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .dates import PartialDate
from .site import Site


@dataclass(frozen=True)
class Event:
    date: PartialDate
    what: str  # "signed", "endorsed", "published", "starts", "ends"; empty when the label says it all
    item: Any  # the item whose page tells more
    label: str  # what happened to whom, e.g. "Operation Sea Guardian" for one side of an operation


def timeline(site: Site) -> list[Event]:
    """All dated events, oldest first; on the same date, in the order of the kinds above."""
    events = list(_events(site))
    return sorted(events, key=lambda event: event.date)


def _events(site: Site) -> Iterator[Event]:
    for declaration in site.declarations.values():
        yield Event(declaration.date, "signed", declaration, declaration.title)
    for proposal_set in site.sets.values():
        yield Event(proposal_set.date, "endorsed", proposal_set, f"{proposal_set.title} ({proposal_set.count} proposals)")
    for report in site.reports.values():
        yield Event(report.date, "published", report, report.title)
    for operation in site.operations.values():
        sides = [side for side in (operation.nato, operation.eu) if side is not None]
        # An operation usually starts and ends with one of its sides: list such a date once, under the side's name.
        side_dates = {date for side in sides for date in (side.start, side.end)}
        yield from _span(operation, operation.title, operation.start, operation.end, skip=side_dates)
        for side in sides:
            yield from _span(operation, side.name, side.start, side.end)
        for milestone in operation.milestones:
            yield Event(milestone.date, "", operation, milestone.text)


def _span(item: Any, label: str, start: PartialDate | None, end: Any, skip: set = frozenset()) -> Iterator[Event]:
    if start is not None and start not in skip:
        yield Event(start, "starts", item, label)
    if isinstance(end, PartialDate) and end not in skip:
        yield Event(end, "ends", item, label)
