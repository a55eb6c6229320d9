"""Alembic migrations of the web database (shipped in the wheel, run at start)."""
