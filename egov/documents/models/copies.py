from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.documents.choices import CopyForm


class DocumentCopy(models.Model):
    """A copy made by the clerk (sao y, trích sao, sao lục: Nghị định 30, Điều 25–27),
    numbered in the agency's copy register, whose one series runs for every form of copy
    and restarts each year (Phụ lục I Phần II II.1.c): ``08/SY-SNV``."""

    unit = models.ForeignKey(
        "organisations.OrgUnit", verbose_name=_("cơ quan sao"), on_delete=models.PROTECT
    )
    register = models.ForeignKey("documents.Register", on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    form = models.CharField(_("hình thức sao"), max_length=3, choices=CopyForm.choices)
    notation = models.CharField(_("ký hiệu"), max_length=30)
    incoming = models.ForeignKey(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="copies",
    )
    outgoing = models.ForeignKey(
        "documents.OutgoingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="copies",
    )
    excerpt = models.TextField(_("phần trích sao"), blank=True)
    amount = models.PositiveSmallIntegerField(_("số bản"), default=1)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField()

    class Meta:
        verbose_name = _("bản sao văn bản")
        verbose_name_plural = _("bản sao văn bản")
        ordering = ["-made_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["register", "year", "number"], name="copy_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(incoming__isnull=False, outgoing__isnull=True)
                | models.Q(incoming__isnull=True, outgoing__isnull=False),
                name="copy_has_one_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number:02d}/{self.notation}"
