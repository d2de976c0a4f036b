"""Topics: themes that cut across the areas, shown as tags on each page and listed on the Topics page."""

from __future__ import annotations

from built_page import Page
from conftest import build
from eunato.kinds import NAMES as KINDS


def tagged(site, topic_id):
    """Pages of the items that name `topic_id`, as the site's paths."""
    return {
        f"{kind}/{item.id}/" for kind in KINDS for item in site.items(kind) if topic_id in getattr(item, "topics", [])
    }


def listing(page):
    """{tag shown on the Topics page: the pages listed under it}"""
    return {
        heading.find(class_="md-tag").get_text(strip=True): page.links(heading.find_next_sibling("ul"))
        for heading in page.content.find_all("h2")
        if heading.find(class_="md-tag")
    }


def test_the_topics_page_lists_each_topic_with_exactly_its_pages(built):
    site, site_dir = built
    used = {topic_id: pages for topic_id in site.topics if (pages := tagged(site, topic_id))}
    assert used, "the record names no topic"
    assert listing(Page(site_dir, "tags/")) == {site.topics[topic_id].title: pages for topic_id, pages in used.items()}


def test_the_topics_page_describes_every_topic_of_the_registry(real_site, real_build):
    page = Page(real_build, "tags/")
    terms = [term.get_text(" ", strip=True) for term in page.section("What each topic covers").find_all("dt")]
    assert terms == [topic.title for topic in real_site.topics.values()]


def test_each_page_shows_its_topics_as_tags_that_lead_to_the_topics_page(real_site, real_build):
    for kind in KINDS:
        for item in real_site.items(kind):
            page = Page(real_build, f"{kind}/{item.id}/")
            tags = page.soup.select("nav.md-tags a.md-tag")
            assert {tag.get_text(strip=True) for tag in tags} == {
                real_site.topics[t].title for t in getattr(item, "topics", [])
            }
            assert {page.resolve(tag["href"]) for tag in tags} <= {"tags/"}


def test_a_topic_title_with_markup_shows_as_text(project, tmp_path):
    (project / "data" / "topics.yml").write_text("resilience:\n  title: 'Resilience <b>&</b> {{ site }}'\n")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    action = Page(tmp_path / "site", "actions/2016-10/")
    assert [tag.get_text() for tag in action.soup.select("nav.md-tags .md-tag")] == ["Resilience <b>&</b> {{ site }}"]
    assert "Resilience <b>&</b> {{ site }}" in listing(Page(tmp_path / "site", "tags/"))
