"""Forms of the registry screens: Vietnamese labels, specific messages, choices limited to
what the signed-in administrator may do. Forms only parse input; the actions decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations import access
from egov.organisations.choices import Role, StaffEventKind, StaffStatus
from egov.organisations.models import OrgUnit, Person, Position, RoleAssignment

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]

#: The staff events an administrator may record for a person in each status.
EVENTS_BY_STATUS: dict[str, tuple[StaffEventKind, ...]] = {
    StaffStatus.ACTIVE: (
        StaffEventKind.TRANSFER,
        StaffEventKind.LEAVE,
        StaffEventKind.RETIRE,
        StaffEventKind.RESIGN,
    ),
    StaffStatus.ON_LEAVE: (
        StaffEventKind.RETURN,
        StaffEventKind.TRANSFER,
        StaffEventKind.RETIRE,
        StaffEventKind.RESIGN,
    ),
}


def _date_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Nhập ngày hiệu lực."),
            "invalid": _("Ngày không hợp lệ; hãy nhập đủ ngày, tháng, năm, ví dụ 01/07/2025."),
        },
    )


class UnitChoiceField(forms.ModelChoiceField[OrgUnit]):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return obj.name


class ErrorSummaryMixin:
    """Links of a GOV.UK-style error summary: each message with the id of the input it is
    about; a message about the form as a whole points at the first field."""

    def error_links(self) -> list[tuple[str, str]]:
        form: Any = self
        fields = list(form)
        first = _anchor(fields[0]) if fields else "main"
        links = [(first, str(error)) for error in form.non_field_errors()]
        for field in fields:
            links.extend((_anchor(field), str(error)) for error in field.errors)
        return links

    def add_action_error(self, error: ActionError) -> None:
        """Show an action's refusal on the field it names, or on the whole form."""
        form: Any = self
        form.add_error(error.field if error.field in form.fields else None, error)


def _anchor(field: forms.BoundField) -> str:
    if isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0"
    return str(field.id_for_label)


def manageable_units(actor: Any) -> Any:
    """Units in force that ``actor`` administers, in tree order."""
    return OrgUnit.objects.current().filter(access.admin_scope(actor).q())


class StaffEventForm(ErrorSummaryMixin, forms.Form):
    """A dated change in a person's employment: transfer, leave, return, retirement or
    resignation."""

    kind = forms.ChoiceField(
        label=_("Loại biến động"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Chọn loại biến động cần ghi nhận."),
            "invalid_choice": _("Loại biến động này không áp dụng cho tình trạng hiện tại."),
        },
    )
    unit = UnitChoiceField(
        label=_("Đơn vị chuyển đến"),
        help_text=_("Chỉ cần khi điều động, luân chuyển."),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("— Chọn đơn vị —"),
        error_messages={"invalid_choice": _("Bạn không quản trị đơn vị đã chọn.")},
    )
    position = forms.ModelChoiceField(
        label=_("Chức vụ mới"),
        help_text=_("Để trống nếu giữ chức vụ hiện tại."),
        queryset=Position.objects.all(),
        required=False,
        empty_label=_("— Giữ chức vụ hiện tại —"),
    )
    effective_date = _date_field(_("Ngày hiệu lực"))
    decision_ref = forms.CharField(
        label=_("Căn cứ"),
        help_text=_("Số, ký hiệu quyết định, ví dụ 125/QĐ-SNV. Không bắt buộc."),
        max_length=200,
        required=False,
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, actor: Any, person: Person, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "event")
        kwargs.setdefault("initial", {"effective_date": local_today()})
        super().__init__(*args, **kwargs)
        kinds = EVENTS_BY_STATUS.get(person.status, ())
        kind_field: Any = self.fields["kind"]
        kind_field.choices = [(kind.value, kind.label) for kind in kinds]
        unit_field: Any = self.fields["unit"]
        unit_field.queryset = manageable_units(actor)
        if StaffEventKind.TRANSFER not in kinds:
            for name in ("unit", "position"):
                del self.fields[name]

    @property
    def has_choices(self) -> bool:
        kind_field: Any = self.fields["kind"]
        return bool(kind_field.choices)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == StaffEventKind.TRANSFER and not data.get("unit"):
            self.add_error("unit", _("Chọn đơn vị chuyển đến."))
        return data


