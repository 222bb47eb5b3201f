"""Forms of the incoming-document screens, "my work" and the dashboard. They parse input and
offer only the choices the signed-in user has; the actions decide and refuse (their
``ActionError`` is shown on the field it names). Outgoing forms live in forms_outgoing.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from egov.documents import access, queries
from egov.documents import constants as c
from egov.documents.actions import handling
from egov.documents.choices import Channel, IncomingStatus, Secrecy, Urgency
from egov.documents.fields import MultipleFileField
from egov.documents.models import Assignment, DocumentType, IncomingDocument
from egov.lib.dates import local_today, parse_iso_date
from egov.organisations.forms import ErrorSummaryMixin, UnitChoiceField
from egov.organisations.models import OrgUnit
from egov.workcalendar.queries import add_working_days

_INVALID_DATE = _("Ngày không hợp lệ; hãy nhập đủ ngày, tháng, năm, ví dụ 31/12/2026.")


class BusinessDateField(forms.DateField):
    """A date from a date picker (yyyy-mm-dd) or typed as dd/mm/yyyy."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        messages = {"invalid": _INVALID_DATE, **kwargs.pop("error_messages", {})}
        super().__init__(*args, error_messages=messages, **kwargs)

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return parse_iso_date(str(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def _text(label: Any, *, max_length: int, help_text: Any = "", rows: int = 0) -> forms.CharField:
    widget: forms.Widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        help_text=help_text,
        widget=widget,
        error_messages={"max_length": _("Tối đa %(limit_value)d ký tự (đang có %(show_value)d).")},
    )


# --- List filters ----------------------------------------------------------------------

SORT_CHOICES = [
    ("-arrived_at", _("Mới đến trước")),
    ("arrived_at", _("Đến trước")),
    ("due_date", _("Hạn xử lý gần nhất")),
    ("-urgency", _("Khẩn nhất trước")),
    ("relevance", _("Khớp nhất với từ khóa")),
]


class IncomingFilterForm(forms.Form):
    """The list's filters. A field with an error is left out; the others still apply."""

    q = forms.CharField(
        label=_("Tìm kiếm"),
        required=False,
        max_length=200,
        help_text=_(
            "Trích yếu, số ký hiệu, cơ quan ban hành, nội dung tệp; gõ không dấu cũng được."
        ),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    document_type = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.filter(active=True),
        required=False,
        empty_label=_("Tất cả"),
        error_messages={"invalid_choice": _("Loại văn bản đã chọn không có trong danh mục.")},
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), *IncomingStatus.choices],
        error_messages={"invalid_choice": _("Trạng thái “%(value)s” không có.")},
    )
    urgency = forms.TypedChoiceField(
        label=_("Độ khẩn"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tất cả"))] + [(str(v), label) for v, label in Urgency.choices],
        error_messages={"invalid_choice": _("Độ khẩn “%(value)s” không có.")},
    )
    date_from = BusinessDateField(label=_("Đến từ ngày"), required=False)
    date_to = BusinessDateField(label=_("Đến ngày"), required=False)
    overdue = forms.BooleanField(label=_("Chỉ văn bản quá hạn xử lý"), required=False)
    sort = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=SORT_CHOICES)

    def filters(self) -> queries.IncomingFilters:
        """The valid part of the input as the query's filters."""
        self.is_valid()
        data: dict[str, Any] = getattr(self, "cleaned_data", {})
        document_type = data.get("document_type")
        return queries.IncomingFilters(
            text=data.get("q") or "",
            document_type_id=document_type.pk if document_type else None,
            status=data.get("status") or "",
            urgency=data.get("urgency"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            overdue=bool(data.get("overdue")),
            sort=data.get("sort") or "-arrived_at",
        )


# --- Registration ----------------------------------------------------------------------


def _level_choices(enum: Any, *, up_to: int) -> list[tuple[int, str]]:
    return [(int(value), str(label)) for value, label in enum.choices if value <= up_to]


class IncomingRegisterForm(ErrorSummaryMixin, forms.Form):
    """The Phụ lục VI input fields of a received document. Subject, issuer and the order of
    the dates are checked by ``register_incoming``; its messages name the field."""

    unit = UnitChoiceField(
        label=_("Cơ quan nhận"),
        queryset=OrgUnit.objects.none(),
        empty_label=_("— Chọn cơ quan —"),
        error_messages={
            "required": _("Chọn cơ quan vào sổ văn bản."),
            "invalid_choice": _("Bạn không phải văn thư của cơ quan đã chọn."),
        },
    )
    document_type = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.filter(active=True),
        empty_label=_("— Chọn loại văn bản —"),
        error_messages={
            "required": _("Chọn loại văn bản."),
            "invalid_choice": _("Loại văn bản đã chọn không có trong danh mục."),
        },
    )
    code_number = _text(_("Số"), max_length=c.CODE_NUMBER_MAX, help_text=_("Ví dụ 459"))
    code_notation = _text(
        _("Ký hiệu"), max_length=c.CODE_NOTATION_MAX, help_text=_("Ví dụ UBND-TTTH")
    )
    issued_date = BusinessDateField(label=_("Ngày văn bản"), required=False)
    issuer_name = _text(_("Cơ quan ban hành"), max_length=c.ORGAN_NAME_MAX)
    issuer_code = _text(
        _("Mã định danh cơ quan ban hành"),
        max_length=35,
        help_text=_("Nếu có, ví dụ 000.00.00.H01. Dùng để phát hiện văn bản trùng."),
    )
    subject = _text(_("Trích yếu nội dung"), max_length=c.SUBJECT_MAX, rows=3)
    signer_position = _text(
        _("Chức vụ người ký"), max_length=c.SIGNER_POSITION_MAX, help_text=_("Ví dụ Phó Chủ tịch")
    )
    signer_name = _text(_("Họ tên người ký"), max_length=c.SIGNER_NAME_MAX)
    urgency = forms.TypedChoiceField(
        label=_("Độ khẩn"),
        coerce=int,
        widget=forms.RadioSelect,
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        error_messages={"required": _("Chọn độ khẩn."), "invalid_choice": _("Chọn độ khẩn.")},
    )
    secrecy = forms.TypedChoiceField(
        label=_("Độ mật"),
        coerce=int,
        widget=forms.RadioSelect,
        initial=Secrecy.NONE,
        error_messages={
            "required": _("Chọn độ mật."),
            "invalid_choice": _("Bạn chưa được cấp quyền tiếp cận văn bản ở độ mật này."),
        },
    )
    due_date = BusinessDateField(
        label=_("Hạn xử lý"), required=False, help_text=_("Để trống nếu văn bản không nêu hạn.")
    )
    channel = forms.ChoiceField(
        label=_("Hình thức nhận"),
        widget=forms.RadioSelect,
        choices=[
            (Channel.PAPER.value, Channel.PAPER.label),
            (Channel.ELECTRONIC.value, Channel.ELECTRONIC.label),
            (Channel.MAIL.value, Channel.MAIL.label),
        ],
        initial=Channel.PAPER,
        error_messages={"required": _("Chọn hình thức nhận văn bản.")},
    )
    # Named as register_incoming names it in its errors (ActionError.field). The form
    # metaclass moves declared fields off the class, so BaseForm.files is not shadowed.
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Tệp văn bản"),
        required=False,
        error_messages={"empty": _("Tệp đã chọn rỗng."), "invalid": _("Không đọc được tệp.")},
    )
    page_amount = forms.IntegerField(
        label=_("Số trang"),
        required=False,
        min_value=1,
        max_value=999,
        help_text=_("Để trống: hệ thống đếm số trang của tệp PDF."),
        error_messages={
            "invalid": _("Số trang là một số nguyên."),
            "min_value": _("Số trang ít nhất là 1."),
            "max_value": _("Số trang tối đa 999."),
        },
    )
    to_places = _text(
        _("Đơn vị hoặc người nhận"),
        max_length=c.TO_PLACES_MAX,
        help_text=_("Như ghi ở phần nơi nhận của văn bản, nếu cần."),
    )
    description = _text(_("Ghi chú"), max_length=c.DESCRIPTION_MAX, rows=2)
    allow_duplicate = forms.BooleanField(
        label=_("Tôi đã kiểm tra: vẫn vào sổ văn bản này"), required=False
    )

    def __init__(self, *args: Any, actor: Any, units: list[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.units = units
        self.duplicate_suspected = False
        unit_field: Any = self.fields["unit"]
        unit_field.queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units]).order_by("path")
        if len(units) == 1:
            unit_field.initial = units[0].pk
            unit_field.widget = forms.HiddenInput()
        highest = max((access.clearance_level(actor, u) for u in units), default=0)
        secrecy_field: Any = self.fields["secrecy"]
        secrecy_field.choices = _level_choices(Secrecy, up_to=highest)
        self.fields["files"].help_text = gettext(
            "PDF, DOC, DOCX, XLS, XLSX, ODT, PNG, JPEG hoặc TIFF; mỗi tệp tối đa %(file)s MB, "
            "mỗi lần gửi tối đa %(total)s MB. Tệp đầu tiên là văn bản chính. Bắt buộc khi "
            "nhận văn bản điện tử."
        ) % {
            "file": c.MAX_FILE_BYTES // (1024 * 1024),
            "total": c.MAX_UPLOAD_REQUEST_BYTES // (1024 * 1024),
        }

    @property
    def single_unit(self) -> OrgUnit | None:
        return self.units[0] if len(self.units) == 1 else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        unit, secrecy = data.get("unit"), data.get("secrecy")
        if unit is not None and secrecy and not access.can_see_secret(self.actor, unit, secrecy):
            self.add_error(
                "secrecy",
                _("Bạn chưa được cấp quyền tiếp cận văn bản mật ở độ này tại %(unit)s.")
                % {"unit": unit.name},
            )
        return data

    def action_arguments(self) -> dict[str, Any]:
        """The cleaned input as ``register_incoming``'s keyword arguments (no uploads)."""
        data = self.cleaned_data
        return {
            "unit": data["unit"],
            "document_type": data["document_type"],
            "subject": data["subject"],
            "issuer_name": data["issuer_name"],
            "issuer_code": data["issuer_code"],
            "channel": data["channel"],
            "code_number": data["code_number"],
            "code_notation": data["code_notation"],
            "issued_date": data["issued_date"],
            "signer_name": data["signer_name"],
            "signer_position": data["signer_position"],
            "urgency": data["urgency"],
            "secrecy": data["secrecy"],
            "due_date": data["due_date"],
            "to_places": data["to_places"],
            "description": data["description"],
            "page_amount": data["page_amount"],
            "allow_duplicate": data["allow_duplicate"],
        }


