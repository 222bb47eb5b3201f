"""Load generation over HTTP for the benchmarks of public pages: a gunicorn server on the
benchmark's database, and ``wrk`` (Debian's package) driving it with a Lua script that
reports the latency percentiles and the errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK = "/usr/bin/wrk"

#: Each request with its own query string: a page cache never answers.
NONCE = """
request = function()
  return wrk.format("GET", wrk.path .. "&_=" .. math.random(1, 1000000000))
end
"""

REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("P95_US=%d\\nP50_US=%d\\nREQUESTS=%d\\nERRORS=%d\\n",
    latency:percentile(95), latency:percentile(50), summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
"""


@dataclass(frozen=True)
class Load:
    rps: float
    p50_ms: float
    p95_ms: float
    requests: int
    errors: int


def database_url() -> str:
    """The URL of the database Django is connected to (the benchmark's own)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def start_gunicorn(port: int, workers: int) -> subprocess.Popen[bytes]:
    """gunicorn on 127.0.0.1:``port`` with production settings, once it answers /healthz."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "EGOV_DEBUG": "0",
        "EGOV_SECRET_KEY": "bench-only-" + uuid.uuid4().hex,
        "EGOV_SSL_REDIRECT": "0",
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    bind = f"127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [gunicorn, "egov.wsgi", "-w", str(workers), "-b", bind, "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz")
            urllib.request.urlopen(request, timeout=1)  # noqa: S310 - local server
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


@contextmanager
def lua_script(*, nonce: bool = False) -> Iterator[str]:
    """A temporary wrk script file: the report, behind a per-request nonce if asked."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write((NONCE if nonce else "") + REPORT)
    try:
        yield handle.name
    finally:
        Path(handle.name).unlink()


def _figure(name: str, out: str) -> str:
    found = re.search(rf"{name}[=:]\s*([\d.]+)", out)
    if found is None:
        raise SystemExit(f"wrk printed no {name}:\n{out}")
    return found.group(1)


def run_wrk(
    port: int,
    path: str,
    *,
    script: str,
    duration: int,
    connections: int,
    host: str | None = None,
    warm: int = 8,
) -> Load:
    """Warm the server with ``warm`` requests (each worker's cache), then load ``path`` with
    wrk (2 threads) for ``duration`` seconds."""
    url = f"http://127.0.0.1:{port}{path}"
    headers = {"Host": host} if host else {}
    for _ in range(warm):
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - local
            if response.status != 200:
                raise SystemExit(f"{path}: HTTP {response.status}")
            response.read()
    host_args = ["-H", f"Host: {host}"] if host else []
    out = subprocess.run(  # noqa: S603 - fixed arguments
        [WRK, "-t2", f"-c{connections}", f"-d{duration}s", *host_args, "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return Load(
        rps=float(_figure("Requests/sec", out)),
        p50_ms=int(_figure("P50_US", out)) / 1000,
        p95_ms=int(_figure("P95_US", out)) / 1000,
        requests=int(_figure("REQUESTS", out)),
        errors=int(_figure("ERRORS", out)),
    )
