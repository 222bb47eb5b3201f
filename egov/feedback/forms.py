from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from egov.feedback import constants as c
from egov.feedback.choices import Kind
from egov.feedback.models import Category
from egov.organisations.forms import ErrorSummaryMixin, UnitChoiceField
from egov.organisations.models import OrgUnit


class CategoryChoiceField(forms.ModelChoiceField[Category]):
    def label_from_instance(self, obj: Category) -> str:
        return obj.name


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".jpg,.jpeg,.png,.pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class SubmitForm(ErrorSummaryMixin, forms.Form):
    """The citizen's form: what, where, who (optional for a logged-in citizen), the check."""

    kind = forms.ChoiceField(
        label=_("Bạn muốn gửi"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn loại: phản ánh hay câu hỏi.")},
    )
    category = CategoryChoiceField(
        label=_("Lĩnh vực"),
        queryset=Category.objects.none(),
        empty_label=_("— Chọn lĩnh vực —"),
        error_messages={"required": _("Hãy chọn lĩnh vực.")},
    )
    title = forms.CharField(
        label=_("Tiêu đề"),
        max_length=c.TITLE_MAX,
        error_messages={"required": _("Hãy nhập tiêu đề.")},
    )
    text = forms.CharField(
        label=_("Nội dung"),
        help_text=_("Viết rõ sự việc, thời gian, địa điểm (tối đa 5.000 ký tự)."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Hãy nhập nội dung.")},
    )
    address = forms.CharField(
        label=_("Địa điểm xảy ra (không bắt buộc)"), max_length=c.ADDRESS_MAX, required=False
    )
    lat = forms.CharField(label=_("Vĩ độ (không bắt buộc)"), required=False, max_length=20)
    long = forms.CharField(label=_("Kinh độ (không bắt buộc)"), required=False, max_length=20)
    attachments = MultipleFileField(
        label=_("Tệp đính kèm (không bắt buộc)"),
        help_text=_("Tối đa 3 tệp ảnh JPG, PNG hoặc PDF, mỗi tệp không quá 5 MB."),
        required=False,
    )
    name = forms.CharField(label=_("Họ và tên"), max_length=c.NAME_MAX, required=False)
    email = forms.EmailField(
        label=_("Thư điện tử"),
        help_text=_("Để nhận mã xác minh và câu trả lời. Không công khai."),
        required=False,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@example.com.")},
    )
    phone = forms.CharField(
        label=_("Điện thoại (không bắt buộc)"),
        help_text=_("Không công khai."),
        max_length=c.PHONE_MAX,
        required=False,
    )
    area = forms.CharField(
        label=_("Xã, phường nơi bạn sinh sống (không bắt buộc)"), max_length=100, required=False
    )
    show_name = forms.BooleanField(
        label=_("Tôi đồng ý công khai họ tên khi câu trả lời được đăng"),
        help_text=_("Nếu không chọn, họ tên được viết tắt, ví dụ “Nguyễn V. A.”."),
        required=False,
    )
    challenge = forms.CharField(
        label=_("Câu hỏi kiểm tra"),
        max_length=5,
        error_messages={"required": _("Hãy trả lời câu hỏi kiểm tra.")},
    )
    challenge_token = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def __init__(self, *args: Any, anonymous: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        field.queryset = Category.objects.filter(active=True).order_by("order", "name")
        if anonymous:
            self.fields["email"].required = True
            self.fields["email"].error_messages["required"] = _(
                "Hãy nhập địa chỉ thư điện tử để nhận mã xác minh và câu trả lời."
            )


class CodeForm(ErrorSummaryMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã xác minh"),
        help_text=_("Mã gồm 6 chữ số đã gửi tới thư điện tử của bạn."),
        max_length=6,
        error_messages={"required": _("Hãy nhập mã xác minh.")},
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=200)
    category = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    kind = forms.ChoiceField(
        label=_("Loại"), required=False, choices=[("", _("Tất cả")), *Kind.choices]
    )

    agency = forms.TypedChoiceField(label=_("Cơ quan trả lời"), required=False, coerce=int)
    year = forms.TypedChoiceField(label=_("Năm"), required=False, coerce=int)

    def __init__(self, *args: Any, agencies: Any = (), years: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Tất cả"))] + [  # type: ignore[attr-defined]
            (cat.code, cat.name) for cat in Category.objects.order_by("order", "name")
        ]
        everything = [("", _("Tất cả"))]
        self.fields["agency"].choices = everything + list(agencies)  # type: ignore[attr-defined]
        self.fields["year"].choices = everything + [(y, str(y)) for y in years]  # type: ignore[attr-defined]


class DraftForm(ErrorSummaryMixin, forms.Form):
    text = forms.CharField(
        label=_("Nội dung trả lời"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=c.ANSWER_MAX,
        error_messages={"required": _("Hãy nhập nội dung trả lời.")},
    )


class ApproveForm(ErrorSummaryMixin, forms.Form):
    publish = forms.BooleanField(
        label=_("Công khai câu hỏi và trả lời trên cổng (người hỏi được viết tắt tên)"),
        required=False,
        initial=True,
    )
    note = forms.CharField(
        label=_("Ý kiến của lãnh đạo"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class NoteForm(ErrorSummaryMixin, forms.Form):
    note = forms.CharField(
        label=_("Điều cần sửa"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Hãy ghi điều cần sửa khi trả lại dự thảo.")},
    )


class ReasonForm(ErrorSummaryMixin, forms.Form):
    reason = forms.CharField(
        label=_("Lý do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Hãy ghi lý do.")},
    )


class RerouteForm(ErrorSummaryMixin, forms.Form):
    agency = UnitChoiceField(
        label=_("Chuyển tới cơ quan"),
        queryset=OrgUnit.objects.none(),
        error_messages={"required": _("Hãy chọn cơ quan.")},
    )
    reason = forms.CharField(
        label=_("Lý do chuyển"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy ghi lý do chuyển cơ quan.")},
    )

    def __init__(self, *args: Any, exclude: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        field.queryset = agencies().exclude(pk=exclude)


class CategoryForm(ErrorSummaryMixin, forms.Form):
    code = forms.SlugField(label=_("Mã (dùng cho Open311)"), max_length=40)
    name = forms.CharField(label=_("Tên lĩnh vực"), max_length=200)
    group = forms.CharField(label=_("Nhóm"), max_length=100, required=False)
    description = forms.CharField(label=_("Mô tả"), max_length=500, required=False)
    agency = UnitChoiceField(label=_("Cơ quan tiếp nhận"), queryset=OrgUnit.objects.none())
    answer_days = forms.IntegerField(
        label=_("Thời hạn trả lời (ngày làm việc)"),
        help_text=_("Để trống: 10 ngày làm việc (mặc định của hệ thống)."),
        required=False,
        min_value=1,
        max_value=60,
    )
    active = forms.BooleanField(label=_("Đang tiếp nhận"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        field.queryset = agencies()


def agencies() -> Any:
    """Agencies in force that can receive items (not internal divisions)."""
    from egov.organisations.choices import UnitKind

    return (
        OrgUnit.objects.filter(valid_to__isnull=True)
        .exclude(kind=UnitKind.DIVISION)
        .order_by("path")
    )
