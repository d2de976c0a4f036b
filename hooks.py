"""MkDocs hook: one generated page per data item and per kind, with its edit link on the YAML file,
and the downloads and charts as files of the site.

The record, its downloads and its charts are made by macros.py (define_env) earlier in the same build.
MkDocs caches this module in `mkdocs serve`: restart the server after editing it.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from eunato.feed import FEED, atom_feed
from eunato.pages import generated_pages, navigation

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.nav = navigation(config.nav or [], _site(config))
    if not config.site_url and config.repo_url:
        config.site_url = github_pages_url(config.repo_url)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in generated_pages(_site(config)):
        file = File.generated(config, page.src_uri, content=page.content)
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
