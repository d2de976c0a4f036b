"""Operations where the EU and NATO act side by side, and the standing mechanisms of their cooperation."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..dates import PartialDate
from .base import ActionId, AreaId, End, Item, Markdown, Record, StateId, Text, TopicId


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


class Operation(Item):
    title: Text
    kind: Literal["operation", "mechanism"]
    theatre: Text
    start: PartialDate | None = Field(default=None, description="Left out when no source gives it.")
    end: End | None = Field(default=None, description="A date, 'ongoing', or left out when unknown.")
    nato: Side | None = None
    eu: Side | None = None
    summary: Markdown
    milestones: list[Milestone] = Field(
        default=[], description="Dated events beyond start and end; shown on the timeline."
    )
    areas: list[AreaId] = []
    actions: list[ActionId] = []
    topics: list[TopicId] = []
    states: list[StateId] = Field(default=[], description="Ids from data/states/ of the states with a role in it.")

    def sides(self) -> list[tuple[str, Side]]:
        """The sides the record knows, as `("NATO", side)` and `("EU", side)`."""
        return [(name, side) for name, side in (("NATO", self.nato), ("EU", self.eu)) if side is not None]
