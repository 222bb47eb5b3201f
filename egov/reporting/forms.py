"""Forms of the catalogue screens: what the statistics office types, checked field by field
before an action sees it. Sections, breakdown categories and units are typed as short lines
(one per section, category or unit), as they are read off the paper form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from egov.organisations.choices import UnitKind
from egov.organisations.models import OrgUnit
from egov.reporting.actions.catalogue import SectionSpec
from egov.reporting.choices import Aggregation, Frequency, Line, Operator, Severity, ValueType
from egov.reporting.models import CategoryCombo, Indicator
from egov.reporting.validators import validate_code

MAX_LINES = 500


class UnitChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


def _current_units(*kinds: str) -> Any:
    units = OrgUnit.objects.filter(valid_to__isnull=True)
    if kinds:
        units = units.filter(kind__in=kinds)
    return units.order_by("path")


def _lines(text: str) -> list[tuple[int, str]]:
    found = [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1)]
    found = [(n, line) for n, line in found if line]
    if len(found) > MAX_LINES:
        raise forms.ValidationError(
            _("Nhiều nhất %(n)s dòng.") % {"n": MAX_LINES}, code="too_many_lines"
        )
    return found


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.replace(";", ",").split(",") if c.strip()]


class IndicatorForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã chỉ tiêu"), max_length=40, validators=[validate_code]
    )
    name = forms.CharField(label=gettext_lazy("Tên chỉ tiêu"), max_length=400)
    unit_of_measure = forms.CharField(label=gettext_lazy("Đơn vị tính"), max_length=60)
    value_type = forms.ChoiceField(label=gettext_lazy("Kiểu giá trị"), choices=ValueType.choices)
    aggregation = forms.ChoiceField(
        label=gettext_lazy("Cách tổng hợp"), choices=Aggregation.choices
    )
    combo = forms.ModelChoiceField(
        label=gettext_lazy("Phân tổ"),
        queryset=CategoryCombo.objects.order_by("code"),
        required=False,
        empty_label=gettext_lazy("Không phân tổ"),
    )
    weight_indicator = forms.ModelChoiceField(
        label=gettext_lazy("Chỉ tiêu quyền số"),
        queryset=Indicator.objects.filter(formula="").order_by("code"),
        required=False,
        help_text=gettext_lazy("Cho cách tổng hợp bình quân gia quyền, ví dụ dân số trung bình."),
    )
    formula = forms.CharField(
        label=gettext_lazy("Công thức"),
        max_length=500,
        required=False,
        help_text=gettext_lazy(
            "Để trống với chỉ tiêu nhập số liệu. Ví dụ: [GRDP] / [DANSO] * 1000000."
        ),
    )
    decimals = forms.IntegerField(
        label=gettext_lazy("Số chữ số thập phân"), min_value=0, max_value=6, initial=0
    )
    sector_unit = UnitChoiceField(
        label=gettext_lazy("Cơ quan chủ trì theo ngành"),
        queryset=_current_units(UnitKind.AGENCY, UnitKind.CENTRAL_BRANCH),
        required=False,
        empty_label=gettext_lazy("Không có"),
    )
    description = forms.CharField(
        label=gettext_lazy("Khái niệm, phương pháp tính"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, editing: Indicator | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Querysets are evaluated per request, not once at import.
        self.fields["sector_unit"].queryset = _current_units(  # type: ignore[attr-defined]
            UnitKind.AGENCY, UnitKind.CENTRAL_BRANCH
        )
        if editing is not None:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _(
                "Mã không đổi: các hệ thống khác biết chỉ tiêu qua mã."
            )
            self.fields["weight_indicator"].queryset = (  # type: ignore[attr-defined]
                Indicator.objects.filter(formula="").exclude(pk=editing.pk).order_by("code")
            )


class BreakdownForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã phân tổ"), max_length=40, validators=[validate_code]
    )
    name = forms.CharField(label=gettext_lazy("Tên phân tổ"), max_length=200)
    categories = forms.CharField(
        label=gettext_lazy("Các tiêu thức phân tổ"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Mỗi dòng một tiêu thức: mã | tên | mã giá trị=tên giá trị, … "
            "Ví dụ: GIOI_TINH | Giới tính | NAM=Nam, NU=Nữ"
        ),
    )

    def clean_categories(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        parsed: list[tuple[str, str, list[tuple[str, str]]]] = []
        for number, line in _lines(self.cleaned_data["categories"]):
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3 or not all(parts):
                raise forms.ValidationError(
                    _("Dòng %(n)s: cần đủ ba phần “mã | tên | các giá trị”.") % {"n": number},
                    code="bad_category_line",
                )
            code, name, raw_options = parts
            options: list[tuple[str, str]] = []
            for item in _codes(raw_options):
                option_code, sep, option_name = (x.strip() for x in item.partition("="))
                if not sep or not option_code or not option_name:
                    raise forms.ValidationError(
                        _("Dòng %(n)s: giá trị “%(item)s” cần dạng mã=tên.")
                        % {"n": number, "item": item},
                        code="bad_option",
                    )
                options.append((option_code, option_name))
            for checked in [code, *(c for c, _n in options)]:
                try:
                    validate_code(checked)
                except forms.ValidationError as exc:
                    raise forms.ValidationError(
                        _("Dòng %(n)s, mã “%(code)s”: %(error)s")
                        % {"n": number, "code": checked, "error": exc.messages[0]},
                        code="bad_code",
                    ) from exc
            if len({c for c, _n in options}) != len(options):
                raise forms.ValidationError(
                    _("Dòng %(n)s: một mã giá trị được ghi hai lần.") % {"n": number},
                    code="duplicate_option",
                )
            parsed.append((code, name, options))
        if not parsed:
            raise forms.ValidationError(_("Cần ít nhất một tiêu thức."), code="no_category")
        return parsed


class ReportFormForm(forms.Form):
    """A new form: its regime, layout and reporting units."""

    code = forms.CharField(
        label=gettext_lazy("Số hiệu biểu"), max_length=40, validators=[validate_code]
    )
    name = forms.CharField(label=gettext_lazy("Tên biểu"), max_length=300)
    frequency = forms.ChoiceField(label=gettext_lazy("Kỳ báo cáo"), choices=Frequency.choices)
    receiving_unit = UnitChoiceField(
        label=gettext_lazy("Cơ quan nhận báo cáo"), queryset=_current_units(), empty_label=None
    )
    line = forms.ChoiceField(label=gettext_lazy("Tuyến báo cáo"), choices=Line.choices)
    sector_unit = UnitChoiceField(
        label=gettext_lazy("Sở, ngành chủ trì (tuyến ngành)"),
        queryset=_current_units(UnitKind.AGENCY, UnitKind.CENTRAL_BRANCH),
        required=False,
        empty_label=gettext_lazy("Không có"),
    )
    cutoff_start_day = forms.IntegerField(
        label=gettext_lazy("Ngày bắt đầu chốt số liệu (tháng trước)"),
        min_value=1,
        max_value=28,
        initial=15,
    )
    cutoff_end_day = forms.IntegerField(
        label=gettext_lazy("Ngày kết thúc chốt số liệu"), min_value=1, max_value=28, initial=14
    )
    deadline_days = forms.IntegerField(
        label=gettext_lazy("Hạn gửi (số ngày sau ngày chốt)"), min_value=0, max_value=60, initial=5
    )
    legal_basis = forms.CharField(label=gettext_lazy("Căn cứ"), max_length=300, required=False)
    sections = forms.CharField(
        label=gettext_lazy("Các mục của biểu"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Mỗi dòng một mục: tiêu đề: mã chỉ tiêu, mã chỉ tiêu, … Ví dụ: I. Dân số: DANSO, SINH"
        ),
    )
    units = forms.CharField(
        label=gettext_lazy("Mã định danh các đơn vị báo cáo"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=gettext_lazy("Phân cách bằng dấu phẩy hoặc xuống dòng."),
    )
    all_communes = forms.BooleanField(
        label=gettext_lazy("Mọi xã, phường thuộc cơ quan nhận báo cáo"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["receiving_unit"].queryset = _current_units()  # type: ignore[attr-defined]
        self.fields["sector_unit"].queryset = _current_units(  # type: ignore[attr-defined]
            UnitKind.AGENCY, UnitKind.CENTRAL_BRANCH
        )

    def clean_sections(self) -> list[SectionSpec]:
        specs: list[SectionSpec] = []
        for number, line in _lines(self.cleaned_data["sections"]):
            title, sep, codes = line.rpartition(":")
            if not sep or not title.strip() or not _codes(codes):
                raise forms.ValidationError(
                    _("Dòng %(n)s: cần dạng “tiêu đề: mã chỉ tiêu, …”.") % {"n": number},
                    code="bad_section_line",
                )
            specs.append(SectionSpec(title.strip(), _codes(codes)))
        if not specs:
            raise forms.ValidationError(_("Cần ít nhất một mục."), code="no_section")
        return specs

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        codes = [c for line in (data.get("units") or "").splitlines() for c in _codes(line)]
        units = list(OrgUnit.objects.filter(valid_to__isnull=True, organ_code__in=codes))
        unknown = sorted(set(codes) - {u.organ_code for u in units})
        if unknown:
            self.add_error(
                "units",
                _("Không có đơn vị mang mã: %(codes)s.") % {"codes": ", ".join(unknown[:10])},
            )
        receiving = data.get("receiving_unit")
        if data.get("all_communes") and receiving is not None:
            units += list(
                _current_units(UnitKind.COMMUNE_COMMITTEE).filter(path__startswith=receiving.path)
            )
        if not units and not self.errors:
            self.add_error("units", _("Cần ít nhất một đơn vị báo cáo."))
        data["unit_list"] = list({u.pk: u for u in units}.values())
        return data


class RegimeForm(forms.Form):
    """What may change on a form that is in use."""

    name = forms.CharField(label=gettext_lazy("Tên biểu"), max_length=300)
    cutoff_start_day = forms.IntegerField(
        label=gettext_lazy("Ngày bắt đầu chốt số liệu (tháng trước)"), min_value=1, max_value=28
    )
    cutoff_end_day = forms.IntegerField(
        label=gettext_lazy("Ngày kết thúc chốt số liệu"), min_value=1, max_value=28
    )
    deadline_days = forms.IntegerField(
        label=gettext_lazy("Hạn gửi (số ngày sau ngày chốt)"), min_value=0, max_value=60
    )
    outlier_share = forms.DecimalField(
        label=gettext_lazy("Ngưỡng cảnh báo bất thường (tỷ lệ so với cùng kỳ)"),
        min_value=Decimal("0.01"),
        max_value=Decimal(999),
        decimal_places=2,
        localize=True,
        help_text=gettext_lazy("0,5 nghĩa là cảnh báo khi số liệu tăng hoặc giảm quá 50%."),
    )
    legal_basis = forms.CharField(label=gettext_lazy("Căn cứ"), max_length=300, required=False)
    active = forms.BooleanField(label=gettext_lazy("Đang áp dụng"), required=False)


class RuleForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã quy tắc"), max_length=40, validators=[validate_code]
    )
    left = forms.CharField(
        label=gettext_lazy("Vế trái"),
        max_length=500,
        help_text=gettext_lazy("Ví dụ: [DANSO.NAM] + [DANSO.NU], prev([THU_NSNN])"),
    )
    operator = forms.ChoiceField(label=gettext_lazy("Phép so sánh"), choices=Operator.choices)
    right = forms.CharField(label=gettext_lazy("Vế phải"), max_length=500)
    severity = forms.ChoiceField(label=gettext_lazy("Mức độ"), choices=Severity.choices)
    message = forms.CharField(label=gettext_lazy("Thông báo cho người nhập"), max_length=400)


def _units_by_code(text: str) -> list[OrgUnit]:
    codes = [c for line in text.splitlines() for c in _codes(line)]
    units = list(OrgUnit.objects.filter(valid_to__isnull=True, organ_code__in=codes))
    unknown = sorted(set(codes) - {u.organ_code for u in units})
    if unknown:
        raise forms.ValidationError(
            _("Không có đơn vị mang mã: %(codes)s.") % {"codes": ", ".join(unknown[:10])},
            code="unknown_unit",
        )
    return units


class FormUnitsForm(forms.Form):
    """Units that start or stop reporting a form in use."""

    add = forms.CharField(
        label=gettext_lazy("Giao thêm cho các đơn vị (mã định danh)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=gettext_lazy("Phân cách bằng dấu phẩy hoặc xuống dòng."),
    )
    remove = forms.CharField(
        label=gettext_lazy("Thôi giao cho các đơn vị (mã định danh)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=gettext_lazy("Số liệu đã báo cáo của các đơn vị này vẫn được giữ."),
    )

    def clean_add(self) -> list[OrgUnit]:
        return _units_by_code(self.cleaned_data["add"])

    def clean_remove(self) -> list[OrgUnit]:
        return _units_by_code(self.cleaned_data["remove"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not (data.get("add") or data.get("remove")):
            raise forms.ValidationError(
                _("Hãy ghi mã đơn vị cần giao thêm hoặc thôi giao."), code="nothing"
            )
        return data
