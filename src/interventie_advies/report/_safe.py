"""Make text from project files and plugins safe for each output."""

from __future__ import annotations

import re

from .._safe_text import terminal_safe

__all__ = ["escape_markdown", "terminal_safe"]

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