# --- Handling: present, instruct, start, comment, finish, return, extensions -----------


class PresentForm(ErrorSummaryMixin, forms.Form):
    """The clerk presents the document to one of the agency's leaders."""

    leader = forms.TypedChoiceField(
        label=_("Trình lãnh đạo"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Chọn lãnh đạo để trình."),
            "invalid_choice": _("Người được chọn không phải lãnh đạo của cơ quan."),
        },
    )
    note = _text(_("Ghi chú khi trình"), max_length=1000, rows=2)

    def __init__(self, *args: Any, document: IncomingDocument, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "present")
        super().__init__(*args, **kwargs)
        self.leaders = {
            u.pk: u for u in queries.leaders_of(document.unit, secrecy=document.secrecy)
        }
        leader_field: Any = self.fields["leader"]
        leader_field.choices = [(pk, u.full_name or u.username) for pk, u in self.leaders.items()]
        if len(self.leaders) == 1:
            leader_field.initial = next(iter(self.leaders))

    @property
    def has_choices(self) -> bool:
        return bool(self.leaders)

    def chosen_leader(self) -> Any:
        return self.leaders[self.cleaned_data["leader"]]


def _target_key(kind: str, pk: int) -> str:
    return f"{kind}:{pk}"


class InstructionForm(ErrorSummaryMixin, forms.Form):
    """A leader's instruction (bút phê): the lead, supporting and informed units or people
    of the area the assignment allows, a deadline, the text."""

    lead = forms.ChoiceField(
        label=_("Chủ trì xử lý"),
        error_messages={
            "required": _("Chọn đơn vị hoặc người chủ trì xử lý."),
            "invalid_choice": _("Đơn vị hoặc người đã chọn không thuộc phạm vi được giao."),
        },
    )
    supports = forms.MultipleChoiceField(
        label=_("Phối hợp"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Đơn vị hoặc người đã chọn không thuộc phạm vi được giao.")
        },
    )
    informed = forms.MultipleChoiceField(
        label=_("Để biết"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Đơn vị hoặc người đã chọn không thuộc phạm vi được giao.")
        },
    )
    due_date = BusinessDateField(label=_("Hạn xử lý"), required=False)
    due_in_working_days = forms.IntegerField(
        label=_("Hoặc hạn sau số ngày làm việc"),
        required=False,
        min_value=1,
        max_value=250,
        help_text=_("Tính từ hôm nay, không kể thứ Bảy, Chủ nhật, ngày lễ, Tết."),
        error_messages={
            "min_value": _("Số ngày làm việc ít nhất là 1."),
            "max_value": _("Số ngày làm việc tối đa là 250."),
            "invalid": _("Nhập số ngày làm việc bằng chữ số, ví dụ 5."),
        },
    )
    text = _text(_("Ý kiến chỉ đạo"), max_length=2000, rows=3)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        days = data.get("due_in_working_days")
        if days and data.get("due_date"):
            self.add_error(
                "due_in_working_days",
                gettext("Chọn một cách đặt hạn: ngày cụ thể hoặc số ngày làm việc."),
            )
        elif days:
            data["due_date"] = add_working_days(local_today(), days)
        return data

    def __init__(self, *args: Any, assignment: Assignment, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"a{assignment.pk}-assign")
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        document = assignment.document
        area = queries.handling_area(assignment)
        # A secret document is given to cleared people only, never to a whole unit.
        units = [] if document.is_secret else queries.unit_choices(area)
        people = queries.staff_choices(area)
        self.units = {u.pk: u for u in units}
        self.people = dict(people)
        unit_options = [(_target_key("unit", u.pk), u.name) for u in units]
        person_options = [(_target_key("user", pk), label) for pk, label in people]
        grouped: list[Any] = [("", gettext("— Chọn đơn vị hoặc người —"))]
        if unit_options:
            grouped.append((gettext("Đơn vị"), unit_options))
        if person_options:
            grouped.append((gettext("Cá nhân"), person_options))
        lead_field: Any = self.fields["lead"]
        lead_field.choices = grouped
        for name in ("supports", "informed"):
            field: Any = self.fields[name]
            field.choices = unit_options + person_options
        if assignment.due_date:
            self.fields["due_date"].help_text = gettext(
                "Không sau hạn đã được giao (%(date)s). Để trống: theo hạn đó."
            ) % {"date": assignment.due_date.strftime("%d/%m/%Y")}
        else:
            self.fields["due_date"].help_text = gettext("Để trống nếu không đặt hạn.")

    def instruction(self) -> handling.Instruction:
        """The chosen targets as the action's instruction (the people read in one query)."""
        data = self.cleaned_data
        keys = [data["lead"], *data["supports"], *data["informed"]]
        user_ids = [int(k.partition(":")[2]) for k in keys if k.startswith("user:")]
        users = get_user_model().objects.in_bulk(user_ids)

        def target(key: str) -> handling.Target:
            kind, _sep, raw = key.partition(":")
            if kind == "unit":
                return handling.Target(unit=self.units[int(raw)])
            return handling.Target(user=users[int(raw)])

        return handling.Instruction(
            lead=target(data["lead"]),
            supports=[target(k) for k in data["supports"]],
            informed=[target(k) for k in data["informed"]],
            due_date=data["due_date"],
            text=data["text"],
        )


