"""The audit screen: a filtered list, the detail of one event, and the CSV export.

Administrators and inspectors read the events of the units in their scope (the
organisation registry decides which, see :mod:`egov.audit.scoping`); everyone else gets
403. An event outside the reader's scope answers 404, like an absent one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from egov.audit import export
from egov.audit.diff import compare
from egov.audit.forms import AuditFilterForm
from egov.audit.models import AuditEvent
from egov.audit.scoping import AuditScope, audit_scope
from egov.lib.dates import local_today

PAGE_SIZE = 50


@dataclass(frozen=True)
class EventRow:
    event: AuditEvent
    unit_label: str


def _readable_scope(request: HttpRequest) -> AuditScope:
    scope = audit_scope(request.user)
    if not scope.can_read:
        raise PermissionDenied
    return scope


def _filtered(request: HttpRequest, scope: AuditScope) -> tuple[AuditFilterForm, dict[int, str]]:
    choices = scope.unit_choices()
    form = AuditFilterForm(request.GET, unit_choices=choices)
    form.is_valid()
    return form, {choice.id: choice.label for choice in choices}


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    scope = _readable_scope(request)
    form, unit_labels = _filtered(request, scope)
    events = form.event_filter().apply(scope.events())
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        EventRow(event, unit_labels.get(event.unit_id, "") if event.unit_id else "")
        for event in page.object_list
    ]
    return render(request, "audit/event_list.html", {"form": form, "page": page, "rows": rows})


@login_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scope = _readable_scope(request)
    event = scope.events().select_related("actor").filter(pk=pk).first()
    if event is None:
        raise Http404
    unit_label = ""
    if event.unit_id is not None:
        labels = {choice.id: choice.label for choice in scope.unit_choices()}
        unit_label = labels.get(event.unit_id, str(event.unit_id))
    return render(
        request,
        "audit/event_detail.html",
        {"event": event, "unit_label": unit_label, "diff": compare(event.before, event.after)},
    )


@login_required
def event_export(request: HttpRequest) -> StreamingHttpResponse:
    scope = _readable_scope(request)
    form, unit_labels = _filtered(request, scope)
    events = form.event_filter().apply(scope.events())
    response = StreamingHttpResponse(
        export.csv_lines(events, unit_labels), content_type="text/csv; charset=utf-8"
    )
    filename = f"nhat-ky-he-thong-{local_today():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
