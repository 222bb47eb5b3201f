"""The use of archived copies (sử dụng bản lưu, Phụ lục IV): who took which kept copy of a
document or case file out of the clerk's keeping, who allowed it, and when it came back."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from egov.records import constants as c


class CopyLoan(models.Model):
    """One use of an archived copy (one row of the Sổ sử dụng bản lưu): a document (incoming
    or outgoing) and/or a case file of ``unit`` lent to ``borrower`` on ``lent_on`` with the
    permission of ``permitted_by`` (a leader or the clerk of the agency), returned on
    ``returned_on``. Written by ``records.actions.loans`` only."""

    unit = models.ForeignKey(
        "organisations.OrgUnit",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="copy_loans",
    )
    incoming = models.ForeignKey(
        "documents.IncomingDocument",
        verbose_name=_("văn bản đến"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    outgoing = models.ForeignKey(
        "documents.OutgoingDocument",
        verbose_name=_("văn bản đi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    case_file = models.ForeignKey(
        "records.CaseFile",
        verbose_name=_("hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="loans",
    )
    borrower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người sử dụng"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    permitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cho phép sử dụng"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    lent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lent_on = models.DateField(_("ngày cho mượn"))
    due_on = models.DateField(_("hạn trả"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=c.DESCRIPTION_MAX, blank=True)
    returned_on = models.DateField(_("ngày trả"), null=True, blank=True)
    returned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt sử dụng bản lưu")
        verbose_name_plural = _("sổ sử dụng bản lưu")
        ordering = ["lent_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(incoming__isnull=False)
                | Q(outgoing__isnull=False)
                | Q(case_file__isnull=False),
                name="copy_loan_has_object",
            ),
            models.CheckConstraint(
                condition=Q(incoming__isnull=True) | Q(outgoing__isnull=True),
                name="copy_loan_one_document",
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=models.F("lent_on")),
                name="copy_loan_returned_after_lent",
            ),
            *(
                models.UniqueConstraint(
                    fields=[name],
                    condition=Q(returned_on__isnull=True, **{f"{name}__isnull": False}),
                    name=f"copy_loan_{name}_out_once",
                )
                for name in ("incoming", "outgoing", "case_file")
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "lent_on"], name="copy_loan_unit_lent"),
            models.Index(
                fields=["unit", "due_on"],
                condition=Q(returned_on__isnull=True),
                name="copy_loan_unit_out",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lent_on:%d/%m/%Y} {self.pk}"

    @property
    def document(self) -> object | None:
        return self.incoming or self.outgoing

    @property
    def is_out(self) -> bool:
        return self.returned_on is None

    def is_overdue_on(self, day: dt.date) -> bool:
        """Still out after its due date."""
        return self.is_out and self.due_on is not None and self.due_on < day