class CommentForm(ErrorSummaryMixin, forms.Form):
    text = _text(_("Ý kiến của bạn"), max_length=4000, rows=3)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "comment")
        super().__init__(*args, **kwargs)


class FinishForm(ErrorSummaryMixin, forms.Form):
    result = _text(_("Kết quả xử lý"), max_length=4000, rows=3)

    def __init__(self, *args: Any, assignment: Assignment, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"a{assignment.pk}-finish")
        super().__init__(*args, **kwargs)


class ReturnForm(ErrorSummaryMixin, forms.Form):
    reason = _text(_("Lý do trả lại"), max_length=2000, rows=2)

    def __init__(self, *args: Any, assignment: Assignment, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"a{assignment.pk}-return")
        super().__init__(*args, **kwargs)


class ExtensionRequestForm(ErrorSummaryMixin, forms.Form):
    requested_due = BusinessDateField(
        label=_("Xin gia hạn đến ngày"),
        error_messages={"required": _("Nhập ngày xin gia hạn đến.")},
    )
    reason = _text(_("Lý do xin gia hạn"), max_length=2000, rows=2)

    def __init__(self, *args: Any, assignment: Assignment, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"a{assignment.pk}-extension")
        super().__init__(*args, **kwargs)
        if assignment.due_date:
            self.fields["requested_due"].help_text = gettext("Hạn hiện tại: %(date)s.") % {
                "date": assignment.due_date.strftime("%d/%m/%Y")
            }


