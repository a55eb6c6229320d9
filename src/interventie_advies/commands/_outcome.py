"""The result of advising one file in a batch, and how one file is advised."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import AdviesError, Problem, ProjectError, UsageError, cut
from .._safe_text import json_safe_utf8
from ..messages._i18n import t
from ..project._enums import PRIORITY_RANK

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..engine._engine import Engine
    from ..report._report import Report

    #: what a batch keeps of each report instead of it: ``keep(report, file name)``
    Keep = Callable[[Report, str], Any]

__all__ = [
    "BYTE_FORMATS",
    "MAX_UNEXPECTED",
    "Outcome",
    "advise_file",
    "render_as",
    "rendered",
    "unexpected",
]


@dataclass(frozen=True)
class Outcome:
    """The result for one file: a report, or the error that stopped it."""

    path: Path
    report: Report | None = None
    error: AdviesError | None = None
    #: the report rendered, when a format was asked for: JSON and JSON lines as the UTF-8
    #: bytes every sink writes (see :func:`rendered`), other formats as text
    text: str | bytes | None = None
    worst: int = 0  # highest priority among the findings: 3 high, 2 medium, 1 low, 0 none
    #: what the batch's ``keep`` made of the report where it was made (the report is
    #: then not kept: see ``advise_paths``)
    kept: Any = None


def render_as(report: Report, fmt: str, *, color: bool = False) -> str:
    """The text of ``report`` in ``fmt`` (``jsonl``: one compact line)."""
    if fmt == "json":
        return report.to_json() + "\n"
    if fmt == "jsonl":
        return report.to_json(indent=None) + "\n"
    return report.render(fmt, color=color)


#: the formats :func:`rendered` gives as UTF-8 bytes (the others as text)
BYTE_FORMATS = ("json", "jsonl")


def rendered(report: Report, fmt: str, *, color: bool = False) -> str | bytes:
    """What a sink writes for ``report`` in ``fmt``: :func:`render_as`, JSON as UTF-8 bytes.

    NOTE: JSON is UTF-8 whatever the locale, and the check for unsafe characters encodes
    it anyway; so it is encoded once, where it is made (a worker process), and neither
    decoded nor encoded again in the main process (issue 15).
    """
    if fmt not in BYTE_FORMATS:
        return render_as(report, fmt, color=color)
    # NOTE: imported here: a report in text needs neither json nor the JSON writer's
    # module (5 M instructions of start-up)
    from ..report._json import json_text

    indent = 2 if fmt == "json" else None
    return json_safe_utf8(json_text(report.to_dict(), indent=indent)) + b"\n"


#: an unexpected exception's message is cut here in a problem line
MAX_UNEXPECTED = 200


def unexpected(path: str | Path, exc: BaseException) -> ProjectError:
    """The error entry of a file whose advice failed with an exception nobody foresaw.

    NOTE: one broken file must never stop a batch: whatever goes wrong for one project
    (a bug, a parser limit, a plugin) is reported for that file, and the others go on.
    """
    message = cut(str(exc), MAX_UNEXPECTED)
    return ProjectError(
        [
            Problem(
                str(path),
                "",
                t(
                    nl="onverwachte fout ({k}: {m}); dit is een fout in advies, meld het "
                    "alstublieft",
                    en="unexpected error ({k}: {m}); this is a bug in advies, please report it",
                    k=type(exc).__name__,
                    m=message,
                ),
            )
        ]
    )


def advise_file(
    engine: Engine,
    name: str | Path,
    fmt: str | None,
    color: bool,
    keep: Keep | None = None,
    **options: Any,
) -> Outcome:
    path = Path(name)
    try:
        report = engine.advise(path, **options)
        text = rendered(report, fmt, color=color) if fmt else None
        worst = max((PRIORITY_RANK[f.priority] for f in report.findings), default=0)
        if keep is not None:
            return Outcome(path, text=text, worst=worst, kept=keep(report, str(path)))
        return Outcome(path, report=report, text=text, worst=worst)
    except UsageError:
        raise  # the same for every file: stop at once
    except AdviesError as exc:
        return Outcome(path, error=exc)
    except RecursionError:
        return Outcome(
            path,
            error=ProjectError(
                [Problem(str(path), "", t(nl="te diep genest", en="nested too deeply"))]
            ),
        )
    except Exception as exc:  # see unexpected()
        return Outcome(path, error=unexpected(path, exc))
