"""Citizens' comments and questions (phản ánh, kiến nghị), their routing, answers and reviews.

The asker's name, e-mail and phone are personal data: they live on :class:`Item` only, are
shown to the officers of the agency handling it and to the asker through the private link,
and never on a public page or in the Open311 output (which carry the pseudonym).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from egov.feedback import constants as c
from egov.feedback.choices import Channel, Kind, ReviewDecision, State


class Category(models.Model):
    """A field citizens choose (an Open311 *service*); ``agency`` is the routing rule the
    administrator maintains: new items of this category go to that agency."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=200)
    description = models.CharField(_("mô tả"), max_length=500, blank=True)
    group = models.CharField(_("nhóm"), max_length=100, blank=True)
    agency = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("cơ quan tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    answer_days = models.PositiveSmallIntegerField(
        _("thời hạn trả lời (ngày làm việc)"),
        null=True,
        blank=True,
        help_text=_("Để trống: theo mặc định của hệ thống."),
    )
    active = models.BooleanField(_("đang dùng"), default=True)
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        verbose_name = _("lĩnh vực phản ánh")
        verbose_name_plural = _("lĩnh vực phản ánh")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Item(models.Model):
    """One comment or question. ``agency`` is who answers it now (routed by category,
    re-routed with a reason); ``due_date`` counts working days from ``received_at``."""

    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    state = models.CharField(_("tình trạng"), max_length=12, choices=State.choices)
    category = models.ForeignKey(
        Category, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="items"
    )
    agency = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("cơ quan trả lời"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("tiêu đề"), max_length=c.TITLE_MAX)
    text = models.TextField(_("nội dung"))
    address = models.CharField(_("địa điểm"), max_length=c.ADDRESS_MAX, blank=True)
    area = models.CharField(
        _("xã, phường nơi sinh sống"),
        max_length=100,
        blank=True,
        help_text=_("Dùng khi công bố thay cho họ tên, ví dụ “Người dân ở xã Định Mỹ”."),
    )
    lat = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    long = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    # The asker: personal data, never public.
    asker_name = models.CharField(_("họ và tên"), max_length=c.NAME_MAX, blank=True)
    asker_email = models.EmailField(_("thư điện tử"), blank=True)
    asker_phone = models.CharField(_("điện thoại"), max_length=c.PHONE_MAX, blank=True)
    asker_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    show_name = models.BooleanField(_("đồng ý công khai họ tên"), default=False)
    # The private link ("my items") and the e-mail code: stored as SHA-256 only.
    tracking_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64, blank=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    source_ref = models.CharField(max_length=250, blank=True, help_text="e.g. mail:<id>")
    # Handling.
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    received_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    due_date = models.DateField(_("hạn trả lời"), null=True, blank=True)
    draft_text = models.TextField(_("dự thảo trả lời"), blank=True)
    draft_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answer_text = models.TextField(_("trả lời"), blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_public = models.BooleanField(_("công khai trên cổng"), default=False)
    answer_mailed_at = models.DateTimeField(null=True, blank=True)
    #: Folded (no diacritics, lower case) title, text and answer: the public search key.
    search_key = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["agency", "state", "due_date"], name="fb_item_queue"),
            models.Index(
                fields=["-answered_at", "-id"],
                name="fb_item_public",
                condition=Q(is_public=True, state="answered"),
            ),
            models.Index(fields=["state", "received_at"], name="fb_item_state_received"),
            # The public search: LIKE '%word%' on the folded text (pg_trgm, created by the
            # organisations part's first migration).
            GinIndex(fields=["search_key"], name="fb_item_search", opclasses=["gin_trgm_ops"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(is_public=True) | Q(state="answered"),
                name="fb_item_public_only_answered",
            ),
            models.CheckConstraint(
                condition=(Q(lat__isnull=True) & Q(long__isnull=True))
                | (Q(lat__gte=-90, lat__lte=90) & Q(long__gte=-180, long__lte=180)),
                name="fb_item_location_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title[:60]}"

    @property
    def code(self) -> str:
        """The reference citizens quote: ``PA-<year>-<id>``."""
        return f"PA-{self.created_at:%Y}-{self.pk:06d}" if self.pk and self.created_at else ""


class Attachment(models.Model):
    """A file the asker sent: its type sniffed from the bytes, stored under its SHA-256.
    Officers of the handling agency see it; public pages never do."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="feedback/", max_length=200)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("tệp đính kèm")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Review(models.Model):
    """One draft answer submitted to a leader, and the leader's decision on it."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="reviews")
    text = models.TextField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField()
    decision = models.CharField(
        max_length=10, choices=ReviewDecision.choices, default=ReviewDecision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(decision="pending"),
                name="fb_review_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.decision}"


class Transition(models.Model):
    """Every change of an item's state or agency: from, to, who, when, why."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(max_length=30)
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12)
    from_agency = models.ForeignKey(
        "organisations.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_agency = models.ForeignKey(
        "organisations.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.from_state}→{self.to_state}"


class RateEvent(models.Model):
    """One counted attempt for the rate limit: ``key`` is a SHA-256 of ``ip:…`` or
    ``email:…`` (no address is stored in clear)."""

    key = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["key", "at"], name="fb_rate_key_at")]

    def __str__(self) -> str:
        return f"{self.key[:8]}@{self.at:%H:%M}"


class ApiClient(models.Model):
    """An application allowed to post through Open311 with an ``api_key`` (stored hashed)."""

    name = models.CharField(_("tên ứng dụng"), max_length=200)
    key_hash = models.CharField(max_length=64, unique=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ứng dụng Open311")

    def __str__(self) -> str:
        return self.name
