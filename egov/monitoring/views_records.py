"""The agency records pages: an agency's IT plan, IT staff and training (read by whoever
sees the agency's figures, edited by its leaders), the province's decision on a plan, the
evidence files, and the provincial overview. Every table downloads as XLSX."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.lib.uploads import limit_upload_size
from egov.monitoring import access, actions, indicators
from egov.monitoring.actions.evidence import MAX_EVIDENCE_BYTES
from egov.monitoring.choices import PlanStatus, StaffKind
from egov.monitoring.indicators import Period
from egov.monitoring.models import (
    Evidence,
    ITPlan,
    ITStaffAssignment,
    TrainingSession,
)
from egov.monitoring.views import _xlsx, _year, _years
from egov.organisations.models import OrgUnit, Person

YES, NO = "yes", "no"


def _date(text: str) -> dt.date | None:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _money(text: str) -> Decimal | None:
    cleaned = text.strip().replace(".", "").replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _records_url(unit_id: int, year: int | None = None) -> str:
    url = reverse("monitoring:records", args=[unit_id])
    return f"{url}?year={year}" if year else url


def _staff_people(unit: OrgUnit) -> list[Person]:
    return list(Person.objects.active().in_subtree(unit).order_by("full_name_folded", "id"))


def _yes_no(value: bool | None) -> str:
    return "" if value is None else (_("Có") if value else _("Không"))


@login_required
def records(request: HttpRequest, pk: int) -> HttpResponse:
    """An agency's records for a year: its plan, its IT staff (with history), its training."""
    unit = access.get_records_agency_for_user(request.user, pk)
    year = _year(request)
    plan = (
        ITPlan.objects.filter(unit=unit, year=year)
        .prefetch_related("goals", "transitions__actor", "evidence")
        .first()
    )
    staff = list(
        ITStaffAssignment.objects.filter(unit=unit)
        .select_related("person")
        .prefetch_related("evidence")
        .order_by("-valid_from", "pk")
    )
    sessions = list(
        TrainingSession.objects.filter(unit=unit)
        .prefetch_related("attendances__person", "evidence")
        .order_by("-held_on", "pk")
    )
    table = request.GET.get("table")
    if request.GET.get("format") == "xlsx":
        return _records_xlsx(unit, year, table, plan, staff, sessions)
    period = Period.year(year)
    measures = [
        (i, i.compute(unit, period)) for i in indicators.INDICATORS.values() if i.group == "records"
    ]
    can_edit = access.can_edit_records(request.user, unit)
    return render(
        request,
        "monitoring/records/agency.html",
        {
            "unit": unit,
            "year": year,
            "years": _years(),
            "plan": plan,
            "staff": staff,
            "sessions": sessions,
            "measures": measures,
            "can_edit": can_edit,
            "can_decide": plan is not None
            and plan.status == PlanStatus.SUBMITTED
            and access.can_approve_plans(request.user),
            "people": _staff_people(unit) if can_edit else [],
            "kinds": StaffKind.choices,
            "today": local_today(),
            "max_mb": MAX_EVIDENCE_BYTES // 1048576,
        },
    )


