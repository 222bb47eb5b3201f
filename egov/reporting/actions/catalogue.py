"""Setting up the catalogue: breakdowns, indicators, forms with their regime and layout,
validation rules (year plans: :mod:`egov.reporting.actions.plans`; layouts:
:mod:`egov.reporting.actions.layout`). The statistics office and system administrators
(:func:`egov.reporting.access.can_manage_catalogue`).

What gives stored values their meaning (an indicator's value type, aggregation, breakdown,
weight and sector; a form's frequency and reporting line) changes only while nothing has
been stored or submitted under it; names, hints, the regime's days and rules change at any
time."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.reporting import audit_names
from egov.reporting.access import can_manage_catalogue
from egov.reporting.actions._common import require
from egov.reporting.choices import Aggregation, Frequency, Line, Severity, ValueType
from egov.reporting.constants import DEFAULT_COMBO_CODE
from egov.reporting.expressions import parse, references
from egov.reporting.models import (
    Category,
    CategoryCombo,
    CategoryOption,
    DataValue,
    ExternalCode,
    FormAssignment,
    FormRow,
    FormSection,
    Indicator,
    OptionCombo,
    ReportForm,
    Submission,
    ValidationRule,
)


def _require_admin(actor: Any, skip: bool) -> None:
    if not skip:
        require(can_manage_catalogue(actor), "statistics office or system administrator required")


def _full_clean(obj: Any) -> None:
    try:
        obj.full_clean()
    except ValidationError as exc:
        name, messages = next(iter(exc.message_dict.items()))
        try:
            label = str(obj._meta.get_field(name).verbose_name)
        except Exception:  # a constraint's message names no field
            label = ""
        text = f"{label[:1].upper()}{label[1:]}: {messages[0]}" if label else messages[0]
        raise ActionError(text, code="invalid", field=name) from exc


def default_combo() -> CategoryCombo:
    """The combo without breakdown and its single cell, created on first use."""
    combo, _created = CategoryCombo.objects.get_or_create(
        code=DEFAULT_COMBO_CODE, defaults={"name": _("Không phân tổ")}
    )
    OptionCombo.objects.get_or_create(
        combo=combo, code=DEFAULT_COMBO_CODE, defaults={"name": _("Tổng số")}
    )
    return combo


@transaction.atomic
def create_breakdown(
    *,
    actor: Any,
    code: str,
    name: str,
    categories: list[tuple[str, str, list[tuple[str, str]]]],
    skip_access_check: bool = False,
) -> CategoryCombo:
    """A combo of ``categories`` ((code, name, [(option code, option name)])), with the
    cross product of their options as cells. Existing categories are reused by code."""
    _require_admin(actor, skip_access_check)
    combo = CategoryCombo(code=code, name=name)
    _full_clean(combo)
    combo.save()
    option_lists: list[list[CategoryOption]] = []
    for category_code, category_name, options in categories:
        category, _created = Category.objects.get_or_create(
            code=category_code, defaults={"name": category_name}
        )
        combo.categories.add(category)
        rows: list[CategoryOption] = []
        for order, (option_code, option_name) in enumerate(options):
            option, _created = CategoryOption.objects.get_or_create(
                category=category, code=option_code, defaults={"name": option_name, "order": order}
            )
            rows.append(option)
        if not rows:
            raise ActionError(
                _("Phân tổ “%(name)s” chưa có giá trị nào.") % {"name": category_name},
                code="empty_category",
            )
        option_lists.append(rows)
    for order, chosen in enumerate(itertools.product(*option_lists)):
        cell = OptionCombo.objects.create(
            combo=combo,
            code="_".join(o.code for o in chosen),
            name=", ".join(o.name for o in chosen),
            order=order,
        )
        cell.options.set(chosen)
    record(action=audit_names.INDICATOR_SAVE, actor=actor, obj=combo, after={"code": code})
    return combo


@transaction.atomic
def create_indicator(
    *,
    actor: Any,
    code: str,
    name: str,
    unit_of_measure: str,
    value_type: str = ValueType.NUMBER,
    aggregation: str = Aggregation.SUM,
    combo: CategoryCombo | None = None,
    weight_indicator: Indicator | None = None,
    formula: str = "",
    decimals: int = 0,
    sector_unit: OrgUnit | None = None,
    description: str = "",
    skip_access_check: bool = False,
) -> Indicator:
    _require_admin(actor, skip_access_check)
    if formula:
        _check_formula(formula, own_code=code)
    indicator = Indicator(
        code=code,
        name=name,
        unit_of_measure=unit_of_measure,
        value_type=value_type,
        aggregation=aggregation,
        combo=combo or default_combo(),
        weight_indicator=weight_indicator,
        formula=formula,
        decimals=decimals,
        sector_unit=sector_unit,
        description=description,
    )
    _full_clean(indicator)
    indicator.save()
    record(
        action=audit_names.INDICATOR_SAVE,
        actor=actor,
        obj=indicator,
        after={"code": code, "aggregation": aggregation, "formula": formula},
    )
    return indicator


@dataclass
class SectionSpec:
    title: str
    indicators: list[str] = field(default_factory=list)


@transaction.atomic
def create_form(
    *,
    actor: Any,
    code: str,
    name: str,
    frequency: str = Frequency.MONTH,
    receiving_unit: OrgUnit,
    sections: list[SectionSpec],
    units: list[OrgUnit],
    line: str = Line.ADMINISTRATIVE,
    sector_unit: OrgUnit | None = None,
    cutoff_start_day: int = 15,
    cutoff_end_day: int = 14,
    deadline_days: int = 5,
    legal_basis: str = "",
    valid_from: dt.date = dt.date(2000, 1, 1),
    skip_access_check: bool = False,
) -> ReportForm:
    """A form with its regime, its sections of indicator rows (numbered 1, 2, … as on
    paper) and the units that report it."""
    _require_admin(actor, skip_access_check)
    form = ReportForm(
        code=code,
        name=name,
        frequency=frequency,
        receiving_unit=receiving_unit,
        line=line,
        sector_unit=sector_unit,
        cutoff_start_day=cutoff_start_day,
        cutoff_end_day=cutoff_end_day,
        deadline_days=deadline_days,
        legal_basis=legal_basis,
    )
    _full_clean(form)
    form.save()
    indicators = Indicator.objects.in_bulk(
        [c for s in sections for c in s.indicators], field_name="code"
    )
    number = 0
    for order, spec in enumerate(sections):
        section = FormSection.objects.create(form=form, order=order, title=spec.title)
        for row_order, indicator_code in enumerate(spec.indicators):
            indicator = indicators.get(indicator_code)
            if indicator is None:
                raise ActionError(
                    _("Không có chỉ tiêu mã “%(code)s”.") % {"code": indicator_code},
                    code="unknown_indicator",
                )
            if indicator.is_derived:
                raise ActionError(
                    _("Chỉ tiêu “%(code)s” được tính theo công thức, không nhập trên biểu.")
                    % {"code": indicator_code},
                    code="derived_on_form",
                )
            number += 1
            FormRow.objects.create(
                section=section,
                form=form,
                indicator=indicator,
                order=row_order,
                number=str(number),
            )
    for unit in units:
        FormAssignment.objects.create(form=form, unit=unit, valid_from=valid_from)
    record(
        action=audit_names.FORM_SAVE,
        actor=actor,
        obj=form,
        after={"code": code, "frequency": frequency, "units": [u.pk for u in units]},
    )
    return form


@transaction.atomic
def add_rule(
    *,
    actor: Any,
    form: ReportForm,
    code: str,
    left: str,
    operator: str,
    right: str,
    message: str,
    severity: str = Severity.ERROR,
    skip_access_check: bool = False,
) -> ValidationRule:
    _require_admin(actor, skip_access_check)
    known = set(form.rows.values_list("indicator__code", flat=True)) | set(
        Indicator.objects.exclude(formula="").values_list("code", flat=True)
    )
    for side, text in (("left", left), ("right", right)):
        unknown = sorted({ref.code for ref in references(parse(text))} - known)
        if unknown:
            raise ActionError(
                _("Quy tắc dùng chỉ tiêu không có trên biểu: %(codes)s.")
                % {"codes": ", ".join(unknown)},
                code="unknown_indicator",
                field=side,
            )
    rule = ValidationRule(
        form=form,
        code=code,
        left=left,
        operator=operator,
        right=right,
        message=message,
        severity=severity,
    )
    _full_clean(rule)
    rule.save()
    record(
        action=audit_names.RULE_SAVE,
        actor=actor,
        obj=rule,
        after={"rule": str(rule), "severity": severity},
    )
    return rule


@transaction.atomic
def set_external_code(
    *,
    actor: Any,
    code: str,
    unit: OrgUnit | None = None,
    indicator: Indicator | None = None,
    combo: OptionCombo | None = None,
    skip_access_check: bool = False,
) -> ExternalCode:
    """Record the code another system uses for a unit, an indicator or a breakdown cell."""
    _require_admin(actor, skip_access_check)
    targets = [t for t in (unit, indicator, combo) if t is not None]
    if len(targets) != 1 or not code.strip():
        raise ActionError(_("Mỗi mã trao đổi chỉ trỏ tới một đối tượng."), code="one_target")
    kind = (
        ExternalCode.Kind.UNIT
        if unit is not None
        else ExternalCode.Kind.INDICATOR
        if indicator is not None
        else ExternalCode.Kind.COMBO
    )
    external, _created = ExternalCode.objects.update_or_create(
        kind=kind,
        code=code.strip(),
        defaults={"unit": unit, "indicator": indicator, "combo": combo},
    )
    record(
        action=audit_names.INDICATOR_SAVE,
        actor=actor,
        obj=external,
        after={"kind": kind, "code": code, "target": targets[0].pk},
    )
    return external


def _check_formula(formula: str, *, own_code: str) -> None:
    """The formula parses and reads only indicators that exist, not itself."""
    try:
        codes = {ref.code for ref in references(parse(formula))}
    except ActionError as exc:
        raise ActionError(exc.messages[0], code="bad_formula", field="formula") from exc
    if own_code in codes:
        raise ActionError(
            _("Công thức không được dùng chính chỉ tiêu này."),
            code="self_reference",
            field="formula",
        )
    unknown = sorted(codes - set(Indicator.objects.values_list("code", flat=True)))
    if unknown:
        raise ActionError(
            _("Công thức dùng mã chỉ tiêu chưa có: %(codes)s.") % {"codes": ", ".join(unknown)},
            code="unknown_indicator",
            field="formula",
        )


#: Indicator fields that give stored values their meaning: fixed once values exist.
INDICATOR_SHAPE = ("value_type", "aggregation", "combo", "weight_indicator", "sector_unit")
INDICATOR_FREE = ("name", "unit_of_measure", "decimals", "description", "formula")
FORM_SHAPE = ("frequency", "line", "sector_unit", "receiving_unit")
FORM_FREE = (
    "name",
    "cutoff_start_day",
    "cutoff_end_day",
    "deadline_days",
    "outlier_share",
    "legal_basis",
    "active",
)


def _label(model: Any, name: str) -> str:
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


def _changed(obj: Any, changes: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    return {k: v for k, v in changes.items() if getattr(obj, k) != v}


@transaction.atomic
def update_indicator(
    *,
    actor: Any,
    indicator: Indicator,
    changes: dict[str, Any],
    skip_access_check: bool = False,
) -> Indicator:
    """Change an indicator. Its code never changes (other systems know it by it); its
    shape (:data:`INDICATOR_SHAPE`) only while it has no stored value; a formula stays a
    formula (a derived indicator is never entered, an entered one never computed)."""
    _require_admin(actor, skip_access_check)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    changed = _changed(indicator, changes, INDICATOR_SHAPE + INDICATOR_FREE)
    shape = [name for name in INDICATOR_SHAPE if name in changed]
    if shape and DataValue.objects.filter(indicator=indicator).exists():
        field_name = shape[0]
        raise ActionError(
            _("Chỉ tiêu đã có số liệu: không đổi được “%(field)s”.")
            % {"field": _label(Indicator, field_name)},
            code="indicator_has_values",
            field=field_name,
        )
    if "formula" in changed:
        if bool(changed["formula"]) != indicator.is_derived:
            raise ActionError(
                _(
                    "Chỉ tiêu nhập số liệu không chuyển thành chỉ tiêu tính theo công thức, và "
                    "ngược lại: hãy tạo chỉ tiêu mới."
                ),
                code="formula_kind",
                field="formula",
            )
        _check_formula(changed["formula"], own_code=indicator.code)
    if not changed:
        return indicator
    before = {k: str(getattr(indicator, k)) for k in changed}
    for name, value in changed.items():
        setattr(indicator, name, value)
    _full_clean(indicator)
    indicator.save(update_fields=list(changed))
    record(
        action=audit_names.INDICATOR_SAVE,
        actor=actor,
        obj=indicator,
        before=before,
        after={k: str(v) for k, v in changed.items()},
    )
    return indicator


@transaction.atomic
def update_form(
    *,
    actor: Any,
    form: ReportForm,
    changes: dict[str, Any],
    skip_access_check: bool = False,
) -> ReportForm:
    """Change a form's regime. Its frequency, reporting line, sector and receiving unit
    (:data:`FORM_SHAPE`) only while no report has been opened under it; the cut-off,
    deadline, outlier threshold, legal basis and whether it is in use at any time."""
    _require_admin(actor, skip_access_check)
    form = ReportForm.objects.select_for_update().get(pk=form.pk)
    changed = _changed(form, changes, FORM_SHAPE + FORM_FREE)
    shape = [name for name in FORM_SHAPE if name in changed]
    if shape and Submission.objects.filter(form=form).exists():
        field_name = shape[0]
        raise ActionError(
            _("Biểu đã có báo cáo: không đổi được “%(field)s”.")
            % {"field": _label(ReportForm, field_name)},
            code="form_has_reports",
            field=field_name,
        )
    if not changed:
        return form
    before = {k: str(getattr(form, k)) for k in changed}
    for name, value in changed.items():
        setattr(form, name, value)
    _full_clean(form)
    form.save(update_fields=list(changed))
    record(
        action=audit_names.FORM_SAVE,
        actor=actor,
        obj=form,
        before=before,
        after={k: str(v) for k, v in changed.items()},
    )
    return form


@transaction.atomic
def remove_rule(*, actor: Any, rule: ValidationRule, skip_access_check: bool = False) -> None:
    """Take a validation rule off its form (reports already sent keep their history)."""
    _require_admin(actor, skip_access_check)
    record(
        action=audit_names.RULE_REMOVE,
        actor=actor,
        obj=rule,
        before={"rule": str(rule), "severity": rule.severity, "message": rule.message},
    )
    rule.delete()


@transaction.atomic
def set_form_units(
    *,
    actor: Any,
    form: ReportForm,
    add: list[OrgUnit],
    remove: list[OrgUnit],
    on: dt.date,
    skip_access_check: bool = False,
) -> None:
    """Units in ``add`` report the form from ``on`` (one that had stopped resumes); units in
    ``remove`` stop on ``on``, their assignment and reports kept as history (completeness
    and timeliness no longer expect them from then)."""
    _require_admin(actor, skip_access_check)
    for unit in remove:
        stopped = FormAssignment.objects.filter(form=form, unit=unit, valid_to__isnull=True).update(
            valid_to=on
        )
        if not stopped:
            raise ActionError(
                _("“%(unit)s” không đang báo cáo biểu này.") % {"unit": unit.name},
                code="not_assigned",
                field="remove",
            )
    for unit in add:
        assignment, created = FormAssignment.objects.get_or_create(
            form=form, unit=unit, defaults={"valid_from": on}
        )
        if not created:
            if assignment.valid_to is None:
                raise ActionError(
                    _("“%(unit)s” đã đang báo cáo biểu này.") % {"unit": unit.name},
                    code="already_assigned",
                    field="add",
                )
            assignment.valid_to = None
            assignment.save(update_fields=["valid_to"])
    record(
        action=audit_names.FORM_SAVE,
        actor=actor,
        obj=form,
        after={"on": on.isoformat(), "add": [u.pk for u in add], "remove": [u.pk for u in remove]},
    )
