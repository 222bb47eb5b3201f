"""An inspection's page: the checklist (saved item by item), its findings, its moves, the
printable report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.inspections import access, queries, reports
from egov.inspections.actions import checklist, findings, inspections
from egov.inspections.choices import DeadlineBasis, InspectionState, Result, Severity
from egov.inspections.constants import MAX_EVIDENCE_BYTES
from egov.inspections.models import ChecklistItem, Inspection
from egov.inspections.views._common import download, error_messages, is_htmx, parse_date, parse_int
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.lib.uploads import limit_upload_size
from egov.organisations.models import OrgUnit

#: Form field and label of each move.
MOVES = {
    "start": inspections.start_inspection,
    "follow_up": inspections.begin_follow_up,
    "close": inspections.close_inspection,
}


def _context(request: HttpRequest, inspection: Inspection) -> dict[str, Any]:
    conduct = access.can_conduct(request.user, inspection)
    recording = inspection.state in (InspectionState.IN_PROGRESS, InspectionState.CONCLUDED)
    return {
        "inspection": inspection,
        "groups": queries.checklist_groups(inspection),
        "findings": inspection.findings.select_related("responsible_unit", "item"),
        "transitions": inspection.transitions.select_related("actor"),
        "can_conduct": conduct,
        "editing": conduct and inspection.state == InspectionState.IN_PROGRESS,
        "can_record_finding": conduct and recording,
        "results": [r for r in Result if r != Result.PENDING],
        "severities": list(Severity),
        "bases": list(DeadlineBasis),
        "units": OrgUnit.objects.filter(
            path__startswith=inspection.agency.path, valid_to__isnull=True
        ).order_by("path")
        if conduct and recording
        else [],
        "items": inspection.items.order_by("order") if conduct and recording else [],
        "open_findings": queries.open_findings_count(inspection),
        "decided": inspection.items.exclude(result=Result.PENDING).count(),
        "total_items": inspection.items.count(),
        "today": local_today(),
    }


@login_required
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.get_inspection_for_user(request.user, pk)
    return render(request, "inspections/inspection.html", _context(request, inspection))


@login_required
@require_POST
def inspection_move(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.get_inspection_for_user(request.user, pk, need="conduct")
    verb = request.POST.get("verb", "")
    try:
        if verb == "conclude":
            inspections.conclude_inspection(
                actor=request.user,
                inspection=inspection,
                conclusion=request.POST.get("conclusion", ""),
            )
        elif verb == "close":
            inspections.close_inspection(
                actor=request.user, inspection=inspection, note=request.POST.get("note", "")
            )
        elif verb in MOVES:
            MOVES[verb](actor=request.user, inspection=inspection)
        else:
            raise Http404
    except ActionError as exc:
        for message in error_messages(exc):
            messages.error(request, message)
    else:
        inspection.refresh_from_db()
        messages.success(
            request,
            _("Cuộc kiểm tra chuyển sang “%(state)s”.")
            % {"state": InspectionState(inspection.state).label},
        )
    return redirect("inspections:inspection", inspection.pk)


def _item_for(request: HttpRequest, pk: int, item_pk: int) -> ChecklistItem:
    inspection = access.get_inspection_for_user(request.user, pk, need="conduct")
    item: ChecklistItem = get_object_or_404(inspection.items, pk=item_pk)
    item.inspection = inspection
    return item


@login_required
@require_POST
def item_save(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """One item's result and note; with htmx only its row is sent back."""
    item = _item_for(request, pk, item_pk)
    error = ""
    try:
        checklist.record_item(
            actor=request.user,
            item=item,
            result=request.POST.get("result", ""),
            note=request.POST.get("note", ""),
        )
    except ActionError as exc:
        error = " ".join(error_messages(exc))
        item.note = request.POST.get("note", "")
    if is_htmx(request):
        return render(
            request,
            "inspections/_item.html",
            {
                "item": item,
                "editing": True,
                "results": [r for r in Result if r != Result.PENDING],
                "error": error,
                "saved": not error,
                "inspection": item.inspection,
                "oob": True,
                "decided": item.inspection.items.exclude(result=Result.PENDING).count(),
                "total_items": item.inspection.items.count(),
            },
        )
    if error:
        messages.error(request, error)
    return redirect(f"{item.inspection.get_absolute_url()}#item-{item.pk}")


def _too_large(request: HttpRequest, size: int) -> HttpResponse:
    return HttpResponse(
        _("Tệp vượt giới hạn %(limit)s MB.") % {"limit": MAX_EVIDENCE_BYTES // 1048576},
        status=413,
    )


@login_required
@limit_upload_size(MAX_EVIDENCE_BYTES + 64 * 1024, _too_large)
@require_POST
def item_evidence(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _item_for(request, pk, item_pk)
    try:
        checklist.attach_item_evidence(
            actor=request.user, item=item, uploads=request.FILES.getlist("file")
        )
    except ActionError as exc:
        for message in error_messages(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("Đã đính kèm minh chứng."))
    return redirect(f"{item.inspection.get_absolute_url()}#item-{item.pk}")


@login_required
@require_POST
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.get_inspection_for_user(request.user, pk, need="conduct")
    try:
        item = checklist.add_item(
            actor=request.user,
            inspection=inspection,
            text=request.POST.get("text", ""),
            group=request.POST.get("group", ""),
        )
    except ActionError as exc:
        for message in error_messages(exc):
            messages.error(request, message)
        return redirect("inspections:inspection", inspection.pk)
    messages.success(request, _("Đã thêm nội dung kiểm tra."))
    return redirect(f"{inspection.get_absolute_url()}#item-{item.pk}")


@login_required
@require_POST
def finding_add(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.get_inspection_for_user(request.user, pk, need="conduct")
    post = request.POST
    try:
        unit_id = parse_int(post.get("responsible_unit"))
        unit = OrgUnit.objects.filter(pk=unit_id).first() if unit_id else None
        item_id = parse_int(post.get("item"))
        item = inspection.items.filter(pk=item_id).first() if item_id else None
        findings.record_finding(
            actor=request.user,
            inspection=inspection,
            description=post.get("description", ""),
            remedy=post.get("remedy", ""),
            responsible_unit=unit,
            severity=post.get("severity", Severity.MEDIUM),
            item=item,
            deadline=parse_date(
                post.get("deadline", ""), field="deadline", label=_("hạn khắc phục"), required=False
            ),
            deadline_basis=post.get("deadline_basis", DeadlineBasis.CALENDAR),
        )
    except ActionError as exc:
        for message in error_messages(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("Đã ghi nhận tồn tại, hạn chế."))
    return redirect(f"{inspection.get_absolute_url()}#findings")


@login_required
def inspection_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The biên bản as PDF, once the inspection is concluded."""
    inspection = access.get_inspection_for_user(request.user, pk)
    if inspection.state in (InspectionState.PLANNED, InspectionState.IN_PROGRESS):
        raise Http404
    return download(
        reports.pdf_bytes(inspection),
        name=f"bien-ban-kiem-tra-{inspection.pk}.pdf",
        content_type="application/pdf",
        inline=True,
    )
