"""Where package bodies live: files named by their SHA-256 in the default storage (a local
folder here, S3-compatible object storage in production), not in PostgreSQL.

A megabyte of package as a ``bytea`` parameter cost about 70 ms per insert (escaped on the
client, parsed and compressed by the server) and was read back every time a row was; as a
file it costs one write, and a row holds only its name. Written before the row that names
it: a transaction that rolls back leaves at most a file nobody names, never a row without
its file. Identical bodies share one file."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction


def put(body: bytes, *, sha256: str = "") -> str:
    """Store ``body`` (once); the name to keep in the row. ``sha256``: its hash, when the
    caller has it already (a megabyte's hash is not free)."""
    sha = sha256 or hashlib.sha256(body).hexdigest()
    name = f"exchange/{sha[:2]}/{sha[2:4]}/{sha}.edxml"
    if isinstance(default_storage, FileSystemStorage):
        _put_file(Path(default_storage.path(name)), body)
    elif not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(body))
        if saved != name:  # a concurrent writer stored the same bytes first
            default_storage.delete(saved)
    return name


def _put_file(path: Path, body: bytes) -> None:
    """Write ``body`` under ``path`` unless it is there: into a temporary file of the same
    folder, then linked to its name, so that the name never shows a partly written body
    (a worker killed mid-write leaves only the temporary file). A file already there has
    the same bytes: the name is their hash. Readable by the installation's user only."""
    if path.exists():
        return
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".put-")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".put-")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(body)
        with contextlib.suppress(FileExistsError):  # a concurrent writer was first
            os.link(temporary, path)
    finally:
        Path(temporary).unlink()


def discard(name: str) -> None:
    """Delete a body nobody names any more, once the transaction that forgot it commits
    (a recalled document's package: Điều 18.4.b has the receiver destroy it)."""
    from egov.exchange.models import HubMailbox, InboxMessage, OutboxMessage

    if not name or any(
        model.objects.filter(body_file=name).exists()
        for model in (InboxMessage, OutboxMessage, HubMailbox)
    ):
        return
    transaction.on_commit(lambda: default_storage.delete(name))


def get(name: str) -> bytes:
    if not name:
        return b""
    with default_storage.open(name, "rb") as stream:
        data: bytes = stream.read()
    return data


class StoredBody:
    """Models whose package lives in the storage: ``message.body`` reads it."""

    body_file: str

    @property
    def body(self) -> bytes:
        return get(self.body_file)
