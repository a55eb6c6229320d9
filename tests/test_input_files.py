"""Reading project files: only regular files, bounded, and a path is always a path.

Hostile inputs from issue 11: ``/dev/zero`` (read for ever), a named pipe (waits for ever
for a writer), a socket, a TOML integer of more than 4,300 digits (Python refuses to
convert it), a file name with a newline (was read as TOML text), and any bytes at all
(``load_project`` raises ProjectError and nothing else).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import DATE, DATE_TEXT, MINIMAL
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from interventie_advies import Engine, ProjectError, advise, load_project
from interventie_advies._errors import MAX_SHOWN, Problem, cut
from interventie_advies._io import FileTooLarge, read_limited
from interventie_advies.cli import cli
from interventie_advies.messages._i18n import error_language
from interventie_advies.project._read_toml import MAX_FILE_BYTES

if TYPE_CHECKING:
    from click.testing import CliRunner

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
RUN = ["run", "--date", DATE_TEXT, "--no-plugins"]


def only_problem(**kwargs: object) -> Problem:
    with pytest.raises(ProjectError) as info:
        load_project(**kwargs)  # type: ignore[arg-type]
    [problem] = info.value.problems
    return problem


def advies(
    *args: str, timeout: float = 60, limit_memory: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run the real ``advies`` in a process (a hang ends in TimeoutExpired, not a stuck suite).

    :param limit_memory: give the process at most 2 GiB of address space, so reading
        without a bound ends in MemoryError instead of taking the machine's memory.
    """

    def limit() -> None:  # pragma: no cover - runs in the child
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31))

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    env.pop("ADVIES_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "interventie_advies", *args],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=timeout,
        env=env,
        preexec_fn=limit if limit_memory else None,
        check=False,
    )


# -- special files (item 5) -------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_before_it_is_read() -> None:
    result = advies(*RUN, "/dev/zero", "--lang", "en", limit_memory=True)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        "error: /dev/zero: not a regular file but a device; a project file must be a "
        "regular file\n"
    )
    assert result.stdout == ""


@needs_posix
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.toml"
    os.mkfifo(fifo)
    result = advies(*RUN, str(fifo), timeout=30)
    assert result.returncode == 2
    assert result.stderr == (
        f"fout: {fifo}: geen gewoon bestand maar een pijp (FIFO); een projectbestand moet "
        "een gewoon bestand zijn\n"
    )


@needs_posix
def test_a_named_pipe_in_check_and_the_api(tmp_path: Path, runner: CliRunner) -> None:
    fifo = tmp_path / "pijp.toml"
    os.mkfifo(fifo)
    result = runner.invoke(cli, ["check", str(fifo), "--no-plugins", "--lang", "en"])
    assert result.exit_code == 2
    assert "not a regular file but a named pipe (FIFO)" in result.stderr
    with error_language("nl"):
        problem = only_problem(source=fifo)
    assert problem.message.startswith("geen gewoon bestand maar een pijp (FIFO)")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    with socket.socket(socket.AF_UNIX) as server:
        try:
            server.bind(str(path))
        except OSError as exc:  # pragma: no cover - path too long for a socket
            pytest.skip(f"cannot bind a socket here: {exc}")
        problem = only_problem(source=path)
    assert problem.message == (
        "not a regular file but a socket; a project file must be a regular file"
    )


