"""The registries: one file each (data/sources.yml, topics.yml, glossary.yml), keyed by id or term."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .. import messages
from ..dates import PartialDate
from .base import Id, Markdown, Record, Text, Url


class Source(Record):
    """A cited document, listed once in data/sources.yml and cited by its id.

    `note` says what the reader should know, e.g. that the text was read in a translation.
    """

    title: Text
    issuer: Text
    date: PartialDate | None = None
    number: Text | None = Field(default=None, description="Official document number, e.g. 'Press Release (2017) 174'.")
    url: Url | None = None
    kind: Literal["official", "press", "analysis"] = "official"
    note: Text | None = None

    @model_validator(mode="after")
    def _findable(self) -> Source:
        # A document read only in a copy is cited by its name and date, never by the copy's address.
        if not (self.number or self.url or self.date):
            raise ValueError(messages.SOURCE_NOT_FINDABLE)
        return self


class Edition(Record):
    """Which edition of the record this is: cited with every page, so a citation names what the reader saw."""

    version: Text = Field(
        description="The edition's number, e.g. '1.1'; raised whenever a changed record is published."
    )
    date: PartialDate = Field(description="The day this edition was published: YYYY-MM-DD.")

    @model_validator(mode="after")
    def _to_the_day(self) -> Edition:
        if self.date.precision != "day":
            raise ValueError(messages.edition_date(self.date))
        return self


class Topic(Record):
    title: Text
    summary: Markdown | None = None


Sources = dict[Id, Source]
Topics = dict[Id, Topic]
Glossary = dict[Text, Text]
