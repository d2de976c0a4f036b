"""The record beyond its pages: the PDF of the whole record and the offline edition, and what a build
knows about where it is published.

`make build` (`python -m eunato build`) makes both files before the site itself, from an offline
build of the same pages (eunato/publish.py), then builds the site with them as downloads at stable
addresses (urls.PDF, urls.OFFLINE_ZIP). `make serve` makes neither: its pages say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import urls
from .text import size

# What a download is, for the Open data page's Dataset description: media type by file extension.
MEDIA_TYPES = {
    ".json": "application/json",
    ".csv": "text/csv",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
    ".xml": "application/atom+xml",
}


@dataclass(frozen=True)
class Publication:
    """Where this build's pages are published and which editions of the whole record come with them."""

    site_url: str  # the online site's address, ending in "/"
    repo_url: str | None  # the repository, whose CITATION.cff cites the record
    offline: bool = False  # this build is the offline edition itself
    files: dict[str, Path] = field(default_factory=dict)  # urls.PDF, urls.OFFLINE_ZIP -> the file made for them

    @property
    def pdf(self) -> str | None:
        """The PDF's size (`2.1 MB`) when this build publishes it, else None."""
        return self._size(urls.PDF)

    @property
    def offline_zip(self) -> str | None:
        return self._size(urls.OFFLINE_ZIP)

    def _size(self, path: str) -> str | None:
        file = self.files.get(path)
        return size(file.stat().st_size) if file else None

    def online(self, path: str = "") -> str:
        """The absolute online address of a path of the site."""
        return self.site_url + path


def media_type(path: str) -> str:
    return MEDIA_TYPES.get(Path(path).suffix, "application/octet-stream")
