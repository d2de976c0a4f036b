"""Which pages the data makes: where each lives, which template writes it, which file an editor changes.

    for page in generated_pages(site):
        page.src_uri, page.source, page.title   # "actions/2017-01.md", "data/actions/2017-01.yml", "…"

One index page per kind, one page per item, and the list of sources. Nothing here knows how the
pages are built; mkdocs_adapter.py renders each one and hands it to MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import urls
from .kinds import KINDS
from .model import Item, Report
from .site import Site
from .text import plain


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page sits in the docs tree: "actions/2017-01.md"
    source: str  # the file to edit, from the project folder: "data/actions/2017-01.yml"
    title: str  # plain text, escaped for HTML
    template: str  # in docs/templates/: "action.md"
    description: str = ""  # for search engines and link previews: plain text, escaped
    tags: tuple[str, ...] = ()  # the titles of the item's topics
    listed: bool = True  # False: reached from its kind's index page, not listed in the navigation
    kind: str | None = None  # an item page's item
    item_id: str | None = None


def generated_pages(site: Site) -> list[GeneratedPage]:
    """Every page the record makes: each kind's index, then its items, and the list of sources."""
    pages = []
    for kind in KINDS:
        pages.append(
            GeneratedPage(
                urls.page_path(kind.name), f"docs/templates/{kind.name}.md", plain(kind.title), f"{kind.name}.md"
            )
        )
        for item in site.items(kind.name):
            pages.append(
                GeneratedPage(
                    urls.page_path(kind.name, item.id),
                    urls.data_file(kind.name, item.id),
                    plain(item.title),
                    f"{kind.slug}.md",
                    description=description(item),
                    tags=tuple(plain(site.topics[topic].title) for topic in getattr(item, "topics", [])),
                    listed=kind.in_nav,
                    kind=kind.name,
                    item_id=item.id,
                )
            )
    pages.append(GeneratedPage(urls.SOURCES_PAGE, "data/sources.yml", "Sources", "sources.md"))
    return pages


def description(item: Item) -> str:
    """The first words of the item's summary (a report's first highlight), as one plain line."""
    summary = item.highlights[0] if isinstance(item, Report) else getattr(item, "summary", None) or ""
    return plain(summary, limit=160)
