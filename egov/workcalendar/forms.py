from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from egov.organisations.forms import ErrorSummaryMixin


class DayOverrideForm(ErrorSummaryMixin, forms.Form):
    date = forms.DateField(
        label=_("Ngày"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Nhập ngày cần điều chỉnh."),
            "invalid": _("Ngày không hợp lệ; ví dụ 07/03/2026."),
        },
    )
    is_working_day = forms.TypedChoiceField(
        label=_("Ngày này là"),
        choices=[("1", _("Ngày làm việc (làm bù)")), ("0", _("Ngày nghỉ"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        error_messages={"required": _("Chọn ngày làm việc hay ngày nghỉ.")},
    )
    note = forms.CharField(
        label=_("Lý do"),
        max_length=255,
        help_text=_("Ví dụ: làm bù cho ngày nghỉ 02/01; nghỉ do bão."),
        error_messages={"required": _("Hãy ghi lý do điều chỉnh.")},
    )
