"""The configurable checklist items, for provincial inspectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from egov.inspections import access
from egov.inspections.actions import templates as actions
from egov.inspections.models import ChecklistTemplate
from egov.inspections.views._common import error_messages, parse_int
from egov.lib.errors import ActionError


@login_required
@require_http_methods(["GET", "POST"])
def template_list(request: HttpRequest) -> HttpResponse:
    if not access.can_create_plans(request.user):
        raise Http404
    errors: list[str] = []
    values: dict[str, str] = {}
    if request.method == "POST":
        toggle = parse_int(request.POST.get("toggle"))
        try:
            if toggle is not None:
                template = get_object_or_404(ChecklistTemplate, pk=toggle)
                actions.set_template_active(
                    actor=request.user, template=template, active=not template.active
                )
                messages.success(request, _("Đã cập nhật mẫu nội dung kiểm tra."))
            else:
                values = request.POST.dict()
                actions.add_template(
                    actor=request.user,
                    group=values.get("group", ""),
                    text=values.get("text", ""),
                    basis=values.get("basis", ""),
                )
                messages.success(request, _("Đã thêm mẫu nội dung kiểm tra."))
        except ActionError as exc:
            errors = error_messages(exc)
        else:
            return redirect("inspections:templates")
    return render(
        request,
        "inspections/templates.html",
        {
            "templates": ChecklistTemplate.objects.all(),
            "groups": sorted(set(ChecklistTemplate.objects.values_list("group", flat=True))),
            "errors": errors,
            "values": values,
        },
    )
