"""The hub's operations, modelled on the national axis (reference §2.1): register and list
agencies, take a package from a member and route it, list what waits for a member, hand it
over, take its transport status, list what a member sent."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.exchange import audit_names, edxml, storage
from egov.exchange.actions import inbox
from egov.exchange.actions.inbox import Refused
from egov.exchange.choices import Kind, MailboxState
from egov.exchange.identity import load_identity
from egov.exchange.models import HubMailbox, Organ, Peer
from egov.exchange.queries import batch_lookups, local_unit, remembered
from egov.lib.insert import insert_unless_exists
from egov.organisations.models import OrgUnit


@dataclass(frozen=True)
class Routed:
    """Where the hub put a package: our own agencies' inbox, or members' mailboxes."""

    local: int
    mailboxes: int


def _addressees(body: bytes) -> tuple[str, str, str, str, list[str]]:
    """(kind, document id, sender code, status code, recipient codes) of a package whose
    header is valid. The hub routes on the header; the rest of an edoc is the receiver's to
    check (it answers 02 with the list of problems), so attachments are not decoded here."""
    head = body[:65536]
    try:
        if b"StatusCode>" in head and b"MessageHeader>" not in head:
            status = edxml.parse_status(body).status
            to = [o.organ_id for o in status.to] or [status.response_for.organ_id]
            return (
                Kind.STATUS,
                status.response_for.document_id,
                status.from_.organ_id,
                status.status_code,
                to,
            )
        header = edxml.read_header(body)
    except edxml.ValidationFailure as failure:
        raise Refused(
            "invalid_package", "; ".join(str(p) for p in failure.problems)[:2000]
        ) from None
    return Kind.EDOC, header.document_id, header.from_.organ_id, "", [o.organ_id for o in header.to]


def _member_organ(code: str) -> Organ | None:
    return Organ.objects.filter(code=code, peer__isnull=False).first()


@transaction.atomic
def take(*, sender: Peer, body: bytes) -> Routed:
    """A member sends a package: verify, validate, route each recipient. All or nothing: an
    unknown recipient refuses the whole package (the sender fixes the address and resends)."""
    return _take(sender, body)


def _take(sender: Peer, body: bytes) -> Routed:
    """:func:`take` in the caller's transaction. A refusal is raised before any mailbox row
    is written (our own agencies' inbox, which takes its part first, keeps the record of a
    refusal as it does everywhere), so a batch needs no savepoint per package."""
    try:
        edxml.verify_envelope(body, load_identity().trusted_roots)
    except edxml.SignatureError as exc:
        raise Refused(exc.code, exc.message, exc.message_vi) from None
    kind, document_id, from_code, status_code, to_codes = _addressees(body)
    local: list[str] = []
    remote: list[Organ] = []
    for code in to_codes:
        if local_unit(code) is not None:
            local.append(code)
            continue
        found = remembered("member_organ", code, partial(_member_organ, code))
        organ = found.successor() if found is not None else None
        if organ is None or not organ.active:
            raise Refused(
                "unknown_recipient",
                f"no agency with organ code {code} is connected to this hub",
                _("Không có cơ quan có mã định danh %(code)s trên trục.") % {"code": code},
            )
        remote.append(organ)
    if local:
        inbox.accept(body, sender=sender)
    sha = hashlib.sha256(body).hexdigest()
    boxes = 0
    for peer_id in sorted({organ.peer_id for organ in remote if organ.peer_id is not None}):
        codes = ",".join(o.code for o in remote if o.peer_id == peer_id)
        box = HubMailbox(
            peer_id=peer_id,
            sender=sender,
            kind=kind,
            document_id=document_id[:100],
            from_code=from_code,
            to_code=codes[:35],
            status_code=status_code,
            body_file=storage.put(body, sha256=sha),
            sha256=sha,
            size=len(body),
            received_at=timezone.now(),
        )
        # Sent before (a retry after a lost answer): once per member is enough.
        boxes += insert_unless_exists(box, ["peer", "sha256"])
    return Routed(local=len(local), mailboxes=boxes)


def waiting(
    peer: Peer, *, limit: int = 100, lease_seconds: int = 0, inline_bytes: int = 0
) -> list[dict[str, Any]]:
    """What waits for ``peer``, oldest first. With ``lease_seconds``, the packages listed
    are held for the caller that long: another of the member's workers polling meanwhile
    gets the next ones, and a package whose worker died is listed again afterwards. Packages
    of at most ``inline_bytes`` (status messages) come with their body, base64-encoded, which
    saves the member one request each."""
    now = timezone.now()
    with transaction.atomic():
        rows = HubMailbox.objects.filter(peer=peer, state=MailboxState.INBOX)
        if lease_seconds:
            rows = rows.filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
        picked = list(
            rows.select_for_update(skip_locked=True)
            .order_by("id")
            .values(
                "id",
                "kind",
                "document_id",
                "from_code",
                "to_code",
                "status_code",
                "sha256",
                "size",
                "body_file",
            )[:limit]
        )
        if lease_seconds and picked:
            HubMailbox.objects.filter(pk__in=[row["id"] for row in picked]).update(
                leased_until=now + dt.timedelta(seconds=lease_seconds)
            )
        inlined = [row["id"] for row in picked if row["size"] <= inline_bytes]
        if inlined:
            HubMailbox.objects.filter(pk__in=inlined, fetched_at__isnull=True).update(
                fetched_at=now
            )
    listed: list[dict[str, Any]] = []
    for row in picked:
        item: dict[str, Any] = dict(row)
        name = item.pop("body_file")
        if item["size"] <= inline_bytes:
            item["body"] = base64.b64encode(storage.get(name)).decode("ascii")
        listed.append(item)
    return listed


def fetch(peer: Peer, pk: int) -> HubMailbox | None:
    item = HubMailbox.objects.filter(peer=peer, pk=pk).first()
    if item is not None and item.fetched_at is None:
        HubMailbox.objects.filter(pk=pk).update(fetched_at=timezone.now())
    return item


def fetch_many(peer: Peer, ids: list[int], *, max_bytes: int) -> list[tuple[int, bytes]]:
    """``peer``'s packages among ``ids``, in their order, as many as fit in ``max_bytes``
    (at least the first): the caller asks again for the rest. Ids not the member's are
    left out."""
    rows = list(
        HubMailbox.objects.filter(peer=peer, pk__in=ids)
        .order_by("id")
        .values_list("id", "size", "body_file", "fetched_at")
    )
    picked: list[tuple[int, str]] = []
    total = 0
    for pk, size, name, _fetched in rows:
        if picked and total + size > max_bytes:
            break
        picked.append((pk, name))
        total += size
    first_time = [pk for pk, _size, _name, fetched in rows[: len(picked)] if fetched is None]
    if first_time:
        HubMailbox.objects.filter(pk__in=first_time).update(fetched_at=timezone.now())
    return [(pk, storage.get(name)) for pk, name in picked]


def take_many(*, sender: Peer, bodies: list[bytes]) -> list[Routed | Refused]:
    """A member's batch: each package taken as by :func:`take` (a refusal refuses that
    package only), all in the caller's transaction: one commit for the batch."""
    results: list[Routed | Refused] = []
    with batch_lookups():
        for body in bodies:
            try:
                results.append(_take(sender, body))
            except Refused as refusal:
                results.append(refusal)
    return results


