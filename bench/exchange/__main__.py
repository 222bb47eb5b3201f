"""``python -m bench.exchange``: throughput through the hub (1 MB attachment and none),
latency from issue to status 01 back at the sender, recovery after a receiver restart, and
the reliability scenario (full size: 2,000 documents, the receiver killed twice and the hub
once). Figures as JSON lines on stdout, progress on stderr.

Clocks: every figure is read from the installations' own timestamps (``received_at`` of the
packages, ``created_at`` of the outbox rows), so starting processes and polling do not count.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._common import Report, log
from bench.exchange import cpu

THROUGHPUT_TARGET = 50.0  # packages per second through the hub, 1 MB attachment
LATENCY_TARGET_MS = 2000.0
#: Worker processes on the sending member (they share its outbox with SKIP LOCKED).
SENDER_WORKERS = int(os.environ.get("EGOV_BENCH_WORKERS", "2"))


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark of the exchange")
    parser.add_argument("--quick", action="store_true", help="small counts, a few minutes")
    return parser.parse_args()


def _settings_dict() -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
    import django

    django.setup()
    from django.db import connection

    return dict(connection.settings_dict)


def _wait(receiver: Any, since: float, count: int, timeout: float = 1800) -> list[float]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        times: list[float] = receiver.received_since(since)
        if len(times) >= count:
            return times
        time.sleep(0.3)
    raise SystemExit(f"only part of {count} documents arrived in {timeout} s")


def throughput(cluster: Any, report: Report, *, count: int, size: int, label: str) -> None:
    """Queue ``count`` documents with the sender's workers stopped, start them, and rate
    the arrivals at the other member from the first to the last."""
    first, second = cluster.members()[:2]
    first.stop()
    first.start(workers=0)
    since = time.time()
    log(f"{label}: issuing {count} documents while the sender's workers are stopped")
    first.command(
        "load",
        {
            "from": first.organ_code,
            "to": second.organ_code,
            "count": count,
            "attachment_bytes": size,
            "subject": label,
        },
    )
    first.start_workers(SENDER_WORKERS)
    # CPU is counted from the first arrival: the workers' own start-up is not a package's.
    _wait(second, since, 1)
    before = cpu.cluster_cpu(cluster)
    times = _wait(second, since, count)
    deadline = time.monotonic() + 300
    while len(first.acknowledgement_delays(since)) < count and time.monotonic() < deadline:
        time.sleep(0.3)
    after = cpu.cluster_cpu(cluster)
    rate = (count - 1) / max(times[-1] - times[0], 1e-3)
    log(f"{label}: {count} arrived over {times[-1] - times[0]:.1f} s")
    used = {key: after[key] - before[key] for key in after}
    counted = count - 1
    report.emit(f"cpu_per_package_{label}_ms", sum(used.values()) / counted * 1000, "ms")
    for key, value in used.items():
        report.emit(f"cpu_per_package_{label}_{key}_ms", value / counted * 1000, "ms")
    report.emit(
        f"through_hub_{label}_per_s",
        rate,
        "packages/s",
        target=THROUGHPUT_TARGET if size else None,
        better="higher",
    )


def latency(cluster: Any, report: Report, *, count: int) -> None:
    """Issue → 01 back, with everything running, while the sender issues at its own pace."""
    first, second = cluster.members()[:2]
    since = time.time()
    first.command("load", {"from": first.organ_code, "to": second.organ_code, "count": count})
    _wait(second, since, count)
    deadline = time.monotonic() + 120
    delays: list[float] = []
    while time.monotonic() < deadline:
        delays = first.acknowledgement_delays(since)
        if len(delays) >= count:
            break
        time.sleep(0.5)
    report.latency("issue_to_01", [d * 1000 for d in delays], target=LATENCY_TARGET_MS)


def recovery(cluster: Any, report: Report, *, backlog: int) -> None:
    """The receiver is down while ``backlog`` documents queue at the hub: seconds from its
    restart to the last of them taken in."""
    first, second = cluster.members()[:2]
    second.kill()
    since = time.time()
    first.command("load", {"from": first.organ_code, "to": second.organ_code, "count": backlog})
    time.sleep(2)
    restarted = time.time()
    second.start(workers=SENDER_WORKERS)
    report.emit("receiver_boot_s", time.time() - restarted, "s", better="lower")
    times = _wait(second, since, backlog)
    report.emit(f"recovery_{backlog}_queued_s", times[-1] - restarted, "s", better="lower")


def main() -> None:
    quick = _args().quick
    settings_dict = _settings_dict()
    from egov.exchange.harness import scenario
    from egov.exchange.harness.cluster import Cluster

    report = Report()
    cpu.codec(report)
    with tempfile.TemporaryDirectory(prefix="egov-exchange-bench-") as workdir:
        cluster = Cluster(
            Path(workdir),
            members=2,
            base_port=scenario.free_port_block(3),
            server_url=scenario.server_url(settings_dict),
            prefix="bench_exchange",
        )
        try:
            started = time.monotonic()
            cluster.create(member_workers=SENDER_WORKERS)
            report.emit("cluster_start_s", time.monotonic() - started, "s", better=None)
            n = 60 if quick else 400
            throughput(cluster, report, count=n, size=0, label="no_attachment")
            throughput(cluster, report, count=n // 2, size=1_000_000, label="1mb")
            latency(cluster, report, count=30 if quick else 200)
            recovery(cluster, report, backlog=20 if quick else 100)
            per_direction = 50 if quick else 1000
            outcome = scenario.run(
                cluster,
                per_direction=per_direction,
                receiver_kills=1 if quick else 2,
                hub_kills=0 if quick else 1,
                settle_timeout=1800,
                log=log,
            )
            report.emit("scenario_documents", outcome.expected, "docs", better=None)
            report.emit("scenario_received_once", outcome.received_once, "docs", better="higher")
            report.emit("scenario_duplicates", outcome.duplicates, "docs", target=0)
            report.emit("scenario_missing", outcome.missing, "docs", target=0)
            report.emit("scenario_damaged", outcome.damaged, "docs", target=0)
            report.emit("scenario_acknowledged", outcome.acknowledged, "docs", better="higher")
            report.emit("scenario_s", outcome.seconds, "s", better=None)
        finally:
            cluster.drop()
    report.summary()


if __name__ == "__main__":
    main()
