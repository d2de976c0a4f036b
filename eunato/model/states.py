"""States: their membership of the EU and of NATO, and of NATO's Partnership for Peace, each date with its source.

The European Union counts from the European Communities, which its six founders formed on
1 January 1958; NATO from the signature of the North Atlantic Treaty in 1949.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .. import messages
from ..dates import PartialDate
from .base import Item, Markdown, Record, SourceId, Text

# How a page names each organisation a state can belong to.
BODIES = {"eu": "European Union", "nato": "NATO", "pfp": "Partnership for Peace"}


class Membership(Record):
    """One period in one organisation: when the state joined and, where it applies, left; a source for each date."""

    body: Literal["eu", "nato", "pfp"] = Field(description="eu, nato, or pfp (NATO's Partnership for Peace).")
    joined: PartialDate
    joined_source: SourceId = Field(description="The id of a source that gives the date it joined.")
    left: PartialDate | None = Field(default=None, description="The last day of membership, where it ended.")
    left_source: SourceId | None = Field(default=None, description="The id of a source that gives the date it left.")

    @model_validator(mode="after")
    def _left_is_sourced_and_after_joining(self) -> Membership:
        if self.left is not None and self.left_source is None:
            raise ValueError(messages.date_without_source("left"))
        if self.left is None and self.left_source is not None:
            raise ValueError(messages.source_without_date("left"))
        if self.left is not None and self.left.last_day < self.joined.first_day:
            raise ValueError(messages.ends_before_start(self.joined, self.left))
        return self

    @property
    def body_name(self) -> str:
        return BODIES[self.body]

    def holds_on(self, day: PartialDate) -> bool:
        """Whether the state belonged on `day` (a date known to the month or year counts from its first day)."""
        return self.joined.first_day <= day.first_day and (self.left is None or day.first_day <= self.left.last_day)


class State(Item):
    name: Text = Field(description="Its short name in English, as the EU and NATO write it.")
    memberships: list[Membership] = Field(
        default=[],
        description="Its periods in the EU, NATO and the Partnership for Peace; none for a partner outside them.",
    )
    summary: Markdown | None = Field(
        default=None,
        description="What its position means for EU–NATO formats, in the project's own words, cited inline.",
    )

    @property
    def title(self) -> str:
        return self.name

    def member_of(self, body: str, day: PartialDate) -> bool:
        return any(period.body == body and period.holds_on(day) for period in self.memberships)
