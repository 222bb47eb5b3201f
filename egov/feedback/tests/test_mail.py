from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from egov.feedback.choices import Channel, State
from egov.feedback.models import Item

pytestmark = pytest.mark.django_db


def _citizen_mail(unit: Any, *, body: str = "Đường vào xã Định Mỹ bị ngập sâu sau mưa.") -> Any:
    from egov.mail.actions.ingest import import_message
    from egov.mail.testing import agency_mailbox, message

    box = agency_mailbox(unit, "snv")
    _id, raw = message(
        sender="Lê Văn Cường <cuong.le@example.com>",
        to=box.address,
        subject="Phản ánh đường ngập",
        body=body,
    )
    return import_message(
        mailbox=box, folder="INBOX", uidvalidity=1, uid=1, internal_date=timezone.now(), raw=raw
    )


def test_a_citizens_email_becomes_an_item_of_the_mailboxs_agency_and_mail_marks_it_taken(
    fb: Any,
) -> None:
    from egov.mail.choices import InboundKind, InboundState

    inbound = _citizen_mail(fb.world.home_affairs)
    assert inbound.kind == InboundKind.FEEDBACK and inbound.state == InboundState.OPEN
    out = StringIO()
    call_command("feedback_from_mail", stdout=out)
    assert "1 taken from mail" in out.getvalue()
    item = Item.objects.get()
    assert item.channel == Channel.MAIL and item.state == State.RECEIVED
    assert item.agency == fb.world.home_affairs and item.due_date is not None
    assert item.asker_email == "cuong.le@example.com" and item.asker_name == "Lê Văn Cường"
    assert item.title == "Phản ánh đường ngập" and "ngập sâu" in item.text
    inbound.refresh_from_db()
    assert inbound.state == InboundState.KEPT and item.code in inbound.note
    call_command("feedback_from_mail", stdout=StringIO())
    assert Item.objects.count() == 1


def test_the_periodic_command_is_listed_in_the_servers_periodic_jobs() -> None:
    from tools.serve import PERIODIC

    assert ["feedback_from_mail"] in PERIODIC
