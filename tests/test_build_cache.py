"""What a build keeps in .cache/ between runs: reused while its inputs are the same, redone when they change."""

from __future__ import annotations

import pytest

from eunato import chart_cache, load_site
from eunato.render import Renderer


def test_a_record_already_drawn_reuses_its_charts_without_drawing(real_site, tmp_path, monkeypatch):
    first = chart_cache.charts_for(real_site, cache=tmp_path)
    monkeypatch.setattr(chart_cache, "_draw", lambda site: pytest.fail("drew the charts again"))

    assert chart_cache.charts_for(real_site, cache=tmp_path) == first
    assert len(list(tmp_path.glob("*.json"))) == 1


def test_any_change_to_the_record_draws_the_charts_again(data_dir, tmp_path):
    before = chart_cache.fingerprint(load_site(data_dir))
    action = data_dir / "actions" / "lonely.yml"
    action.write_text(action.read_text().replace("area: beta", "area: alpha"))

    assert chart_cache.fingerprint(load_site(data_dir)) != before


def test_an_edited_template_is_never_served_from_the_compiled_cache(real_site, tmp_path):
    templates, compiled = tmp_path / "templates", tmp_path / "compiled"
    templates.mkdir()
    (templates / "page.md").write_text("first {{ site.actions | length }}")
    assert Renderer(real_site, templates, compiled).render("page.md", "index.md").startswith("first")
    assert list(compiled.iterdir()), "the compiled template was not kept"

    (templates / "page.md").write_text("second {{ site.actions | length }}")

    assert Renderer(real_site, templates, compiled).render("page.md", "index.md").startswith("second")
