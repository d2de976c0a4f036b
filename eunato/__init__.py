"""EU–NATO cooperation record: YAML in data/ -> one validated model -> pages.

from eunato import load_site
site = load_site("data")          # raises DataError listing every problem
site.referrers("areas", "cyber-security", "actions")
"""

from .load import load_site
from .problems import DataError, Problem
from .site import Site

__all__ = ["DataError", "Problem", "Site", "load_site"]
