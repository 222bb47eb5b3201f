from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from egov.organisations.forms import ErrorSummaryMixin
from egov.organisations.models import OrgUnit
from egov.records import constants as c
from egov.records.choices import Report, Rights


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class UnitField(forms.ModelChoiceField[OrgUnit]):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return obj.name


class CaseFileForm(ErrorSummaryMixin, forms.Form):
    unit = UnitField(
        label=_("Cơ quan"),
        queryset=OrgUnit.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Hãy chọn cơ quan bạn làm việc.")},
    )
    code = forms.CharField(
        label=_("Số và ký hiệu hồ sơ"),
        max_length=c.FILE_CODE_MAX,
        help_text=_("Theo danh mục hồ sơ của cơ quan, ví dụ 01.TCCB."),
        error_messages={"required": _("Hãy nhập số và ký hiệu hồ sơ.")},
    )
    title = forms.CharField(
        label=_("Tiêu đề hồ sơ"),
        max_length=c.TITLE_MAX,
        error_messages={"required": _("Hãy nhập tiêu đề hồ sơ.")},
    )
    retention_years = forms.IntegerField(
        label=_("Thời hạn bảo quản (năm)"),
        required=False,
        min_value=1,
        max_value=c.MAX_RETENTION_YEARS,
        help_text=_("Để trống nếu bảo quản vĩnh viễn."),
        error_messages={
            "min_value": _("Thời hạn bảo quản từ 1 đến 100 năm."),
            "max_value": _("Thời hạn bảo quản từ 1 đến 100 năm."),
            "invalid": _("Thời hạn bảo quản phải là số năm."),
        },
    )
    rights = forms.ChoiceField(label=_("Chế độ sử dụng"), choices=Rights.choices)
    description = forms.CharField(label=_("Ghi chú"), required=False, max_length=c.DESCRIPTION_MAX)

    def __init__(self, *args: Any, units: list[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["unit"]
        field.queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units]).order_by("path")


class CaseFileEditForm(CaseFileForm):
    """A file's details to correct: the agency and the year stay as opened."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, units=[], **kwargs)
        del self.fields["unit"]


class PlanImportForm(ErrorSummaryMixin, forms.Form):
    unit = UnitField(
        label=_("Cơ quan"),
        queryset=OrgUnit.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Hãy chọn cơ quan bạn quản lý.")},
    )
    year = forms.IntegerField(
        label=_("Năm"),
        min_value=2000,
        max_value=2100,
        error_messages={"required": _("Hãy nhập năm của danh mục.")},
    )
    file = forms.FileField(
        label=_("Tệp danh mục (.xlsx)"),
        help_text=_(
            "Các cột: Số và ký hiệu hồ sơ, Tiêu đề hồ sơ, Thời hạn bảo quản; "
            "có thể thêm Đề mục, Đơn vị/người lập hồ sơ, Ghi chú."
        ),
        error_messages={"required": _("Hãy chọn tệp danh mục hồ sơ.")},
    )

    def __init__(self, *args: Any, units: list[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["unit"]
        field.queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units]).order_by("path")


class ReasonForm(ErrorSummaryMixin, forms.Form):
    reason = forms.CharField(
        label=_("Lý do mở lại"),
        max_length=500,
        error_messages={"required": _("Hãy ghi lý do mở lại hồ sơ.")},
    )


class ReportForm(ErrorSummaryMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Sổ, báo cáo"), choices=Report.choices)
    unit = UnitField(
        label=_("Cơ quan"),
        queryset=OrgUnit.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Cơ quan đã chọn nằm ngoài phạm vi bạn được in.")},
    )
    date_from = forms.DateField(
        label=_("Từ ngày"),
        widget=DateInput(),
        error_messages={"required": _("Nhập ngày bắt đầu kỳ."), "invalid": _("Ngày không hợp lệ.")},
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        widget=DateInput(),
        error_messages={
            "required": _("Nhập ngày kết thúc kỳ."),
            "invalid": _("Ngày không hợp lệ."),
        },
    )
    fmt = forms.ChoiceField(
        label=_("Định dạng"),
        choices=[("pdf", _("PDF để in (A4)")), ("xlsx", _("Bảng tính Excel (.xlsx)"))],
        initial="pdf",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, units: list[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["unit"]
        field.queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units]).order_by("path")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if isinstance(start, dt.date) and isinstance(end, dt.date):
            if end < start:
                self.add_error("date_to", _("Ngày kết thúc kỳ phải từ ngày bắt đầu trở đi."))
            elif (end - start).days > 366 * 5:
                self.add_error("date_to", _("Kỳ in dài tối đa 5 năm."))
        return data
