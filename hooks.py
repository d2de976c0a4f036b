"""MkDocs hook: one generated page per data item and per kind, with its edit link on the YAML file.

The record itself is loaded by macros.py (define_env) earlier in the same build.
MkDocs caches this module in `mkdocs serve`: restart the server after editing it.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

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


def _site(config: MkDocsConfig):
    return config.plugins["macros"].variables["site"]
