"""Joint Declarations and the common sets of proposals that implement them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..dates import PartialDate
from .base import AreaId, DeclarationId, Item, Markdown, Record, StateId, Text, TopicId


class Signatory(Record):
    name: Text
    office: Text


class Declaration(Item):
    title: Text
    date: PartialDate
    place: Text
    signatories: list[Signatory] = Field(min_length=1)
    summary: Markdown
    topics: list[TopicId] = Field(default=[], description="Topics this declaration set or added.")
    states: list[StateId] = Field(default=[], description="Ids from data/states/ of the states with a role in it.")


class ProposalSet(Item):
    title: Text
    date: PartialDate
    count: int = Field(gt=0, description="How many proposals the Councils endorsed in this set.")
    declaration: DeclarationId
    endorsed_by: Text
    summary: Markdown
    area_counts: dict[AreaId, Annotated[int, Field(gt=0)]] = Field(
        default={}, description="Proposals per area, only where a source states the figure."
    )
    complete_list: Markdown | None = Field(
        default=None, description="Where the full official list of this set is published; shown on the coverage page."
    )
