"""The public directory: which personal addresses are published (contact points)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.mail import audit_names
from egov.mail.actions._common import require_manage
from egov.mail.choices import MailboxKind
from egov.mail.models import Mailbox


@transaction.atomic
def set_public_role(
    *, actor: Any, mailbox: Mailbox, role: str, skip_access_check: bool = False
) -> Mailbox:
    """Publish a personal address as the agency's contact point with ``role`` (empty:
    withdraw it). Agency (shared) addresses are always public."""
    require_manage(actor, mailbox.unit, skip=skip_access_check)
    if mailbox.kind != MailboxKind.PERSONAL:
        raise ActionError(
            _("Địa chỉ của cơ quan luôn được công khai."), code="shared_always_public"
        )
    role = clean(role)[:120]
    before = mailbox.public_role
    mailbox.public_role = role
    mailbox.save(update_fields=["public_role", "updated_at"])
    record(
        action=audit_names.PUBLIC_CONTACT,
        actor=actor,
        obj=mailbox,
        unit_id=mailbox.unit_id,
        before={"public_role": before},
        after={"public_role": role},
    )
    return mailbox
