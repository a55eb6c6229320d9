"""interventie-advies-jeugd: advice for community arts projects with young people.

A plugin for interventie-advies. It adds rules (codes ``JGD``) for projects with children
or young people, an ``[extensions.jeugd]`` table for the facts those rules need, and
``jeugd_*`` facts derived from it. The engine finds it through the entry point
``jeugd`` in the group ``interventie_advies``; nothing needs to be imported by hand.
"""

from __future__ import annotations

__version__ = "1.0.0"

__all__ = ["__version__"]
