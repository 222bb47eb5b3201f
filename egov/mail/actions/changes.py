"""Pending changes: requested by the staff events (or an administrator), reviewed, applied.

A change is applied through the adapter inside the same transaction that marks it applied;
if the adapter fails, the change is marked failed (with the error) and nothing else moves.
Changes to one mailbox apply in the order they were requested.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError
from egov.mail import access, audit_names, queries
from egov.mail.actions._common import record_of, user_or_none
from egov.mail.adapters import get_adapter
from egov.mail.choices import AliasKind, ChangeKind, ChangeState, MailboxState
from egov.mail.constants import SUSPENDED_REASON
from egov.mail.models import Alias, Mailbox, MailboxChange, MailboxChangeTransition
from egov.organisations.models import OrgUnit

#: The state a mailbox must be in for each kind of change, and the state it ends in.
_STATES: dict[str, tuple[tuple[str, ...], str | None]] = {
    ChangeKind.PROVISION: ((MailboxState.PENDING,), MailboxState.ACTIVE),
    ChangeKind.TRANSFER: ((MailboxState.ACTIVE, MailboxState.SUSPENDED), None),
    ChangeKind.SUSPEND: ((MailboxState.ACTIVE,), MailboxState.SUSPENDED),
    ChangeKind.REACTIVATE: ((MailboxState.SUSPENDED,), MailboxState.ACTIVE),
    ChangeKind.REMOVE: ((MailboxState.SUSPENDED,), MailboxState.REMOVED),
    ChangeKind.RESYNC: (tuple(MailboxState), None),
}


#: What applying a change may alter on the mailbox.
_BOX_FIELDS = [
    "unit",
    "state",
    "activated_at",
    "suspended_at",
    "removed_at",
    "remove_after",
    "updated_at",
]


def _transition(change: MailboxChange, old: str, new: str, actor: Any, note: str = "") -> None:
    MailboxChangeTransition.objects.create(
        change=change, from_state=old, to_state=new, actor=user_or_none(actor), note=note
    )


def request_change(
    *,
    actor: Any,
    mailbox: Mailbox,
    kind: str,
    effective_date: dt.date,
    from_unit: OrgUnit | None = None,
    to_unit: OrgUnit | None = None,
    reason: str = "",
) -> MailboxChange:
    """Queue a change (callers have checked access). Without review it applies at once."""
    change = MailboxChange.objects.create(
        mailbox=mailbox,
        kind=kind,
        effective_date=effective_date,
        from_unit=from_unit,
        to_unit=to_unit,
        reason=reason,
        requested_by=user_or_none(actor),
    )
    _transition(change, "", ChangeState.PENDING, actor)
    record(
        action=audit_names.MAILBOX_REQUEST,
        actor=actor,
        obj=change,
        unit_id=mailbox.unit_id,
        after={"mailbox": mailbox.address, "kind": kind, "reason": reason},
    )
    if not settings.EGOV_MAIL_REVIEW_CHANGES:
        _apply(change, actor, note=_("Áp dụng ngay (không yêu cầu duyệt)."))
    return change


@transaction.atomic
def approve_change(
    *, actor: Any, change: MailboxChange, skip_access_check: bool = False
) -> MailboxChange:
    """Approve a pending change and apply it to the mail server. Precondition: no earlier
    change of the same mailbox is still pending."""
    change = (
        MailboxChange.objects.select_for_update(of=("self",))
        .select_related("mailbox", "mailbox__unit")
        .get(pk=change.pk)
    )
    if not skip_access_check and not access.can_decide(actor, change):
        raise PermissionDenied("mail: administrator of the mailbox's unit required")
    _require_pending(change)
    earlier = MailboxChange.objects.pending().filter(mailbox=change.mailbox, pk__lt=change.pk)
    if earlier.exists():
        raise ActionError(
            _("Cần duyệt các thay đổi trước đó của hộp thư %(address)s trước.")
            % {"address": change.mailbox.address},
            code="earlier_change_pending",
        )
    _apply(change, actor)
    return change


@transaction.atomic
def reject_change(
    *, actor: Any, change: MailboxChange, note: str, skip_access_check: bool = False
) -> MailboxChange:
    change = (
        MailboxChange.objects.select_for_update(of=("self",))
        .select_related("mailbox")
        .get(pk=change.pk)
    )
    if not skip_access_check and not access.can_decide(actor, change):
        raise PermissionDenied("mail: administrator of the mailbox's unit required")
    _require_pending(change)
    note = note.strip()
    if not note:
        raise ActionError(_("Cần ghi lý do từ chối."), code="reason_required", field="note")
    change.state = ChangeState.REJECTED
    change.decided_by = user_or_none(actor)
    change.decided_at = timezone.now()
    change.save(update_fields=["state", "decided_by", "decided_at"])
    _transition(change, ChangeState.PENDING, ChangeState.REJECTED, actor, note)
    record(
        action=audit_names.MAILBOX_REJECT,
        actor=actor,
        obj=change,
        unit_id=change.mailbox.unit_id,
        note=note,
    )
    return change


def _require_pending(change: MailboxChange) -> None:
    if change.state != ChangeState.PENDING:
        raise ActionError(
            _("Thay đổi này đã được xử lý (%(state)s).") % {"state": change.get_state_display()},
            code="change_not_pending",
        )


def _apply(change: MailboxChange, actor: Any, note: str = "") -> None:
    box = (
        Mailbox.objects.select_for_update(of=("self",))
        .select_related("unit", "domain")
        .get(pk=change.mailbox_id)
    )
    allowed, target = _STATES[ChangeKind(change.kind)]
    if box.state not in allowed:
        raise ActionError(
            _("Không thể “%(kind)s” hộp thư %(address)s đang ở tình trạng “%(state)s”.")
            % {
                "kind": change.get_kind_display(),
                "address": box.address,
                "state": box.get_state_display(),
            },
            code="invalid_mailbox_state",
        )
    before = {"state": box.state, "unit": box.unit_id}
    try:
        with transaction.atomic():
            _carry_out(change, box)
    except ActionError:
        raise
    except Exception as exc:
        change.state = ChangeState.FAILED
        change.error = f"{type(exc).__name__}: {exc}"[:2000]
        change.decided_by = user_or_none(actor)
        change.decided_at = timezone.now()
        change.save(update_fields=["state", "error", "decided_by", "decided_at"])
        _transition(change, ChangeState.PENDING, ChangeState.FAILED, actor, change.error)
        return
    if target is not None:
        box.state = target
    change.state = ChangeState.APPLIED
    change.decided_by = user_or_none(actor)
    change.decided_at = timezone.now()
    change.save(update_fields=["state", "decided_by", "decided_at"])
    _transition(change, ChangeState.PENDING, ChangeState.APPLIED, actor, note)
    record(
        action=audit_names.MAILBOX_APPLY,
        actor=actor,
        obj=box,
        unit_id=box.unit_id,
        before=before,
        after={"state": box.state, "unit": box.unit_id, "change": change.kind},
    )


def _carry_out(change: MailboxChange, box: Mailbox) -> None:
    """Move the mailbox (not yet saved) and tell the server."""
    adapter = get_adapter()
    now = timezone.now()
    old_path = box.unit.path
    if change.kind == ChangeKind.PROVISION:
        adapter.provision(record_of(box))
        box.activated_at = now
        box.state = MailboxState.ACTIVE
    elif change.kind == ChangeKind.TRANSFER:
        assert change.to_unit is not None  # noqa: S101 - set by request_transfer
        box.unit = change.to_unit
        _add_forward(change, box, now)
    elif change.kind == ChangeKind.SUSPEND:
        adapter.suspend(box.address, reason=SUSPENDED_REASON)
        box.state = MailboxState.SUSPENDED
        box.suspended_at = now
        if change.reason in ("retire", "resign"):
            box.remove_after = change.effective_date + dt.timedelta(
                days=settings.EGOV_MAIL_RETENTION_DAYS
            )
    elif change.kind == ChangeKind.REACTIVATE:
        adapter.reactivate(box.address)
        box.state = MailboxState.ACTIVE
        box.suspended_at = None
        box.remove_after = None
    elif change.kind == ChangeKind.REMOVE:
        if not box.archives.exists():
            # Content first (decision 0014): ``manage.py mail_retention`` exports it.
            raise RuntimeError("content not archived yet: run manage.py mail_retention")
        adapter.remove(box.address)
        for forward in Alias.objects.filter(mailbox=box, kind=AliasKind.FORWARD):
            adapter.drop_alias(alias_ref(forward))
        box.state = MailboxState.REMOVED
        box.removed_at = now
    elif change.kind == ChangeKind.RESYNC:
        _resync(box)
    box.save(update_fields=_BOX_FIELDS)  # before the group lists: they read the states
    sync_groups(old_path, box.unit.path)


def _resync(box: Mailbox) -> None:
    """Tell the server the platform's record again: an active or suspended mailbox exists
    there (its password, if the server still has one, stays), in the same state; a pending
    or removed one does not. Nothing changes on the platform's side."""
    adapter = get_adapter()
    if box.state in (MailboxState.ACTIVE, MailboxState.SUSPENDED):
        adapter.provision(record_of(box))
        if box.state == MailboxState.SUSPENDED:
            adapter.suspend(box.address, reason=SUSPENDED_REASON)
    else:
        adapter.remove(box.address)


