"""MkDocs hook: one generated page per data item and per kind, with its edit link on the YAML file,
and the downloads and charts as files of the site.

The record, its renderer, its downloads and its charts are made by macros.py (define_env) earlier
in the same build; the generated pages are rendered here with that renderer, and the macros engine
skips them.
MkDocs caches this module in `mkdocs serve`: restart the server after editing it.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from eunato.feed import FEED, atom_feed
from eunato.model import KINDS
from eunato.pages import LISTED_IN_NAV, generated_pages, navigation
from eunato.render import page_path, tooltips

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.nav = navigation(config.nav or [], _site(config))
    # Given to the abbr extension once, rather than appended to every page as Markdown it parses again.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = tooltips(_site(config))
    if not config.site_url and config.repo_url:
        config.site_url = github_pages_url(config.repo_url)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in generated_pages(_site(config), _macros(config)["renderer"]):
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
        # Relative to edit_uri (which points at docs/), so the edit button opens the YAML file.
        file.edit_uri = posixpath.relpath(page.source, "docs")
        files.append(file)
    made = _macros(config)
    for path, content in made["downloads"].items():
        files.append(File.generated(config, path, content=content))
    for chart in made["charts"].values():
        files.append(File.generated(config, chart.path, content=chart.svg))
    files.append(File.generated(config, FEED, content=_feed(files, config)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """An item left out of the navigation still sits in its kind's section (breadcrumbs, highlighted
    entry), and its footer leads to the items before and after it."""
    site = _site(config)
    for kind in KINDS:
        if kind in LISTED_IN_NAV:
            continue
        section = files.get_file_from_path(page_path(kind)).page.parent
        for item in site.items(kind):
            page = files.get_file_from_path(page_path(kind, item.id)).page
            before, after = site.neighbours(kind, item.id)
            page.parent = section
            page.previous_page = before and files.get_file_from_path(page_path(kind, before.id)).page
            page.next_page = after and files.get_file_from_path(page_path(kind, after.id)).page
    return nav


def github_pages_url(repo_url: str) -> str | None:
    """`https://github.com/owner/name` is published at `https://owner.github.io/name/`.

    The repository `owner/owner.github.io` is the owner's own site, at `https://owner.github.io/`.
    """
    match = re.match(r"^https://github\.com/([^/]+)/([^/]+?)(?:\.git)?/?$", repo_url)
    if not match:
        return None
    owner, name = match[1].lower(), match[2]
    return f"https://{owner}.github.io/" if name.lower() == f"{owner}.github.io" else f"https://{owner}.github.io/{name}/"


def _feed(files: Files, config: MkDocsConfig) -> bytes:
    if not config.site_url:
        raise PluginError(
            "the Atom feed of progress reports needs the site's own address: set site_url in mkdocs.yml "
            "(it is derived from repo_url only for a GitHub repository)"
        )
    return atom_feed(_site(config), config.site_url, lambda src_uri: files.get_file_from_path(src_uri).url)


def _site(config: MkDocsConfig):
    return _macros(config)["site"]


def _macros(config: MkDocsConfig):
    """What macros.py published for this build."""
    return config.plugins["macros"].variables
