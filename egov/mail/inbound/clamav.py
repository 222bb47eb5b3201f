"""ClamAV's daemon over its socket (``zINSTREAM``): the bytes go in 64 KiB chunks, clamd
answers ``stream: OK`` or ``stream: <signature> FOUND``. No library: the protocol is ten
lines. ``EGOV_MAIL_CLAMD_SOCKET`` is a unix socket path or ``host:port``."""

from __future__ import annotations

import socket
import struct
from dataclasses import dataclass

from django.conf import settings

CHUNK = 64 * 1024


class ScannerUnavailableError(RuntimeError):
    """clamd is not configured or did not answer: nothing is let through unscanned."""


@dataclass(frozen=True)
class Verdict:
    clean: bool
    signature: str = ""


def _connect(address: str) -> socket.socket:
    if ":" in address and not address.startswith("/"):
        host, _sep, port = address.rpartition(":")
        return socket.create_connection((host, int(port)), timeout=60)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(60)
    sock.connect(address)
    return sock


def scan(data: bytes, *, address: str | None = None) -> Verdict:
    address = address or settings.EGOV_MAIL_CLAMD_SOCKET
    if not address:
        raise ScannerUnavailableError("EGOV_MAIL_CLAMD_SOCKET is not set")
    try:
        with _connect(address) as sock:
            sock.sendall(b"zINSTREAM\0")
            for start in range(0, len(data), CHUNK):
                chunk = data[start : start + CHUNK]
                sock.sendall(struct.pack("!L", len(chunk)) + chunk)
            sock.sendall(struct.pack("!L", 0))
            answer = b""
            while not answer.endswith(b"\0"):
                piece = sock.recv(4096)
                if not piece:
                    break
                answer += piece
    except OSError as exc:
        raise ScannerUnavailableError(f"{type(exc).__name__}: {exc}") from exc
    text = answer.rstrip(b"\0").decode(errors="replace").strip()
    if text.endswith("OK"):
        return Verdict(clean=True)
    if text.endswith("FOUND"):
        signature = text.removeprefix("stream:").removesuffix("FOUND").strip()
        return Verdict(clean=False, signature=signature)
    raise ScannerUnavailableError(f"clamd answered: {text[:200]}")


def ping(address: str | None = None) -> bool:
    try:
        with _connect(address or settings.EGOV_MAIL_CLAMD_SOCKET) as sock:
            sock.sendall(b"zPING\0")
            return sock.recv(16).startswith(b"PONG")
    except (OSError, ValueError):
        return False
