"""Commands run inside one installation of a cluster: ``python -m egov.exchange.harness.node
COMMAND [JSON]`` with that installation's environment (database, identity files).

- ``setup``: migrate, create the agency and its staff, the peers (hub or members);
- ``sync``: register our agencies with the hub and copy its directory;
- ``load``: issue documents to another agency, each with an attachment of a given size;
- ``report``: what was sent and received, as JSON on stdout.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from typing import Any


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
    import django

    django.setup()


def setup(spec: dict[str, Any]) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from egov.documents.actions.catalogue import ensure_document_types
    from egov.exchange.models import Peer
    from egov.organisations import actions
    from egov.organisations.choices import Role, UnitKind
    from egov.organisations.testing import START, hire_with_role

    ensure_document_types()
    agency = actions.create_unit(
        actor=None,
        parent=None,
        name=spec["agency_name"],
        kind=UnitKind.AGENCY,
        valid_from=START,
        abbreviation=spec["abbreviation"],
        organ_code=spec["organ_code"],
        short_name=spec["agency_name"],
        skip_access_check=True,
    )
    for username, role in (
        ("clerk", Role.CLERK),
        ("leader", Role.LEADER),
        ("drafter", Role.SPECIALIST),
    ):
        hire_with_role(username, f"{username} {spec['abbreviation']}", agency, role)
    for member in spec.get("members", []):
        Peer.objects.create(
            name=member["name"],
            code=member["code"],
            inbound_token_sha256=Peer.hash_token(member["token"]),
        )
    if "hub" in spec:
        Peer.objects.create(
            name="Trục liên thông tỉnh",
            code="hub",
            base_url=spec["hub"]["url"],
            is_hub=True,
            outbound_token=spec["hub"]["token"],
        )


def sync(_spec: dict[str, Any]) -> None:
    from egov.exchange.actions.delivery import sync_directory

    print(json.dumps({"listed": sync_directory()}))


def load(spec: dict[str, Any]) -> None:
    """Issue ``count`` documents to ``to`` (organ code), each with a PDF padded to
    ``attachment_bytes`` (0: a one-page PDF)."""
    from django.contrib.auth import get_user_model

    from egov.documents.actions import issuing, outgoing
    from egov.documents.actions.issuing import RecipientSpec
    from egov.documents.choices import RecipientKind
    from egov.documents.testing import doc_type, make_pdf, upload
    from egov.organisations.models import OrgUnit

    users = get_user_model().objects.in_bulk(["clerk", "leader", "drafter"], field_name="username")
    agency = OrgUnit.objects.get(organ_code=spec["from"])
    padding = max(0, int(spec.get("attachment_bytes", 0)) - len(make_pdf()) - 40)
    letter = doc_type("cong-van")
    for n in range(int(spec["count"])):
        data = make_pdf("Van ban lien thong thu nghiem", padding=os.urandom(padding))
        document = outgoing.create_draft(
            actor=users["drafter"],
            drafting_unit=agency,
            document_type=letter,
            subject=f"{spec.get('subject', 'Văn bản liên thông')} số {n + 1}",
            uploads=[upload(f"van-ban-{n + 1}.pdf", data)],
        )
        outgoing.submit_for_review(
            actor=users["drafter"], document=document, reviewers=[], signer=users["leader"]
        )
        outgoing.review(actor=users["leader"], document=document, decision="approved")
        document.refresh_from_db()
        issuing.issue(
            actor=users["clerk"],
            document=document,
            recipients=[
                RecipientSpec(kind=RecipientKind.ORGAN, organ_code=spec["to"], name=spec["to"])
            ],
        )


def report(spec: dict[str, Any]) -> None:
    """Sent: per document id, the attachment hashes and the recipient's status; received:
    per document id, how many times it was stored and its attachment hashes. With
    ``since`` (a Unix time), only documents issued or received from then on."""
    import datetime as dt

    from egov.documents.models import Recipient
    from egov.exchange import edxml
    from egov.exchange.models import InboxMessage, OutboxMessage

    since = dt.datetime.fromtimestamp(float(spec.get("since", 0)), tz=dt.UTC)
    sent: dict[str, Any] = {}
    for message in OutboxMessage.objects.filter(kind="edoc", created_at__gte=since):
        package = edxml.parse_edoc(bytes(message.body)).package
        sent[message.document_id] = {
            "files": sorted(hashlib.sha256(a.content).hexdigest() for a in package.attachments),
            "state": message.state,
            "created_at": message.created_at.timestamp(),
        }
    statuses = dict(
        Recipient.objects.filter(exchange_messages__kind="edoc").values_list(
            "exchange_messages__document_id", "status"
        )
    )
    for document_id, status in statuses.items():
        if document_id in sent:
            sent[document_id]["recipient_status"] = status
    first_01 = {}
    for document_id, received_at in InboxMessage.objects.filter(
        kind="status", status_code="01"
    ).values_list("document_id", "received_at"):
        first_01[document_id] = received_at.timestamp()
    for document_id, at in first_01.items():
        if document_id in sent:
            sent[document_id]["ack_at"] = at
    received: dict[str, Any] = {}
    for copy in InboxMessage.objects.filter(kind="edoc", received_at__gte=since).exclude(
        state="rejected"
    ):
        package = edxml.parse_edoc(bytes(copy.body)).package
        entry = received.setdefault(copy.document_id, {"copies": 0, "files": []})
        entry["copies"] += 1
        entry["files"] = sorted(hashlib.sha256(a.content).hexdigest() for a in package.attachments)
    print(json.dumps({"sent": sent, "received": received}))


def count(_spec: dict[str, Any]) -> None:
    """Received documents stored here (cheap: no package is read)."""
    from egov.exchange.models import InboxMessage

    print(
        json.dumps(
            {"received": InboxMessage.objects.filter(kind="edoc").exclude(state="rejected").count()}
        )
    )


COMMANDS = {"setup": setup, "sync": sync, "load": load, "report": report, "count": count}

if __name__ == "__main__":
    _django()
    COMMANDS[sys.argv[1]](json.loads(sys.argv[2]) if len(sys.argv) > 2 else {})