def _records_xlsx(
    unit: OrgUnit,
    year: int,
    table: str | None,
    plan: ITPlan | None,
    staff: list[ITStaffAssignment],
    sessions: list[TrainingSession],
) -> HttpResponse:
    if table == "staff":
        return _xlsx(
            f"can-bo-cntt-{unit.pk}",
            [_("Cán bộ"), _("Hình thức"), _("Trình độ chuyên môn"), _("Từ ngày"), _("Đến ngày")],
            [
                [
                    a.person.full_name,
                    a.get_kind_display(),
                    a.qualification,
                    a.valid_from,
                    a.valid_to,
                ]
                for a in staff
            ],
        )
    if table == "training":
        return _xlsx(
            f"tap-huan-{unit.pk}",
            [
                _("Ngày tập huấn"),
                _("Nội dung"),
                _("Đơn vị tổ chức"),
                _("Cán bộ"),
                _("Sử dụng được hệ thống"),
            ],
            [
                [s.held_on, s.topic, s.organiser, a.person.full_name, _yes_no(a.can_use_system)]
                for s in sessions
                for a in s.attendances.all()
            ],
        )
    if table == "plan":
        if plan is None:
            raise Http404
        rows: list[list[Any]] = [[g.title, g.result, _yes_no(g.achieved)] for g in plan.goals.all()]
        rows += [
            [_("Kinh phí dự kiến (đồng)"), float(plan.planned_budget), plan.budget_sources],
            [
                _("Kinh phí đã thực hiện (đồng)"),
                float(plan.spent_budget) if plan.spent_budget is not None else "",
                "",
            ],
            [_("Trạng thái"), plan.get_status_display(), ""],
        ]
        return _xlsx(
            f"ke-hoach-cntt-{unit.pk}-{year}", [_("Mục tiêu"), _("Kết quả"), _("Đạt")], rows
        )
    raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def plan_form(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """Draft or change the agency's plan for a year, and submit it."""
    unit = access.get_records_agency_for_user(request.user, pk, need="change")
    plan = ITPlan.objects.filter(unit=unit, year=year).prefetch_related("goals").first()
    if plan is not None and not plan.editable:
        return redirect(_records_url(unit.pk, year))
    errors: list[str] = []
    if request.method == "POST":
        data = request.POST
        budget = (
            _money(data.get("planned_budget", "")) if data.get("planned_budget") else Decimal(0)
        )
        if budget is None:
            errors.append(_("Kinh phí dự kiến là số tiền bằng đồng, ví dụ 500000000."))
        else:
            try:
                plan = actions.save_plan(
                    actor=request.user,
                    unit=unit,
                    year=year,
                    goals=data.get("goals", "").splitlines(),
                    planned_budget=budget,
                    budget_sources=data.get("budget_sources", ""),
                    note=data.get("note", ""),
                )
                if data.get("submit"):
                    actions.submit_plan(actor=request.user, plan=plan)
            except ActionError as exc:
                errors.extend(exc.messages)
            else:
                messages.success(
                    request,
                    _("Đã trình kế hoạch.") if data.get("submit") else _("Đã lưu kế hoạch."),
                )
                return redirect(_records_url(unit.pk, year))
        values = {
            "goals": data.get("goals", ""),
            "planned_budget": data.get("planned_budget", ""),
            "budget_sources": data.get("budget_sources", ""),
            "note": data.get("note", ""),
        }
    else:
        values = {
            "goals": "\n".join(g.title for g in plan.goals.all()) if plan else "",
            "planned_budget": str(plan.planned_budget) if plan else "",
            "budget_sources": plan.budget_sources if plan else "",
            "note": plan.note if plan else "",
        }
    return render(
        request,
        "monitoring/records/plan_form.html",
        {"unit": unit, "year": year, "plan": plan, "values": values, "errors": errors},
        status=400 if errors else 200,
    )


def _plan_for_user(request: HttpRequest, plan_pk: int, *, need: str) -> ITPlan:
    plan = ITPlan.objects.select_related("unit").filter(pk=plan_pk).first()
    if plan is None:
        raise Http404
    access.get_records_agency_for_user(request.user, plan.unit_id, need=need)
    return plan


@login_required
@require_POST
def plan_decide(request: HttpRequest, plan_pk: int) -> HttpResponse:
    """Approve a submitted plan, or return it with the reason (provincial leaders)."""
    plan = _plan_for_user(request, plan_pk, need="view")
    if not access.can_approve_plans(request.user):
        raise Http404
    approve = request.POST.get("decision") == "approve"
    try:
        actions.decide_plan(
            actor=request.user, plan=plan, approve=approve, note=request.POST.get("note", "")
        )
    except ActionError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Đã phê duyệt kế hoạch.") if approve else _("Đã trả lại kế hoạch.")
        )
    return redirect(_records_url(plan.unit_id, plan.year))


@login_required
@require_http_methods(["GET", "POST"])
def plan_results(request: HttpRequest, plan_pk: int) -> HttpResponse:
    """Report the budget spent and the result of each goal of an approved plan."""
    plan = _plan_for_user(request, plan_pk, need="change")
    if plan.status != PlanStatus.APPROVED:
        return redirect(_records_url(plan.unit_id, plan.year))
    goals = list(plan.goals.all())
    errors: list[str] = []
    if request.method == "POST":
        data = request.POST
        spent = _money(data.get("spent_budget", ""))
        if data.get("spent_budget", "").strip() and spent is None:
            errors.append(_("Kinh phí đã thực hiện là số tiền bằng đồng, ví dụ 450000000."))
        if not errors:
            results = [
                actions.GoalResult(
                    g.pk,
                    data.get(f"result-{g.pk}", ""),
                    {YES: True, NO: False}.get(data.get(f"achieved-{g.pk}", "")),
                )
                for g in goals
            ]
            try:
                actions.report_plan_results(
                    actor=request.user, plan=plan, spent_budget=spent, results=results
                )
            except ActionError as exc:
                errors.extend(exc.messages)
            else:
                messages.success(request, _("Đã cập nhật kết quả thực hiện kế hoạch."))
                return redirect(_records_url(plan.unit_id, plan.year))
    return render(
        request,
        "monitoring/records/plan_results.html",
        {"plan": plan, "unit": plan.unit, "goals": goals, "errors": errors, "data": request.POST},
        status=400 if errors else 200,
    )


