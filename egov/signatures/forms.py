from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from egov.documents.models import DocumentType
from egov.organisations.forms import ErrorSummaryMixin
from egov.organisations.models import OrgUnit


class SecretForm(ErrorSummaryMixin, forms.Form):
    """The PIN of a token or the password of a PKCS#12 file, typed at signing time."""

    secret = forms.CharField(
        label=_("Mã PIN hoặc mật khẩu khóa ký số"),
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        strip=False,
        max_length=200,
        error_messages={"required": _("Hãy nhập mã PIN hoặc mật khẩu khóa ký số.")},
    )


class Pkcs12KeyForm(ErrorSummaryMixin, forms.Form):
    file = forms.FileField(
        label=_("Tệp khóa PKCS#12 (.p12, .pfx)"),
        error_messages={"required": _("Hãy chọn tệp khóa.")},
    )
    password = forms.CharField(
        label=_("Mật khẩu của tệp khóa"),
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        strip=False,
        max_length=200,
        error_messages={"required": _("Hãy nhập mật khẩu của tệp khóa.")},
    )
    image = forms.FileField(
        label=_("Ảnh chữ ký hoặc con dấu (PNG, nền trong suốt)"),
        required=False,
        help_text=_("Chữ ký màu xanh; con dấu màu đỏ, đúng kích thước thật."),
    )
    unit = forms.ModelChoiceField(
        label=_("Khóa của cơ quan"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Không: đây là khóa cá nhân của tôi"),
    )

    def __init__(self, *args: Any, units: list[OrgUnit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - narrowing for mypy
        field.queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units or []])
        if not units:
            del self.fields["unit"]


class ScanUploadForm(ErrorSummaryMixin, forms.Form):
    file = forms.FileField(
        label=_("Tệp quét (PDF)"),
        help_text=_("Bản quét màu, từ 200 dpi, khổ 100%."),
        error_messages={"required": _("Hãy chọn tệp quét.")},
    )


class ScanConfirmForm(ErrorSummaryMixin, forms.Form):
    """The suggested registration fields, each shown with its confidence, for the clerk to
    confirm or correct."""

    unit = forms.ModelChoiceField(label=_("Vào sổ của"), queryset=OrgUnit.objects.none())
    document_type = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.none(),
        error_messages={"required": _("Hãy chọn loại văn bản.")},
    )
    issuer_name = forms.CharField(
        label=_("Cơ quan ban hành"),
        max_length=200,
        error_messages={"required": _("Hãy nhập cơ quan ban hành văn bản.")},
    )
    code_number = forms.CharField(label=_("Số"), max_length=11, required=False)
    code_notation = forms.CharField(label=_("Ký hiệu"), max_length=30, required=False)
    issued_date = forms.DateField(
        label=_("Ngày văn bản"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    subject = forms.CharField(
        label=_("Trích yếu nội dung"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy nhập trích yếu nội dung.")},
    )

    def __init__(
        self, *args: Any, units: list[OrgUnit], suggestions: dict[str, Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        type_field = self.fields["document_type"]
        assert isinstance(unit_field, forms.ModelChoiceField)  # noqa: S101 - narrowing
        assert isinstance(type_field, forms.ModelChoiceField)  # noqa: S101 - narrowing
        unit_field.queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units])
        type_field.queryset = DocumentType.objects.filter(active=True).order_by("name")
        if len(units) == 1:
            self.initial.setdefault("unit", units[0].pk)
        for name, suggestion in suggestions.items():
            if name not in self.fields:
                continue
            value = suggestion["value"]
            if name == "document_type":
                found = DocumentType.objects.filter(name=value).first()
                value = found.pk if found else None
            self.initial.setdefault(name, value)
            self.fields[name].help_text = _("Gợi ý từ bản quét, độ tin cậy %(percent)s%%.") % {
                "percent": round(100 * suggestion["confidence"])
            }
