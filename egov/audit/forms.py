"""The filter form of the audit screen. A field with an error is left out of the filter and
named in the error summary; the other fields still apply."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from egov.audit import registry
from egov.audit.queries import EventFilter, unit_with_subordinates
from egov.audit.scoping import UnitChoice
from egov.lib.dates import parse_iso_date


class BusinessDateField(forms.DateField):
    """A date typed as dd/mm/yyyy or sent as yyyy-mm-dd by a date picker."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def to_python(self, value: Any) -> dt.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return parse_iso_date(str(value))
        except ValueError:
            raise ValidationError(
                gettext(
                    "Ngày “%(value)s” không đúng định dạng; hãy nhập ngày/tháng/năm, "
                    "ví dụ 31/12/2025."
                ),
                code="invalid",
                params={"value": value},
            ) from None


class AuditFilterForm(forms.Form):
    unit = forms.TypedChoiceField(
        label=_("Đơn vị (gồm cả đơn vị trực thuộc)"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": _(
                "Đơn vị mã “%(value)s” không tồn tại hoặc nằm ngoài phạm vi bạn được xem."
            )
        },
    )
    user = forms.CharField(label=_("Tài khoản có chứa"), required=False, max_length=150)
    object_type = forms.CharField(
        label=_("Loại đối tượng"),
        required=False,
        max_length=100,
        help_text=_("Ví dụ organisations.orgunit"),
    )
    object_id = forms.CharField(label=_("Mã đối tượng"), required=False, max_length=64)
    action = forms.ChoiceField(
        label=_("Hành động"),
        required=False,
        error_messages={
            "invalid_choice": _("Hành động “%(value)s” không có trong danh mục hành động.")
        },
    )
    date_from = BusinessDateField(label=_("Từ ngày"), required=False)
    date_to = BusinessDateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args: Any, unit_choices: Sequence[UnitChoice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit_choices = list(unit_choices)
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.TypedChoiceField)  # noqa: S101 - declared above
        unit_field.choices = [
            ("", gettext("Tất cả đơn vị")),
            *[(c.id, "— " * max(c.depth - 1, 0) + c.label) for c in self.unit_choices],
        ]
        action_field = self.fields["action"]
        assert isinstance(action_field, forms.ChoiceField)  # noqa: S101 - declared above
        action_field.choices = [
            ("", gettext("Tất cả hành động")),
            *[(a.name, str(a.label)) for a in registry.all_actions()],
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error(
                "date_to",
                gettext("Đến ngày %(end)s đứng trước Từ ngày %(start)s.")
                % {"end": f"{end:%d/%m/%Y}", "start": f"{start:%d/%m/%Y}"},
            )
        return cleaned

    def event_filter(self) -> EventFilter:
        """The filter built from the fields that are valid; call after ``is_valid()``."""
        data = self.cleaned_data
        unit_id = data.get("unit")
        return EventFilter(
            unit_ids=None
            if unit_id is None
            else unit_with_subordinates(self.unit_choices, unit_id),
            username=(data.get("user") or "").strip(),
            object_type=(data.get("object_type") or "").strip(),
            object_id=(data.get("object_id") or "").strip(),
            action=data.get("action") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
