from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

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
