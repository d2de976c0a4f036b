"""Joint progress reports: what each says, and which areas, actions and operations it speaks of."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .. import messages
from ..dates import PartialDate
from .base import ActionId, AreaId, Item, Markdown, OperationId, Record, StateId, Text


class Period(Record):
    start: PartialDate
    end: PartialDate

    @model_validator(mode="after")
    def _start_before_end(self) -> Period:
        if self.start.first_day > self.end.last_day:
            raise ValueError(messages.period_reversed(self.start, self.end))
        return self


class Mentions(Record):
    areas: list[AreaId] = []
    actions: list[ActionId] = []
    operations: list[OperationId] = []
    states: list[StateId] = []


# What a report's date is, as its page says it.
DATE_KINDS = {
    "report": "the date of the report",
    "presented": "the day it was presented to the Councils",
    "council": "the day the Council of the EU took note of it",
}


class Report(Item):
    ordinal: int = Field(
        gt=0, description="The report's number: 1 for the first progress report, 2 for the second, and so on."
    )
    title: Text
    date: PartialDate
    date_kind: Literal["report", "presented", "council"] = Field(
        default="report",
        description="What the date is: printed on the report, the day it was presented to the Councils, "
        "or the day the Council of the EU took note of it.",
    )
    period: Period | None = Field(
        default=None, description="The months the report covers, only where the report states them."
    )
    highlights: list[Markdown] = Field(
        min_length=1,
        description="What the report says, in the project's own words, each point citing its sources inline.",
    )
    mentions: Mentions = Field(
        default=Mentions(), description="Ids of what the report itself speaks of; each of those pages links back to it."
    )

    @property
    def date_meaning(self) -> str:
        """`the date of the report`, `the day it was presented to the Councils`, …"""
        return DATE_KINDS[self.date_kind]
