"""Editing a form's layout as the paper form has it: sections added, renamed, moved and
taken off; indicator rows added, moved and taken off; rows numbered 1, 2, … down the form
after every change. The statistics office and system administrators.

Only while the form has no submitted data: once a report has been sent, or a value stored
under one of its reports, the layout is what those reports were made on (completeness
counts its required cells, downloaded workbooks carry its signature), and forms are not
versioned, so the change is refused with what to do instead: a new form with the new
layout (:func:`egov.reporting.actions.catalogue.create_form`) given to the units from the
next period, the old one stopped (:func:`copy_form` makes the new form from the old)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError
from egov.reporting import audit_names
from egov.reporting.actions.catalogue import _full_clean, _require_admin
from egov.reporting.choices import SubmissionState
from egov.reporting.expressions import parse, references
from egov.reporting.models import (
    DataValue,
    FormAssignment,
    FormRow,
    FormSection,
    Indicator,
    ReportForm,
    Submission,
    ValidationRule,
)


def has_submitted_data(form: ReportForm) -> bool:
    """A report of the form was sent, or a value is stored under one of its reports."""
    return (
        Submission.objects.filter(form=form).exclude(state=SubmissionState.DRAFT).exists()
        or DataValue.objects.filter(submission__form=form).exists()
    )


def _lock_reshapable(form: ReportForm) -> ReportForm:
    form = ReportForm.objects.select_for_update().get(pk=form.pk)
    if has_submitted_data(form):
        raise ActionError(
            _(
                "Biểu %(code)s đã có số liệu báo cáo nên không sửa được bố cục: các báo cáo đã "
                "gửi được lập theo bố cục này (các ô bắt buộc, tệp Excel đã tải về), và hệ thống "
                "không giữ nhiều phiên bản của một biểu. Hãy tạo biểu mới (ví dụ %(code)s-V2) "
                "với bố cục mới, giao cho các đơn vị từ kỳ áp dụng, rồi thôi giao biểu cũ."
            )
            % {"code": form.code},
            code="form_has_data",
        )
    return form


def _renumber(form: ReportForm) -> None:
    """Sections 0, 1, …; rows numbered 1, 2, … down the whole form, as on paper."""
    sections = list(form.sections.order_by("order", "pk"))
    for order, section in enumerate(sections):
        if section.order != order:
            section.order = order
            section.save(update_fields=["order"])
    number = 0
    for section in sections:
        for order, row in enumerate(section.rows.order_by("order", "pk")):
            number += 1
            if row.order != order or row.number != str(number):
                row.order, row.number = order, str(number)
                row.save(update_fields=["order", "number"])


def _layout(form: ReportForm) -> list[dict[str, Any]]:
    return [
        {"title": s.title, "rows": [r.indicator.code for r in s.rows.order_by("order", "pk")]}
        for s in form.sections.order_by("order", "pk").prefetch_related("rows__indicator")
    ]


def _done(actor: Any, form: ReportForm, before: list[dict[str, Any]], verb: str) -> None:
    _renumber(form)
    record(
        action=audit_names.FORM_LAYOUT,
        actor=actor,
        obj=form,
        before={"layout": before},
        after={"layout": _layout(form), "change": verb},
    )


def _title(title: str) -> str:
    title = title.strip()
    if not title:
        raise ActionError(_("Hãy nhập tiêu đề mục."), code="empty_title", field="title")
    if len(title) > 300:
        raise ActionError(_("Tiêu đề mục dài quá 300 ký tự."), code="long_title", field="title")
    return title


@transaction.atomic
def add_section(
    *, actor: Any, form: ReportForm, title: str, skip_access_check: bool = False
) -> FormSection:
    """A new section at the end of the form."""
    _require_admin(actor, skip_access_check)
    form = _lock_reshapable(form)
    before = _layout(form)
    section = FormSection.objects.create(
        form=form, order=form.sections.count(), title=_title(title)
    )
    _done(actor, form, before, "add_section")
    return section


@transaction.atomic
def rename_section(
    *, actor: Any, section: FormSection, title: str, skip_access_check: bool = False
) -> FormSection:
    _require_admin(actor, skip_access_check)
    form = _lock_reshapable(section.form)
    before = _layout(form)
    section.title = _title(title)
    section.save(update_fields=["title"])
    _done(actor, form, before, "rename_section")
    return section


def _swap(items: list[Any], item: Any, step: int) -> list[Any]:
    index = next(i for i, x in enumerate(items) if x.pk == item.pk)
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(items):
        raise ActionError(_("Không chuyển được xa hơn nữa."), code="cannot_move")
    items[index], items[target] = items[target], items[index]
    return items


@transaction.atomic
def move_section(
    *, actor: Any, section: FormSection, step: int, skip_access_check: bool = False
) -> None:
    """Move a section one place up (``step`` -1) or down (+1)."""
    _require_admin(actor, skip_access_check)
    form = _lock_reshapable(section.form)
    before = _layout(form)
    for order, item in enumerate(_swap(list(form.sections.order_by("order", "pk")), section, step)):
        FormSection.objects.filter(pk=item.pk).update(order=order)
    _done(actor, form, before, "move_section")


@transaction.atomic
def remove_section(*, actor: Any, section: FormSection, skip_access_check: bool = False) -> None:
    """Take off an empty section (its rows go first)."""
    _require_admin(actor, skip_access_check)
    form = _lock_reshapable(section.form)
    if section.rows.exists():
        raise ActionError(
            _("Mục “%(title)s” còn dòng chỉ tiêu; hãy bỏ các dòng trước.")
            % {"title": section.title},
            code="section_not_empty",
        )
    if form.sections.count() == 1:
        raise ActionError(_("Biểu cần ít nhất một mục."), code="last_section")
    before = _layout(form)
    section.delete()
    _done(actor, form, before, "remove_section")


@transaction.atomic
def add_row(
    *,
    actor: Any,
    section: FormSection,
    indicator: Indicator,
    required: bool = True,
    skip_access_check: bool = False,
) -> FormRow:
    """A row of ``indicator`` at the end of ``section``: an entered indicator (not one
    computed by formula), once per form."""
    _require_admin(actor, skip_access_check)
    form = _lock_reshapable(section.form)
    if indicator.is_derived:
        raise ActionError(
            _("Chỉ tiêu “%(code)s” được tính theo công thức, không nhập trên biểu.")
            % {"code": indicator.code},
            code="derived_on_form",
            field="indicator",
        )
    if FormRow.objects.filter(form=form, indicator=indicator).exists():
        raise ActionError(
            _("Chỉ tiêu “%(code)s” đã có trên biểu.") % {"code": indicator.code},
            code="already_on_form",
            field="indicator",
        )
    before = _layout(form)
    row = FormRow.objects.create(
        section=section,
        form=form,
        indicator=indicator,
        order=section.rows.count(),
        required=required,
    )
    _done(actor, form, before, "add_row")
    return row


@transaction.atomic
def move_row(*, actor: Any, row: FormRow, step: int, skip_access_check: bool = False) -> None:
    """Move a row one place up (``step`` -1) or down (+1) within its section."""
    _require_admin(actor, skip_access_check)
    form = _lock_reshapable(row.form)
    before = _layout(form)
    rows = list(row.section.rows.order_by("order", "pk"))
    for order, item in enumerate(_swap(rows, row, step)):
        FormRow.objects.filter(pk=item.pk).update(order=order)
    _done(actor, form, before, "move_row")


@transaction.atomic
def remove_row(*, actor: Any, row: FormRow, skip_access_check: bool = False) -> None:
    """Take a row off the form; refused while a validation rule of the form reads it."""
    _require_admin(actor, skip_access_check)
    form = _lock_reshapable(row.form)
    code = row.indicator.code
    for rule in form.rules.all():
        used = {ref.code for side in (rule.left, rule.right) for ref in references(parse(side))}
        if code in used:
            raise ActionError(
                _("Quy tắc %(rule)s dùng chỉ tiêu “%(code)s”; hãy bỏ quy tắc trước.")
                % {"rule": rule.code, "code": code},
                code="used_by_rule",
            )
    if form.rows.count() == 1:
        raise ActionError(_("Biểu cần ít nhất một dòng chỉ tiêu."), code="last_row")
    before = _layout(form)
    row.delete()
    _done(actor, form, before, "remove_row")


@transaction.atomic
def copy_form(
    *,
    actor: Any,
    form: ReportForm,
    code: str,
    name: str = "",
    valid_from: dt.date,
    skip_access_check: bool = False,
) -> ReportForm:
    """A new form with ``form``'s regime, layout, validation rules and current reporting
    units (reporting it from ``valid_from``): what a form with submitted data becomes when
    its layout must change. The old form and its reports stay as they are; it is stopped
    separately (its units taken off, or marked not in use)."""
    _require_admin(actor, skip_access_check)
    copy = ReportForm(
        code=code.strip(),
        name=name.strip() or form.name,
        frequency=form.frequency,
        cutoff_start_day=form.cutoff_start_day,
        cutoff_end_day=form.cutoff_end_day,
        deadline_days=form.deadline_days,
        line=form.line,
        sector_unit=form.sector_unit,
        receiving_unit=form.receiving_unit,
        outlier_share=form.outlier_share,
        legal_basis=form.legal_basis,
    )
    _full_clean(copy)
    copy.save()
    for section in form.sections.order_by("order", "pk"):
        new_section = FormSection.objects.create(
            form=copy, order=section.order, title=section.title
        )
        FormRow.objects.bulk_create(
            FormRow(
                section=new_section,
                form=copy,
                indicator_id=row.indicator_id,
                order=row.order,
                number=row.number,
                required=row.required,
            )
            for row in section.rows.order_by("order", "pk")
        )
    ValidationRule.objects.bulk_create(
        ValidationRule(
            form=copy,
            code=rule.code,
            left=rule.left,
            operator=rule.operator,
            right=rule.right,
            severity=rule.severity,
            message=rule.message,
        )
        for rule in form.rules.all()
    )
    units = list(form.assignments.filter(valid_to__isnull=True).values_list("unit_id", flat=True))
    FormAssignment.objects.bulk_create(
        FormAssignment(form=copy, unit_id=unit_id, valid_from=valid_from) for unit_id in units
    )
    _renumber(copy)
    record(
        action=audit_names.FORM_SAVE,
        actor=actor,
        obj=copy,
        after={
            "code": copy.code,
            "copied_from": form.code,
            "valid_from": valid_from.isoformat(),
            "units": len(units),
        },
    )
    return copy
