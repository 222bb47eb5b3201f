"""The catalogue of administrative procedures (thủ tục hành chính), imported from the
national database's codes: what to file, who handles it, in how long, in which steps."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from egov.onestop.choices import OnlineLevel, TimeUnit
from egov.organisations.models import OrgUnit


class Procedure(models.Model):
    """One administrative procedure as this province applies it."""

    code = models.CharField(_("mã thủ tục"), max_length=40, unique=True)
    name = models.CharField(_("tên thủ tục"), max_length=500)
    field_code = models.CharField(_("mã lĩnh vực"), max_length=40, blank=True)
    field_name = models.CharField(_("lĩnh vực"), max_length=200)
    agencies = models.ManyToManyField(
        OrgUnit, related_name="onestop_procedures", verbose_name=_("cơ quan tiếp nhận")
    )
    time_limit = models.PositiveIntegerField(_("thời hạn giải quyết"))
    time_unit = models.CharField(
        _("đơn vị thời hạn"), max_length=20, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS
    )
    fee_amount = models.PositiveBigIntegerField(_("phí, lệ phí (đồng)"), default=0)
    fee_note = models.CharField(_("ghi chú phí, lệ phí"), max_length=300, blank=True)
    online_level = models.CharField(
        _("mức độ trực tuyến"), max_length=10, choices=OnlineLevel.choices
    )
    result_by_post = models.BooleanField(_("trả kết quả qua bưu chính"), default=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        ordering = ["field_name", "name"]
        verbose_name = _("thủ tục hành chính")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def accepts_online(self) -> bool:
        return self.online_level != OnlineLevel.NONE


class ProcedureDocument(models.Model):
    """One component of the dossier (thành phần hồ sơ) the applicant files."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("tên giấy tờ"), max_length=300)
    required = models.BooleanField(_("bắt buộc"), default=True)

    class Meta:
        ordering = ["procedure", "position"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "position"], name="onestop_doc_position")
        ]

    def __str__(self) -> str:
        return self.name


class ProcedureStep(models.Model):
    """One step of the procedure's process: who does it and its share of the time limit
    (in the procedure's unit). No unit: the receiving agency itself."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("bước"), max_length=300)
    unit = models.ForeignKey(
        OrgUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    share = models.PositiveIntegerField(_("thời gian"))

    class Meta:
        ordering = ["procedure", "position"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "position"], name="onestop_step_position")
        ]

    def __str__(self) -> str:
        return self.name
