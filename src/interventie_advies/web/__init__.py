"""The web application behind ``advies serve``: a server, its database and the JSON API.

Everything here needs the ``[web]`` extra (FastAPI, SQLAlchemy, Alembic, argon2, ...);
the CLI imports this package only inside the web commands, so the plain install never
loads it. Layout: ``_db`` (tables, engine, sessions), ``_auth`` (passwords and tokens),
``_store`` (projects and their versions), ``_api`` (the ``/api/v1`` routes), ``_app``
(the app factory), ``_admin`` (what ``advies db/users/tokens`` do), ``migrations/``.
"""

from __future__ import annotations
