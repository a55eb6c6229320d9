"""One language resolver for reports, `advies init`, the portfolio, errors and the CLI."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from interventie_advies import UsageError
from interventie_advies.cli import cli
from interventie_advies.messages._i18n import LANG_ENV, error_language, resolve_language

if TYPE_CHECKING:
    from click.testing import CliRunner


@pytest.mark.parametrize(
    ("choice", "file_language", "env", "expected"),
    [
        ("en", "nl", "nl", "en"),  # the explicit choice first
        (None, "en", "nl", "en"),  # then the file's [advies] language
        (None, None, "en", "en"),  # then ADVIES_LANG
        (None, None, None, "nl"),  # else Dutch
        ("", "", "", "nl"),  # empty counts as not given
    ],
)
def test_the_order_of_choices(
    monkeypatch: pytest.MonkeyPatch,
    choice: str | None,
    file_language: str | None,
    env: str | None,
    expected: str,
) -> None:
    if env is None:
        monkeypatch.delenv(LANG_ENV, raising=False)
    else:
        monkeypatch.setenv(LANG_ENV, env)
    assert resolve_language(choice, file_language) == expected


def test_an_unknown_language_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANG_ENV, "fr")
    with pytest.raises(UsageError) as caught:
        resolve_language()
    assert str(caught.value) == "unknown language 'fr'; use nl or en"
    with error_language("nl"), pytest.raises(UsageError) as caught:
        resolve_language()
    assert str(caught.value) == "onbekende taal 'fr'; kies nl of en"
    # an explicit choice wins, so a bad ADVIES_LANG does not matter then
    assert resolve_language("en") == "en"


@pytest.mark.parametrize("command", [["rules"], ["explain", "CON01"]])
def test_every_command_refuses_an_unknown_advies_lang(
    runner: CliRunner, command: list[str]
) -> None:
    """Before, `rules` and `explain` silently fell back to Dutch; `run` refused it."""
    result = runner.invoke(cli, [*command, "--no-plugins"], env={LANG_ENV: "fr"})
    assert result.exit_code == 2
    assert result.stderr == "fout: onbekende taal 'fr'; kies nl of en\n"
    ok = runner.invoke(cli, [*command, "--no-plugins", "--lang", "en"], env={LANG_ENV: "fr"})
    assert ok.exit_code == 0, ok.stderr


def test_the_portfolio_refuses_an_unknown_advies_lang(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["portfolio", "."], env={LANG_ENV: "xx"})
    assert (result.exit_code, result.stderr) == (2, "fout: onbekende taal 'xx'; kies nl of en\n")
