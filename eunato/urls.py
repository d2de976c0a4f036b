"""Where everything lives in the built site: one URL scheme, read by pages, templates, downloads and the feed.

Pages are named by their Markdown path in the docs tree (`actions/2017-01.md`); MkDocs turns that
into the address `actions/2017-01/`, and links between pages are relative `.md` paths, so MkDocs
checks every one of them. Files keep their path as their address.
"""

from __future__ import annotations

SOURCES_PAGE = "sources.md"
DATA_PAGE = "data.md"
TIMELINE_PAGE = "timeline.md"
COVERAGE_PAGE = "coverage.md"
FEED = "feed.xml"
RECORD = "data/record.json"
# The whole record to read and to keep, made by `make build` only (eunato/publish.py).
PDF = "downloads/eu-nato-record.pdf"
OFFLINE_ZIP = "downloads/eu-nato-record-offline.zip"
# Lets the search work from file:// in the offline edition; loaded there only.
IFRAME_WORKER = "assets/vendor/iframe-worker-shim.js"


def page_path(kind: str, item_id: str | None = None) -> str:
    """`page_path("actions", "2017-01")` -> `actions/2017-01.md`; `page_path("actions")` -> its index, `actions/index.md`."""
    return f"{kind}/{item_id}.md" if item_id else f"{kind}/index.md"


def page_address(src_uri: str) -> str:
    """A page's address below the site's: `actions/2017-01.md` -> `actions/2017-01/`, `index.md` -> ``."""
    path = src_uri.removesuffix(".md")
    return path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"


def citation_path(key: str, extension: str) -> str:
    """A page's citation as a download: `citation_path("actions/2017-01", "bib")` -> `cite/actions/2017-01.bib`;
    the whole record's: `cite/record.bib`."""
    return f"cite/{key}.{extension}"


def item_json_path(kind: str, item_id: str) -> str:
    """One item's JSON: `item_json_path("actions", "2017-01")` -> `data/actions/2017-01.json`."""
    return f"data/{kind}/{item_id}.json"


def schema_path(name: str) -> str:
    """The JSON Schema of a model, named as one of its records: `data/schemas/action.json`."""
    return f"data/schemas/{name}.json"


def table_path(name: str) -> str:
    """A CSV download: `data/actions.csv`."""
    return f"data/{name}.csv"


def chart_path(name: str) -> str:
    """A chart's SVG: `charts/coverage.svg`."""
    return f"charts/{name}.svg"


def data_file(kind: str, item_id: str) -> str:
    """The YAML file an editor changes, from the project folder: `data/actions/2017-01.yml`."""
    return f"data/{kind}/{item_id}.yml"
