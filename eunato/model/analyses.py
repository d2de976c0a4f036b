"""Analyses: longer pages in the project's own words, on questions that cut across the record."""

from __future__ import annotations

from pydantic import Field

from .base import ActionId, AreaId, Item, Markdown, OperationId, StateId, Text, TopicId


class Analysis(Item):
    title: Text
    summary: Markdown = Field(description="One paragraph: what the page argues. Shown on the index.")
    body: Markdown = Field(description="The page itself, in Markdown; link other pages as ../operations/<id>.md.")
    areas: list[AreaId] = []
    actions: list[ActionId] = []
    operations: list[OperationId] = []
    topics: list[TopicId] = []
    states: list[StateId] = Field(default=[], description="Ids from data/states/ of the states with a role in it.")