class GrantRoleForm(ErrorSummaryMixin, forms.Form):
    """A role for the person's login account at a unit the administrator administers."""

    role = forms.ChoiceField(
        label=_("Vai trò"),
        error_messages={
            "required": _("Chọn vai trò cần phân."),
            "invalid_choice": _("Bạn không được phân vai trò này."),
        },
    )
    unit = UnitChoiceField(
        label=_("Tại đơn vị"),
        queryset=OrgUnit.objects.none(),
        empty_label=_("— Chọn đơn vị —"),
        error_messages={
            "required": _("Chọn đơn vị nơi cán bộ giữ vai trò."),
            "invalid_choice": _("Bạn không quản trị đơn vị đã chọn."),
        },
    )
    covers_subtree = forms.BooleanField(
        label=_("Áp dụng cả cho các đơn vị trực thuộc"), required=False
    )
    valid_from = _date_field(_("Từ ngày"))
    valid_to = _date_field(
        _("Đến ngày"), required=False, help_text=_("Để trống nếu không có thời hạn.")
    )

    def __init__(self, *args: Any, actor: Any, person: Person, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "role")
        initial = {"valid_from": local_today()}
        if person.unit is not None and access.can_manage_unit(actor, person.unit):
            initial["unit"] = person.unit
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        # Only system administrators grant the system administrator role (see grant_role).
        grantable: list[Role] = [
            role for role in Role if role != Role.SYSTEM_ADMIN or access.is_system_admin(actor)
        ]
        role_field: Any = self.fields["role"]
        role_field.choices = [("", _("— Chọn vai trò —"))] + [
            (role.value, role.label) for role in grantable
        ]
        unit_field: Any = self.fields["unit"]
        unit_field.queryset = manageable_units(actor)


class AssignmentChoiceField(forms.ModelChoiceField[RoleAssignment]):
    def label_from_instance(self, obj: RoleAssignment) -> str:
        if obj.covers_subtree:
            text = _("%(role)s tại %(unit)s và các đơn vị trực thuộc (từ %(start)s)")
        else:
            text = _("%(role)s tại %(unit)s (từ %(start)s)")
        return str(text) % {
            "role": obj.get_role_display(),
            "unit": obj.unit.name,
            "start": obj.valid_from.strftime("%d/%m/%Y"),
        }


class RevokeRoleForm(ErrorSummaryMixin, forms.Form):
    """End one of the person's role assignments from a date."""

    assignment = AssignmentChoiceField(
        label=_("Vai trò cần thu hồi"),
        queryset=RoleAssignment.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Chọn vai trò cần thu hồi."),
            "invalid_choice": _("Vai trò đã chọn không còn hoặc bạn không quản trị đơn vị đó."),
        },
    )
    effective_date = _date_field(
        _("Thu hồi từ ngày"), help_text=_("Từ ngày này cán bộ không còn giữ vai trò.")
    )

    def __init__(self, *args: Any, actor: Any, person: Person, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "revoke")
        kwargs.setdefault("initial", {"effective_date": local_today()})
        super().__init__(*args, **kwargs)
        field: Any = self.fields["assignment"]
        field.queryset = access.revocable_assignments(actor, person.user)

    @property
    def has_choices(self) -> bool:
        field: Any = self.fields["assignment"]
        return bool(field.queryset.exists())


class ImportForm(forms.Form):
    """Units or staff, and the file."""

    kind = forms.ChoiceField(
        label=_("Dữ liệu cần nhập"),
        choices=[("units", _("Đơn vị")), ("staff", _("Cán bộ"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn nhập đơn vị hay cán bộ.")},
    )
    file = forms.FileField(
        label=_("Tệp dữ liệu (.xlsx hoặc .csv)"),
        error_messages={
            "required": _("Hãy chọn tệp cần nhập."),
            "empty": _("Tệp đã chọn không có nội dung."),
        },
    )
