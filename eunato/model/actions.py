"""The seven cooperation areas and the common actions filed under them."""

from __future__ import annotations

from pydantic import Field

from .base import AreaId, DeclarationId, Item, Markdown, SetId, StateId, Text, TopicId


class Area(Item):
    number: int = Field(gt=0, description="Position in the 2016 Joint Declaration.")
    title: Text
    declaration: DeclarationId
    summary: Markdown
    topics: list[TopicId] = []


class Action(Item):
    title: Text
    set: SetId
    area: AreaId
    subheading: Text | None = None
    position: int | None = Field(default=None, gt=0, description="Place in its set, only where a source gives it.")
    summary: Markdown
    topics: list[TopicId] = []
    states: list[StateId] = Field(default=[], description="Ids from data/states/ of the states with a role in it.")
