"""What ids alone cannot catch: the rules that need the whole record, one small function each.

Each rule reads the valid files of the record and yields a problem for each breach; load.py runs
every rule in `RULES`. A rule's message comes from messages.py.

    ordinals_unique      two reports with one ordinal
    numbers_unique       two areas with one number
    positions_unique     two actions of one set at one position
    positions_in_set     an action placed beyond the end of its set
    sets_not_overfull    a set holding more actions than the Councils endorsed, overall or in an area
    area_counts_fit      per-area counts adding up to more than the set's count
    spans_in_order       an operation, or one of its sides, ending before it starts
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import messages
from .problems import Problem

if TYPE_CHECKING:
    from .reader import DataFile, Reader

Rule = Callable[["Reader"], Iterator[Problem]]


def _unique(reader: Reader, kind: str, key: Callable[[Any], Any], field: str, other: str) -> Iterator[Problem]:
    """Each record's `key` (a number, or a (group, number) pair) differs from every other record's."""
    taken: dict[Any, DataFile] = {}
    clashes = []
    for file in reader.valid(kind).values():
        value = key(file.record)
        if value is None:
            continue
        if value in taken:
            clashes.append((file, value))
        else:
            taken[value] = file
    for file, value in clashes:
        number = value[-1] if isinstance(value, tuple) else value
        same_group = [v for v in taken if not isinstance(v, tuple) or v[:-1] == value[:-1]]
        free = 1 + max(v[-1] if isinstance(v, tuple) else v for v in same_group)
        yield file.problem((field,), messages.taken(field, number, f"{other} ({taken[value].name})", free))


def ordinals_unique(reader: Reader) -> Iterator[Problem]:
    return _unique(reader, "reports", lambda report: report.ordinal, "ordinal", "another report")


def numbers_unique(reader: Reader) -> Iterator[Problem]:
    return _unique(reader, "areas", lambda area: area.number, "number", "another area")


def positions_unique(reader: Reader) -> Iterator[Problem]:
    return _unique(
        reader,
        "actions",
        lambda action: (action.set, action.position) if action.position else None,
        "position",
        "another action of the same set",
    )


def positions_in_set(reader: Reader) -> Iterator[Problem]:
    sets = reader.valid("sets")
    for file in reader.valid("actions").values():
        action, proposal_set = file.record, sets.get(file.record.set)
        if proposal_set and action.position and action.position > proposal_set.record.count:
            yield file.problem(
                ("position",), messages.beyond_set(action.position, action.set, proposal_set.record.count)
            )


def _actions_by_set(reader: Reader) -> dict[str, list[Any]]:
    per_set: dict[str, list[Any]] = defaultdict(list)
    for file in reader.valid("actions").values():
        per_set[file.record.set].append(file.record)
    return per_set


def sets_not_overfull(reader: Reader) -> Iterator[Problem]:
    per_set = _actions_by_set(reader)
    for set_id, file in reader.valid("sets").items():
        actions, endorsed = per_set[set_id], file.record.count
        if len(actions) > endorsed:
            yield file.problem(("count",), messages.more_than_endorsed(len(actions), endorsed))
        in_area = Counter(action.area for action in actions)
        for area_id, in_set in file.record.area_counts.items():
            if in_area[area_id] > in_set:
                yield file.problem(
                    ("area_counts", area_id), messages.more_than_endorsed(in_area[area_id], in_set, area_id)
                )


def area_counts_fit(reader: Reader) -> Iterator[Problem]:
    for file in reader.valid("sets").values():
        total = sum(file.record.area_counts.values())
        if total > file.record.count:
            yield file.problem(("area_counts",), messages.area_counts_exceed(total, file.record.count))


def spans_in_order(reader: Reader) -> Iterator[Problem]:
    for file in reader.valid("operations").values():
        operation = file.record
        for location, span in [((), operation), *[((side,), getattr(operation, side)) for side in ("nato", "eu")]]:
            if (
                span is not None
                and span.start
                and isinstance(span.end, type(span.start))
                and span.end.last_day < span.start.first_day
            ):
                yield file.problem((*location, "end"), messages.ends_before_start(span.start, span.end))


RULES: tuple[Rule, ...] = (
    ordinals_unique,
    numbers_unique,
    positions_unique,
    positions_in_set,
    sets_not_overfull,
    area_counts_fit,
    spans_in_order,
)
