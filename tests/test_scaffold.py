"""`advies plugin new` writes a plugin package that installs and passes its own test."""

from __future__ import annotations

import site
import subprocess
import sys
from pathlib import Path

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


def test_the_generated_package_installs_and_passes_its_test(tmp_path: Path) -> None:
    """Install into a fresh environment (dependencies borrowed from this one) and run it."""
    folder = generate(tmp_path)
    env = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    target = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True).stdout.strip())
    # NOTE: the fresh environment reuses this one's packages (interventie-advies, pytest,
    # hatchling) through addsitedir, so the test needs no network and stays fast.
    lines = "".join(f"import site; site.addsitedir({d!r})\n" for d in site.getsitepackages())
    (target / "_borrowed.pth").write_text(lines, encoding="utf-8")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-build-isolation", "--no-index", str(folder)],
        capture_output=True, text=True, check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    assert not (target / "interventie_advies_regio_oost").is_symlink()
    tests = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder / "tests")],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "5 passed" in tests.stdout
    listed = subprocess.run(
        [str(python), "-m", "interventie_advies", "plugins"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )
    assert "interventie-advies-regio-oost" in listed.stdout
    assert "regio-oost 0.1.0" in listed.stdout
