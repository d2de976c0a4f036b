"""What a build keeps between runs (in .cache/) and between `mkdocs serve` rebuilds (in memory): reused while its
inputs are the same, redone when they change."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from conftest import ROOT
from eunato import chart_cache, figures, load_site
from eunato import mkdocs_adapter as adapter
from eunato.render import Renderer
from eunato.yaml_source import read_document


def test_a_record_already_drawn_reuses_its_charts_without_drawing(real_site, tmp_path, monkeypatch):
    first = chart_cache.charts_for(real_site, cache=tmp_path)
    monkeypatch.setattr(chart_cache, "_draw", lambda name, figures: pytest.fail(f"drew {name} again"))

    assert chart_cache.charts_for(real_site, cache=tmp_path) == first
    assert len(list(tmp_path.glob("*.json"))) == len(first)


def fingerprints(data_dir) -> dict[str, str]:
    return {name: chart_cache.fingerprint(name, f) for name, f in figures.charted(load_site(data_dir)).items()}


def test_a_chart_is_drawn_again_when_its_own_figures_change_and_only_then(data_dir, tmp_path, monkeypatch):
    before = fingerprints(data_dir)
    action = data_dir / "actions" / "lonely.yml"
    action.write_text(action.read_text().replace("title: ", "title: Retitled "))
    assert fingerprints(data_dir) == before, "a new title changed no figure, yet a chart would be drawn again"

    action.write_text(action.read_text().replace("area: beta", "area: alpha"))
    changed = {name for name, key in fingerprints(data_dir).items() if key != before[name]}
    assert changed == {"actions-per-area", "coverage"}

    first = chart_cache.charts_for(load_site(data_dir), cache=tmp_path)
    drawn = []

    def draw(name, chart_figures):
        drawn.append(name)
        return first[name]

    monkeypatch.setattr(chart_cache, "_draw", draw)
    action.write_text(action.read_text().replace("area: alpha", "area: beta"))
    chart_cache.charts_for(load_site(data_dir), cache=tmp_path)
    assert drawn == ["actions-per-area", "coverage"]
    assert len(list(tmp_path.glob("*.json"))) == len(first), "a chart's older drawings are not removed"


def test_an_edited_template_is_never_served_from_the_compiled_cache(real_site, tmp_path):
    templates, compiled = tmp_path / "templates", tmp_path / "compiled"
    templates.mkdir()
    (templates / "page.md").write_text("first {{ site.actions | length }}")
    assert Renderer(real_site, templates, compiled).render("page.md", "index.md").startswith("first")
    assert list(compiled.iterdir()), "the compiled template was not kept"

    (templates / "page.md").write_text("second {{ site.actions | length }}")

    assert Renderer(real_site, templates, compiled).render("page.md", "index.md").startswith("second")


def test_the_theme_listed_once_per_process_gives_the_files_mkdocs_lists_itself():
    """hooks.py lists the theme's files once, without its hidden icons: MkDocs copies the same assets."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    by_mkdocs = Files([])
    by_mkdocs.add_files_from_theme(config.theme.get_env(), config)
    adapter.list_theme_once(config)
    for _ in range(2):  # listed, then taken from what was listed
        once = Files([])
        once.add_files_from_theme(config.theme.get_env(), config)
        assert sorted(file.src_uri for file in once) == sorted(file.src_uri for file in by_mkdocs)
    assert any(file.src_uri.startswith("assets/javascripts/bundle.") for file in by_mkdocs)


def test_a_data_file_saved_again_is_read_anew(tmp_path):
    """Files are parsed once per text: a save with new text gives the new values, and its new lines."""
    path = tmp_path / "a.yml"
    path.write_text("title: One\n", encoding="utf-8")
    assert read_document(path).data == {"title": "One"}
    path.write_text("# a comment\ntitle: Two\n", encoding="utf-8")
    assert read_document(path).data == {"title": "Two"}
    assert read_document(path).line_of(("title",)) == 2
