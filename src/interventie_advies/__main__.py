"""``python -m interventie_advies``: the same as the ``advies`` command."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
