"""Fixes offered by the reconciliation report (:mod:`egov.mail.reconcile`): a pending
change of kind *resync*, reviewed and applied like the staff register's changes."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.mail import reconcile
from egov.mail.actions._common import require_manage
from egov.mail.actions.changes import request_change
from egov.mail.choices import ChangeKind
from egov.mail.models import Mailbox, MailboxChange


@transaction.atomic
def request_resync(
    *, actor: Any, mailbox: Mailbox, skip_access_check: bool = False
) -> MailboxChange:
    """Request that the server be made to agree with ``mailbox``'s record. Preconditions:
    the record and the server differ now, and no change of the mailbox is pending (it is
    locked while checked, so two administrators cannot request the same fix twice)."""
    require_manage(actor, mailbox.unit, skip=skip_access_check)
    mailbox = (
        Mailbox.objects.select_for_update(of=("self",)).select_related("unit").get(pk=mailbox.pk)
    )
    if MailboxChange.objects.pending().filter(mailbox=mailbox).exists():
        raise ActionError(
            _("Hộp thư %(address)s đã có thay đổi chờ duyệt: duyệt hoặc từ chối thay đổi đó trước.")
            % {"address": mailbox.address},
            code="change_pending",
        )
    account = reconcile.server_accounts().get(mailbox.address)
    problem = reconcile.problem_of(mailbox, account)
    if problem is None:
        raise ActionError(
            _("Hộp thư %(address)s đã khớp với máy chủ thư, không cần sửa.")
            % {"address": mailbox.address},
            code="already_consistent",
        )
    return request_change(
        actor=actor,
        mailbox=mailbox,
        kind=ChangeKind.RESYNC,
        effective_date=local_today(),
        reason=problem,
    )
