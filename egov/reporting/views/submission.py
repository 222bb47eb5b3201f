"""One report: the entry grid shaped like the paper form (each cell saved as it is left,
through htmx), comments, review and approval, XLSX download and upload."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from egov.lib.errors import ActionError
from egov.reporting import access, queries, xlsx
from egov.reporting.actions import entry, upload, workflow
from egov.reporting.choices import CommentKind, SubmissionState, ValueStatus
from egov.reporting.models import Submission
from egov.reporting.numbers import format_number
from egov.reporting.periods import due_date
from egov.reporting.validation import check


def _int(raw: str | None) -> int | None:
    try:
        return int(raw or "")
    except ValueError:
        return None


def _context(request: HttpRequest, submission: Submission) -> dict[str, Any]:
    user = request.user
    chain = queries.chain_for(submission)
    handler = submission.handler
    filled, required = queries.completeness(submission)
    can_enter = access.can_enter(user, submission.unit) and submission.is_editable
    issues = check(submission)
    return {
        "submission": submission,
        "sections": queries.grid(submission),
        "chain": chain,
        "issues": issues,
        "blocking": [i for i in issues if i.blocks],
        "filled": filled,
        "required": required,
        "due": due_date(submission.form, submission.period),
        "can_enter": can_enter,
        "can_review": handler is not None and access.can_review_at(user, handler),
        "can_accept": submission.state == SubmissionState.SUBMITTED
        and handler is not None
        and access.can_review_at(user, handler),
        "can_approve": submission.state in (SubmissionState.ACCEPTED, SubmissionState.APPROVING)
        and handler is not None
        and access.can_approve_at(user, handler),
        "can_unlock": submission.state == SubmissionState.LOCKED
        and access.can_unlock(user, submission.form),
        "transitions": submission.transitions.select_related("actor", "at_unit"),
        "form_comments": [c for c in submission.comments.all() if c.indicator_id is None],
        "statuses": ValueStatus.choices,
        "explain_kind": CommentKind.EXPLANATION,
    }


@login_required
def submission_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The report; with ``?as_of=YYYY-MM-DD`` its values as they were reported by the end
    of that day (read only), from the values' revisions."""
    submission = access.get_submission_for_user(request.user, pk)
    context = _context(request, submission)
    raw = request.GET.get("as_of", "")
    if raw:
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            context["as_of_error"] = _("Ngày “%(raw)s” không hợp lệ.") % {"raw": raw[:20]}
        else:
            snapshot = queries.as_reported_on(submission.unit, submission.period, day)
            for section in context["sections"]:
                for grid_row in section.rows:
                    for cell in grid_row.cells:
                        cell.value = snapshot.get((cell.indicator.pk, cell.combo.pk))
            context.update(as_of=day, can_enter=False)
    return render(
        request,
        "reporting/submission.html",
        context,
        status=422 if "as_of_error" in context else 200,
    )


