"""The dated events each kind contributes to the one chronology of the record (the Timeline page).

Each function takes one item and yields its events; the kind registry (kinds.py) names the
function of each kind that has dates, and `Site.events()` gathers them in date order.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass
from typing import Any

from .dates import PartialDate
from .model import Declaration, Operation, ProposalSet, Report, State, Strategy, TurningPoint


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


_JOINS = {"eu": "joins the EU", "nato": "joins NATO"}
_LEAVES = {"eu": "leaves the EU", "nato": "leaves NATO"}


# The Timeline page follows enlargements from 1999, NATO's first after the Cold War and the year the EU
# began its security and defence policy; the Members of both page has every date since 1949.
ENLARGEMENTS_FROM = 1999


def memberships(state: State) -> Iterator[Event]:
    """A state joining or leaving the EU or NATO since 1999: the enlargements of each, and the United Kingdom's exit."""
    for period in state.memberships:
        if period.body == "pfp":
            continue
        if period.joined.year >= ENLARGEMENTS_FROM:
            yield Event(period.joined, _JOINS[period.body], state, state.name)
        if period.left is not None and period.left.year >= ENLARGEMENTS_FROM:
            yield Event(period.left, _LEAVES[period.body], state, state.name)


def adopted(strategy: Strategy) -> Iterator[Event]:
    yield Event(strategy.date, "adopted", strategy, strategy.title)


def happened(turning_point: TurningPoint) -> Iterator[Event]:
    yield Event(turning_point.date, "", turning_point, turning_point.title)


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
