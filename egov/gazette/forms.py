"""Forms of the gazette: the public search, and the editors' document, relation, override,
PDF, issue and import forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from egov.gazette import constants as c
from egov.gazette.choices import DocType, LegalField, RelationKind, Validity
from egov.organisations.forms import ErrorSummaryMixin
from egov.organisations.models import OrgUnit


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _date(label: Any, *, required: bool = True, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Hãy nhập ngày theo dạng ngày/tháng/năm.")},
        **kwargs,
    )


VALIDITY_FILTERS = [
    ("", _("Mọi tình trạng")),
    ("applying", _("Còn hiệu lực (kể cả hết hiệu lực một phần)")),
    *Validity.choices,
]


class SearchForm(forms.Form):
    """The public search: every field optional; a wrong value is ignored, not an error."""

    q = forms.CharField(
        label=_("Từ khóa hoặc số ký hiệu"),
        required=False,
        max_length=200,
        help_text=_("Gõ có dấu hoặc không dấu, ví dụ: hoc phi, 12/2025/QĐ-UBND."),
    )
    loai = forms.ChoiceField(
        label=_("Loại văn bản"), required=False, choices=[("", _("Mọi loại")), *DocType.choices]
    )
    co_quan = forms.TypedChoiceField(
        label=_("Cơ quan ban hành"), required=False, coerce=int, empty_value=None
    )
    linh_vuc = forms.ChoiceField(
        label=_("Lĩnh vực"), required=False, choices=[("", _("Mọi lĩnh vực")), *LegalField.choices]
    )
    nam = forms.IntegerField(
        label=_("Năm ban hành"), required=False, min_value=1945, max_value=2100
    )
    hieu_luc = forms.ChoiceField(
        label=_("Tình trạng hiệu lực"), required=False, choices=VALIDITY_FILTERS
    )
    ngay = _date(
        _("Tình trạng tại ngày"),
        required=False,
        help_text=_("Để trống: hôm nay. Chọn một ngày để xem văn bản còn hiệu lực vào ngày đó."),
    )

    def __init__(self, *args: Any, issuers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["co_quan"]
        field.choices = [("", _("Mọi cơ quan")), *issuers]

    def value(self, name: str) -> Any:
        """The cleaned value, or None when it was absent or wrong."""
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None


class DocumentForm(ErrorSummaryMixin, forms.Form):
    issuer = forms.ModelChoiceField(
        label=_("Cơ quan ban hành"),
        queryset=OrgUnit.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Hãy chọn cơ quan ban hành.")},
    )
    doc_type = forms.ChoiceField(
        label=_("Loại văn bản"),
        choices=DocType.choices,
        error_messages={"invalid_choice": _("Hãy chọn loại văn bản trong danh mục.")},
    )
    code = forms.CharField(
        label=_("Số ký hiệu"),
        max_length=c.CODE_MAX,
        help_text=_("Ví dụ 12/2025/QĐ-UBND hoặc 05/2025/NQ-HĐND."),
        error_messages={"required": _("Hãy nhập số ký hiệu văn bản.")},
    )
    title = forms.CharField(
        label=_("Trích yếu"),
        max_length=c.TITLE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Hãy nhập trích yếu văn bản.")},
    )
    issue_date = _date(_("Ngày ban hành"))
    effective_date = _date(_("Ngày có hiệu lực"))
    expiry_date = _date(
        _("Ngày hết hiệu lực"),
        required=False,
        help_text=_("Ngày đầu tiên văn bản không còn hiệu lực; để trống nếu không quy định."),
    )
    signer_title = forms.CharField(
        label=_("Chức danh người ký"),
        max_length=c.NAME_MAX,
        help_text=_("Ví dụ: Chủ tịch, Phó Chủ tịch, TM. Ủy ban nhân dân."),
        error_messages={"required": _("Hãy nhập chức danh người ký.")},
    )
    signer_name = forms.CharField(
        label=_("Người ký"),
        max_length=c.NAME_MAX,
        error_messages={"required": _("Hãy nhập họ tên người ký.")},
    )
    legal_fields = forms.MultipleChoiceField(
        label=_("Lĩnh vực"),
        required=False,
        choices=LegalField.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    scope = forms.CharField(
        label=_("Phạm vi"),
        required=False,
        max_length=c.SCOPE_MAX,
        help_text=_("Địa bàn áp dụng, ví dụ: Toàn tỉnh."),
    )
    applicability = forms.CharField(
        label=_("Thông tin áp dụng"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    source = forms.CharField(label=_("Nguồn thu thập"), required=False, max_length=c.NAME_MAX)
    body_text = forms.CharField(
        label=_("Toàn văn"), required=False, widget=forms.Textarea(attrs={"rows": 12})
    )

    def __init__(self, *args: Any, issuers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["issuer"]
        field.queryset = issuers
        field.label_from_instance = lambda unit: unit.name


class PdfForm(ErrorSummaryMixin, forms.Form):
    pdf = forms.FileField(
        label=_("Văn bản gốc (PDF có chữ ký số)"),
        error_messages={"required": _("Hãy chọn tệp PDF của văn bản gốc.")},
    )


class RelationForm(ErrorSummaryMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Quan hệ"), choices=RelationKind.choices)
    target = forms.CharField(
        label=_("Văn bản liên quan (số ký hiệu)"),
        required=False,
        max_length=c.CODE_MAX,
        help_text=_("Số ký hiệu của một văn bản trong cơ sở dữ liệu, ví dụ 12/2024/QĐ-UBND."),
    )
    target_label = forms.CharField(
        label=_("Hoặc văn bản ngoài cơ sở dữ liệu"),
        required=False,
        max_length=500,
        help_text=_(
            "Chỉ cho quan hệ căn cứ, hướng dẫn; ví dụ: Luật Tổ chức chính quyền địa phương."
        ),
    )


class OverrideForm(ErrorSummaryMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Tình trạng hiệu lực"),
        required=False,
        choices=[("", _("Theo tính toán (bỏ xác định thủ công)")), *Validity.choices],
    )
    start = _date(_("Áp dụng từ ngày"), initial=dt.date.today)
    reason = forms.CharField(
        label=_("Lý do, căn cứ"),
        max_length=c.REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy ghi lý do và căn cứ xác định tình trạng hiệu lực.")},
    )


class IssueForm(ErrorSummaryMixin, forms.Form):
    publisher = forms.ModelChoiceField(
        label=_("Cơ quan xuất bản"), queryset=OrgUnit.objects.none(), empty_label=None
    )
    date = _date(_("Ngày phát hành"))
    number = forms.IntegerField(
        label=_("Số công báo"),
        required=False,
        min_value=1,
        help_text=_("Để trống: số tiếp theo trong năm."),
    )

    def __init__(self, *args: Any, issuers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["publisher"]
        field.queryset = issuers
        field.label_from_instance = lambda unit: unit.name


class IssueAddForm(ErrorSummaryMixin, forms.Form):
    code = forms.CharField(
        label=_("Số ký hiệu văn bản đã đăng"),
        max_length=c.CODE_MAX,
        error_messages={"required": _("Hãy nhập số ký hiệu văn bản.")},
    )


class ImportForm(ErrorSummaryMixin, forms.Form):
    file = forms.FileField(
        label=_("Tệp danh sách văn bản (.xlsx hoặc .csv)"),
        error_messages={"required": _("Hãy chọn tệp danh sách văn bản.")},
    )