@login_required
@require_POST
def save_cell(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: save one cell; answer the cell (with its error, if refused) and the issues
    panel out of band."""
    submission = access.get_submission_for_user(request.user, pk)
    indicator_id, combo_id = _int(request.POST.get("indicator")), _int(request.POST.get("combo"))
    if indicator_id is None or combo_id is None:
        raise Http404
    # htmx posts the cell's own input (named as in the whole-grid form); "value" for clients.
    raw = request.POST.get(f"v-{indicator_id}-{combo_id}", request.POST.get("value", ""))
    error = ""
    try:
        indicator, combo = entry.cell_of(submission, indicator_id, combo_id)
        value = entry.save_value(
            actor=request.user,
            submission=submission,
            indicator_id=indicator_id,
            combo_id=combo_id,
            raw=raw,
            status=request.POST.get("status", ValueStatus.ESTIMATE),
        )
        shown = format_number(value, max(indicator.decimals, _decimals(value)))
    except ActionError as exc:
        error, shown = exc.messages[0], raw
        indicator, combo = entry.cell_of(submission, indicator_id, combo_id)
    except PermissionDenied as exc:
        raise Http404 from exc
    filled, required = queries.completeness(submission)
    html = render_to_string(
        "reporting/_cell_response.html",
        {
            "submission": submission,
            "indicator": indicator,
            "combo": combo,
            "shown": shown,
            "error": error,
            "issues": check(submission),
            "filled": filled,
            "required": required,
            "can_enter": True,
        },
        request=request,
    )
    return HttpResponse(html, status=422 if error else 200)


def _decimals(value: Any) -> int:
    if value is None:
        return 0
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@login_required
@require_POST
def save_grid(request: HttpRequest, pk: int) -> HttpResponse:
    """The grid posted whole (works without JavaScript): all cells or none."""
    submission = access.get_submission_for_user(request.user, pk)
    cells: dict[tuple[int, int], str] = {}
    for name in request.POST:
        raw = request.POST.get(name, "")
        if name.startswith("v-"):
            parts = name[2:].split("-")
            if len(parts) == 2 and all(p.isdigit() for p in parts):
                cells[(int(parts[0]), int(parts[1]))] = raw
    try:
        changed = upload.save_grid(
            actor=request.user,
            submission=submission,
            cells=cells,
            status=request.POST.get("status", ValueStatus.ESTIMATE),
        )
    except upload.CellReportError as exc:
        context = _context(request, submission)
        context["problems"] = exc.problems
        context["posted"] = cells
        return render(request, "reporting/submission.html", context, status=422)
    except ActionError as exc:
        messages.error(request, exc.messages[0])
        return redirect("reporting:submission", pk=pk)
    except PermissionDenied as exc:
        raise Http404 from exc
    messages.success(request, _("Đã lưu %(n)s ô số liệu.") % {"n": changed})
    return redirect("reporting:submission", pk=pk)


@login_required
@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_user(request.user, pk)
    indicator_raw, _sep, combo_raw = request.POST.get("cell", "").partition(":")
    try:
        entry.add_comment(
            actor=request.user,
            submission=submission,
            indicator_id=_int(indicator_raw),
            combo_id=_int(combo_raw),
            text=request.POST.get("text", ""),
            kind=request.POST.get("kind", CommentKind.NOTE),
        )
    except ActionError as exc:
        messages.error(request, exc.messages[0])
    except PermissionDenied as exc:
        raise Http404 from exc
    else:
        messages.success(request, _("Đã ghi chú."))
    return redirect("reporting:submission", pk=pk)


_VERBS = {
    "submit": (workflow.submit, gettext_lazy("Đã gửi báo cáo.")),
    "accept": (workflow.accept, gettext_lazy("Đã tiếp nhận báo cáo.")),
    "approve": (workflow.approve, gettext_lazy("Đã duyệt báo cáo.")),
}


@login_required
@require_POST
def transition(request: HttpRequest, pk: int, verb: str) -> HttpResponse:
    submission = access.get_submission_for_user(request.user, pk)
    try:
        if verb in _VERBS:
            action, done = _VERBS[verb]
            action(actor=request.user, submission=submission)
            messages.success(request, str(done))
        elif verb == "return":
            cell_reasons = []
            for name in request.POST:
                text = request.POST.get(name, "")
                parts = name[2:].split("-") if name.startswith("r-") else []
                if len(parts) == 2 and all(p.isdigit() for p in parts) and text.strip():
                    cell_reasons.append((int(parts[0]), int(parts[1]), text))
            workflow.return_submission(
                actor=request.user,
                submission=submission,
                reason=request.POST.get("reason", ""),
                cell_reasons=cell_reasons,
            )
            messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
        elif verb == "unlock":
            workflow.unlock(
                actor=request.user, submission=submission, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("Đã mở khóa báo cáo."))
        else:
            raise Http404
    except ActionError as exc:
        messages.error(request, exc.messages[0])
    except PermissionDenied as exc:
        raise Http404 from exc
    return redirect("reporting:submission", pk=pk)


@login_required
def download_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_user(request.user, pk)
    response = HttpResponse(
        xlsx.build(submission),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"{submission.form.code}_{submission.period.code}_{submission.unit_id}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def upload_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access.get_submission_for_user(request.user, pk)
    file = request.FILES.get("file")
    if file is None:
        messages.error(request, _("Hãy chọn tệp Excel của biểu."))
        return redirect("reporting:submission", pk=pk)
    try:
        changed = upload.upload_xlsx(
            actor=request.user,
            submission=submission,
            file=file,
            status=request.POST.get("status", ValueStatus.ESTIMATE),
        )
    except upload.CellReportError as exc:
        context = _context(request, submission)
        context["problems"] = exc.problems
        return render(request, "reporting/submission.html", context, status=422)
    except ActionError as exc:
        messages.error(request, exc.messages[0])
        return redirect("reporting:submission", pk=pk)
    except PermissionDenied as exc:
        raise Http404 from exc
    messages.success(request, _("Đã nhận tệp Excel: %(n)s ô số liệu thay đổi.") % {"n": changed})
    return redirect("reporting:submission", pk=pk)
