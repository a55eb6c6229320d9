"""``advies plugin new``: write a working plugin package to start from."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from .._errors import UsageError
from ..messages._i18n import t

__all__ = ["PluginNames", "main_source", "new_plugin"]

_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class PluginNames:
    """The names a plugin called ``name`` gets: distribution, package, entry point, codes."""

    name: str
    prefix: str

    @property
    def distribution(self) -> str:
        """The pip name, e.g. ``interventie-advies-regio-oost``."""
        return f"interventie-advies-{self.name}"

    @property
    def package(self) -> str:
        """The import name, e.g. ``interventie_advies_regio_oost``."""
        return "interventie_advies_" + self.name.replace("-", "_")

    @classmethod
    def of(cls, name: str, prefix: str | None = None) -> PluginNames:
        """Check ``name`` (and the code prefix) and derive the rest."""
        name = name.removeprefix("interventie-advies-")
        if not _NAME.match(name):
            raise UsageError(
                t(
                    nl="pluginnaam {n!r}: gebruik kleine letters, cijfers en losse streepjes, "
                    "bijv. regio-oost",
                    en="plugin name {n!r}: use lowercase letters, digits and single hyphens, "
                    "e.g. regio-oost",
                    n=name,
                )
            )
        letters = re.sub(r"[^a-z]", "", name).upper()
        chosen = (prefix or letters[:3]).upper()
        if not re.match(r"^[A-Z]{2,6}$", chosen):
            raise UsageError(
                t(
                    nl="codevoorvoegsel {c!r}: gebruik 2 tot 6 letters, bijv. RGO",
                    en="code prefix {c!r}: use 2 to 6 letters, e.g. RGO",
                    c=chosen,
                )
            )
        if chosen in _BUILTIN_PREFIXES:
            raise UsageError(
                t(
                    nl="codevoorvoegsel {c!r} is van de ingebouwde regels; kies een ander",
                    en="code prefix {c!r} is used by the built-in rules; pick another",
                    c=chosen,
                )
            )
        return cls(name, chosen)


_BUILTIN_PREFIXES = {"CON", "JP", "FIT", "MP", "CP", "VIS", "MS", "AL", "RB", "SUS", "KN", "KEY"}


def new_plugin(name: str, folder: str | Path | None = None, *, prefix: str | None = None) -> Path:
    """Write a plugin package for ``name`` into ``folder`` (default: its distribution name).

    The package installs with pip, registers itself through the entry-point group
    ``interventie_advies``, ships one rule file with examples and a test that runs them.
    Nothing is overwritten: an existing, non-empty folder is an error. The files are
    written into a temporary folder first and moved into place in one step.

    :returns: the folder written.
    :raises UsageError: bad name or prefix, or the folder exists.
    """
    names = PluginNames.of(name, prefix)
    target = Path(folder) if folder is not None else Path(names.distribution)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(
            t(
                nl="{p}: bestaat al en is niet leeg; er is niets geschreven",
                en="{p}: already exists and is not empty; nothing was written",
                p=target,
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        # NOTE: mkdtemp makes a private folder (0700); the package is an ordinary folder,
        # so it gets the mode any new folder gets under the umask (0755 with umask 022)
        staging.chmod(0o777 & ~_umask())
        for relative, text in _files(names, main_source()).items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if target.exists():
            target.rmdir()  # empty, checked above
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _umask() -> int:
    """The process's umask (read by setting it, then set back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def main_source() -> str:
    """What ``pip install`` takes to install interventie-advies where it came from.

    The folder or wheel it was installed from (pip records it, PEP 610), else its name:
    a new environment needs it before the plugin, whose dependency it is.
    """
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        recorded = distribution("interventie-advies").read_text("direct_url.json")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        recorded = None
    if recorded:
        import json

        url = urlparse(str(json.loads(recorded).get("url", "")))
        if url.scheme == "file" and url.path:
            return shlex.quote(unquote(url.path))  # as typed in a shell: spaces quoted
    return "interventie-advies"


def _files(n: PluginNames, source: str = "interventie-advies") -> dict[str, str]:
    pkg = n.package
    return {
        "pyproject.toml": _PYPROJECT.format(dist=n.distribution, pkg=pkg, name=n.name),
        "README.md": _README.format(
            dist=n.distribution, pkg=pkg, name=n.name, prefix=n.prefix, source=source
        ),
        f"src/{pkg}/__init__.py": _INIT.format(dist=n.distribution),
        f"src/{pkg}/plugin.py": _PLUGIN.format(dist=n.distribution, name=n.name),
        f"src/{pkg}/py.typed": "",
        f"src/{pkg}/rules/{n.name}.toml": _RULES.format(
            name=n.name, prefix=n.prefix, dist=n.distribution, dotted=n.name.replace("-", "_")
        ),
        "tests/test_rules.py": _TEST.format(pkg=pkg, name=n.name, prefix=n.prefix),
    }


