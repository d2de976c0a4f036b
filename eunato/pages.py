"""Which pages the data makes, where each lives, which file an editor changes to alter it, and which the nav lists.

Each generated page is front matter plus the Markdown the template of its kind renders
(render.py: data text escaped, the output never read again as a template). Its front matter
says `render_macros: false`, so the macros engine leaves the page alone: nothing from YAML
reaches it as template code, and no page costs it a template compilation. The front matter's
`tags` are the item's topics, which Material's tags plugin lists on the Topics page (docs/tags.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .model import KINDS
from .render import SOURCES_PAGE, Renderer, page_path, plain
from .site import Site

SINGULAR = {
    "declarations": "declaration",
    "sets": "set",
    "areas": "area",
    "actions": "action",
    "reports": "report",
    "operations": "operation",
    "analyses": "analysis",
}

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, when PyYAML has it: many times faster

INDEX_TITLES = {
    "declarations": "Joint Declarations",
    "sets": "Proposal sets",
    "areas": "Cooperation areas",
    "actions": "Common actions",
    "reports": "Progress reports",
    "operations": "Operations and mechanisms",
    "analyses": "Analysis",
}


# Kinds whose items the navigation lists under their index page: those that stay short, because the
# subject fixes them (declarations, sets, areas), they are written one at a time (analyses) or come
# once a year (reports). Actions and operations number in the dozens and grow with the record: the
# navigation is written into every HTML file, so listing them there would make every page heavier
# and the build quadratic in the record. Their index pages list them instead.
LISTED_IN_NAV = ("declarations", "sets", "areas", "reports", "analyses")


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page sits in the docs tree: "actions/2017-01.md"
    source: str  # the file to edit, from the project folder: "data/actions/2017-01.yml"
    content: str  # the Markdown handed to MkDocs
    in_nav: bool = True  # False: reached from its kind's index page, not listed in the navigation


def generated_pages(site: Site, renderer: Renderer) -> list[GeneratedPage]:
    pages = []
    for kind in KINDS:
        pages.append(_page(renderer, page_path(kind), f"docs/templates/{kind}.md", INDEX_TITLES[kind], f"{kind}.md"))
        for item in site.items(kind):
            pages.append(_page(
                renderer,
                page_path(kind, item.id),
                f"data/{kind}/{item.id}.yml",
                item.title,
                f"{SINGULAR[kind]}.md",
                description=_description(item),
                tags=[plain(site.topics[topic].title) for topic in getattr(item, "topics", [])],
                in_nav=kind in LISTED_IN_NAV,
                kind=kind,
                id=item.id,
            ))
    pages.append(_page(renderer, SOURCES_PAGE, "data/sources.yml", "Sources", "sources.md"))
    return pages


def navigation(nav: list[Any], site: Site) -> list[Any]:
    """Expand each `Title: <kind>/index.md` entry of mkdocs.yml into a section: the index, then each item if listed."""
    expanded = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            (title, target), = entry.items()
            kind = next((k for k in KINDS if target == page_path(k)), None)
            if kind:
                items = site.items(kind) if kind in LISTED_IN_NAV else []
                entry = {title: [target, *(page_path(kind, item.id) for item in items)]}
            elif isinstance(target, list):
                entry = {title: navigation(target, site)}
        expanded.append(entry)
    return expanded


def _page(renderer: Renderer, src_uri: str, source: str, title: str, template: str, description: str = "",
          in_nav: bool = True, tags: list[str] = (), kind: str | None = None, id: str | None = None) -> GeneratedPage:
    front = {"title": plain(title), "render_macros": False}
    if description:
        front["description"] = description
    if tags:
        front["tags"] = list(tags)  # the topics' titles, for Material's tags plugin
    body = renderer.render(template, src_uri, kind=kind, id=id)
    content = f"---\n{yaml.dump(front, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)}---\n\n{body}"
    return GeneratedPage(src_uri, source, content, in_nav)


def _description(item: Any) -> str:
    return plain(getattr(item, "summary", None) or item.highlights[0].text, limit=160)
