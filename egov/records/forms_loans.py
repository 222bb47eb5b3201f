"""Forms of the archived copies' use: lending one, taking one back."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from egov.organisations.forms import ErrorSummaryMixin
from egov.records import constants as c
from egov.records.forms import DateInput
from egov.records.models import CaseFile


class CaseFileChoice(forms.ModelChoiceField[CaseFile]):
    def label_from_instance(self, obj: CaseFile) -> str:
        return f"{obj.code} — {obj.title[:80]} ({obj.year})"


class LendForm(ErrorSummaryMixin, forms.Form):
    """The document (named by the link from its page) or a case file of the agency, who uses
    it, who allowed it, and the dates."""

    case_file = CaseFileChoice(
        label=_("Hồ sơ"),
        queryset=CaseFile.objects.none(),
        required=False,
        empty_label=_("(Không chọn hồ sơ)"),
        help_text=_("Chọn hồ sơ khi cho sử dụng cả hồ sơ."),
        error_messages={"invalid_choice": _("Hồ sơ đã chọn không thuộc cơ quan.")},
    )
    borrower = forms.TypedChoiceField(
        label=_("Người sử dụng"),
        coerce=int,
        error_messages={
            "required": _("Hãy chọn người sử dụng bản lưu."),
            "invalid_choice": _("Người đã chọn không làm việc tại cơ quan."),
        },
    )
    permitted_by = forms.TypedChoiceField(
        label=_("Người cho phép sử dụng"),
        coerce=int,
        error_messages={
            "required": _("Hãy chọn người cho phép sử dụng."),
            "invalid_choice": _("Người đã chọn không phải lãnh đạo hoặc văn thư của cơ quan."),
        },
    )
    lent_on = forms.DateField(
        label=_("Ngày sử dụng"),
        widget=DateInput(),
        error_messages={
            "required": _("Nhập ngày cho sử dụng."),
            "invalid": _("Ngày không hợp lệ."),
        },
    )
    due_on = forms.DateField(
        label=_("Hạn trả"),
        widget=DateInput(),
        required=False,
        error_messages={"invalid": _("Ngày không hợp lệ.")},
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=c.DESCRIPTION_MAX)

    def __init__(
        self,
        *args: Any,
        files: Any,
        staff: list[tuple[int, str]],
        permitters: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        case_file: Any = self.fields["case_file"]
        case_file.queryset = files
        borrower: Any = self.fields["borrower"]
        borrower.choices = [("", _("(Chọn người)")), *staff]
        permitted: Any = self.fields["permitted_by"]
        permitted.choices = [("", _("(Chọn người)")), *permitters]


class ReturnForm(ErrorSummaryMixin, forms.Form):
    returned_on = forms.DateField(
        label=_("Ngày trả"),
        widget=DateInput(),
        error_messages={"required": _("Nhập ngày trả."), "invalid": _("Ngày không hợp lệ.")},
    )