DECISIONS = [("approve", _("Đồng ý gia hạn")), ("refuse", _("Không đồng ý"))]


class ExtensionDecisionForm(ErrorSummaryMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Quyết định"),
        widget=forms.RadioSelect,
        choices=DECISIONS,
        error_messages={"required": _("Chọn đồng ý hoặc không đồng ý.")},
    )
    note = _text(_("Ý kiến"), max_length=2000, rows=2, help_text=_("Bắt buộc khi không đồng ý."))

    def __init__(self, *args: Any, request_pk: int, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"x{request_pk}-decide")
        super().__init__(*args, **kwargs)


# --- Dashboard -------------------------------------------------------------------------


class StatsPeriodForm(forms.Form):
    """The dashboard's period (and, for users over several agencies, the agency)."""

    date_from = BusinessDateField(
        label=_("Từ ngày"), error_messages={"required": _("Nhập ngày bắt đầu kỳ.")}
    )
    date_to = BusinessDateField(
        label=_("Đến ngày"), error_messages={"required": _("Nhập ngày kết thúc kỳ.")}
    )
    unit = UnitChoiceField(
        label=_("Cơ quan"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Tất cả cơ quan trong phạm vi"),
        error_messages={"invalid_choice": _("Cơ quan đã chọn nằm ngoài phạm vi bạn được xem.")},
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_field: Any = self.fields["unit"]
        unit_field.queryset = units

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("Ngày kết thúc kỳ phải từ ngày bắt đầu trở đi."))
        return data


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """From 1 January of this year to today."""
    today = today or local_today()
    return dt.date(today.year, 1, 1), today
