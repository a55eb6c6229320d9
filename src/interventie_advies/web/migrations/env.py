"""Alembic's environment: migrate the database whose URL or connection ``_admin`` gives."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from interventie_advies.web._db import Base

config = context.config
connection = config.attributes.get("connection")
if connection is not None:
    context.configure(connection=connection, target_metadata=Base.metadata)
    with context.begin_transaction():
        context.run_migrations()
else:  # pragma: no cover - _admin always passes a connection
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata)
        with context.begin_transaction():
            context.run_migrations()
