"""`python -m eunato pages OUT`: the whole site's source as plain files, for any generator that reads
mkdocs.yml (MkDocs with Material, or Zensical) without our macros and hooks.

OUT receives `mkdocs.yml` (the expanded navigation and the settings the hooks compute: site_url, the
glossary given to abbr, the edition in the copyright line), `docs/` (every page's final Markdown with
its front matter, the downloads, charts, citations, the feed and the assets) and `overrides/` (the
theme's templates). Written again, it is replaced whole; a folder this command did not write, and that
is not empty, is refused and left untouched. The new source is written beside OUT first, so a build
that fails leaves the last one in place.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from . import mkdocs_adapter as adapter

# The file that says a folder is this command's, so writing it again may replace the folder.
MARK = ".eunato-pages"


class Refused(Exception):
    """OUT is a folder (or a file) that this command did not write."""


def write_pages(config_file: Path, out: Path) -> int:
    """Write the source of the site of `config_file` to `out`; the number of pages.

    Raises Refused, or MkDocs' own exceptions for a problem in a template or a warning of the build."""
    out = out.resolve()
    if out.exists() and not _ours_or_empty(out):
        raise Refused(
            f"{out} exists and was not written by `python -m eunato pages`; name a new or empty folder, "
            "or remove this one first"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        pages = adapter.write_source(config_file.resolve(), staging)
        (staging / MARK).write_text(
            "Written by `python -m eunato pages`, which replaces this folder when it writes it again.\n",
            encoding="utf-8",
        )
        if out.exists():
            shutil.rmtree(out) if out.is_dir() else out.unlink()
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return pages


def _ours_or_empty(out: Path) -> bool:
    return out.is_dir() and ((out / MARK).is_file() or not any(out.iterdir()))
