"""Turn citizens' e-mail to agencies' official mailboxes into feedback items (periodic).

Reads through ``egov.mail.queries`` and marks each message taken over through
``egov.mail.actions``; each message in its own transaction. The item goes to the agency
whose mailbox received the message, in the category ``EGOV_FEEDBACK_MAIL_CATEGORY``
(``thu-dien-tu`` by default, created inactive for the form when missing)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from egov.feedback.actions import abuse, items
from egov.feedback.models import Category
from egov.mail import queries as mail_queries
from egov.mail.actions import inbound as mail_inbound


def mail_category(agency: Any) -> Category:
    code = str(getattr(settings, "EGOV_FEEDBACK_MAIL_CATEGORY", "thu-dien-tu"))
    category: Category = Category.objects.get_or_create(
        code=code,
        defaults={"name": "Thư điện tử của người dân", "agency": agency, "active": False},
    )[0]
    return category


def take_over_mail() -> tuple[int, int]:
    taken = skipped = 0
    for message in mail_queries.citizen_messages_waiting():
        with transaction.atomic():
            agency = message.mailbox.unit
            item = items.receive_from_mail(
                source_ref=f"mail:{message.pk}",
                agency=agency,
                category=mail_category(agency),
                from_address=message.from_address,
                from_name=message.from_name,
                subject=message.subject,
                body=message.body_text,
            )
            if item is None:
                skipped += 1
                continue
            mail_inbound.hand_over_to_feedback(
                inbound=message, reference=f"Phản ánh, kiến nghị {item.code}"
            )
            taken += 1
    return taken, skipped


class Command(BaseCommand):
    help = "Turn citizens' e-mail into feedback items; forget old rate-limit events."

    def handle(self, *args: Any, **options: Any) -> None:
        taken, skipped = take_over_mail()
        forgotten = abuse.forget_old_events()
        self.stdout.write(
            f"feedback: {taken} taken from mail, {skipped} skipped, "
            f"{forgotten} rate events forgotten"
        )
