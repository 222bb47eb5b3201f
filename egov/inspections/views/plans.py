"""Plan pages: the list, a new plan, a plan with its team and agencies."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from egov.inspections import access, reports
from egov.inspections.actions import plans as actions
from egov.inspections.actions.plans import INSPECTED_KINDS
from egov.inspections.models import Inspection
from egov.inspections.views._common import (
    XLSX,
    download,
    error_messages,
    parse_date,
    parse_int,
    user_by_username,
)
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit


def _staff_usernames() -> list[str]:
    return list(
        get_user_model()
        .objects.filter(is_active=True, person__isnull=False)
        .order_by("username")
        .values_list("username", flat=True)[:500]
    )


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    if not access.can_conduct_any(request.user):
        if access.answerable_inspections(request.user).exists():
            return redirect("inspections:agency")
        raise Http404
    plans = access.visible_plans(request.user).prefetch_related(
        Prefetch(
            "inspections",
            queryset=Inspection.objects.select_related("agency").order_by("scheduled_on"),
        )
    )
    if request.GET.get("format") == "xlsx":
        return download(reports.plans_xlsx(plans), name="ke-hoach-kiem-tra.xlsx", content_type=XLSX)
    return render(
        request,
        "inspections/plans.html",
        {"plans": plans, "can_create": access.can_create_plans(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    if not access.can_create_plans(request.user):
        raise Http404
    errors: list[str] = []
    values: dict[str, Any] = {"year": local_today().year, "leader": request.user.get_username()}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            year = parse_int(values.get("year"))
            plan = actions.create_plan(
                actor=request.user,
                year=year or 0,
                number=values.get("number", ""),
                title=values.get("title", ""),
                purpose=values.get("purpose", ""),
                period_from=parse_date(
                    values.get("period_from", ""), field="period_from", label=_("ngày bắt đầu")
                ),  # type: ignore[arg-type] # required: never None
                period_to=parse_date(
                    values.get("period_to", ""), field="period_to", label=_("ngày kết thúc")
                ),  # type: ignore[arg-type] # required: never None
                leader=user_by_username(values.get("leader", ""), field="leader"),
            )
        except ActionError as exc:
            errors = error_messages(exc)
        else:
            messages.success(request, _("Đã lập kế hoạch kiểm tra."))
            return redirect("inspections:plan", plan.pk)
    return render(
        request,
        "inspections/plan_form.html",
        {"errors": errors, "values": values, "usernames": _staff_usernames()},
    )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, pk)
    can_change = access.can_change_plan(request.user, plan) and plan.is_draft
    return render(
        request,
        "inspections/plan.html",
        {
            "plan": plan,
            "members": plan.members.select_related("user"),
            "inspections": plan.inspections.select_related("agency").order_by("scheduled_on"),
            "transitions": plan.transitions.select_related("actor"),
            "can_change": can_change,
            "agencies": OrgUnit.objects.filter(valid_to__isnull=True, kind__in=INSPECTED_KINDS)
            .exclude(pk__in=plan.inspections.values("agency_id"))
            .order_by("path")
            if can_change
            else [],
            "usernames": _staff_usernames() if can_change else [],
        },
    )


@login_required
@require_POST
def plan_change(request: HttpRequest, pk: int) -> HttpResponse:
    """One of: add a member, add an agency, approve."""
    plan = access.get_plan_for_user(request.user, pk, need="change")
    verb = request.POST.get("verb", "")
    try:
        if verb == "member":
            actions.add_member(
                actor=request.user,
                plan=plan,
                user=user_by_username(request.POST.get("username", ""), field="username"),
            )
            messages.success(request, _("Đã thêm thành viên tổ kiểm tra."))
        elif verb == "agency":
            agency = OrgUnit.objects.filter(pk=parse_int(request.POST.get("agency"))).first()
            if agency is None:
                raise ActionError(_("Chọn cơ quan được kiểm tra."), code="agency_required")
            actions.add_agency(
                actor=request.user,
                plan=plan,
                agency=agency,
                scheduled_on=parse_date(  # type: ignore[arg-type] # required: never None
                    request.POST.get("scheduled_on", ""),
                    field="scheduled_on",
                    label=_("ngày kiểm tra"),
                ),
            )
            messages.success(request, _("Đã thêm cơ quan vào kế hoạch."))
        elif verb == "approve":
            actions.approve_plan(actor=request.user, plan=plan, note=request.POST.get("note", ""))
            messages.success(request, _("Đã phê duyệt kế hoạch."))
        else:
            raise Http404
    except ActionError as exc:
        for message in error_messages(exc):
            messages.error(request, message)
    return redirect("inspections:plan", plan.pk)
