"""Turning points: events outside the formats that changed the partnership (a war, a state leaving, an opt-out ended)."""

from __future__ import annotations

from pydantic import Field

from ..dates import PartialDate
from .base import DeclarationId, Item, Markdown, StateId, StrategyId, Text, TopicId


class TurningPoint(Item):
    title: Text
    date: PartialDate
    summary: Markdown = Field(description="What happened and what followed for the partnership, cited inline.")
    states: list[StateId] = Field(default=[], description="Ids from data/states/ of the states it concerns.")
    declarations: list[DeclarationId] = []
    strategies: list[StrategyId] = []
    topics: list[TopicId] = []