@needs_posix
def test_a_pipe_swapped_in_after_the_check_is_refused_after_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first check sees a regular file; the path is then a pipe: opened without waiting."""
    fifo = tmp_path / "pijp.toml"
    os.mkfifo(fifo)
    regular = tmp_path / "gewoon.toml"
    regular.write_text(MINIMAL, encoding="utf-8")
    real_stat = os.stat

    def stat_of_a_regular_file(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return real_stat(regular if Path(path) == fifo else path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_of_a_regular_file)
    problem = only_problem(source=fifo)
    assert problem.message.startswith("not a regular file but a named pipe")


def test_at_most_the_limit_and_one_byte_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"#" * 100)
    assert read_limited(path, 100) == b"#" * 100
    assert read_limited(path, 10_000) == b"#" * 100
    with pytest.raises(FileTooLarge) as info:
        read_limited(path, 99)
    assert info.value.size == 100
    path.write_bytes(b"")
    assert read_limited(path, 0) == b""


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="no /proc")
def test_a_file_that_reports_size_zero_is_read_with_the_bound() -> None:
    """Files in /proc report 0 bytes: the bound holds on what is read, not on the size told."""
    assert Path("/proc/self/maps").stat().st_size == 0
    with pytest.raises(FileTooLarge) as info:
        read_limited("/proc/self/maps", 10)
    assert info.value.size is None
    # read whole, though /proc hands it out a page at a time
    whole = read_limited("/proc/self/maps", MAX_FILE_BYTES)
    assert whole.endswith(b"\n")
    assert whole.count(b"\n") > 5


# -- numbers Python refuses to convert (item 6) --------------------------------------------


def test_an_integer_over_4300_digits_names_line_column_and_key() -> None:
    text = MINIMAL + "\n[funding]\nduration_months = " + "9" * 5000 + "\n"
    problem = only_problem(text=text, file="plan.toml")
    assert (problem.path, problem.line, problem.column) == ("funding.duration_months", 7, 19)
    assert str(problem) == (
        "plan.toml:7:19: funding.duration_months: number too long: 5,000 digits; a whole "
        "number may have at most 4,300"
    )
    with error_language("nl"):
        problem = only_problem(text=text, file="plan.toml")
    assert problem.message == (
        "getal te lang: 5,000 cijfers; een heel getal mag hoogstens 4,300 cijfers hebben"
    )


def test_a_long_integer_in_an_array_of_tables_is_numbered() -> None:
    text = (
        MINIMAL
        + '[[partners]]\nname = "a"\ndomain = "social"\n'
        + '[[partners]]\nname = "b"\ndomain = "social"\nscore = -'
        + "1_2" * 3000
        + "\n"
    )
    problem = only_problem(text=text)
    assert problem.path == "partners[1].score"
    assert problem.message.startswith("number too long: 6,000 digits")


def test_a_long_integer_in_a_list_gives_the_line() -> None:
    text = MINIMAL + "[extensions.x]\nv = [\n  1,\n  " + "7" * 4301 + ",\n]\n"
    problem = only_problem(text=text)
    assert (problem.path, problem.line, problem.column) == ("", 8, 3)


def test_digits_in_strings_are_not_taken_for_the_long_integer() -> None:
    text = MINIMAL + 'description_x = "' + "5" * 5000 + '"\nn = ' + "6" * 4400 + "\n"
    problem = only_problem(text=text)
    assert (problem.path, problem.line) == ("project.n", 6)


def test_a_long_integer_file_is_a_clean_cli_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "groot.toml"
    path.write_text(MINIMAL + "x = " + "1" * 4301 + "\n", encoding="utf-8")
    result = runner.invoke(cli, [*RUN, str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"fout: {path}:5:5: project.x: getal te lang: 4,301 cijfers; een heel getal mag hoogstens "
        "4,300 cijfers hebben\n"
    )


@pytest.mark.parametrize("digits", [61, 4301, 10_000])
def test_a_huge_integer_from_a_dict_is_described_not_printed(digits: int) -> None:
    data = {"format": 1, "project": {"name": "x"}, "funding": {"duration_months": 10**digits}}
    problem = only_problem(source=data)
    assert problem.message == (
        "must be at most 1200; found a whole number of more than 60 digits"
    )


def test_values_found_are_cut_to_60_characters() -> None:
    """One message line was 4,108 characters: a value found is cut, whatever its kind."""
    long = "ab" * 3000
    problem = only_problem(text=MINIMAL.replace('"Klein project"', '"x"\nphase = "' + long + '"'))
    assert f"'{long[:57]}...' (text)" in problem.message
    data = {"format": 1, "project": {"name": "x"}, "funding": {"duration_months": 10**59}}
    assert str(10**59) in only_problem(source=data).message  # 60 digits: still shown
    assert cut("x" * 61) == "x" * 57 + "..."
    assert cut("x" * MAX_SHOWN) == "x" * MAX_SHOWN
    assert cut("abcdefghij", 7, middle=True) == "ab...ij"


def test_every_line_of_a_hostile_file_stays_short(runner: CliRunner, tmp_path: Path) -> None:
    long = "x" * 5000
    body = (
        f'[project]\nname = "{long}"\nphase = "{long}"\n'
        f'["{long}"]\nk = 1\n[funding]\nduration_months = {"9" * 4000}\n'
    )
    path = tmp_path / ("n" * 150 + ".toml")
    path.write_text("format = 1\n" + body, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(path), "--no-plugins"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines
    assert max(map(len, lines)) < 700, max(lines, key=len)


# -- any input: ProjectError and nothing else --------------------------------------------

TOML_PIECES = st.sampled_from(
    [
        "format = 1\n",
        "[project]\n",
        'name = "x"\n',
        "[funding]\n",
        "duration_months = ",
        "[[partners]]\n",
        "x = [",
        "]\n",
        "1" * 4301,
        "0x" + "f" * 5000,
        "1e999",
        "-inf",
        "nan",
        "2026-02-30",
        "1979-05-27T07:32:00Z",
        '"\\u0000"',
        "'''",
        '"""',
        "{ a = 1 }",
        "a.b.c = 1\n",
        "\x00",
        "\ud800",
        "\ufeff",
    ]
)
TOML_LIKE = st.lists(st.one_of(TOML_PIECES, st.text(max_size=20)), max_size=30).map("".join)


