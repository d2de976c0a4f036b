"""What a screen reader needs from a page's HTML, as checks that list each problem they find.

Each check takes a whole parsed page and returns readable problems (empty when the page is fine).
"""

from __future__ import annotations

import itertools

from bs4 import BeautifulSoup, Tag

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def heading_problems(page: BeautifulSoup) -> list[str]:
    """Exactly one h1, and no level skipped on the way down (h2 then h4)."""
    levels = [int(heading.name[1]) for heading in page.find_all(HEADINGS)]
    problems = [] if levels.count(1) == 1 else [f"{levels.count(1)} h1 headings, expected one"]
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            problems.append(f"h{after} follows h{before}")
    return problems


def language_problems(page: BeautifulSoup) -> list[str]:
    return [] if page.html and page.html.get("lang") else ["<html> declares no lang"]


def table_problems(page: BeautifulSoup) -> list[str]:
    """Every table has a caption with text and a row of header cells."""
    problems = []
    for number, table in enumerate(page.find_all("table"), 1):
        caption = table.find("caption")
        if not caption or not caption.get_text(strip=True):
            problems.append(f"table {number} has no caption")
        headers = table.select("thead th, tr:first-child th")
        if not headers or not all(header.get_text(strip=True) for header in headers):
            problems.append(f"table {number} lacks header cells with text")
    return problems


def image_problems(page: BeautifulSoup) -> list[str]:
    """In the content, images have alt text; an SVG (icon, chart) is hidden, named, or inside a named control.

    The theme's own header icons are left to axe, which knows which of them a reader can reach.
    """
    content = page.find("article") or page
    problems = [
        f"<img src={image.get('src')!r}> has no alt" for image in content.find_all("img") if image.get("alt") is None
    ]
    for svg in content.find_all("svg"):
        if svg.get("aria-hidden") == "true" or _named(svg) or svg.find_parent("svg"):
            continue
        control = svg.find_parent(["a", "button", "label"])
        if not (control and (_named(control) or control.get_text(strip=True))):
            problems.append(f"<svg> without a text alternative in {(control or svg.parent).name}")
    return problems


def _named(element: Tag) -> bool:
    return bool(
        element.get("aria-label") or element.get("aria-labelledby") or element.get("title") or element.find("title")
    )


CHECKS = [heading_problems, language_problems, table_problems, image_problems]
