"""Mailboxes: provision (personal on hire, shared for an agency), follow the staff events,
set the password, create an agency's group alias."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.mail import access, audit_names, passwords, queries
from egov.mail.actions._common import province_domain, require_manage
from egov.mail.actions.changes import request_change, sync_groups
from egov.mail.actions.provisioning import choose_addresses, taken_addresses
from egov.mail.adapters import get_adapter
from egov.mail.addresses import check_local_part
from egov.mail.choices import AliasKind, ChangeKind, MailboxKind, MailboxState
from egov.mail.models import Alias, Mailbox, MailboxChange
from egov.organisations.models import OrgUnit, Person


def _require_free(address: str) -> None:
    if taken_addresses([address]):
        raise ActionError(
            _("Địa chỉ %(address)s đã được dùng (địa chỉ đã cấp không cấp lại cho người khác).")
            % {"address": address},
            code="address_taken",
            field="local_part",
        )


@transaction.atomic
def provision_personal_mailbox(
    *,
    actor: Any,
    person: Person,
    local_part: str = "",
    effective_date: dt.date | None = None,
    skip_access_check: bool = False,
) -> MailboxChange:
    """Reserve an address for ``person`` and request its provisioning. Precondition: the
    person works in a unit and has no live mailbox."""
    if person.unit is None:
        raise ActionError(_("Cán bộ chưa thuộc đơn vị nào."), code="no_unit")
    require_manage(actor, person.unit, skip=skip_access_check)
    if queries.live_mailbox_of(person) is not None:
        raise ActionError(
            _("%(name)s đã có hộp thư công vụ.") % {"name": person.full_name},
            code="mailbox_exists",
        )
    domain = province_domain()
    if local_part:
        local = check_local_part(local_part)
        address = f"{local}@{domain.name}"
        _require_free(address)
    else:
        address = choose_addresses([person], domain)[0]
        local = address.partition("@")[0]
    mailbox = Mailbox.objects.create(
        address=address,
        local_part=local,
        domain=domain,
        kind=MailboxKind.PERSONAL,
        person=person,
        unit=person.unit,
        display_name=person.full_name,
        quota_mb=settings.EGOV_MAIL_QUOTA_MB,
    )
    return request_change(
        actor=actor,
        mailbox=mailbox,
        kind=ChangeKind.PROVISION,
        effective_date=effective_date or local_today(),
        to_unit=person.unit,
    )


@transaction.atomic
def provision_shared_mailbox(
    *, actor: Any, unit: OrgUnit, local_part: str, skip_access_check: bool = False
) -> MailboxChange:
    """An agency's own mailbox (văn thư, public contact), belonging to the unit."""
    require_manage(actor, unit, skip=skip_access_check)
    domain = province_domain()
    local = check_local_part(local_part)
    address = f"{local}@{domain.name}"
    _require_free(address)
    mailbox = Mailbox.objects.create(
        address=address,
        local_part=local,
        domain=domain,
        kind=MailboxKind.SHARED,
        unit=unit,
        display_name=unit.name,
        quota_mb=settings.EGOV_MAIL_QUOTA_MB,
    )
    return request_change(
        actor=actor,
        mailbox=mailbox,
        kind=ChangeKind.PROVISION,
        effective_date=local_today(),
        to_unit=unit,
    )


@transaction.atomic
def create_group_alias(
    *, actor: Any, unit: OrgUnit, local_part: str, skip_access_check: bool = False
) -> Alias:
    """A list address for everyone in ``unit``'s subtree; membership follows the staff."""
    require_manage(actor, unit, skip=skip_access_check)
    domain = province_domain()
    local = check_local_part(local_part)
    address = f"{local}@{domain.name}"
    _require_free(address)
    alias = Alias.objects.create(
        address=address, domain=domain, kind=AliasKind.GROUP, unit=unit, valid_from=timezone.now()
    )
    get_adapter().ensure_domain(domain.name)
    sync_groups(unit.path)
    record(action=audit_names.ALIAS_CREATE, actor=actor, obj=alias, unit_id=unit.pk)
    return alias


@transaction.atomic
def set_mailbox_password(
    *, actor: Any, mailbox: Mailbox, password: str, skip_access_check: bool = False
) -> Mailbox:
    """Set the login password: the owner, or an administrator of the mailbox's unit. Only a
    Dovecot hash reaches the server; nothing readable is kept anywhere."""
    if not skip_access_check and not access.can_set_password(actor, mailbox):
        raise PermissionDenied("mail: owner or unit administrator required")
    mailbox = (
        Mailbox.objects.select_for_update(of=("self",)).select_related("person").get(pk=mailbox.pk)
    )
    if mailbox.state != MailboxState.ACTIVE:
        raise ActionError(
            _("Chỉ đặt mật khẩu cho hộp thư đang hoạt động (hộp thư đang “%(state)s”).")
            % {"state": mailbox.get_state_display()},
            code="mailbox_not_active",
        )
    passwords.check_strength(
        password,
        local_part=mailbox.local_part,
        full_name=mailbox.person.full_name if mailbox.person else mailbox.display_name,
    )
    get_adapter().set_password(mailbox.address, passwords.dovecot_hash(password))
    mailbox.password_set_at = timezone.now()
    mailbox.save(update_fields=["password_set_at", "updated_at"])
    record(action=audit_names.MAILBOX_PASSWORD, actor=actor, obj=mailbox, unit_id=mailbox.unit_id)
    return mailbox


@transaction.atomic
def request_removals_due(*, actor: Any, today: dt.date | None = None) -> list[MailboxChange]:
    """System job: a removal request for each suspended mailbox past its retention date."""
    day = today or local_today()
    due = Mailbox.objects.filter(state=MailboxState.SUSPENDED, remove_after__lte=day).exclude(
        changes__state="pending"
    )
    return [
        request_change(actor=actor, mailbox=box, kind=ChangeKind.REMOVE, effective_date=day)
        for box in due.select_related("unit")
    ]
