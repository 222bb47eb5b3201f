"""Findings across agencies (filters, a chart by state, XLSX), one finding with its
follow-up, the inspected agency's own view, evidence downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from egov.inspections import access, queries, reports
from egov.inspections.actions import findings as actions
from egov.inspections.choices import FindingState
from egov.inspections.constants import MAX_EVIDENCE_BYTES, MAX_EVIDENCE_PER_OBJECT
from egov.inspections.views._common import XLSX, download, error_messages, parse_int
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.lib.uploads import limit_upload_size
from egov.organisations.models import OrgUnit

STATUSES = (
    ("", gettext_lazy("Tất cả")),
    ("open", gettext_lazy("Chưa đóng")),
    ("overdue", gettext_lazy("Quá hạn")),
    ("closed", gettext_lazy("Đã khắc phục")),
)


@login_required
def finding_list(request: HttpRequest) -> HttpResponse:
    visible = access.visible_findings(request.user)
    if not access.can_conduct_any(request.user) and not visible.exists():
        raise Http404
    status = request.GET.get("status", "")
    agency_id = parse_int(request.GET.get("agency"))
    rows = queries.filter_findings(visible, status=status, agency_id=agency_id)
    if request.GET.get("format") == "xlsx":
        return download(
            reports.findings_xlsx(rows), name="ton-tai-kiem-tra.xlsx", content_type=XLSX
        )
    summary = queries.summary(
        visible if agency_id is None else visible.filter(inspection__agency_id=agency_id)
    )
    chart = {
        "labels": [str(s.label) for s in FindingState] + [str(_("Quá hạn"))],
        "values": [summary.open, summary.fix_reported, summary.closed, summary.overdue],
        "name": str(_("Số tồn tại")),
    }
    agencies = OrgUnit.objects.filter(pk__in=visible.values("inspection__agency_id")).order_by(
        "path"
    )
    return render(
        request,
        "inspections/findings.html",
        {
            "rows": rows,
            "summary": summary,
            "chart": chart,
            "status": status,
            "statuses": [(value, str(label)) for value, label in STATUSES],
            "agencies": agencies,
            "agency_id": agency_id,
            "today": local_today(),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def finding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    finding = access.get_finding_for_user(request.user, pk)
    inspection = finding.inspection
    return render(
        request,
        "inspections/finding.html",
        {
            "finding": finding,
            "inspection": inspection,
            "transitions": finding.transitions.select_related("actor"),
            "evidence": finding.evidence.all(),
            "overdue": queries.is_overdue(finding),
            "can_answer": access.can_answer(request.user, inspection)
            and finding.state == FindingState.OPEN
            and inspection.state in actions.ANSWERING_STATES,
            "can_decide": access.can_conduct(request.user, inspection)
            and finding.state == FindingState.FIX_REPORTED,
            "max_files": MAX_EVIDENCE_PER_OBJECT,
        },
    )


def _too_large(request: HttpRequest, size: int) -> HttpResponse:
    return HttpResponse(
        _("Tệp vượt giới hạn %(limit)s MB.") % {"limit": MAX_EVIDENCE_BYTES // 1048576},
        status=413,
    )


@login_required
@limit_upload_size(MAX_EVIDENCE_PER_OBJECT * MAX_EVIDENCE_BYTES, _too_large)
@require_POST
def finding_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The agency reports its fix, with evidence files."""
    finding = access.get_finding_for_user(request.user, pk, need="answer")
    try:
        actions.report_fix(
            actor=request.user,
            finding=finding,
            note=request.POST.get("note", ""),
            uploads=request.FILES.getlist("file"),
        )
    except ActionError as exc:
        for message in error_messages(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("Đã gửi báo cáo khắc phục."))
    return redirect("inspections:finding", finding.pk)


@login_required
@require_POST
def finding_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The inspector accepts the fix (closed) or reopens the finding with a reason."""
    finding = access.get_finding_for_user(request.user, pk, need="conduct")
    verb = request.POST.get("verb", "")
    try:
        if verb == "accept":
            actions.accept_fix(
                actor=request.user, finding=finding, note=request.POST.get("note", "")
            )
            messages.success(request, _("Đã chấp nhận kết quả khắc phục; tồn tại được đóng."))
        elif verb == "reopen":
            actions.reopen_finding(
                actor=request.user, finding=finding, reason=request.POST.get("note", "")
            )
            messages.success(request, _("Đã yêu cầu cơ quan khắc phục lại."))
        else:
            raise Http404
    except ActionError as exc:
        for message in error_messages(exc):
            messages.error(request, message)
    return redirect("inspections:finding", finding.pk)


@login_required
def agency_view(request: HttpRequest) -> HttpResponse:
    """The inspected agency's own inspections and findings."""
    inspections = access.answerable_inspections(request.user)
    if not inspections.exists() and not access.can_conduct_any(request.user):
        raise Http404
    findings = access.visible_findings(request.user).filter(inspection__in=inspections.values("pk"))
    if request.GET.get("format") == "xlsx":
        return download(
            reports.findings_xlsx(findings.order_by("deadline", "pk")),
            name="ton-tai-cua-co-quan.xlsx",
            content_type=XLSX,
        )
    return render(
        request,
        "inspections/agency.html",
        {
            "inspections": inspections,
            "findings": findings.order_by("deadline", "pk"),
            "summary": queries.summary(findings),
            "today": local_today(),
        },
    )


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = access.get_evidence_for_user(request.user, pk)
    handle = default_storage.open(str(evidence.content.name), "rb")
    return FileResponse(
        handle, as_attachment=True, filename=evidence.name, content_type=evidence.media_type
    )
