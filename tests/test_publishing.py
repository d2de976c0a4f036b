"""Publishing: the workflow checks, builds strictly and tests before GitHub Pages gets anything; forks publish as themselves."""

from __future__ import annotations

import re

import pytest

from built_page import Page
from conftest import ROOT, build
from eunato.mkdocs_adapter import github_pages_url
from eunato.yaml_source import read_document

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
ISSUE_FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
ON_MAIN = "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"


def workflow() -> dict:
    # The project's own loader: plain PyYAML would read the key `on:` as the boolean true.
    return read_document(WORKFLOW).data


def steps(job: str) -> list[dict]:
    return workflow()["jobs"][job]["steps"]


def runs(job: str) -> list[str]:
    return [step["run"] for step in steps(job) if "run" in step]


def uses(job: str, action: str) -> dict:
    return next(step for step in steps(job) if step.get("uses", "").startswith(f"{action}@"))


# --- The workflow -----------------------------------------------------------------------


def test_the_workflow_runs_on_pull_requests_and_on_main():
    triggers = workflow()["on"]
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]


def test_the_workflow_checks_the_data_then_builds_strictly_then_runs_the_readme_tests():
    assert runs("build") == ["make check", "make build", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    # make build runs eunato/publish.py, which builds the offline edition and the site with --strict.
    assert "\tpython -m eunato build" in makefile.replace("$(BIN)/", "")
    publish = (ROOT / "eunato" / "publish.py").read_text(encoding="utf-8")
    assert '"mkdocs", "build", "--strict"' in publish
    assert "\tpython -m eunato check" in makefile.replace("$(BIN)/", "")


def test_the_commands_the_workflow_runs_are_the_ones_the_readme_names():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in runs("build"):
        assert f"`{command}`" in readme or f"{command} " in readme, command


def test_a_pull_request_gets_the_built_site_as_an_artifact():
    upload = uses("build", "actions/upload-artifact")
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["path"] == "site/"


def test_only_main_publishes_and_only_after_the_checked_tested_build():
    jobs = workflow()["jobs"]
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["if"] == ON_MAIN
    pages = uses("build", "actions/upload-pages-artifact")
    assert pages["if"] == ON_MAIN and pages["with"]["path"] == "site/"
    assert steps("build").index(pages) > max(steps("build").index(step) for step in steps("build") if "run" in step)
    assert uses("deploy", "actions/deploy-pages")
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow()["permissions"] == {"contents": "read"}
    # The build job reads no Pages setting: configure-pages, whose outputs nothing used, needed
    # pages: read on a private repository.
    assert "permissions" not in jobs["build"]
    assert not any(step.get("uses", "").startswith("actions/configure-pages@") for step in steps("build"))


def test_the_checkout_leaves_no_credentials_behind():
    assert uses("build", "actions/checkout")["with"]["persist-credentials"] is False


def test_every_action_is_pinned_to_a_commit_with_its_release_named():
    text = WORKFLOW.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith(("uses:", "- uses:"))]
    assert lines
    for line in lines:
        assert re.search(r"uses: [\w-]+/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_the_site_address_comes_from_the_repository_the_workflow_runs_in_or_a_custom_domain():
    assert workflow()["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert workflow()["env"]["SITE_URL"] == "${{ vars.SITE_URL }}"  # empty unless the repository sets it
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "repo_url: !ENV [REPO_URL," in settings
    assert "site_url: !ENV SITE_URL\n" in settings


# --- A fork publishes as itself ----------------------------------------------------------


@pytest.mark.parametrize(
    "repo_url, pages_url",
    [
        ("https://github.com/Someone/eu-nato-record", "https://someone.github.io/eu-nato-record/"),
        ("https://github.com/someone/eu-nato-record.git", "https://someone.github.io/eu-nato-record/"),
        ("https://github.com/Someone/someone.github.io", "https://someone.github.io/"),
        ("https://gitlab.com/someone/eu-nato-record", None),
    ],
)
def test_the_github_pages_address_is_derived_from_the_repository(repo_url, pages_url):
    assert github_pages_url(repo_url) == pages_url


@pytest.mark.parametrize(
    "site_url, address",
    [
        ("", "https://someone.github.io/fork/"),  # what the workflow passes when the variable is unset
        ("https://record.example.org", "https://record.example.org/"),  # a custom domain
    ],
)
def test_a_build_with_a_forks_repo_url_links_and_publishes_as_the_fork(
    project, tmp_path, monkeypatch, site_url, address
):
    monkeypatch.setenv("REPO_URL", "https://github.com/someone/fork")
    monkeypatch.setenv("SITE_URL", site_url)

    result = build(project, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    page = Page(tmp_path / "site", "actions/2016-2/")
    assert page.edit_link == "https://github.com/someone/fork/edit/main/data/actions/2016-2.yml"
    assert page.soup.find("link", rel="canonical")["href"] == address + "actions/2016-2/"
    assert f"<loc>{address}actions/2016-2/</loc>" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f'href="{address}feed.xml"' in (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")


# --- Issue forms and the pull-request checklist ------------------------------------------


@pytest.mark.parametrize("form", ISSUE_FORMS, ids=lambda path: path.name)
def test_every_issue_form_is_valid_yaml_with_required_fields(form):
    data = read_document(form).data
    assert {"name", "description", "body"} <= set(data)
    fields = [item for item in data["body"] if item["type"] != "markdown"]
    assert len({item["id"] for item in fields}) == len(fields)
    assert any(item.get("validations", {}).get("required") for item in fields)


def test_there_are_forms_to_propose_a_report_and_to_correct_a_fact():
    assert {path.name for path in ISSUE_FORMS} == {"new-report.yml", "correction.yml"}


def test_the_pull_request_checklist_names_the_editors_commands():
    checklist = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for command in ("make check", "make serve", "python -m eunato schemas", "data/sources.yml"):
        assert command in checklist