@login_required
@require_POST
def staff_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Assign a civil servant of the agency to its IT work."""
    unit = access.get_records_agency_for_user(request.user, pk, need="change")
    data = request.POST
    person_id = data.get("person", "")
    person = Person.objects.filter(pk=int(person_id)).first() if person_id.isdigit() else None
    valid_from = _date(data.get("valid_from", ""))
    try:
        if person is None:
            raise ActionError(_("Chọn một cán bộ của cơ quan."), code="no_person")
        if valid_from is None:
            raise ActionError(_("Nhập ngày bắt đầu, ví dụ 01/03/2026."), code="bad_date")
        actions.assign_it_staff(
            actor=request.user,
            unit=unit,
            person=person,
            kind=data.get("kind", ""),
            qualification=data.get("qualification", ""),
            valid_from=valid_from,
        )
    except ActionError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã ghi nhận cán bộ CNTT."))
    return redirect(reverse("monitoring:records", args=[unit.pk]) + "#it-staff")


@login_required
@require_POST
def staff_end(request: HttpRequest, staff_pk: int) -> HttpResponse:
    """End an IT staff assignment on a day (kept in the history)."""
    assignment = ITStaffAssignment.objects.filter(pk=staff_pk).first()
    if assignment is None:
        raise Http404
    access.get_records_agency_for_user(request.user, assignment.unit_id, need="change")
    valid_to = _date(request.POST.get("valid_to", ""))
    try:
        if valid_to is None:
            raise ActionError(_("Nhập ngày kết thúc, ví dụ 30/06/2026."), code="bad_date")
        actions.end_it_staff(actor=request.user, assignment=assignment, valid_to=valid_to)
    except ActionError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã kết thúc việc bố trí cán bộ CNTT."))
    return redirect(reverse("monitoring:records", args=[assignment.unit_id]) + "#it-staff")


@login_required
@require_http_methods(["GET", "POST"])
def training_form(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a training session: date, topic, organiser, attendees and their result."""
    unit = access.get_records_agency_for_user(request.user, pk, need="change")
    people = _staff_people(unit)
    errors: list[str] = []
    data = request.POST
    chosen = set(data.getlist("attendee"))
    if request.method == "POST":
        by_id = {p.pk: p for p in people}
        attendees = [
            (by_id[int(v)], data.get(f"result-{v}") == YES)
            for v in data.getlist("attendee")
            if v.isdigit() and int(v) in by_id
        ]
        held_on = _date(data.get("held_on", ""))
        if held_on is None:
            errors.append(_("Nhập ngày tập huấn, ví dụ 15/03/2026."))
        else:
            try:
                actions.record_training(
                    actor=request.user,
                    unit=unit,
                    held_on=held_on,
                    topic=data.get("topic", ""),
                    organiser=data.get("organiser", ""),
                    attendees=attendees,
                )
            except ActionError as exc:
                errors.extend(exc.messages)
            else:
                messages.success(request, _("Đã ghi nhận lớp tập huấn."))
                return redirect(reverse("monitoring:records", args=[unit.pk]) + "#training")
    return render(
        request,
        "monitoring/records/training_form.html",
        {
            "unit": unit,
            "rows": [(p, str(p.pk) in chosen, data.get(f"result-{p.pk}") == NO) for p in people],
            "errors": errors,
            "data": data,
            "today": local_today(),
        },
        status=400 if errors else 200,
    )


def _refuse_large(request: HttpRequest, size: int) -> HttpResponse:
    return HttpResponse(
        _("Tệp gửi lên quá lớn (tối đa %(mb)s MB).") % {"mb": MAX_EVIDENCE_BYTES // 1048576},
        status=413,
        content_type="text/plain",
    )


_TARGETS: dict[str, Any] = {
    "plan": ITPlan,
    "staff": ITStaffAssignment,
    "session": TrainingSession,
}


@login_required
@require_POST
@limit_upload_size(MAX_EVIDENCE_BYTES + 64 * 1024, _refuse_large)
def evidence_upload(request: HttpRequest, kind: str, target_pk: int) -> HttpResponse:
    """Attach an evidence file to a plan, an IT staff assignment or a training session."""
    model = _TARGETS.get(kind)
    target = model.objects.filter(pk=target_pk).first() if model is not None else None
    if target is None:
        raise Http404
    access.get_records_agency_for_user(request.user, target.unit_id, need="change")
    try:
        actions.attach_evidence(actor=request.user, target=target, upload=request.FILES.get("file"))
    except ActionError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã đính kèm tài liệu minh chứng."))
    year = target.year if isinstance(target, ITPlan) else None
    return redirect(_records_url(target.unit_id, year))


@login_required
def evidence_file(request: HttpRequest, evidence_pk: int) -> FileResponse:
    """An evidence file, to whoever may read the agency's records."""
    evidence = (
        Evidence.objects.select_related("plan", "staff", "session").filter(pk=evidence_pk).first()
    )
    if evidence is None:
        raise Http404
    owner = evidence.plan or evidence.staff or evidence.session
    assert owner is not None  # noqa: S101 - a database constraint: one record per file
    access.get_records_agency_for_user(request.user, owner.unit_id)
    return FileResponse(
        evidence.content.open("rb"),
        as_attachment=True,
        filename=evidence.name,
        content_type=evidence.media_type,
    )