def set_transport_status(peer: Peer, pk: int | list[int], status: str) -> bool:
    """The member has the package(s) (``done``) or could not take them (``fail``: they stay
    listed, to be fetched again). True if every one named is the member's."""
    if status not in (MailboxState.DONE, MailboxState.FAIL):
        raise ValueError(status)
    ids = sorted(set(pk)) if isinstance(pk, list) else [pk]
    rows = HubMailbox.objects.filter(peer=peer, pk__in=ids)
    if status == MailboxState.FAIL:
        return rows.count() == len(ids)
    updated = rows.update(state=MailboxState.DONE, done_at=timezone.now())
    return updated == len(ids)


def sent_by(peer: Peer, *, document_id: str = "", limit: int = 200) -> list[dict[str, Any]]:
    rows = HubMailbox.objects.filter(sender=peer).order_by("-id")
    if document_id:
        rows = rows.filter(document_id=document_id)
    values = rows.values(
        "id", "kind", "document_id", "to_code", "status_code", "state", "received_at"
    )[:limit]
    return [dict(row) for row in values]


@transaction.atomic
def register_agency(
    *, peer: Peer, code: str, name: str, parent_code: str = "", replaces: str = ""
) -> Organ:
    """A member registers (or renames) an agency it serves; with ``replaces``, the agency
    that one succeeds (a merger): the old code stays in the directory, inactive, pointing to
    the new one, and packages still addressed to it are routed to its successor. A code held
    by another member, or by the hub's own agencies, is refused."""
    code = code.strip()
    if edxml.organ_code_form(code) in (edxml.OrganCodeForm.INVALID, edxml.OrganCodeForm.OTHER):
        raise Refused("invalid_code", f"not an organ code: {code!r}")
    if local_unit(code) is not None:
        raise Refused("code_taken", f"{code} is an agency of the hub itself")
    organ = Organ.objects.select_for_update().filter(code=code).first()
    if organ is not None and organ.peer_id not in (None, peer.pk):
        raise Refused("code_taken", f"{code} is registered by another member")
    today = timezone.localdate()
    if organ is None:
        organ = Organ(code=code, valid_from=today)
    organ.name = name.strip()[:255] or code
    organ.parent_code = parent_code.strip()[:35]
    organ.peer = peer
    organ.active = True
    organ.valid_to = None
    organ.replaced_by = None
    organ.save()
    if replaces.strip():
        old = Organ.objects.select_for_update().filter(code=replaces.strip()).first()
        if old is None or old.peer_id not in (None, peer.pk):
            raise Refused("unknown_predecessor", f"{replaces} is not an agency of this member")
        old.active = False
        old.valid_to = old.valid_to or today
        old.replaced_by = organ
        old.save(update_fields=["active", "valid_to", "replaced_by", "updated_at"])
    record(
        action=audit_names.ORGAN_REGISTER,
        actor=None,
        obj=organ,
        after={"peer": peer.code, "replaces": replaces.strip()},
    )
    return organ


def directory() -> list[dict[str, str]]:
    """Every agency reachable through this hub: its own, then its members'."""
    own = [
        {"code": u.organ_code, "name": u.name, "parent_code": ""}
        for u in OrgUnit.objects.filter(valid_to__isnull=True).exclude(organ_code="")
    ]
    members = [
        {
            "code": o.code,
            "name": o.name,
            "parent_code": o.parent_code,
            "active": o.active,
            "valid_from": o.valid_from.isoformat() if o.valid_from else "",
            "valid_to": o.valid_to.isoformat() if o.valid_to else "",
            "replaced_by": o.replaced_by.code if o.replaced_by else "",
        }
        for o in Organ.objects.filter(peer__isnull=False).select_related("replaced_by")
    ]
    return own + members
