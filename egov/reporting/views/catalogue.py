"""The catalogue screens of the statistics office: indicators, breakdowns, forms with their
regime and layout, and each form's validation rules. Every write goes through
:mod:`egov.reporting.actions.catalogue`; a refused change shows its reason at the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.reporting import access
from egov.reporting.actions import catalogue, layout
from egov.reporting.forms import (
    BreakdownForm,
    FormUnitsForm,
    IndicatorForm,
    RegimeForm,
    ReportFormForm,
    RuleForm,
)
from egov.reporting.models import (
    CategoryCombo,
    FormRow,
    FormSection,
    Indicator,
    ReportForm,
    ValidationRule,
)


def _require_steward(request: HttpRequest) -> None:
    if not access.can_manage_catalogue(request.user):
        raise Http404


def _refused(form: forms.Form, error: ActionError) -> None:
    """Show an action's refusal at its field (or above the form)."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.messages[0])


def _page(
    request: HttpRequest, form: forms.Form, *, title: str, back: str, **extra: Any
) -> HttpResponse:
    return render(
        request,
        "reporting/catalogue_edit.html",
        {"form": form, "heading": title, "back": back, **extra},
        status=422 if form.errors else 200,
    )


@login_required
def catalogue_home(request: HttpRequest) -> HttpResponse:
    _require_steward(request)
    return render(
        request,
        "reporting/catalogue.html",
        {
            "indicators": Indicator.objects.select_related("combo", "sector_unit"),
            "breakdowns": CategoryCombo.objects.annotate(cells=Count("option_combos")).order_by(
                "code"
            ),
            "forms": ReportForm.objects.annotate(
                rows_count=Count("rows", distinct=True),
                units_count=Count("assignments", distinct=True),
                rules_count=Count("rules", distinct=True),
            ).order_by("code"),
        },
    )


def _indicator_changes(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": data["name"],
        "unit_of_measure": data["unit_of_measure"],
        "value_type": data["value_type"],
        "aggregation": data["aggregation"],
        "combo": data["combo"] or catalogue.default_combo(),
        "weight_indicator": data["weight_indicator"],
        "formula": data["formula"],
        "decimals": data["decimals"],
        "sector_unit": data["sector_unit"],
        "description": data["description"],
    }


