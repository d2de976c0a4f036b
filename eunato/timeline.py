"""The dated events each kind contributes to the one chronology of the record (the Timeline page).

Each function takes one item and yields its events; the kind registry (kinds.py) names the
function of each kind that has dates, and `Site.events()` gathers them in date order.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass
from typing import Any

from .dates import PartialDate
from .model import Declaration, Operation, ProposalSet, Report


@dataclass(frozen=True)
class Event:
    date: PartialDate
    what: str  # "signed", "endorsed", "published", "starts", "ends"; empty when the label says it all
    item: Any  # the item whose page tells more
    label: str  # what happened to whom, e.g. "Operation Sea Guardian" for one side of an operation


def signed(declaration: Declaration) -> Iterator[Event]:
    yield Event(declaration.date, "signed", declaration, declaration.title)


def endorsed(proposal_set: ProposalSet) -> Iterator[Event]:
    yield Event(proposal_set.date, "endorsed", proposal_set, f"{proposal_set.title} ({proposal_set.count} proposals)")


def published(report: Report) -> Iterator[Event]:
    yield Event(report.date, "published", report, report.title)


def operation_events(operation: Operation) -> Iterator[Event]:
    sides = [side for _, side in operation.sides()]
    # An operation usually starts and ends with one of its sides: list such a date once, under the side's name.
    side_dates = {date for side in sides for date in (side.start, side.end)}
    yield from _span(operation, operation.title, operation.start, operation.end, skip=side_dates)
    for side in sides:
        yield from _span(operation, side.name, side.start, side.end)
    for milestone in operation.milestones:
        yield Event(milestone.date, "", operation, milestone.text)


def _span(
    item: Any, label: str, start: PartialDate | None, end: object, skip: Set[object] = frozenset()
) -> Iterator[Event]:
    if start is not None and start not in skip:
        yield Event(start, "starts", item, label)
    if isinstance(end, PartialDate) and end not in skip:
        yield Event(end, "ends", item, label)
