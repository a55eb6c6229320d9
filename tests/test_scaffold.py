"""`advies plugin new` writes a plugin package that installs and passes its own test."""

from __future__ import annotations

import os
import shlex
import site
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from interventie_advies.cli import cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def generate(tmp_path: Path, *args: str) -> Path:
    result = CliRunner().invoke(cli, ["plugin", "new", "regio-oost", str(tmp_path / "pkg"), *args])
    assert result.exit_code == 0, result.output
    return tmp_path / "pkg"


def test_it_writes_a_complete_package(tmp_path: Path) -> None:
    folder = generate(tmp_path)
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "pyproject.toml",
        "src/interventie_advies_regio_oost/__init__.py",
        "src/interventie_advies_regio_oost/plugin.py",
        "src/interventie_advies_regio_oost/py.typed",
        "src/interventie_advies_regio_oost/rules/regio-oost.toml",
        "tests/test_rules.py",
    ]
    meta = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["name"] == "interventie-advies-regio-oost"
    assert meta["project"]["entry-points"]["interventie_advies"] == {
        "regio-oost": "interventie_advies_regio_oost.plugin"
    }
    # the rule file is valid and its examples pass with the real loader
    check = subprocess.run(
        [sys.executable, "-m", "interventie_advies.testing",
         str(folder / "src/interventie_advies_regio_oost/rules/regio-oost.toml")],
        capture_output=True, text=True, check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "3 passed, 0 failed" in check.stdout


def test_it_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(cli, ["plugin", "new", "regio-oost", str(folder)])
    assert result.exit_code == 2
    assert "bestaat al" in result.stderr
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]  # no staging folder left behind


def test_names_and_prefixes_are_checked(tmp_path: Path) -> None:
    runner = CliRunner()
    bad_name = runner.invoke(cli, ["plugin", "new", "Regio_Oost", str(tmp_path / "a")])
    assert bad_name.exit_code == 2 and "kleine letters" in bad_name.stderr
    builtin = runner.invoke(cli, ["plugin", "new", "x", str(tmp_path / "b"), "--prefix", "CON"])
    assert builtin.exit_code == 2 and "ingebouwde regels" in builtin.stderr
    custom = generate(tmp_path, "--prefix", "rgo")
    assert 'code = "RGO01"' in (custom / "src/interventie_advies_regio_oost/rules/regio-oost.toml"
                               ).read_text(encoding="utf-8")


ROOT = Path(__file__).resolve().parents[1]


def _borrowed_dependencies(folder: Path) -> Path:
    """This environment's packages but interventie-advies and its plugins, as links.

    NOTE: a fresh environment gets the dependencies (click, pydantic, pytest, hatchling,
    pip) from here, so the test needs no network; interventie-advies itself is left out,
    so that it has to be installed as the README says.
    """
    folder.mkdir()
    for site_dir in site.getsitepackages():
        for entry in sorted(Path(site_dir).iterdir()):
            name = entry.name
            if name.startswith(("interventie", "_editable_impl", "__")) or name.endswith(".pth"):
                continue
            if not (folder / name).exists():
                (folder / name).symlink_to(entry)
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="runs the printed steps in a POSIX shell")
def test_the_printed_next_steps_work_in_a_fresh_environment(tmp_path: Path) -> None:
    """Issue 13, item 15: ``pip install -e .[test]`` looked for interventie-advies on the index.

    A new environment without interventie-advies; it is installed from its folder (as the
    plugin's README says), then ``advies plugin new`` runs there and its printed steps run
    as written, in a shell. ``PIP_NO_INDEX`` stands in for a machine where the package
    index does not have interventie-advies (and this test for a machine without network).
    """
    env = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    purelib = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True).stdout.strip())
    deps = _borrowed_dependencies(tmp_path / "deps")
    (purelib / "_borrowed.pth").write_text(f"{deps}\n", encoding="utf-8")
    offline = {**os.environ, "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0",
               "PIP_DISABLE_PIP_VERSION_CHECK": "1", "ADVIES_LANG": "en"}
    offline.pop("PYTHONPATH", None)  # the fresh environment's own interventie-advies only
    main = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(ROOT)],
                          capture_output=True, text=True, check=False, env=offline)
    assert main.returncode == 0, main.stdout + main.stderr
    made = subprocess.run([str(python), "-m", "interventie_advies", "plugin", "new", "regio-oost"],
                          capture_output=True, text=True, check=False, cwd=tmp_path, env=offline)
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[:2] == [
        "Wrote interventie-advies-regio-oost",
        "Install and test the plugin with the Python that has interventie-advies:",
    ]
    steps = [line.strip() for line in lines[2:]]
    assert steps[0] == "cd interventie-advies-regio-oost"
    assert steps[1].endswith(' -m pip install -e ".[test]"')
    ran = subprocess.run(["sh", "-c", " && ".join(steps)], capture_output=True, text=True,
                         check=False, cwd=tmp_path, env=offline)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "5 passed" in ran.stdout
    folder = tmp_path / "interventie-advies-regio-oost"
    assert f"`python -m pip install {ROOT}`" in (folder / "README.md").read_text(encoding="utf-8")
    listed = subprocess.run([str(python), "-m", "interventie_advies", "plugins"],
                            capture_output=True, text=True, check=False, cwd=tmp_path, env=offline)
    assert "ok      regio-oost 0.1.0 (interventie-advies-regio-oost): 1 rule;" in listed.stdout
    # an editable install: a change to the rule file shows without installing again
    rules = folder / "src/interventie_advies_regio_oost/rules/regio-oost.toml"
    rules.write_text(rules.read_text(encoding="utf-8").replace('priority = "medium"',
                                                                  'priority = "low"'),
                     encoding="utf-8")
    explained = subprocess.run([str(python), "-m", "interventie_advies", "explain", "REG01"],
                               capture_output=True, text=True, check=False, env=offline)
    assert "priority: low" in explained.stdout, explained.stdout + explained.stderr


def test_the_package_folder_follows_the_umask(tmp_path: Path) -> None:
    """Issue 13, item 8: the folder was made private (0700) by its temporary name."""
    old = os.umask(0o022)
    try:
        folder = generate(tmp_path)
        assert stat.S_IMODE(folder.stat().st_mode) == 0o755
        assert stat.S_IMODE((folder / "pyproject.toml").stat().st_mode) == 0o644
        os.umask(0o027)
        other = CliRunner().invoke(cli, ["plugin", "new", "noord", str(tmp_path / "noord")])
        assert other.exit_code == 0
        assert stat.S_IMODE((tmp_path / "noord").stat().st_mode) == 0o750
        assert stat.S_IMODE((tmp_path / "noord" / "README.md").stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_the_next_steps_are_in_the_language_asked(tmp_path: Path) -> None:
    """Issue 13, item 14: ``plugin new`` printed English whatever the language."""
    dutch = CliRunner().invoke(cli, ["plugin", "new", "oost", str(tmp_path / "a")],
                               env={"ADVIES_LANG": "nl"})
    python = shlex.quote(sys.executable)
    assert dutch.stdout == (
        f"Geschreven: {tmp_path / 'a'}\n"
        "Installeer en test de plugin met de Python waarin interventie-advies staat:\n"
        f"  cd {tmp_path / 'a'}\n"
        f'  {python} -m pip install -e ".[test]"\n'
        f"  {python} -m pytest\n"
    )
    english = CliRunner().invoke(cli, ["plugin", "new", "oost", str(tmp_path / "b"),
                                       "--lang", "en"])
    assert english.stdout.startswith(f"Wrote {tmp_path / 'b'}\nInstall and test the plugin")