def apply_new_provisions(changes: Sequence[MailboxChange], actor: Any, note: str) -> None:
    """Apply the provisioning of mailboxes created in this transaction (pending, their
    ``mailbox``, ``unit`` and ``domain`` in hand) together: one call to the adapter, one
    update of the mailboxes and of the changes, the transitions in one insert, the group
    lists rewritten once. If the server refuses, each change is applied on its own, so the
    failure lands on the change it belongs to, as with a single one."""
    adapter = get_adapter()
    boxes = [change.mailbox for change in changes]
    now = timezone.now()
    try:
        with transaction.atomic():
            adapter.provision_many([record_of(box) for box in boxes])
            Mailbox.objects.filter(pk__in=[box.pk for box in boxes]).update(
                state=MailboxState.ACTIVE, activated_at=now, updated_at=now
            )
            sync_groups(*sorted({box.unit.path for box in boxes}))
    except Exception:
        for change in changes:
            _apply(change, actor, note)
        return
    decider = user_or_none(actor)
    MailboxChange.objects.filter(pk__in=[change.pk for change in changes]).update(
        state=ChangeState.APPLIED, decided_by=decider, decided_at=now
    )
    MailboxChangeTransition.objects.bulk_create(
        [
            MailboxChangeTransition(
                change=change,
                from_state=ChangeState.PENDING,
                to_state=ChangeState.APPLIED,
                actor=decider,
                note=note,
            )
            for change in changes
        ]
    )
    for change, box in zip(changes, boxes, strict=True):
        box.state, box.activated_at, box.updated_at = MailboxState.ACTIVE, now, now
        change.state, change.decided_by, change.decided_at = ChangeState.APPLIED, decider, now
        record(
            action=audit_names.MAILBOX_APPLY,
            actor=actor,
            obj=box,
            unit_id=box.unit_id,
            before={"state": MailboxState.PENDING, "unit": box.unit_id},
            after={"state": box.state, "unit": box.unit_id, "change": change.kind},
        )


