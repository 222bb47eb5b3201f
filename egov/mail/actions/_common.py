from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied

from egov.mail.adapters.base import MailboxRecord
from egov.mail.models import Mailbox, MailDomain
from egov.organisations import access as org_access
from egov.organisations.models import OrgUnit


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def require_manage(actor: Any, unit: OrgUnit, *, skip: bool) -> None:
    if not skip and not org_access.can_manage_unit(actor, unit):
        raise PermissionDenied("mail: unit administrator required")


def province_domain() -> MailDomain:
    """The domain of ``EGOV_MAIL_DOMAIN``, created on first use."""
    domain: MailDomain = MailDomain.objects.get_or_create(name=settings.EGOV_MAIL_DOMAIN.lower())[0]
    return domain


def record_of(mailbox: Mailbox) -> MailboxRecord:
    return MailboxRecord(
        address=mailbox.address,
        local_part=mailbox.local_part,
        domain=mailbox.domain.name,
        display_name=mailbox.display_name,
        quota_mb=mailbox.quota_mb,
    )
