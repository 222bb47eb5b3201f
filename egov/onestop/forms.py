"""Forms of the one-stop-shop (officers' and applicants')."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from egov.onestop.choices import RATING_CRITERIA, ApplicantKind, ReturnMethod, Satisfaction
from egov.onestop.models import Procedure
from egov.organisations.forms import ErrorSummaryMixin


class ApplicantForm(ErrorSummaryMixin, forms.Form):
    """The applicant's details and one file field per component of the procedure."""

    applicant_kind = forms.ChoiceField(
        label=_("Người nộp là"), choices=ApplicantKind.choices, initial=ApplicantKind.CITIZEN
    )
    applicant_name = forms.CharField(label=_("Họ và tên (hoặc tên tổ chức)"), max_length=200)
    applicant_id_number = forms.CharField(
        label=_("Số định danh cá nhân / mã số thuế"), max_length=20, required=False
    )
    applicant_email = forms.EmailField(label=_("Thư điện tử"), required=False)
    applicant_phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    applicant_address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)
    details = forms.CharField(
        label=_("Nội dung yêu cầu"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    return_method = forms.ChoiceField(
        label=_("Nhận kết quả"), choices=ReturnMethod.choices, initial=ReturnMethod.IN_PERSON
    )

    def __init__(self, *args: Any, procedure: Procedure, email_fixed: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.procedure = procedure
        self.documents = list(procedure.documents.all())
        for doc in self.documents:
            self.fields[f"doc_{doc.pk}"] = forms.FileField(
                label=doc.name if doc.required else _("%(name)s (nếu có)") % {"name": doc.name},
                required=doc.required,
                help_text=_("PDF, JPG, PNG, DOCX hoặc XLSX, tối đa 10 MB."),
                error_messages={"required": _("Chọn tệp “%(name)s”.") % {"name": doc.name}},
            )
        if email_fixed:
            self.fields["applicant_email"].initial = email_fixed
            self.fields["applicant_email"].disabled = True
        self.fields["applicant_name"].error_messages["required"] = _(
            "Nhập họ và tên người nộp hồ sơ."
        )

    def uploads(self) -> list[tuple[Any, Any]]:
        return [
            (doc, self.cleaned_data[f"doc_{doc.pk}"])
            for doc in self.documents
            if self.cleaned_data.get(f"doc_{doc.pk}")
        ]


class NoteForm(ErrorSummaryMixin, forms.Form):
    note = forms.CharField(
        label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ReasonForm(ErrorSummaryMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}))


class MissingForm(ErrorSummaryMixin, forms.Form):
    missing = forms.CharField(
        label=_("Giấy tờ cần bổ sung, hoàn thiện"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ApologyForm(ErrorSummaryMixin, forms.Form):
    new_due = forms.DateField(
        label=_("Ngày hẹn trả mới"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Lý do chậm"), widget=forms.Textarea(attrs={"rows": 3}))


class ReturnForm(ErrorSummaryMixin, forms.Form):
    method = forms.ChoiceField(label=_("Cách trả kết quả"), choices=ReturnMethod.choices)
    result_file = forms.FileField(label=_("Tệp kết quả (trả trực tuyến)"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False)


class SupplyForm(ErrorSummaryMixin, forms.Form):
    files = forms.FileField(label=_("Tệp giấy tờ bổ sung"))  # type: ignore[assignment] # the field is named as the action's input
    note = forms.CharField(label=_("Ghi chú"), required=False)


class EmailForm(ErrorSummaryMixin, forms.Form):
    email = forms.EmailField(
        label=_("Địa chỉ thư điện tử"),
        help_text=_("Chúng tôi gửi mã xác minh đến địa chỉ này."),
        error_messages={
            "required": _("Nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ."),
        },
    )


class CodeForm(ErrorSummaryMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã xác minh (6 chữ số)"),
        max_length=6,
        error_messages={"required": _("Nhập mã xác minh.")},
    )


class LookupForm(ErrorSummaryMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=40,
        help_text=_("In trên giấy tiếp nhận, ví dụ 000.00.02.H01-260302-0001."),
        error_messages={"required": _("Nhập mã hồ sơ.")},
    )


class RatingForm(ErrorSummaryMixin, forms.Form):
    level = forms.TypedChoiceField(
        label=_("Mức độ hài lòng chung"),
        choices=Satisfaction.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Chọn mức độ hài lòng.")},
    )
    comment = forms.CharField(
        label=_("Góp ý"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for key, label in RATING_CRITERIA[1:]:
            self.fields[f"c_{key}"] = forms.TypedChoiceField(
                label=str(label),
                choices=[("", "—"), *Satisfaction.choices],
                coerce=int,
                required=False,
                empty_value=None,
            )

    def criteria(self) -> dict[str, int]:
        return {
            key: self.cleaned_data[f"c_{key}"]
            for key, _label in RATING_CRITERIA[1:]
            if self.cleaned_data.get(f"c_{key}")
        }


class ImportForm(ErrorSummaryMixin, forms.Form):
    file = forms.FileField(
        label=_("Tệp danh mục thủ tục (CSV, XLSX hoặc JSON)"),
        error_messages={"required": _("Chọn tệp danh mục.")},
    )
