"""What each data file may hold: one strict class per kind, split by the part of the record it describes."""

from .actions import Action, Area
from .analyses import Analysis
from .base import ID_PATTERN, PLACEHOLDER, End, Id, Item, Markdown, Record, Reference, Text
from .declarations import Declaration, ProposalSet, Signatory
from .operations import Milestone, Operation, Side
from .registries import Edition, Glossary, Source, Sources, Topic, Topics
from .reports import Mentions, Period, Report
from .states import Membership, State
from .strategies import Strategy
from .turning_points import TurningPoint

__all__ = [
    "ID_PATTERN",
    "PLACEHOLDER",
    "Action",
    "Analysis",
    "Area",
    "Declaration",
    "Edition",
    "End",
    "Glossary",
    "Id",
    "Item",
    "Markdown",
    "Membership",
    "Mentions",
    "Milestone",
    "Operation",
    "Period",
    "ProposalSet",
    "Record",
    "Reference",
    "Report",
    "Side",
    "Signatory",
    "Source",
    "Sources",
    "State",
    "Strategy",
    "Text",
    "Topic",
    "Topics",
    "TurningPoint",
]
