"""Internal pages: the inspection team's compliance reports and the provisioning step."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.portal import access
from egov.portal.actions import provisioning
from egov.portal.freshness import compliance_of, generated_at
from egov.portal.queries import agency_sites


@login_required
def compliance_list(request: HttpRequest) -> HttpResponse:
    homes = list(access.homes_visible_to(request.user).order_by("unit__path"))
    if not homes and not access.can_provision(request.user):
        raise PermissionDenied
    reports = [compliance_of(home) for home in homes]
    return render(
        request,
        "portal/compliance_list.html",
        {
            "reports": reports,
            "passing": sum(1 for r in reports if r.passes),
            "generated_at": generated_at(),
            "can_provision": access.can_provision(request.user),
            "sites": agency_sites(),
        },
    )


@login_required
def compliance_detail(request: HttpRequest, pk: int) -> HttpResponse:
    home = access.get_home_for_user(request.user, pk)
    return render(
        request,
        "portal/compliance_detail.html",
        {"report": compliance_of(home), "generated_at": generated_at()},
    )


@login_required
@require_POST
def provision(request: HttpRequest) -> HttpResponse:
    result = provisioning.provision_sites(actor=request.user)
    messages.success(
        request,
        _("Đã lập %(created)d trang mới; %(existing)d trang đã có từ trước.")
        % {"created": len(result.created), "existing": len(result.existing)},
    )
    return redirect("portal:compliance")
