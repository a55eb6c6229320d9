"""Make text from project files and plugins safe for each output."""

from __future__ import annotations

import re

__all__ = ["escape_markdown", "terminal_safe"]

# ANSI/VT escape sequences (CSI, OSC, and two-byte ESC sequences), then other control
# characters except newline and tab.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Remove escape sequences and control characters so text cannot steer a terminal."""
    return _CONTROL.sub("", _ANSI.sub("", text))


# NOTE: the Markdown patterns are compiled on first use (re keeps them): the text report
# of a plain `advies run` never needs them.
_MD_SPECIAL = r"([\\`*_{}\[\]()<>#+!|~])"


#: what GitHub-flavoured Markdown turns into a link by itself (e-mail addresses aside)
_AUTOLINK = r"(?i)(https?|ftp)(://)|(www)(\.)"


def escape_markdown(text: str) -> str:
    """Escape Markdown and HTML syntax so text shows literally (no links, no tags)."""
    clean = terminal_safe(text).replace("&", "&amp;")
    escaped = re.sub(_MD_SPECIAL, r"\\\1", clean)
    return re.sub(_AUTOLINK, lambda m: f"{m[1] or m[3]}\\{m[2] or m[4]}", escaped)