def assert_only_project_error(**kwargs: object) -> None:
    try:
        load_project(**kwargs)  # type: ignore[arg-type]
    except ProjectError as exc:
        assert exc.problems
        assert all("\n" not in str(p) for p in exc.problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(TOML_LIKE, st.text()))
@example("x = " + "1" * 4301)
@example("x = [1, " + "2_" * 4400 + "3]")
@example("a = 1\n\ud800 = 2")
def test_any_text_raises_only_project_error(text: str) -> None:
    assert_only_project_error(text=text)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.one_of(TOML_LIKE.map(lambda s: s.encode("utf-8", "surrogatepass")), st.binary()))
@example(b"\xff\xfe")
@example(b"format = 1\nn = " + b"9" * 4400)
def test_any_bytes_in_a_file_raise_only_project_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_bytes(data)
    assert_only_project_error(source=path)


# -- a path is a path (item 12) ------------------------------------------------------------


def test_check_reads_a_file_whose_name_has_a_newline(runner: CliRunner, tmp_path: Path) -> None:
    """``advies check`` took such a name for TOML text and reported a broken file "ok"."""
    broken = tmp_path / "kapot\nbestand.toml"
    broken.write_text("dit is [[[ geen TOML", encoding="utf-8")
    good = tmp_path / "goed\n= 1.toml"
    good.write_text(MINIMAL, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(broken), str(good), "--no-plugins", "--lang", "en"])
    assert result.exit_code == 2
    # the name's newline is shown on the same line (as a space, or written out as \n)
    [line] = result.stderr.splitlines()
    where = re.escape(str(tmp_path))
    assert re.match(rf"error: {where}/kapot(\\n| )bestand\.toml:1:\d+: invalid TOML", line)
    assert result.stdout.startswith("ok: ")
    assert result.stdout.endswith("= 1.toml\n")


def test_a_string_is_always_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("format = 1").write_text(MINIMAL, encoding="utf-8")  # a file with an odd name
    assert load_project("format = 1").project.name == "Klein project"
    problem = only_problem(source=MINIMAL)
    assert problem.file == MINIMAL
    assert problem.message == (
        "cannot read file: No such file or directory; to load TOML text, use "
        "load_project(text=...)"
    )


def test_text_goes_through_its_own_argument(builtin_engine: Engine) -> None:
    assert load_project(text=MINIMAL).project.name == "Klein project"
    assert only_problem(text="format = 1\n").file == "<text>"
    assert only_problem(text="format = 1\n", file="plan.toml").file == "plan.toml"
    report = builtin_engine.advise(text=MINIMAL, date=DATE)
    assert (report.project["name"], report.project["file"]) == ("Klein project", None)
    assert advise(text=MINIMAL, date=DATE, plugins=()).to_json() == report.to_json()
    assert builtin_engine.check(text=MINIMAL).project.name == "Klein project"


def test_source_and_text_are_one_or_the_other() -> None:
    with pytest.raises(TypeError, match="not both or neither"):
        load_project()
    with pytest.raises(TypeError, match="not both or neither"):
        load_project("plan.toml", text=MINIMAL)
    problem = only_problem(text=b"format = 1")
    assert problem.message == "text= takes TOML text (str), not bytes"


# -- names typed on the command line are cut too ---------------------------------------------


def test_unknown_names_on_the_command_line_are_cut(runner: CliRunner) -> None:
    long = "Q" * 5000
    result = runner.invoke(cli, ["explain", long, "--no-plugins", "--lang", "en"])
    assert result.stderr == f"error: unknown rule '{'Q' * 57}...'\n"
    result = runner.invoke(cli, ["rules", "--element", long, "--no-plugins", "--lang", "en"])
    assert result.stderr == f"error: unknown element '{'Q' * 57}...'\n"
    Path("x.toml").write_text(MINIMAL, encoding="utf-8")  # in the runner's own folder
    result = runner.invoke(cli, [*RUN, "x.toml", "--format", long, "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: unknown format '{'Q' * 57}...'; known formats: ")


@needs_posix
def test_diff_refuses_a_named_pipe_as_a_saved_report(tmp_path: Path) -> None:
    fifo = tmp_path / "oud.json"
    os.mkfifo(fifo)
    plan = tmp_path / "plan.toml"
    plan.write_text(MINIMAL, encoding="utf-8")
    result = advies("diff", str(fifo), str(plan), "--no-plugins", "--lang", "en", timeout=30)
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {fifo}: not a regular file but a named pipe (FIFO); a report must be a "
        "regular file\n"
    )
