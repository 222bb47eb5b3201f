"""Start installations of egov on this machine and talk to them: one hub and its members,
each with its own PostgreSQL database, HTTPS port (gunicorn, a test CA's certificate),
exchange worker and identity. Used by the end-to-end test and the exchange benchmark."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from cryptography.hazmat.primitives import serialization

from egov.exchange.pki import Issued, make_ca, make_tls_certificate
from egov.exchange.testing import write_identity

ROOT = Path(__file__).resolve().parents[3]
PYTHON = sys.executable


def _pem_key(issued: Issued) -> bytes:
    return issued.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


@dataclass
class Node:
    name: str
    port: int
    database: str
    env: dict[str, str]
    organ_code: str
    log_dir: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def command(self, command: str, spec: dict[str, Any] | None = None) -> Any:
        """Run a ``node`` command in this installation; its JSON output, if any."""
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            [PYTHON, "-m", "egov.exchange.harness.node", command, json.dumps(spec or {})],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{self.name} {command} failed:\n{result.stderr[-4000:]}")
        output = result.stdout.strip().splitlines()
        return json.loads(output[-1]) if output else None

    def sql(self, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Read this installation's database directly (the benchmark's clock must not wait
        for a Django process to start)."""
        with psycopg.connect(self.env["DATABASE_URL"]) as conn:
            return conn.execute(query, params).fetchall()

    def received_since(self, since: float) -> list[float]:
        """Arrival times (Unix) of the documents received from ``since`` on."""
        rows = self.sql(
            "SELECT extract(epoch FROM received_at) FROM exchange_inboxmessage "
            "WHERE kind = 'edoc' AND state <> 'rejected' AND received_at >= to_timestamp(%s) "
            "ORDER BY received_at",
            (since,),
        )
        return [float(row[0]) for row in rows]

    def acknowledgement_delays(self, since: float) -> list[float]:
        """Seconds from putting each document in the outbox (at issue) to its 01 arriving
        back here, for documents issued from ``since`` on."""
        rows = self.sql(
            "SELECT extract(epoch FROM min(i.received_at) - o.created_at) "
            "FROM exchange_outboxmessage o JOIN exchange_inboxmessage i "
            "ON i.kind = 'status' AND i.status_code = '01' AND i.document_id = o.document_id "
            "WHERE o.kind = 'edoc' AND o.created_at >= to_timestamp(%s) "
            "GROUP BY o.id, o.created_at",
            (since,),
        )
        return [float(row[0]) for row in rows]

    def start(self, *, workers: int = 1) -> None:
        certs = Path(self.env["EGOV_VAR_DIR"]) / "tls"
        log = (self.log_dir / f"{self.name}.log").open("ab")
        self.processes = [
            subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [
                    PYTHON,
                    "-m",
                    "gunicorn",
                    "egov.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--certfile",
                    str(certs / "cert.pem"),
                    "--keyfile",
                    str(certs / "key.pem"),
                    "--workers",
                    os.environ.get("EGOV_HARNESS_WEB_WORKERS", "2"),
                    "--threads",
                    os.environ.get("EGOV_HARNESS_WEB_THREADS", "4"),
                    "--timeout",
                    "120",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        ]
        self.start_workers(workers)
        self.wait_ready()

    def start_workers(self, count: int = 1) -> None:
        log = (self.log_dir / f"{self.name}.log").open("ab")
        for _ in range(count):
            self.processes.append(
                subprocess.Popen(  # noqa: S603 - our own interpreter and module
                    [PYTHON, "manage.py", "exchange_worker"],
                    cwd=ROOT,
                    env=self.env,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,
                )
            )

    def wait_ready(self, timeout: float = 60) -> None:
        context = ssl.create_default_context(cafile=self.env["EGOV_EXCHANGE_TLS_CA_FILE"])
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                url = f"{self.url}/healthz"  # https, built here
                with urllib.request.urlopen(url, context=context, timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not start on {self.url}")

    def kill(self) -> None:
        """``kill -9`` the server and the worker, with their children."""
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        for process in self.processes:
            process.wait(timeout=30)
        self.processes = []

    def stop(self) -> None:
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.processes = []


class Cluster:
    """A hub (which also serves an agency of its own) and ``members`` member installations,
    each serving one agency."""

    def __init__(
        self,
        workdir: Path,
        *,
        members: int = 2,
        base_port: int = 18440,
        server_url: str = "postgres://postgres@127.0.0.1:5432",
        prefix: str = "egov_cluster",
    ) -> None:
        self.workdir = workdir
        self.server_url = server_url
        self.template = f"{prefix}_template"
        ca = make_ca("Cluster test CA")
        self.ca_file = workdir / "ca.pem"
        workdir.mkdir(parents=True, exist_ok=True)
        self.ca_file.write_bytes(ca.certificate.public_bytes(serialization.Encoding.PEM))
        tls = make_tls_certificate(ca)
        names = ["hub"] + [f"member{n + 1}" for n in range(members)]
        self.tokens = {name: secrets.token_urlsafe(24) for name in names[1:]}
        self.nodes: dict[str, Node] = {}
        for index, name in enumerate(names):
            var = workdir / name
            (var / "tls").mkdir(parents=True, exist_ok=True)
            (var / "tls" / "cert.pem").write_bytes(
                tls.certificate.public_bytes(serialization.Encoding.PEM)
            )
            (var / "tls" / "key.pem").write_bytes(_pem_key(tls))
            identity = write_identity(var / "identity", ca, f"Hệ thống {name}")
            database = f"{prefix}_{name}"
            env = {
                **os.environ,
                **identity,
                "DATABASE_URL": f"{server_url}/{database}",
                "EGOV_VAR_DIR": str(var),
                "EGOV_DEBUG": "0",
                "EGOV_SECRET_KEY": secrets.token_urlsafe(32),
                "EGOV_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "EGOV_SSL_REDIRECT": "0",
                "EGOV_EXCHANGE_TLS_CA_FILE": str(self.ca_file),
                "EGOV_EXCHANGE_POLL_SECONDS": "0.2",
                "EGOV_LOG_LEVEL": "WARNING",
            }
            self.nodes[name] = Node(
                name=name,
                port=base_port + index,
                database=database,
                env=env,
                organ_code=f"000.00.{index + 10:02d}.H01",
                log_dir=workdir,
            )

    @property
    def hub(self) -> Node:
        return self.nodes["hub"]

    def members(self) -> list[Node]:
        return [node for name, node in self.nodes.items() if name != "hub"]

    def _recreate_databases(self) -> None:
        """Each installation's database, copied from one migrated once: ``CREATE DATABASE
        … TEMPLATE`` takes a second where migrating takes a minute per installation."""
        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as conn:
            for name in [*(node.database for node in self.nodes.values()), self.template]:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{self.template}"')
        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [PYTHON, "manage.py", "migrate", "--verbosity", "0", "--no-input"],
            cwd=ROOT,
            env={**self.hub.env, "DATABASE_URL": f"{self.server_url}/{self.template}"},
            check=True,
            capture_output=True,
        )
        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as conn:
            for node in self.nodes.values():
                conn.execute(f'CREATE DATABASE "{node.database}" TEMPLATE "{self.template}"')
            conn.execute(f'DROP DATABASE "{self.template}"')

    def create(self, *, member_workers: int = 2) -> None:
        self._recreate_databases()
        hub = self.hub
        hub.command(
            "setup",
            {
                "agency_name": "Văn phòng UBND tỉnh",
                "abbreviation": "VP",
                "organ_code": hub.organ_code,
                "members": [
                    {"name": f"Hệ thống {name}", "code": name, "token": token}
                    for name, token in self.tokens.items()
                ],
            },
        )
        for index, node in enumerate(self.members()):
            node.command(
                "setup",
                {
                    "agency_name": f"Sở thử nghiệm {index + 1}",
                    "abbreviation": f"S{index + 1}",
                    "organ_code": node.organ_code,
                    "hub": {"url": hub.url, "token": self.tokens[node.name]},
                },
            )
        hub.start()
        for node in self.members():
            node.command("sync")
        for node in self.members():
            node.start(workers=member_workers)

    def stop(self) -> None:
        for node in self.nodes.values():
            node.stop()

    def drop(self) -> None:
        self.stop()
        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as conn:
            for node in self.nodes.values():
                conn.execute(f'DROP DATABASE IF EXISTS "{node.database}" WITH (FORCE)')
