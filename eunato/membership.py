"""Who belongs to both organisations, on any day, computed from the states' memberships.

    overlap(site)                 # on the edition's date: Overlap(both=23 states, eu=27, nato=32, …)
    overlap(site, PartialDate(2004, 5, 1))
    by_year(site)                 # on 31 December of every year since the first membership, then the edition's date

Every count the site states about membership comes from here, so adding or changing a state's
membership changes every page that states one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import PartialDate
from .model import State
from .site import Site


@dataclass(frozen=True)
class Overlap:
    day: PartialDate
    eu: list[State]  # members of the EU on `day`
    nato: list[State]  # NATO Allies on `day`

    # States are told apart by identity: the lists hold the record's own objects, and comparing
    # pydantic models field by field made the yearly chart's figures cost a tenth of a second.

    @property
    def both(self) -> list[State]:
        nato = {id(state) for state in self.nato}
        return [state for state in self.eu if id(state) in nato]

    @property
    def eu_only(self) -> list[State]:
        nato = {id(state) for state in self.nato}
        return [state for state in self.eu if id(state) not in nato]

    @property
    def nato_only(self) -> list[State]:
        eu = {id(state) for state in self.eu}
        return [state for state in self.nato if id(state) not in eu]


def as_of(site: Site) -> PartialDate:
    """The day the site's counts are true for: the edition's date (or the record's latest date)."""
    if site.edition is not None:
        return site.edition.date
    return site.latest_date or PartialDate(1949)


def overlap(site: Site, day: PartialDate | None = None) -> Overlap:
    day = day or as_of(site)
    states = site.of(State).values()
    return Overlap(day, [s for s in states if s.member_of("eu", day)], [s for s in states if s.member_of("nato", day)])


def by_year(site: Site) -> list[Overlap]:
    """The overlap at the end of each year from the first membership to the edition's year, the last on the edition's date."""
    joined = [
        period.joined.year for state in site.of(State).values() for period in state.memberships if period.body != "pfp"
    ]
    if not joined:
        return []
    last = as_of(site)
    return [overlap(site, PartialDate(year, 12, 31)) for year in range(min(joined), last.year)] + [overlap(site, last)]


def partners_in_pfp(site: Site, day: PartialDate | None = None) -> list[State]:
    """EU members outside NATO that take part in the Partnership for Peace on `day`."""
    now = overlap(site, day)
    return [state for state in now.eu_only if state.member_of("pfp", now.day)]
