"""``python -m bench.exchange``: throughput through the hub (1 MB attachment and none),
latency from issue to status 01 back at the sender, recovery after a receiver restart, and
the reliability scenario at full size (2,000 documents, the receiver killed twice and the
hub once). Figures as JSON lines on stdout, progress on stderr."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench._common import Report, log

THROUGHPUT_TARGET = 50.0  # packages per second through the hub, 1 MB attachment
LATENCY_TARGET_MS = 2000.0
#: Worker processes on the sending member (they share its outbox with SKIP LOCKED).
SENDER_WORKERS = 3


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark of the exchange")
    parser.add_argument("--quick", action="store_true", help="small counts, about 3 minutes")
    return parser.parse_args()


def _settings_dict() -> dict[str, object]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
    import django

    django.setup()
    from django.db import connection

    return dict(connection.settings_dict)


def _wait_received(receiver: object, count: int, timeout: float = 900) -> float:
    """Seconds until ``receiver`` holds ``count`` received documents."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if receiver.command("count")["received"] >= count:  # type: ignore[attr-defined]
            return time.monotonic() - started
        time.sleep(0.5)
    raise SystemExit(f"only part of {count} documents arrived in {timeout} s")


def throughput(
    cluster: object, report: Report, *, count: int, attachment_bytes: int, label: str
) -> None:
    """Issue ``count`` documents with the sender's workers stopped (they queue in its
    outbox), then start them and time the delivery to the other member through the hub."""
    first, second = cluster.members()[:2]  # type: ignore[attr-defined]
    already = second.command("count")["received"]
    first.stop()
    first.start(workers=0)
    log(f"{label}: issuing {count} documents (workers stopped)")
    first.command(
        "load",
        {
            "from": first.organ_code,
            "to": second.organ_code,
            "count": count,
            "attachment_bytes": attachment_bytes,
            "subject": label,
        },
    )
    began = time.monotonic()
    first.start_workers(SENDER_WORKERS)
    seconds = _wait_received(second, already + count)
    log(f"{label}: {count} delivered in {seconds:.1f} s")
    report.emit(
        f"through_hub_{label}_per_s",
        count / seconds,
        "packages/s",
        target=THROUGHPUT_TARGET if attachment_bytes else None,
        better="higher",
    )
    del began


def main() -> None:
    args = _args()
    quick = args.quick
    settings_dict = _settings_dict()
    from egov.exchange.harness import scenario
    from egov.exchange.harness.cluster import Cluster

    report = Report()
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
            cluster.create()
            report.emit("cluster_start_s", time.monotonic() - started, "s", better=None)
            n = 40 if quick else 300
            throughput(cluster, report, count=n, attachment_bytes=0, label="no_attachment")
            throughput(cluster, report, count=n // 2, attachment_bytes=1_000_000, label="1mb")

            # Recovery: the receiver is down while documents queue at the hub.
            first, second = cluster.members()[:2]
            already = second.command("count")["received"]
            second.kill()
            backlog = 20 if quick else 100
            first.command(
                "load", {"from": first.organ_code, "to": second.organ_code, "count": backlog}
            )
            time.sleep(2)
            restarted = time.monotonic()
            second.start()
            boot = time.monotonic() - restarted
            seconds = _wait_received(second, already + backlog) + boot
            report.emit("receiver_restart_boot_s", boot, "s", better="lower")
            report.emit(f"recovery_{backlog}_queued_s", seconds, "s", better="lower")

            # Reliability at full size; its latencies are the issue → 01 figures.
            per_direction = 50 if quick else 1000
            outcome = scenario.run(
                cluster,
                per_direction=per_direction,
                receiver_kills=1 if quick else 2,
                hub_kills=0 if quick else 1,
                settle_timeout=1200,
                log=log,
            )
            report.emit("scenario_documents", outcome.expected, "docs", better=None)
            report.emit("scenario_received_once", outcome.received_once, "docs", better="higher")
            report.emit("scenario_duplicates", outcome.duplicates, "docs", target=0)
            report.emit("scenario_missing", outcome.missing, "docs", target=0)
            report.emit("scenario_damaged", outcome.damaged, "docs", target=0)
            report.emit("scenario_acknowledged", outcome.acknowledged, "docs", better="higher")
            report.emit("scenario_s", outcome.seconds, "s", better=None)
            report.latency(
                "issue_to_01", [s * 1000 for s in outcome.latencies], target=LATENCY_TARGET_MS
            )
        finally:
            cluster.drop()
    report.summary()


if __name__ == "__main__":
    main()
