"""Templates in docs/templates/ -> Markdown for one page.

Data text is HTML-escaped on output (Markdown in it still works), and the text a template returns
is never parsed again as a template, so `{{ }}` written in a YAML file shows literally. Links are
relative `.md` paths, so MkDocs checks each of them and they survive a change of URL scheme.
Templates only present: the figures they show come from Python (site.py, figures.py), and every
value is written as text by the filters of text.py.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from . import citations, text, urls
from .model import Item, Source
from .site import Site


class Renderer:
    """`Renderer(site, templates).render("action.md", "actions/2017-01.md", kind="actions", item_id="2017-01")`"""

    def __init__(self, site: Site, templates: Path, compiled: Path | None = None, **extra: Any):
        """`extra` is published to every template beside `site`: the downloads, the charts, the figures.

        `compiled` keeps the compiled templates between builds (Jinja checks each against its source).
        """
        self.site = site
        if compiled is not None:
            compiled.mkdir(parents=True, exist_ok=True)
        self.env = Environment(
            loader=FileSystemLoader(templates),
            bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled is not None else None,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # Each build makes its own Renderer, so a template is read once per build: no need to
            # check every include against its file again.
            auto_reload=False,
        )
        self.env.filters.update(
            date=text.date,
            on=text.on,
            span=text.span,
            count=text.count,
            share=text.share,
            size=text.size,
            cell=text.cell,
            prose=_prose,
            sourced=_sourced,
        )
        self.env.globals.update(site=site, urls=urls, **extra)

    def render(self, template: str, page_uri: str, kind: str | None = None, item_id: str | None = None) -> str:
        """Render `template` for the page at `page_uri`; item pages name their item by kind and id."""
        context = {"item": self.site.get(kind, item_id)} if kind and item_id else {}
        return self.env.get_template(template).render(
            page_uri=page_uri,
            # An item's page numbers its citations and lists its sources; other pages link to the source list.
            citations=PageCitations(self, page_uri, numbered="item" in context),
            href=partial(self.href, page_uri),
            link=partial(self.link, page_uri),
            cite=partial(self.cite, page_uri),
            **context,
        )

    def href(self, page_uri: str, target: Item | str, anchor: str = "") -> str:
        """Relative path from `page_uri` to an item, or to a docs path such as `timeline.md`."""
        path = target if isinstance(target, str) else urls.page_path(self.site.kind_of(target), target.id)
        return _relative(path, posixpath.dirname(page_uri)) + (f"#{anchor}" if anchor else "")

    def link(self, page_uri: str, target: Any, label: str | None = None) -> Markup:
        shown = label if label is not None else target.title
        return Markup(f"[{text.link_text(shown)}]({self.href(page_uri, target)})")

    def cite(self, page_uri: str, source_id: str, registry: bool = True) -> Markup:
        """A source as a reader cites it: title, issuer, number, date, address, linked to the registry."""
        source = self.site.sources[source_id]
        parts = [f"*{text.link_text(source.title)}*", escape(source.issuer)]
        if source.number:
            parts.append(escape(source.number))
        if source.date:
            parts.append(source.date.display())
        cited = ", ".join(str(part) for part in parts)
        if source.kind != "official":
            cited += f" ({source.kind})"
        cited += "."
        if source.note:
            cited += f" {escape(source.note)}"
        if source.url:
            cited += f' <a href="{escape(source.url)}">{escape(source.url)}</a>'
        if registry:
            cited += f" [(in the source list)]({self.href(page_uri, urls.SOURCES_PAGE, source_id)})"
        return Markup(cited)


# Pages link to each other thousands of times per build, over a few hundred distinct pairs of folders.
@lru_cache(maxsize=65536)
def _relative(path: str, folder: str) -> str:
    # Both rooted at the docs folder, so relpath does not ask the system for the working directory.
    return posixpath.relpath(f"/{path}", f"/{folder}")


# --- Citations on a page ------------------------------------------------------------------

SHORT_TITLE = 80  # characters of a source's title in a citation mark's mouse-over


@dataclass
class PageCitations:
    """The sources one page cites, numbered in the order of first citation, with the locators cited.

    On an item's page, `[@id, para. 9]` becomes a superscript number linking to the source's entry
    in the page's own Sources list; elsewhere it becomes `[issuer, year]` linking to the list of all
    sources. Either way the mark names the source for a mouse-over (its title) and for a screen
    reader (text that is not shown), and works without JavaScript.
    """

    renderer: Renderer
    page_uri: str
    numbered: bool
    order: dict[str, list[str]] = field(default_factory=dict)  # source id -> locators cited, in page order

    def mark(self, text_with_citations: str) -> Markup:
        """Escaped text whose citations are marks."""
        # Found in the text as written (escaping would turn a quote into `&#34;`, whose `;` splits citations).
        marked: list[str] = []
        last = 0
        for citation in citations.parse(text_with_citations):
            marked += [str(escape(text_with_citations[last : citation.start].rstrip())), self._mark(citation)]
            last = citation.end
        return Markup("".join([*marked, str(escape(text_with_citations[last:]))]))

    def number(self, source_id: str) -> int:
        return list(self.order).index(source_id) + 1

    def entries(self, listed: list[str]) -> list[tuple[int, str, list[str]]]:
        """`(number, source id, locators)` for every source cited on the page, then those of `listed` not cited."""
        for source_id in listed:
            self.order.setdefault(source_id, [])
        return [(n, source_id, locators) for n, (source_id, locators) in enumerate(self.order.items(), 1)]

    def mark_source(self, source_id: str) -> Markup:
        """A citation mark for one source, for a value that is not prose (a date in a table)."""
        return Markup(self._mark(citations.Citation(0, 0, (citations.Ref(source_id),))))

    def _mark(self, citation: citations.Citation) -> str:
        links = []
        for ref in citation.refs:
            locators = self.order.setdefault(ref.source_id, [])
            if ref.locator and ref.locator not in locators:
                locators.append(ref.locator)
            links.append(self._link(ref, self.renderer.site.sources[ref.source_id]))
        return f'<sup class="citation">&#91;{", ".join(links)}&#93;</sup>'

    def _link(self, ref: citations.Ref, source: Source) -> str:
        # A Markdown link, so that MkDocs checks it and writes its address for the page's own URL.
        where = f", {ref.locator}" if ref.locator else ""
        hint = (
            (text.plain(source.title, limit=SHORT_TITLE) + text.plain(where))
            .replace("[", "&#91;")
            .replace("]", "&#93;")
        )
        if self.numbered:
            target, shown, spoken = f"#source-{ref.source_id}", str(self.number(ref.source_id)), "Source "
        else:
            target = self.renderer.href(self.page_uri, urls.SOURCES_PAGE, ref.source_id)
            year = f", {source.date.year}" if source.date else ""
            shown, spoken = str(text.link_text(f"{source.issuer}{year}")), "Source: "
        return (
            f'[<span class="visually-hidden">{spoken}</span>{shown}<span class="visually-hidden">: {hint}</span>]'
            f'({target} "{hint}")'
        )


@pass_context
def _sourced(context: Context, source_id: str) -> Markup:
    """`{{ period.joined_source | sourced }}`: the mark of the source that gives a value shown beside it."""
    page: PageCitations = context["citations"]
    return page.mark_source(source_id)


@pass_context
def _prose(context: Context, value: str) -> Markup:
    """`{{ item.summary | prose }}`: Markdown from the data, escaped, its citations turned into marks."""
    page: PageCitations = context["citations"]
    return page.mark(value)