def _add_forward(change: MailboxChange, box: Mailbox, now: dt.datetime) -> None:
    """The agency left keeps a copy of mail to the official's address for a while."""
    if change.from_unit is None or settings.EGOV_MAIL_FORWARD_DAYS <= 0:
        return
    shared = queries.shared_mailbox_for(change.from_unit.path)
    if shared is None or shared.unit.path == box.unit.path[: len(shared.unit.path)]:
        return  # no shared mailbox there, or the official stays under the same one
    alias = Alias.objects.create(
        address=box.address,
        domain=box.domain,
        kind=AliasKind.FORWARD,
        unit=shared.unit,
        mailbox=box,
        forward_to=shared,
        valid_from=now,
        valid_until=now + dt.timedelta(days=settings.EGOV_MAIL_FORWARD_DAYS),
    )
    get_adapter().put_alias(
        alias_ref(alias),
        address=box.address,
        domain=box.domain.name,
        targets=[box.address, shared.address],
        valid_until=alias.valid_until,
    )


def alias_ref(alias: Alias) -> str:
    return f"alias:{alias.pk}"


def sync_groups(*paths: str) -> None:
    """Rewrite the server rows of the group aliases over ``paths`` from current membership."""
    adapter = get_adapter()
    for alias in queries.group_aliases_over(*paths):
        adapter.put_alias(
            alias_ref(alias),
            address=alias.address,
            domain=alias.domain.name,
            targets=queries.group_members(alias),
            valid_until=None,
        )
