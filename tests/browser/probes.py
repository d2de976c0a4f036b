"""Checks that need a browser or a served site; each returns the problems it finds, empty when fine.

The tests run them on the real site and on a copy broken on purpose, to show they catch what
they are for.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from built_page import built_pages, read_built
from eunato.kinds import NAMES as KINDS

AXE = Axe()
BLOCKING = {"serious", "critical"}
# A phone held upright: the width of common current phones, touch, and the mobile viewport rules.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def pages_per_template(site_dir: Path) -> list[str]:
    """One page per template: every page that is not an item page (home, indexes, hand-written and
    single generated pages, 404), plus the fullest item page of each kind (it shows the most of its template)."""
    items: dict[str, list[str]] = {}
    others = []
    for path in built_pages(site_dir):
        kind, _, rest = path.partition("/")
        if kind in KINDS and rest:
            items.setdefault(kind, []).append(path)
        else:
            others.append(path)
    return others + [max(paths, key=lambda path: len(read_built(site_dir, path))) for paths in items.values()]


def axe_problems(page: Page) -> list[str]:
    """Serious and critical axe-core violations on the page as it is now: `rule (impact): element`."""
    violations = AXE.run(page).response["violations"]
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in violations
        if violation["impact"] in BLOCKING
        for node in violation["nodes"]
    ]


def sideways_overflow(page: Page) -> list[str]:
    """Empty when the page is no wider than the window; else how wide it is, and the outermost elements
    that reach past the window's right edge outside any scrolling box (a table in Material's scrolling
    wrapper may be wider: it scrolls inside it)."""
    # Long lists are laid out only near the screen (content-visibility in site.css), and what does not
    # fit is then clipped rather than widening the page: lay everything out, so clipped is found too.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    return page.evaluate(
        """() => {
            const root = document.scrollingElement;
            if (root.scrollWidth <= root.clientWidth) return [];
            // Inside a scrolling box, or fixed to the window: it does not widen the page.
            const contained = element => {
                if (getComputedStyle(element).position === "fixed") return true;
                for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
                    const style = getComputedStyle(box);
                    if (style.overflowX !== "visible" || style.position === "fixed") return true;
                }
                return false;
            };
            const wide = Array.from(document.body.querySelectorAll("*")).filter(element =>
                element.getBoundingClientRect().right > root.clientWidth + 0.5 && !contained(element));
            const name = element => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
                + Array.from(element.classList, name => "." + name).join("");
            return [`${root.scrollWidth} px wide in a ${root.clientWidth} px window`].concat(
                wide.filter(element => !wide.includes(element.parentElement)).map(element =>
                    `${name(element)} "${element.textContent.trim().slice(0, 30)}" reaches ${Math.round(element.getBoundingClientRect().right)} px`));
        }"""
    )


def open_search(page: Page, query: str) -> None:
    """Type `query` in the header search box and wait until the results are shown."""
    box = page.get_by_role("textbox", name="Search")
    box.click()
    # Material drops what is typed before its index has loaded; until then it says so here.
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search")
    box.press_sequentially(query)  # Material searches on key events, not on a filled value
    page.locator(".md-search-result__item").first.wait_for()
    settle(page)


def settle(page: Page) -> None:
    """Wait for running transitions to end: contrast measured mid-fade is not what the reader sees."""
    page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished))")


def hidden_without_javascript(page: Page) -> list[str]:
    """Content the reader cannot see on this page (load it with JavaScript off): headings, text,
    table cells and links of the article that are not displayed. Closed <details> are fine:
    they open without JavaScript."""
    return page.locator(
        "article :is(h1, h2, h3, h4, h5, h6, p, li, dt, dd, table, caption, th, td, a[href])"
    ).evaluate_all(
        """elements => elements
            .filter(element => !element.closest('details:not([open])'))
            .filter(element => !element.checkVisibility({visibilityProperty: true}))
            .map(element => `${element.tagName.toLowerCase()}: ${element.textContent.trim().slice(0, 60)}`)"""
    )


def foreign_hosts(requests: list[str], site_url: str) -> set[str]:
    """The hosts other than the site's own among the URLs of `requests`."""
    own = urlsplit(site_url).netloc
    return {urlsplit(url).netloc for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")} - {own}


def record_requests(page: Page) -> list[str]:
    """Every URL the page asks for from now on (the list grows as the page loads)."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


@dataclass
class LinkReport:
    checked: list[dict[str, str]]  # one row per link LinkChecker followed or looked at
    problems: list[str]  # `url (on page): result or warning`

    def fetched(self) -> set[str]:
        """What LinkChecker fetched from the site (pages, styles, scripts), as URLs without fragment."""
        return {row["url"].split("#")[0] for row in self.checked if row["result"].startswith("200")}


def check_links(site_url: str, workdir: Path) -> LinkReport:
    """Run LinkChecker over the site from its home page: every internal link and #anchor."""
    config = workdir / "linkcheckerrc"
    # No politeness delay for our own test server (it sends the header that allows this).
    config.write_text("[checking]\nmaxrequestspersecond=1000\n\n[AnchorCheck]\n")
    # CSV to standard output: as root LinkChecker switches to user nobody, who could not write a file here.
    result = subprocess.run(
        [
            Path(sys.executable).parent / "linkchecker",
            "--config",
            config,
            "--no-status",
            "--verbose",
            "--output",
            "csv",
            site_url,
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter=";"))
    problems = [
        f"{row['urlname']} (on {row['parentname']}): {row['result']} {row['warningstring']}".strip()
        for row in rows
        if row["valid"] != "True" or row["warningstring"]
    ]
    if result.returncode not in (0, 1) or (result.returncode == 1 and not problems):
        problems.append(f"linkchecker exited {result.returncode}: {result.stderr[-2000:]}")
    return LinkReport(rows, problems)
