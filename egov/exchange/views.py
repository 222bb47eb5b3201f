"""Screens of the exchange: the clerk's received electronic documents, the operators'
dashboard and dead letters."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.exchange import access, packages, queries
from egov.exchange.actions import inbox as inbox_actions
from egov.exchange.actions import reception
from egov.exchange.actions.delivery import resend
from egov.exchange.models import OutboxMessage
from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.lib.pagination import OnePassPaginator
from egov.lib.uploads import limit_upload_size


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
            "answered": _visible_outgoing(request.user, queries.answered_document(message)),
        },
    )


def _visible_outgoing(user: object, document: object) -> object:
    """``document`` if ``user`` may open it, else nothing (the link is not shown)."""
    from egov.documents.queries import outgoing_visible_to

    pk = getattr(document, "pk", None)
    if pk is None or not outgoing_visible_to(user).filter(pk=pk).exists():
        return None
    return document


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
    if not message.body_file:  # destroyed on a recall, or refused as too large to keep
        raise Http404
    response = HttpResponse(bytes(message.body), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="goi-tin-{message.pk}.edxml"'
    return response


@login_required
def outgoing_edxml(request: HttpRequest, pk: int) -> HttpResponse:
    """An issued document as one signed .edxml file addressed to its electronic recipients,
    for sending by another channel (a disk, a mail to a system not on the hub)."""
    from egov.documents.queries import outgoing_visible_to

    document = (
        outgoing_visible_to(request.user)
        .select_related("unit", "document_type", "unit__area")
        .filter(pk=pk, status="issued", secrecy=0)
        .first()
    )
    if document is None:
        raise Http404
    try:
        body = packages.seal(packages.edoc_for_all(document)).body
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect("documents:outgoing_detail", pk)
    response = HttpResponse(body, content_type="application/xml")
    name = f"{document.code_number}-{document.code_notation}".replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{name}.edxml"'
    return response


@limit_upload_size(
    settings.EGOV_EXCHANGE_MAX_PACKAGE_BYTES,
    lambda request, size: render(
        request,
        "exchange/inbox_import.html",
        {"error": _("Tệp quá lớn (%(mb)s MB).") % {"mb": size // (1024 * 1024)}},
        status=413,
    ),
)
@login_required
def inbox_import(request: HttpRequest) -> HttpResponse:
    """A clerk takes in a package received outside the hub (a .edxml file): the same checks
    as a package from the hub (signature, rules, one of our agencies), the same queue."""
    if not access.is_clerk_anywhere(request.user):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("package")
        if upload is None:
            error = _("Hãy chọn tệp gói tin .edxml.")
        else:
            try:
                message = inbox_actions.accept(upload.read())
            except inbox_actions.Refused as refusal:
                error = _("Gói tin bị từ chối: %(reason)s") % {"reason": refusal.reason_vi}
            else:
                if not access.can_receive(request.user, message):
                    error = _("Gói tin này gửi cho cơ quan khác, không thuộc đơn vị của bạn.")
                else:
                    messages.success(request, _("Đã nhận gói tin."))
                    return redirect("exchange:inbox_detail", message.pk)
    return render(
        request, "exchange/inbox_import.html", {"error": error}, status=400 if error else 200
    )
