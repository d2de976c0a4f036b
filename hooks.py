"""MkDocs hook: one generated page per data item and per kind, with its edit link on the YAML file,
and the downloads, charts and feed as files of the site.

The record, its renderer, its downloads and its charts are made by macros.py (define_env), which
runs earlier in the same build; the work itself is done by eunato/mkdocs_adapter.py.
MkDocs caches this module in `mkdocs serve`: restart the server after editing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import event_priority

from eunato import mkdocs_adapter as adapter
from eunato.feed import atom_feed
from eunato.urls import FEED

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# `mkdocs serve --dirty` (make serve): each rebuild renders only the pages whose inputs changed.
_incremental = False


# --- Events ------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Expand the navigation from the record, give the glossary to the abbr extension, derive site_url;
    list the theme's files once per process."""
    site = adapter.site_of(config)
    config.nav = adapter.navigation(config.nav or [], site)
    # Given to the abbr extension once, rather than appended to every page as Markdown it parses again.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = adapter.tooltips(site)
    config.copyright = adapter.copyright_line(config.copyright, site)
    if not config.site_url and config.repo_url:
        config.site_url = adapter.github_pages_url(config.repo_url)
    adapter.offline_scripts(config)
    adapter.list_theme_once(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages, then the downloads and charts, then the feed (which needs the pages' addresses)."""
    made = adapter.published(config)
    site = made["site"]
    for file in adapter.page_files(config, site, made["renderer"]):
        files.append(file)
    charts = {chart.path: chart.svg for chart in made["charts"].values()}
    for file in adapter.data_files(config, {**made["downloads"], **charts, **made["citation_files"]}):
        files.append(file)
    for file in adapter.edition_files(config, made["published"]):
        files.append(file)
    feed = atom_feed(site, adapter.require_site_url(config), adapter.page_url(files))
    for file in adapter.data_files(config, {FEED: feed}):
        files.append(file)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Items the navigation does not list still sit in their kind's section and lead to their neighbours."""
    adapter.place_unlisted(files, adapter.site_of(config))
    if _incremental:
        adapter.mark_unchanged(files, config)
    return nav


@event_priority(110)  # before the tags plugin renders its listings (100), and before any page
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """The theme's templates compiled once for all builds; under make serve, the topics list complete."""
    adapter.keep_compiled_theme(env, config)
    if _incremental:
        adapter.complete_tags(files, config)
    return env


# --- Rebuilding only what changed (make serve) ------------------------------------------------
# on_nav marks the pages whose inputs did not change; the adapter keeps what those pages, left
# unrendered, give the others: titles, topics (on_env), search entries.


def on_startup(command: str, dirty: bool) -> None:
    global _incremental  # noqa: PLW0603  # one setting for the process, as MkDocs gives it once
    _incremental = dirty
    if dirty:
        adapter.quiet_dirty_warning()
        adapter.git_once()


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """An edit to the record is noticed within a tenth of a second rather than half a second."""
    adapter.poll_often(server)
    return server


@event_priority(-100)  # after the search plugin has indexed the page
def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
    """Every page's citation metadata for its head: Highwire Press tags and schema.org JSON-LD."""
    made = adapter.published(config)
    adapter.head_metadata(page, made["citer"], made["published"], made["downloads"])
    if _incremental:
        adapter.note_search_entries(page, config)
    return context


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _incremental:
        adapter.note_written(page, config)
    return output


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config: MkDocsConfig) -> None:
    if _incremental:
        adapter.complete_search_index(config)
        adapter.note_copied(config)
