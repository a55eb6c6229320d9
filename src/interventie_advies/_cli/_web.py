"""The web commands: ``serve``, ``db upgrade|backup``, ``users add``, ``tokens create``.

They import the web package (FastAPI, SQLAlchemy, ...) only when they run, so ``advies``
without the ``[web]`` extra starts as light as before, and says what to install when one
of these is used.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .._errors import UsageError
from ..messages._i18n import t
from ._errors import handle_errors
from ._help import Command, Group

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["db", "serve", "tokens", "users"]

F = TypeVar("F", bound=Callable[..., Any])

#: the modules of the [web] extra, as Python imports them
_EXTRA = {
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "alembic",
    "argon2",
    "itsdangerous",
    "multipart",
    "python_multipart",
    "jinja2",
    "pydantic",
}


def _web(module: str) -> ModuleType:
    """``interventie_advies.web.<module>``; a clear message when the extra is missing."""
    import importlib

    try:
        return importlib.import_module(f"interventie_advies.web.{module}")
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in _EXTRA:
            raise
        raise UsageError(
            t(
                nl="de webtoepassing heeft extra pakketten nodig ({m} ontbreekt): "
                "installeer interventie-advies[web], "
                "bijvoorbeeld met pip install 'interventie-advies[web]'",
                en="the web application needs extra packages ({m} is missing): "
                "install interventie-advies[web], "
                "for example with pip install 'interventie-advies[web]'",
                m=(exc.name or "").split(".")[0],
            )
        ) from None


def _database_options(f: F) -> F:
    f = click.option(
        "--database",
        metavar="URL",
        help="Database URL, e.g. postgresql+psycopg://... (default: SQLite in the data folder).",
    )(f)
    return click.option(
        "--data",
        metavar="DIR",
        type=click.Path(file_okay=False),
        help="Data folder (default: the user's data folder).",
    )(f)


def _url(data: str | None, database: str | None) -> str:
    return str(_web("_admin").database_url(data, database))


@click.command(cls=Command)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@_database_options
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Processes.")
@click.option(
    "--threads",
    default=4,
    show_default=True,
    type=click.IntRange(1),
    help="Requests each process works on at once (the rest wait in line).",
)
@click.option("--base-url", metavar="URL", help="The address users open (for links).")
@click.option(
    "--forwarded-allow-ips",
    metavar="IPS",
    default="",
    help="Reverse proxies (comma-separated addresses or networks) whose X-Forwarded-For "
    "gives the client's address, e.g. for the sign-in limit per address "
    "(default: none trusted, the header is ignored).",
)
@handle_errors
def serve(
    host: str,
    port: int,
    data: str | None,
    database: str | None,
    workers: int,
    threads: int,
    base_url: str | None,
    forwarded_allow_ips: str,
) -> None:
    """Start the web application (the JSON API and the first-administrator page)."""
    admin = _web("_admin")
    app = _web("_app")

    if base_url and not base_url.startswith(("http://", "https://")):
        raise UsageError(
            t(
                nl="--base-url begint met http:// of https://, niet zo: {u}",
                en="--base-url starts with http:// or https://, not like this: {u}",
                u=base_url,
            )
        )
    _check_port(host, port)
    url = _url(data, database)
    admin.upgrade(url)
    base = base_url or f"http://{host}:{port}"
    if not database:
        click.echo(t(nl="Gegevens in: {d}", en="Data in: {d}", d=admin.data_folder(data).resolve()))
    else:
        click.echo(t(nl="Database: {u}", en="Database: {u}", u=admin.shown_url(url)))
    link = admin.first_admin_link(url, base)
    if link:
        click.echo(
            t(
                nl="Er zijn nog geen gebruikers. Open deze link (eenmalig, 24 uur geldig) "
                "om de eerste beheerder te maken:\n{l}",
                en="There are no users yet. Open this link (once, valid for 24 hours) "
                "to create the first administrator:\n{l}",
                l=link,
            )
        )
    click.echo(t(nl="Adres: {u}", en="Address: {u}", u=base), nl=True)
    sys.stdout.flush()
    os.environ[app.DATABASE_ENV] = url
    os.environ[app.BASE_URL_ENV] = base
    os.environ[_web("_threads").THREADS_ENV] = str(threads)
    # NOTE: on Linux each worker accepts on a socket of its own, so that new connections
    # are spread over the workers (web/_serve.py); elsewhere uvicorn's --workers
    _web("_serve").serve(
        {
            "app": "interventie_advies.web._app:app_from_env",
            "factory": True,
            "host": host,
            "port": port,
            # NOTE: no access log: request lines can hold a one-time token (/-/start?token=...)
            "access_log": False,
            "log_level": "warning",
            # NOTE: uvicorn trusts 127.0.0.1's X-Forwarded-For by default; here no one is
            # trusted unless named, so a client cannot choose the address it is counted under
            "proxy_headers": bool(forwarded_allow_ips),
            "forwarded_allow_ips": forwarded_allow_ips or None,
        },
        workers,
    )


def _check_port(host: str, port: int) -> None:
    """Say so now, in one line, when the address is taken (uvicorn would say it later)."""
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise UsageError(
            t(
                nl="kan niet luisteren op {h}:{p} ({e}); kies een andere poort met --port",
                en="cannot listen on {h}:{p} ({e}); choose another port with --port",
                h=host,
                p=port,
                # NOTE: socket.create_server adds the address to strerror; it is said already
                e=os.strerror(exc.errno) if exc.errno else exc,
            )
        ) from None


@click.group(cls=Group)
def db() -> None:
    """Manage the web application's database."""


@db.command("upgrade")
@_database_options
@handle_errors
def db_upgrade(data: str | None, database: str | None) -> None:
    """Bring the database to the newest schema (also done at every start)."""
    _web("_admin").upgrade(_url(data, database))
    click.echo(t(nl="De database is bijgewerkt.", en="The database is up to date."))


@db.command("backup")
@click.argument("file", type=click.Path(dir_okay=False))
@_database_options
@handle_errors
def db_backup(file: str, data: str | None, database: str | None) -> None:
    """Copy the SQLite database to FILE, consistently, also while the server runs."""
    _web("_admin").backup(_url(data, database), file)
    click.echo(t(nl="Kopie geschreven: {f}", en="Copy written: {f}", f=file))


@click.group(cls=Group)
def users() -> None:
    """Manage the web application's users."""


@users.command("add")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice(["admin", "user"]),
    default="user",
    show_default=True,
    help="The user's role.",
)
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
@_database_options
@handle_errors
def users_add(
    email: str, role: str, password_stdin: bool, data: str | None, database: str | None
) -> None:
    """Add a user (without a password they can use API tokens only)."""
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    if password_stdin and not password:
        raise UsageError(t(nl="geen wachtwoord op stdin", en="no password on stdin"))
    _web("_admin").add_user(_url(data, database), email, role, password)
    click.echo(t(nl="Gebruiker toegevoegd: {e}", en="User added: {e}", e=email))


@click.group(cls=Group)
def tokens() -> None:
    """Manage API tokens."""


@tokens.command("create")
@click.argument("email")
@_database_options
@handle_errors
def tokens_create(email: str, data: str | None, database: str | None) -> None:
    """Print a new API token for the user EMAIL (shown once; only its hash is kept)."""
    click.echo(_web("_admin").create_token(_url(data, database), email))