@login_required
def indicator_new(request: HttpRequest) -> HttpResponse:
    _require_steward(request)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            indicator = catalogue.create_indicator(
                actor=request.user, code=data["code"], **_indicator_changes(data)
            )
        except ActionError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Đã thêm chỉ tiêu %(code)s.") % {"code": indicator.code})
            return redirect("reporting:catalogue")
    return _page(request, form, title=_("Thêm chỉ tiêu"), back="reporting:catalogue")


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_steward(request)
    indicator = get_object_or_404(Indicator, pk=pk)
    initial = {
        "code": indicator.code,
        **{name: getattr(indicator, name) for name in catalogue.INDICATOR_FREE},
        **{name: getattr(indicator, name) for name in catalogue.INDICATOR_SHAPE},
    }
    form = IndicatorForm(request.POST or None, initial=initial, editing=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            catalogue.update_indicator(
                actor=request.user,
                indicator=indicator,
                changes=_indicator_changes(form.cleaned_data),
            )
        except ActionError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Đã lưu chỉ tiêu %(code)s.") % {"code": indicator.code})
            return redirect("reporting:catalogue")
    return _page(
        request,
        form,
        title=_("Sửa chỉ tiêu %(code)s") % {"code": indicator.code},
        back="reporting:catalogue",
    )


@login_required
def breakdown_new(request: HttpRequest) -> HttpResponse:
    _require_steward(request)
    form = BreakdownForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            combo = catalogue.create_breakdown(
                actor=request.user,
                code=data["code"],
                name=data["name"],
                categories=data["categories"],
            )
        except ActionError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Đã thêm phân tổ %(code)s.") % {"code": combo.code})
            return redirect("reporting:catalogue")
    return _page(request, form, title=_("Thêm phân tổ"), back="reporting:catalogue")


@login_required
def form_new(request: HttpRequest) -> HttpResponse:
    _require_steward(request)
    form = ReportFormForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = catalogue.create_form(
                actor=request.user,
                code=data["code"],
                name=data["name"],
                frequency=data["frequency"],
                receiving_unit=data["receiving_unit"],
                line=data["line"],
                sector_unit=data["sector_unit"],
                cutoff_start_day=data["cutoff_start_day"],
                cutoff_end_day=data["cutoff_end_day"],
                deadline_days=data["deadline_days"],
                legal_basis=data["legal_basis"],
                sections=data["sections"],
                units=data["unit_list"],
            )
        except ActionError as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Đã thêm biểu %(code)s.") % {"code": created.code})
            return redirect("reporting:catalogue_form", pk=created.pk)
    return _page(request, form, title=_("Thêm biểu mẫu"), back="reporting:catalogue")


@login_required
def form_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A form's regime, layout and units as they stand, what may still change, and its
    validation rules (added and taken off here)."""
    _require_steward(request)
    report_form = get_object_or_404(ReportForm.objects.select_related("receiving_unit"), pk=pk)
    initial = {name: getattr(report_form, name) for name in RegimeForm.base_fields}
    regime = RegimeForm(
        request.POST if request.POST.get("part") == "regime" else None, initial=initial
    )
    rule_form = RuleForm(request.POST if request.POST.get("part") == "rule" else None)
    if request.method == "POST" and regime.is_bound and regime.is_valid():
        try:
            catalogue.update_form(
                actor=request.user, form=report_form, changes=dict(regime.cleaned_data)
            )
        except ActionError as exc:
            _refused(regime, exc)
        else:
            messages.success(request, _("Đã lưu chế độ báo cáo của biểu."))
            return redirect("reporting:catalogue_form", pk=pk)
    if request.method == "POST" and rule_form.is_bound and rule_form.is_valid():
        try:
            catalogue.add_rule(actor=request.user, form=report_form, **rule_form.cleaned_data)
        except ActionError as exc:
            _refused(rule_form, exc)
        else:
            messages.success(request, _("Đã thêm quy tắc kiểm tra."))
            return redirect("reporting:catalogue_form", pk=pk)
    units_form = FormUnitsForm(request.POST if request.POST.get("part") == "units" else None)
    if request.method == "POST" and units_form.is_bound and units_form.is_valid():
        try:
            catalogue.set_form_units(
                actor=request.user,
                form=report_form,
                add=units_form.cleaned_data["add"],
                remove=units_form.cleaned_data["remove"],
                on=local_today(),
            )
        except ActionError as exc:
            _refused(units_form, exc)
        else:
            messages.success(request, _("Đã cập nhật các đơn vị báo cáo."))
            return redirect("reporting:catalogue_form", pk=pk)
    failed = bool(regime.errors or rule_form.errors or units_form.errors)
    current = report_form.assignments.filter(valid_to__isnull=True)
    on_form = set(report_form.rows.values_list("indicator_id", flat=True))
    return render(
        request,
        "reporting/catalogue_form.html",
        {
            "report_form": report_form,
            "regime": regime,
            "rule_form": rule_form,
            "sections": report_form.sections.prefetch_related("rows__indicator").order_by("order"),
            "rules": report_form.rules.order_by("code"),
            "units_form": units_form,
            "units": current.select_related("unit").order_by("unit__path")[:50],
            "units_count": current.count(),
            "reshapable": not layout.has_submitted_data(report_form),
            "next_month": (local_today().replace(day=1) + dt.timedelta(days=32)).replace(day=1),
            "addable": [
                i
                for i in Indicator.objects.filter(formula="").order_by("code")
                if i.pk not in on_form
            ],
        },
        status=422 if failed else 200,
    )


@login_required
@require_POST
def rule_remove(request: HttpRequest, pk: int) -> HttpResponse:
    _require_steward(request)
    rule = get_object_or_404(ValidationRule.objects.select_related("form"), pk=pk)
    form_pk = rule.form_id
    catalogue.remove_rule(actor=request.user, rule=rule)
    messages.success(request, _("Đã bỏ quy tắc %(code)s.") % {"code": rule.code})
    return redirect("reporting:catalogue_form", pk=form_pk)


def _layout_op(request: HttpRequest, report_form: ReportForm) -> str:
    """Apply the layout change posted; the message to show when it is done."""
    op, post = request.POST.get("op", ""), request.POST
    step = -1 if post.get("step") == "up" else 1
    section = (
        FormSection.objects.filter(form=report_form, pk=int(post["section"])).first()
        if post.get("section", "").isdigit()
        else None
    )
    row = (
        FormRow.objects.filter(form=report_form, pk=int(post["row"]))
        .select_related("indicator")
        .first()
        if post.get("row", "").isdigit()
        else None
    )
    actor = request.user
    if op == "add_section":
        layout.add_section(actor=actor, form=report_form, title=post.get("title", ""))
        return _("Đã thêm mục.")
    if op in ("rename_section", "move_section", "remove_section", "add_row") and section is None:
        raise Http404
    if op in ("move_row", "remove_row") and row is None:
        raise Http404
    if op == "rename_section" and section is not None:
        layout.rename_section(actor=actor, section=section, title=post.get("title", ""))
        return _("Đã đổi tên mục.")
    if op == "move_section" and section is not None:
        layout.move_section(actor=actor, section=section, step=step)
        return _("Đã chuyển mục.")
    if op == "remove_section" and section is not None:
        layout.remove_section(actor=actor, section=section)
        return _("Đã bỏ mục.")
    if op == "add_row" and section is not None:
        indicator = Indicator.objects.filter(code=post.get("indicator", "")).first()
        if indicator is None:
            raise ActionError(_("Hãy chọn chỉ tiêu cần thêm."), code="no_indicator")
        layout.add_row(
            actor=actor, section=section, indicator=indicator, required=bool(post.get("required"))
        )
        return _("Đã thêm dòng %(code)s.") % {"code": indicator.code}
    if op == "move_row" and row is not None:
        layout.move_row(actor=actor, row=row, step=step)
        return _("Đã chuyển dòng %(code)s.") % {"code": row.indicator.code}
    if op == "remove_row" and row is not None:
        layout.remove_row(actor=actor, row=row)
        return _("Đã bỏ dòng %(code)s.") % {"code": row.indicator.code}
    raise Http404


@login_required
@require_POST
def form_layout(request: HttpRequest, pk: int) -> HttpResponse:
    """One change of a form's layout (sections and rows), through
    :mod:`egov.reporting.actions.layout`; a refusal is shown above the layout."""
    _require_steward(request)
    report_form = get_object_or_404(ReportForm, pk=pk)
    try:
        done = _layout_op(request, report_form)
    except ActionError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, done)
    return redirect(f"{reverse('reporting:catalogue_form', kwargs={'pk': pk})}#layout")


@login_required
@require_POST
def form_copy(request: HttpRequest, pk: int) -> HttpResponse:
    """A new form from this one (regime, layout, rules, units), to change the layout of a
    form that already has data."""
    _require_steward(request)
    report_form = get_object_or_404(ReportForm, pk=pk)
    raw_day = request.POST.get("valid_from", "")
    try:
        try:
            valid_from = dt.date.fromisoformat(raw_day)
        except ValueError as exc:
            raise ActionError(
                _("Ngày áp dụng “%(raw)s” không hợp lệ.") % {"raw": raw_day[:20]},
                code="bad_date",
            ) from exc
        copy = layout.copy_form(
            actor=request.user,
            form=report_form,
            code=request.POST.get("code", ""),
            name=request.POST.get("name", ""),
            valid_from=valid_from,
        )
    except ActionError as exc:
        messages.error(request, exc.messages[0])
        return redirect(f"{reverse('reporting:catalogue_form', kwargs={'pk': pk})}#layout")
    messages.success(
        request,
        _(
            "Đã tạo biểu %(code)s từ biểu %(old)s; hãy sửa bố cục biểu mới, rồi thôi giao "
            "biểu cũ khi biểu mới được áp dụng."
        )
        % {"code": copy.code, "old": report_form.code},
    )
    return redirect("reporting:catalogue_form", pk=copy.pk)
