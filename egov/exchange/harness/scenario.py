"""The reliability scenario: documents both ways between two members through the hub
while installations are killed with SIGKILL and restarted; then the proof that each
document arrived exactly once, whole, and that every status came back."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from egov.exchange.harness.cluster import Cluster, Node


def free_port_block(size: int) -> int:
    """The first of ``size`` consecutive ports that are free now."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = int(probe.getsockname()[1])
        if base + size >= 65535:
            continue
        try:
            for port in range(base, base + size):
                with socket.socket() as taken:
                    taken.bind(("127.0.0.1", port))
        except OSError:
            continue
        return base
    raise RuntimeError("no block of free ports")


def server_url(settings_dict: dict[str, Any]) -> str:
    """``postgres://user[:password]@host:port`` of a Django database's server."""
    user = quote(settings_dict.get("USER") or "postgres", safe="")
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{quote(password, safe='')}" if password else user
    host = quote(settings_dict.get("HOST") or "127.0.0.1", safe="")
    return f"postgres://{auth}@{host}:{settings_dict.get('PORT') or 5432}"


@dataclass
class Outcome:
    expected: int
    sent: int = 0
    received_once: int = 0
    duplicates: int = 0
    missing: int = 0
    damaged: int = 0
    acknowledged: int = 0
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    recovery_seconds: list[float] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        return (
            self.sent == self.expected
            and self.received_once == self.expected
            and not (self.duplicates or self.missing or self.damaged)
            and self.acknowledged == self.expected
        )


def check(sender: Node, receiver: Node, since: float) -> tuple[dict[str, Any], dict[str, Any]]:
    span = {"since": since}
    return sender.command("report", span)["sent"], receiver.command("report", span)["received"]


def tally(outcome: Outcome, pairs: list[tuple[Node, Node]], since: float) -> None:
    outcome.sent = outcome.received_once = outcome.duplicates = 0
    outcome.missing = outcome.damaged = outcome.acknowledged = 0
    outcome.latencies = []
    for sender, receiver in pairs:
        sent, received = check(sender, receiver, since)
        outcome.sent += len(sent)
        for document_id, facts in sent.items():
            copy = received.get(document_id)
            if copy is None:
                outcome.missing += 1
            elif copy["copies"] > 1:
                outcome.duplicates += 1
            elif copy["files"] != facts["files"]:
                outcome.damaged += 1
            else:
                outcome.received_once += 1
            if facts.get("recipient_status") in ("01", "03", "04", "05", "06"):
                outcome.acknowledged += 1
            if "ack_at" in facts:
                outcome.latencies.append(facts["ack_at"] - facts["created_at"])


def run(
    cluster: Cluster,
    *,
    per_direction: int,
    attachment_bytes: int = 0,
    receiver_kills: int = 1,
    hub_kills: int = 0,
    settle_timeout: float = 300,
    log: Callable[[str], None] = print,
) -> Outcome:
    """Load both ways, kill while loading, wait until everything is acknowledged."""
    first, second = cluster.members()[:2]
    outcome = Outcome(expected=2 * per_direction)
    errors: list[BaseException] = []

    def load(sender: Node, receiver: Node) -> None:
        try:
            sender.command(
                "load",
                {
                    "from": sender.organ_code,
                    "to": receiver.organ_code,
                    "count": per_direction,
                    "attachment_bytes": attachment_bytes,
                },
            )
        except BaseException as exc:  # reported by the caller
            errors.append(exc)

    started = time.monotonic()
    since = time.time() - 1
    loaders = [
        threading.Thread(target=load, args=(first, second)),
        threading.Thread(target=load, args=(second, first)),
    ]
    for thread in loaders:
        thread.start()
    victims = [second] * receiver_kills + [cluster.hub] * hub_kills
    for victim in victims:
        time.sleep(3)
        log(f"kill -9 {victim.name}")
        victim.kill()
        time.sleep(1.5)
        restarted = time.monotonic()
        victim.start(workers=1 if victim is cluster.hub else 2)
        outcome.recovery_seconds.append(time.monotonic() - restarted)
        log(f"{victim.name} back in {outcome.recovery_seconds[-1]:.1f} s")
    for thread in loaders:
        thread.join()
    if errors:
        raise errors[0]
    pairs = [(first, second), (second, first)]
    deadline = time.monotonic() + settle_timeout
    while True:
        tally(outcome, pairs, since)
        if outcome.perfect or time.monotonic() > deadline:
            break
        time.sleep(1)
    outcome.seconds = time.monotonic() - started
    return outcome
