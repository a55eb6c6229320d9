"""``__version__`` comes from the installed metadata: the version lives in pyproject.toml only."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import interventie_advies
from interventie_advies.cli import cli

if TYPE_CHECKING:
    from click.testing import CliRunner

SRC = Path(interventie_advies.__file__).resolve().parent


def test_version_is_the_installed_distributions() -> None:
    assert interventie_advies.__version__ == importlib.metadata.version("interventie-advies")


def test_advies_version_prints_it(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"advies, version {interventie_advies.__version__}\n"


def test_no_version_number_is_written_in_the_package() -> None:
    """Only the scaffold's template of a new plugin carries a version of its own."""
    pattern = re.compile(r"^__version__\s*=", re.M)
    written = [
        p.name
        for p in SRC.rglob("*.py")
        if p.name != "_scaffold.py" and pattern.search(p.read_text())
    ]
    assert written == []


def test_importing_the_package_does_not_read_the_metadata() -> None:
    code = (
        "import interventie_advies, interventie_advies._version as v; "
        "print(v.version.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "0\n"


def test_the_metadata_has_no_placeholder_url() -> None:
    """Issue 13, item 16: the wheel's Source URL was ``https://example.invalid/...``."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    meta = tomllib.loads(
        (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    )["project"]
    urls = meta.get("urls", {})
    assert not any(".invalid" in url or "example." in url for url in urls.values()), urls


@pytest.mark.parametrize(
    "text",
    [
        "Name: x\nVersion: 1.2\n\nVersion: 9\n",
        "Name: x\r\nversion:  1.2 \r\nVERSION: 3\r\n",
        "Name: x\n\nVersion: 9\n",  # after the headers: none
        "Name: x\nSummary: a\n Version: 9\n",  # a continuation line: none
        "Version:\n",
        "Version:\tx\n",
        "",
    ],
)
def test_the_headers_are_read_as_the_email_package_reads_them(text: str) -> None:
    """Only the METADATA's headers are read for a name and version (issue 15)."""
    import email

    from interventie_advies._version import _headers

    headers = _headers(text)
    parsed = email.message_from_string(text)
    for name in ("Name", "Version", "Summary"):
        if headers.get(name.lower(), "") is not None:  # None: folded, left to the email package
            assert headers.get(name.lower()) == parsed[name]


def test_a_folded_header_is_left_to_the_email_package() -> None:
    from interventie_advies._version import _headers

    assert _headers("Name: x\nVersion: 1\n  .2\nSummary: s\n") == {
        "name": "x",
        "version": None,
        "summary": "s",
    }


def test_name_and_version_are_the_distributions() -> None:
    from interventie_advies._version import name_and_version

    for dist in importlib.metadata.distributions():
        assert name_and_version(dist) == (dist.name, dist.version)


def test_a_run_does_not_parse_the_metadata_with_the_email_package() -> None:
    code = (
        "import sys, interventie_advies._version as v; v.version(); "
        "print('email.parser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "False\n"
