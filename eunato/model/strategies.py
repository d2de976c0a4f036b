"""Strategies and summit texts: what each organisation's top documents ask of the partnership, area by area."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..dates import PartialDate
from .base import AreaId, Item, Markdown, Text, TopicId

ISSUERS = {"nato": "NATO", "eu": "EU"}
TYPES = {
    "strategic-concept": "Strategic Concept",
    "strategy": "Strategy",
    "summit-declaration": "Summit declaration",
    "council-conclusions": "Council conclusions",
}


class Strategy(Item):
    title: Text = Field(description="The document's official title.")
    issuer: Literal["nato", "eu"]
    type: Literal["strategic-concept", "strategy", "summit-declaration", "council-conclusions"]
    date: PartialDate
    adopted_by: Text = Field(description="Who adopted it, and where.")
    summary: Markdown = Field(description="What the document is, in the project's own words, cited inline.")
    on_partner: Markdown | None = Field(
        default=None, description="What it says about the other organisation, cited inline with paragraph locators."
    )
    areas: dict[AreaId, Markdown] = Field(
        default={}, description="What it asks of the partnership in each area it speaks to, cited inline."
    )
    topics: list[TopicId] = []

    @property
    def issuer_name(self) -> str:
        return ISSUERS[self.issuer]

    @property
    def type_name(self) -> str:
        return TYPES[self.type]
