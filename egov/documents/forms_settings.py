"""Forms of the administrators' e-office settings."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from egov.documents.choices import DeliveryRule
from egov.organisations.forms import ErrorSummaryMixin


class DocumentTypeForm(ErrorSummaryMixin, forms.Form):
    name = forms.CharField(
        label=_("Tên loại văn bản"),
        max_length=100,
        error_messages={"required": _("Hãy nhập tên loại văn bản.")},
    )
    abbreviation = forms.CharField(
        label=_("Chữ viết tắt"),
        max_length=10,
        required=False,
        help_text=_("Để trống với Công văn, Thư công. Ví dụ: QĐ, CT, TB."),
    )
    can_be_legal = forms.BooleanField(
        label=_("Có thể ban hành dưới dạng văn bản quy phạm pháp luật"), required=False
    )
    delivery_rule = forms.ChoiceField(
        label=_("Cách gửi"), choices=DeliveryRule.choices, widget=forms.RadioSelect
    )
    active = forms.BooleanField(label=_("Đang dùng"), required=False, initial=True)
