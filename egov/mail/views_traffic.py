"""Mail traffic screens: send a document by mail (from its page), the agency's mail read
by the worker (documents waiting for the clerk, citizens' messages, failed imports), one
message with what can be done with it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from egov.documents import access as doc_access
from egov.documents.models import DocumentType
from egov.lib.dates import parse_iso_date
from egov.lib.errors import ActionError
from egov.lib.pagination import OnePassPaginator
from egov.mail import access, queries
from egov.mail.actions import inbound as inbound_actions
from egov.mail.actions import sending
from egov.mail.choices import InboundKind, InboundState

TABS: dict[str, tuple[Any, dict[str, Any]]] = {
    "documents": (gettext_lazy("Văn bản đến qua thư"), {"kind": InboundKind.DOCUMENT}),
    "citizens": (gettext_lazy("Thư của người dân"), {"kind": InboundKind.FEEDBACK}),
    "commands": (gettext_lazy("Trả lời giao việc"), {"kind": InboundKind.COMMAND}),
    "problems": (
        gettext_lazy("Lỗi và cách ly"),
        {"state__in": [InboundState.FAILED, InboundState.QUARANTINED]},
    ),
    "all": (gettext_lazy("Tất cả"), {}),
}


@login_required
@require_POST
def send_document(request: HttpRequest, pk: int) -> HttpResponse:
    document = doc_access.get_outgoing_for_user(request.user, pk)
    url = reverse("documents:outgoing_detail", args=[document.pk])
    try:
        sent = sending.send_document_by_mail(
            actor=request.user,
            document=document,
            addresses=request.POST.get("addresses", ""),
            note=request.POST.get("note", ""),
        )
    except PermissionDenied:
        raise Http404 from None
    except ActionError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Đã gửi văn bản qua thư điện tử tới %(to)s.") % {"to": ", ".join(sent.to_addresses)},
        )
    return redirect(url + "#mail-sends-title")


def _require_some_access(request: HttpRequest) -> None:
    if not queries.inbound_visible_to(request.user).exists() and not (
        doc_access.clerk_units(request.user)
    ):
        raise Http404


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    _require_some_access(request)
    tab = request.GET.get("tab", "documents")
    if tab not in TABS:
        tab = "documents"
    rows = (
        queries.inbound_visible_to(request.user)
        .filter(**TABS[tab][1])
        .order_by("-internal_date", "-pk")
    )
    page = OnePassPaginator(rows, 50).get_page(request.GET.get("page"))
    tabs = [(key, label) for key, (label, _filter) in TABS.items()]
    return render(request, "mail/inbox.html", {"page": page, "tab": tab, "tabs": tabs})


def _detail(
    request: HttpRequest, inbound: Any, *, error: str = "", status: int = 200
) -> HttpResponse:
    context = {
        "m": inbound,
        "error": error,
        "types": DocumentType.objects.filter(active=True).order_by("ordering", "name"),
        "may_retry": access.can_manage_mailbox(request.user, inbound.mailbox),
        "answers": inbound.answers.order_by("sent_at"),
        "post": request.POST if request.method == "POST" else {},
    }
    return render(request, "mail/inbound_detail.html", context, status=status)


@login_required
def inbound_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_inbound_for_user(request.user, pk))


def _date(raw: str, field: str) -> dt.date | None:
    if not raw.strip():
        return None
    try:
        return parse_iso_date(raw)
    except ValueError:
        raise ActionError(
            _("Ngày “%(value)s” không hợp lệ (dạng năm-tháng-ngày).") % {"value": raw},
            code="invalid_date",
            field=field,
        ) from None


@login_required
@require_POST
def inbound_register(request: HttpRequest, pk: int) -> HttpResponse:
    inbound = access.get_inbound_for_user(request.user, pk)
    post = request.POST
    try:
        document_type = DocumentType.objects.filter(pk=post.get("document_type") or 0).first()
        if document_type is None:
            raise ActionError(_("Hãy chọn loại văn bản."), code="type_required")
        document = inbound_actions.register_from_mail(
            actor=request.user,
            inbound=inbound,
            document_type=document_type,
            subject=post.get("subject", ""),
            issuer_name=post.get("issuer_name", ""),
            code_number=post.get("code_number", ""),
            code_notation=post.get("code_notation", ""),
            issued_date=_date(post.get("issued_date", ""), "issued_date"),
            allow_duplicate=post.get("allow_duplicate") == "1",
        )
    except PermissionDenied:
        raise Http404 from None
    except ActionError as exc:
        return _detail(request, inbound, error="; ".join(exc.messages), status=400)
    messages.success(
        request,
        _("Đã vào sổ văn bản đến số %(n)s.") % {"n": document.arrival_number},
    )
    return redirect("documents:incoming_detail", document.pk)


@login_required
@require_POST
def inbound_answer(request: HttpRequest, pk: int) -> HttpResponse:
    inbound = access.get_inbound_for_user(request.user, pk)
    try:
        sending.answer_citizen(
            actor=request.user, inbound=inbound, text=request.POST.get("text", "")
        )
    except PermissionDenied:
        raise Http404 from None
    except ActionError as exc:
        return _detail(request, inbound, error="; ".join(exc.messages), status=400)
    messages.success(request, _("Đã gửi thư trả lời."))
    return redirect("mail:inbound_detail", inbound.pk)


@login_required
@require_POST
def inbound_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    inbound = access.get_inbound_for_user(request.user, pk)
    try:
        inbound_actions.dismiss(
            actor=request.user, inbound=inbound, note=request.POST.get("note", "")
        )
    except PermissionDenied:
        raise Http404 from None
    except ActionError as exc:
        return _detail(request, inbound, error="; ".join(exc.messages), status=400)
    messages.success(request, _("Đã bỏ qua thư."))
    return redirect(reverse("mail:inbox") + "?tab=all")


@login_required
@require_POST
def inbound_retry(request: HttpRequest, pk: int) -> HttpResponse:
    inbound = access.get_inbound_for_user(request.user, pk)
    try:
        again = inbound_actions.retry(actor=request.user, inbound=inbound)
    except PermissionDenied:
        raise Http404 from None
    except ActionError as exc:
        return _detail(request, inbound, error="; ".join(exc.messages), status=400)
    messages.success(
        request, _("Đã nhập lại thư: %(state)s.") % {"state": again.get_state_display()}
    )
    return redirect("mail:inbound_detail", again.pk)
