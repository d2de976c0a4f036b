"""The Open data page: every download is offered at a stable address, documented, and says what the data says.

Each test reads the files of the built site back, as an analyst would download them,
and compares them with the record the site was built from.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from built_page import Page
from conftest import build
from eunato.dates import PartialDate
from eunato.kinds import KINDS, REGISTRIES, tables

MODELS = {kind.name: kind.model for kind in KINDS}
REGISTRY_NAMES = {registry.name for registry in REGISTRIES}
# Every CSV the registry declares, and the one table per kind or registry that has one row per item.
TABLES = [table.name for _, table in tables()]
ITEM_TABLES = {table.name: owner.name for owner, table in tables() if table.rows is None}
# Each model's published schema, by the kind or registry whose records it describes.
SCHEMAS = {
    **{kind.slug: kind.name for kind in KINDS},
    **{registry.singular: registry.name for registry in REGISTRIES if registry.entry},
}
# Columns that hold free text one entry per line; other list columns hold ids separated by spaces.
TEXT_LISTS = {"uncertain"}


def read_json(site_dir, path):
    return json.loads((site_dir / path).read_text(encoding="utf-8"))


def read_csv(site_dir, name):
    with open(site_dir / "data" / f"{name}.csv", encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return reader.fieldnames, list(reader)


# --- The Data page offers every download -----------------------------------------------


def test_the_data_page_links_every_download_and_each_exists(built):
    _site, site_dir = built
    page = Page(site_dir, "data/")
    expected = {
        "data/record.json",
        *(f"data/{name}.csv" for name in TABLES),
        *(f"data/schemas/{name}.json" for name in SCHEMAS),
    }
    assert expected <= page.links()
    for path in expected:
        assert (site_dir / path).stat().st_size > 0, path


def test_the_data_page_documents_every_column_of_every_csv(built):
    _site, site_dir = built
    page = Page(site_dir, "data/")
    for name in TABLES:
        heading = page.content.find("h3", id=f"{name}csv")
        documented = [row.find("td").get_text(strip=True) for row in heading.find_next("table").find_all("tr")[1:]]
        descriptions = [
            row.find_all("td")[1].get_text(strip=True) for row in heading.find_next("table").find_all("tr")[1:]
        ]
        header, _ = read_csv(site_dir, name)
        assert documented == header, name
        assert all(descriptions), name


def test_the_data_page_states_the_licence_that_record_json_carries(real_build):
    licence = read_json(real_build, "data/record.json")["licence"]
    page = Page(real_build, "data/")
    assert licence["name"] in page.text
    assert licence["url"] in {a["href"] for a in page.content.find_all("a", href=True)}
    assert "How to cite" in page.text or "how to cite" in page.text


# --- JSON: the model reads every file back to the same record ------------------------------


def test_record_json_holds_every_item_exactly_as_the_model_has_it(built):
    site, site_dir = built
    record = read_json(site_dir, "data/record.json")
    for kind, model in MODELS.items():
        assert [model.model_validate(entry) for entry in record[kind]] == site.items(kind), kind
    for registry in REGISTRIES:
        if registry.entry is registry.schema:  # one record rather than a list of entries: the edition
            assert registry.entry.model_validate(record[registry.name]) == getattr(site, registry.name)
        elif registry.entry:
            entries = {entry.pop("id"): registry.entry.model_validate(entry) for entry in record[registry.name]}
            assert entries == getattr(site, registry.name)
    assert record["glossary"] == site.glossary


@pytest.mark.parametrize("kind", MODELS)
def test_every_item_page_links_its_own_json_which_matches_the_item(built, kind):
    site, site_dir = built
    for item in site.items(kind):
        path = f"data/{kind}/{item.id}.json"
        assert path in Page(site_dir, f"{kind}/{item.id}/").links()
        assert MODELS[kind].model_validate(read_json(site_dir, path)) == item


def test_every_json_file_is_valid_against_its_published_schema(built):
    _site, site_dir = built
    record = read_json(site_dir, "data/record.json")
    for name, key in SCHEMAS.items():
        schema = read_json(site_dir, f"data/schemas/{name}.json")
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        entries = record[key] if isinstance(record[key], list) else [record[key]]  # the edition is one record
        for entry in entries:
            # A registry's entries carry their key as `id` in record.json; the entry itself has no such field.
            fields = {field: value for field, value in entry.items() if field != "id" or key not in REGISTRY_NAMES}
            errors = [error.message for error in validator.iter_errors(fields)]
            assert not errors, (name, entry.get("id"), errors)


# --- CSV: every column says what the model says --------------------------------------------


def cell_value(cell: str, model_value, column: str):
    """Read a CSV cell back as the type the model holds, following the Data page's rules."""
    if isinstance(model_value, list):
        return [entry for entry in cell.split("\n" if column in TEXT_LISTS else " ") if entry]
    if model_value is None:
        return None if cell == "" else cell
    if isinstance(model_value, int):
        return int(cell)
    if isinstance(model_value, PartialDate):
        return PartialDate.parse(cell)
    return cell


def field(item, path):
    for part in path.split("."):
        item = getattr(item, part, None) if item is not None else None
    return item


# Cells the Data page documents with a rule of their own, read back by that rule into what the model holds.
READ_BACK: dict[str, Callable[[str], object]] = {
    "signatories": lambda cell: [tuple(line.rsplit(", ", 1)) for line in cell.split("\n")],
    "area_counts": lambda cell: {area: int(number) for area, number in (pair.split("=") for pair in cell.split())},
    "highlights": lambda cell: cell.split("\n"),
}
AS_HELD: dict[str, Callable[[Any], object]] = {
    "signatories": lambda people: [(person.name, person.office) for person in people],
    "area_counts": dict,
    "highlights": list,
}


@pytest.mark.parametrize("name", ITEM_TABLES)
def test_each_csv_has_one_row_per_item_and_every_column_matches_the_model(built, name):
    site, site_dir = built
    items = getattr(site, ITEM_TABLES[name])
    header, rows = read_csv(site_dir, name)
    assert [row["id"] for row in rows] == list(items)
    for row in rows:
        item = items[row["id"]]
        for column in header[1:]:  # after the id, checked above
            if column in READ_BACK:
                assert READ_BACK[column](row[column]) == AS_HELD[column](field(item, column)), (name, row["id"], column)
                continue
            expected = field(item, column)
            if isinstance(expected, dict):  # a mapping keyed by ids (a strategy's areas): the cell lists its keys
                expected = list(expected)
            assert cell_value(row[column], expected, column) == expected, (name, row["id"], column)


def test_report_mentions_csv_has_one_row_per_mention(built):
    site, site_dir = built
    header, rows = read_csv(site_dir, "report-mentions")
    assert header == ["report", "kind", "id"]
    expected = [
        (report.id, kind, target)
        for report in site.reports.values()
        for kind in ("areas", "actions", "operations", "states")
        for target in getattr(report.mentions, kind)
    ]
    assert [(row["report"], row["kind"], row["id"]) for row in rows] == expected


def test_csv_keeps_commas_quotes_and_line_breaks_inside_a_cell(project, tmp_path):
    (project / "data" / "actions" / "2016-2.yml").write_text(
        'title: \'Comma, "quotes"\'\nset: 2016\narea: alpha\nsummary: Two lines\nuncertain: ["One; two", "Three"]\n'
        "sources: [declaration-text]\n"
    )
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    _, rows = read_csv(tmp_path / "site", "actions")
    row = next(row for row in rows if row["id"] == "2016-2")
    assert row["title"] == 'Comma, "quotes"'
    assert row["uncertain"].split("\n") == ["One; two", "Three"]
