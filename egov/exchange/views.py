"""Screens of the exchange: the clerk's received electronic documents, the operators'
dashboard and dead letters."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.exchange import access, queries
from egov.exchange.actions import reception
from egov.exchange.actions.delivery import resend
from egov.exchange.models import OutboxMessage
from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.lib.pagination import OnePassPaginator


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    page = OnePassPaginator(queries.inbox_for(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "exchange/inbox.html", {"page": page})


@login_required
def inbox_detail(request: HttpRequest, pk: int) -> HttpResponse:
    message = access.get_inbox_for_user(request.user, pk)
    package = reception.package_of(message) if message.body_file else None
    error = ""
    if request.method == "POST":
        try:
            if request.POST.get("action") == "register":
                document = reception.register(
                    actor=request.user,
                    message=message,
                    allow_duplicate=request.POST.get("allow_duplicate") == "1",
                )
                messages.success(
                    request,
                    _("Đã vào sổ văn bản đến số %(n)s.") % {"n": document.arrival_number},
                )
                return redirect("documents:incoming_detail", document.pk)
            if request.POST.get("action") == "refuse":
                reception.refuse(
                    actor=request.user, message=message, reason=request.POST.get("reason", "")
                )
                messages.success(request, _("Đã từ chối tiếp nhận và báo lại cho nơi gửi."))
                return redirect("exchange:inbox")
        except ActionError as exc:
            error = "; ".join(exc.messages)
    return render(
        request,
        "exchange/inbox_detail.html",
        {
            "message": message,
            "package": package,
            "error": error,
            "can_act": message.state == "waiting" and access.can_receive(request.user, message),
        },
    )


def _operator(request: HttpRequest) -> None:
    if not access.is_operator(request.user):
        raise PermissionDenied


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    _operator(request)
    traffic = queries.traffic_by_hour()
    chart = {
        "labels": [row["hour"].astimezone(BUSINESS_TZ).strftime("%H:%M") for row in traffic],
        "series": [
            {"name": _("Gói tin gửi"), "data": [row["total"] for row in traffic]},
            {"name": _("Gửi lỗi"), "data": [row["dead"] for row in traffic]},
        ],
    }
    return render(
        request,
        "exchange/dashboard.html",
        {
            "figures": queries.queue_figures(),
            "failures": queries.recent_failures(),
            "refusals": queries.recent_refusals(),
            "dead": queries.dead_letters()[:50],
            "hub": queries.hub(),
            "last_received": queries.last_received(),
            "chart": chart,
            "traffic": traffic,
        },
    )


@login_required
@require_POST
def resend_dead(request: HttpRequest, pk: int) -> HttpResponse:
    _operator(request)
    message = get_object_or_404(OutboxMessage.objects, pk=pk)
    resend(actor=request.user, message=message)
    messages.success(request, _("Đã đưa gói tin trở lại hàng đợi gửi."))
    return redirect("exchange:dashboard")


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    """The received package as an .edxml file, for a clerk who keeps it or sends it on."""
    message = access.get_inbox_for_user(request.user, pk)
    response = HttpResponse(bytes(message.body), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="goi-tin-{message.pk}.edxml"'
    return response