_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "{dist}"
version = "0.1.0"
description = "Extra rules for interventie-advies: {name}"
readme = "README.md"
requires-python = ">=3.10"
dependencies = ["interventie-advies>=0.1"]

[project.optional-dependencies]
test = ["pytest>=7.4"]

# interventie-advies finds the plugin through this entry point
[project.entry-points.interventie_advies]
{name} = "{pkg}.plugin"

[tool.hatch.build.targets.wheel]
packages = ["src/{pkg}"]

# an editable install (pip install -e) puts src/ on the path: no extra build package needed
[tool.hatch.build]
dev-mode-dirs = ["src"]
"""

_README = """\
# {dist}

Extra rules for [interventie-advies](https://pypi.org/project/interventie-advies/).

Install it in the environment that has interventie-advies (the Python that runs
`advies`; in a new environment, install interventie-advies first, from where you got it:
`python -m pip install {source}`):

```sh
python -m pip install -e ".[test]"   # install the plugin, and pytest for its test
advies plugins                      # it is listed, with its rule count
advies run my-project.toml          # its advice appears beside the built-in advice
python -m pytest                    # every rule example runs as a test
```

- Rules: `src/{pkg}/rules/{name}.toml`, codes starting with `{prefix}`. The format is
  described in interventie-advies' `docs/rule-format.md`; check a file with
  `python -m interventie_advies.testing src/{pkg}/rules/{name}.toml`.
- Hooks: `src/{pkg}/plugin.py`. Besides `advies_rules` a plugin can add
  `advies_project_extensions`, `advies_facts`, `advies_prioritise` and `advies_renderers`
  (see interventie-advies' `docs/plugins.md`).
- Projects that need this plugin can say so:
  `[advies] require_plugins = ["{dist}>=0.1"]`.
"""

_INIT = '''\
"""Extra rules for interventie-advies ({dist})."""

from __future__ import annotations

__version__ = "0.1.0"
'''

_PLUGIN = '''\
"""The hooks of {dist}; interventie-advies finds them through the entry point."""

from __future__ import annotations

from pathlib import Path

from interventie_advies import Rule, hookimpl, load_rules

RULES = Path(__file__).parent / "rules"


@hookimpl
def advies_rules() -> list[Rule]:
    """Return the rules shipped in this package."""
    return [rule for path in sorted(RULES.glob("*.toml")) for rule in load_rules(path)]
'''

_RULES = """\
# Rules of {dist}. Format: interventie-advies docs/rule-format.md.

[pack]
name = "{name}"
title = {{ nl = "Regels van {name}", en = "Rules of {name}" }}

[[rule]]
code = "{prefix}01"
name = "{dotted}.informal_moments"
element = "contact"
kind = "recommendation"
priority = "medium"
when = "contact.informal_moments is False"
needs = ["contact.informal_moments"]
phases = ["preparation", "execution"]
effort = "low"
evidence = "research"
source = "Movisie, 'Kunst vergroot leefbaarheid van kwetsbare wijken' (factsheet), www.movisie.nl/kunst"
title = {{ nl = "Plan vaste momenten om bij te praten", en = "Plan regular moments to catch up" }}
message = {{ nl = "Zet na elke bijeenkomst koffie of thee klaar, zodat deelnemers elkaar leren kennen.", en = "Serve coffee or tea after every session, so that participants get to know each other." }}
why = {{ nl = "Juist in een informeel moment praten mensen echt met elkaar.", en = "An informal moment is where people really talk to each other." }}
question = {{ nl = "Zijn er informele momenten in het plan, zoals koffie na afloop?", en = "Does the plan include informal moments, such as coffee afterwards?" }}
actions = {{ nl = ["Plan 15 minuten koffie na elke bijeenkomst."], en = ["Plan 15 minutes of coffee after every session."] }}

[[rule.examples]]
fires = true
project = {{ contact = {{ informal_moments = false }} }}

[[rule.examples]]
fires = false
project = {{ contact = {{ informal_moments = true }} }}

[[rule.examples]]
asks = true
project = {{}}
"""

_TEST = '''\
"""Every rule example of this plugin runs as a test, through the plugin itself."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from interventie_advies.testing import ExampleCase, example_cases, run_example
from {pkg} import plugin

CASES = example_cases(plugin)


def test_there_are_examples() -> None:
    assert any(case.rule.code == "{prefix}01" for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_example(case: ExampleCase) -> None:
    run_example(case).check()


def test_the_entry_point_is_registered() -> None:
    names = {{ep.name for ep in entry_points(group="interventie_advies")}}
    assert "{name}" in names
'''
