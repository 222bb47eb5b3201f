from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from egov.mail.choices import (
    AliasKind,
    ChangeKind,
    ChangeState,
    MailboxKind,
    MailboxState,
    ResyncProblem,
)
from egov.mail.queries import MailboxChangeQuerySet, MailboxQuerySet
from egov.organisations.models import OrgUnit, Person


class MailDomain(models.Model):
    """A mail domain of the province (``angiang.gov.vn``); mailboxes and aliases live on one."""

    name = models.CharField(_("tên miền"), max_length=253, unique=True)
    active = models.BooleanField(_("đang dùng"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tên miền thư")
        verbose_name_plural = _("tên miền thư")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Mailbox(models.Model):
    """An official mailbox. A personal one follows a staff record (its ``unit`` is the
    person's unit once the last change applied); a shared one belongs to an agency. The
    address is never reused, even after removal: mail for a former official must not reach
    a newcomer of the same name."""

    address = models.CharField(_("địa chỉ"), max_length=254, unique=True)
    local_part = models.CharField(_("tên hộp thư"), max_length=64)
    domain = models.ForeignKey(MailDomain, on_delete=models.PROTECT, related_name="mailboxes")
    kind = models.CharField(_("loại"), max_length=10, choices=MailboxKind.choices)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="mailboxes"
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="mailboxes"
    )
    display_name = models.CharField(_("tên hiển thị"), max_length=200)
    state = models.CharField(
        _("tình trạng"), max_length=10, choices=MailboxState.choices, default=MailboxState.PENDING
    )
    quota_mb = models.PositiveIntegerField(_("dung lượng (MB)"))
    password_set_at = models.DateTimeField(_("đặt mật khẩu lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(_("kích hoạt lúc"), null=True, blank=True)
    suspended_at = models.DateTimeField(_("tạm khóa lúc"), null=True, blank=True)
    removed_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    remove_after = models.DateField(_("thu hồi sau ngày"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    #: Published in the public directory (agency addresses always are): an official who is
    #: the agency's contact point, with the role the directory shows.
    public_role = models.CharField(
        _("vai trò đầu mối công khai"),
        max_length=120,
        blank=True,
        help_text=_("Để trống: không công khai địa chỉ cá nhân này."),
    )

    objects = MailboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("hộp thư")
        verbose_name_plural = _("hộp thư")
        ordering = ["address"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=MailboxKind.PERSONAL) & Q(person__isnull=False))
                | (Q(kind=MailboxKind.SHARED) & Q(person__isnull=True)),
                name="mail_mailbox_owner_matches_kind",
            ),
            models.UniqueConstraint(
                "person",
                condition=Q(kind=MailboxKind.PERSONAL) & ~Q(state=MailboxState.REMOVED),
                name="mail_mailbox_one_live_per_person",
            ),
            models.CheckConstraint(
                condition=Q(address=models.functions.Lower("address")),
                name="mail_mailbox_address_lower_case",
            ),
        ]
        indexes = [models.Index(fields=["unit", "state"])]

    def __str__(self) -> str:
        return self.address


class MailboxChange(models.Model):
    """One provisioning step for a mailbox (provision, transfer, suspend…), pending until an
    administrator approves it (``EGOV_MAIL_REVIEW_CHANGES``) and the adapter applies it.
    Its life is in :class:`MailboxChangeTransition` rows."""

    mailbox = models.ForeignKey(Mailbox, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(_("thay đổi"), max_length=10, choices=ChangeKind.choices)
    state = models.CharField(
        _("tình trạng"), max_length=10, choices=ChangeState.choices, default=ChangeState.PENDING
    )
    effective_date = models.DateField(_("ngày hiệu lực"))
    from_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("lý do"), max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    objects = MailboxChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("thay đổi hộp thư")
        verbose_name_plural = _("thay đổi hộp thư")
        ordering = ["requested_at", "id"]
        indexes = [models.Index(fields=["state", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.mailbox_id}"

    @property
    def problem_label(self) -> str:
        """For a *resync* change: what the reconciliation report found."""
        if self.kind != ChangeKind.RESYNC or self.reason not in ResyncProblem.values:
            return ""
        return str(ResyncProblem(self.reason).label)


class MailboxChangeTransition(models.Model):
    """A state change of a :class:`MailboxChange` (from, to, actor, at, note). Never edited."""

    change = models.ForeignKey(MailboxChange, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=10, blank=True)
    to_state = models.CharField(max_length=10)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("diễn biến thay đổi hộp thư")
        verbose_name_plural = _("diễn biến thay đổi hộp thư")
        ordering = ["change", "at", "id"]

    def __str__(self) -> str:
        return f"{self.change_id}: {self.from_state or '∅'} → {self.to_state}"


class Alias(models.Model):
    """An address that delivers elsewhere. A *group* alias belongs to an agency and reaches
    the live personal mailboxes of its subtree; a *forward* copies mail for a transferred
    official's address to the shared mailbox of the agency left, until ``valid_until``."""

    address = models.CharField(_("địa chỉ"), max_length=254)
    domain = models.ForeignKey(MailDomain, on_delete=models.PROTECT, related_name="aliases")
    kind = models.CharField(_("loại"), max_length=10, choices=AliasKind.choices)
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="mail_aliases"
    )
    mailbox = models.ForeignKey(
        Mailbox, null=True, blank=True, on_delete=models.PROTECT, related_name="forwards"
    )
    forward_to = models.ForeignKey(
        Mailbox, null=True, blank=True, on_delete=models.PROTECT, related_name="forwarded_here"
    )
    valid_from = models.DateTimeField(_("hiệu lực từ"))
    valid_until = models.DateTimeField(_("hiệu lực đến"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("địa chỉ nhóm, chuyển tiếp")
        verbose_name_plural = _("địa chỉ nhóm, chuyển tiếp")
        ordering = ["address", "id"]
        constraints = [
            models.UniqueConstraint(
                "address", condition=Q(kind=AliasKind.GROUP), name="mail_alias_group_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind=AliasKind.GROUP)
                | (
                    Q(mailbox__isnull=False)
                    & Q(forward_to__isnull=False)
                    & Q(valid_until__isnull=False)
                ),
                name="mail_alias_forward_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.address
