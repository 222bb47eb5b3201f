"""CPU a package costs, counted rather than timed: the codec's steps on one 1 MB package in
this process, and the CPU every process of the three installations used while packages
crossed (user + system from ``/proc``, their PostgreSQL backends included). Counting CPU
keeps the figures comparable on a machine shared with other work, where rates are not."""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg

from bench._common import Report

_TICK = os.sysconf("SC_CLK_TCK")


def codec(report: Report, *, runs: int = 20) -> None:
    """Build, sign, verify and parse a package with a 1 MB PDF: CPU ms per step (p50)."""
    from egov.exchange import edxml
    from egov.exchange.pki import make_ca, make_installation_certificate
    from egov.exchange.tests.factories import NOW, make_package

    ca = make_ca("Bench CA")
    leaf = make_installation_certificate(ca, "Bench installation")
    pdf = edxml.Attachment(
        attachment_name="van-ban.pdf",
        content=b"%PDF-1.4\n" + os.urandom(1_000_000),
        content_type="application/pdf",
    )
    package = replace(make_package(), attachments=(pdf,))
    built = edxml.build_edoc(package, now=NOW)
    signed = edxml.sign_envelope(built, leaf.key, [leaf.certificate])
    steps: dict[str, Any] = {
        "build": lambda: edxml.build_edoc(package, now=NOW),
        "sign": lambda: edxml.sign_envelope(built, leaf.key, [leaf.certificate]),
        "verify": lambda: edxml.verify_envelope(signed, [ca.certificate]),
        "parse": lambda: edxml.parse_edoc(signed, now=NOW),
        "read_header": lambda: edxml.read_header(signed),
    }
    for name, step in steps.items():
        samples = []
        for _ in range(runs):
            started = time.process_time()
            step()
            samples.append((time.process_time() - started) * 1000)
        report.emit(f"codec_1mb_{name}_cpu_ms", statistics.median(samples), "ms", better="lower")


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def _group_pids(leaders: set[int]) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) in leaders:
                    found.append(int(entry.name))
            except ProcessLookupError:
                continue
    return found


def cluster_cpu(cluster: Any) -> dict[str, float]:
    """CPU seconds used so far by each installation's processes and database backends."""
    used: dict[str, float] = {}
    for node in [cluster.hub, *cluster.members()]:
        pids = _group_pids({p.pid for p in node.processes})
        used[node.name] = sum(_cpu(pid) for pid in pids)
        with psycopg.connect(node.env["DATABASE_URL"]) as conn:
            backends = conn.execute(
                "SELECT pid FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        used[f"{node.name}_db"] = sum(_cpu(row[0]) for row in backends)
    return used
