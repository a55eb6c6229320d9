"""Documentation that must not drift from the code."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from interventie_advies import hookspecs
from interventie_advies.cli import cli

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("lang", "doc"), [("nl", "rules.md"), ("en", "rules.en.md")])
def test_rule_reference_is_in_sync(lang: str, doc: str) -> None:
    """docs/rules*.md is what `advies rules --format markdown` prints (regenerate it)."""
    result = CliRunner().invoke(
        cli, ["rules", "--format", "markdown", "--lang", lang, "--no-plugins"]
    )
    assert result.exit_code == 0, result.output
    expected = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    assert result.output == expected, (
        f"docs/{doc} is out of date: run `advies rules --format markdown --lang {lang} "
        f"--no-plugins > docs/{doc}`"
    )


HOOKS = [name for name in dir(hookspecs) if name.startswith("advies_")]


def test_there_are_five_hooks() -> None:
    assert HOOKS == [
        "advies_facts",
        "advies_prioritise",
        "advies_project_extensions",
        "advies_renderers",
        "advies_rules",
    ]


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_documented_like_pytest(name: str) -> None:
    """When it is called, every :param:, :returns:, and collected or first-wins."""
    hook = getattr(hookspecs, name)
    doc = inspect.getdoc(hook) or ""
    assert "Called" in doc, f"{name}: say when it is called"
    for param in inspect.signature(hook).parameters:
        assert f":param {param}:" in doc, f"{name}: document :param {param}:"
    assert ":returns:" in doc, f"{name}: document :returns:"
    assert re.search(r"collected from every plugin|first non-``None`` result wins", doc), name


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_in_the_readme(name: str) -> None:
    assert f"`{name}(" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pip install -r requirements-test.txt && python -m pytest" in readme
    assert "python -m pip install -q -r requirements-test.txt" in ci
    assert "python -m pytest" in ci
    assert "advies run examples/" in readme.split("## ")[0]


def test_readme_links_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(((?:docs|examples|rules|src)/[^)#]*)", readme):
        assert (ROOT / target).exists(), target


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_in_the_plugin_guide_with_every_parameter(name: str) -> None:
    """docs/plugins.md documents every hook of hookspecs.py, with each of its parameters."""
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    section = guide.split(f"### {name}\n", 1)
    assert len(section) == 2, f"docs/plugins.md has no section for {name}"
    body = section[1].split("\n### ", 1)[0]
    for param in inspect.signature(getattr(hookspecs, name)).parameters:
        assert f"- `{param}`:" in body, f"docs/plugins.md: {name} does not document {param}"
    assert "returns:" in body
    assert re.search(r"collected|first non-`None` result wins", body)


def test_deployment_guide_uses_only_options_serve_has() -> None:
    """Every ``--option`` of ``advies serve`` in docs/deployment.md is one serve has."""
    guide = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    commands = re.findall(r"advies serve((?:\\\n|[^\n])*)", guide)
    assert len(commands) >= 2
    used = {option for command in commands for option in re.findall(r"--[a-z-]+", command)}
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0, result.output
    missing = sorted(option for option in used if option not in result.output)
    assert not missing, f"docs/deployment.md names options serve does not have: {missing}"
    assert {"--base-url", "--forwarded-allow-ips", "--workers", "--database"} <= used
