"""Administrators' screens: mailboxes per agency, pending changes with approve/reject; the
password form for an owner or an administrator."""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.lib.errors import ActionError
from egov.mail import access, actions, queries, reconcile
from egov.organisations import access as org_access


def _require_admin(request: HttpRequest) -> None:
    if not org_access.can_administer_anything(request.user):
        raise Http404


@login_required
def mailboxes(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    rows = list(queries.mailboxes_by_unit(request.user)[:2000])
    groups = [(unit, list(boxes)) for unit, boxes in groupby(rows, key=lambda box: box.unit)]
    pending = queries.pending_changes_for(request.user).count()
    return render(request, "mail/mailboxes.html", {"groups": groups, "pending": pending})


@login_required
def changes(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    rows = list(queries.pending_changes_for(request.user)[:500])
    return render(request, "mail/changes.html", {"changes": rows})


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    change = access.get_change_for_user(request.user, pk)
    try:
        change = actions.approve_change(actor=request.user, change=change)
    except ActionError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        if change.state == "failed":
            messages.error(
                request,
                _("Không thực hiện được trên máy chủ thư: %(error)s") % {"error": change.error},
            )
        else:
            messages.success(
                request,
                _("Đã duyệt và thực hiện: %(kind)s %(address)s.")
                % {"kind": change.get_kind_display(), "address": change.mailbox.address},
            )
    return redirect("mail:changes")


@login_required
@require_POST
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    change = access.get_change_for_user(request.user, pk)
    try:
        actions.reject_change(actor=request.user, change=change, note=request.POST.get("note", ""))
    except ActionError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("Đã từ chối thay đổi."))
    return redirect("mail:changes")


@login_required
def password(request: HttpRequest, pk: int) -> HttpResponse:
    mailbox = access.get_mailbox_for_user(request.user, pk, need="password")
    error = ""
    if request.method == "POST":
        first = request.POST.get("password", "")
        if first != request.POST.get("password2", ""):
            error = _("Hai lần nhập mật khẩu không khớp.")
        else:
            try:
                actions.set_mailbox_password(actor=request.user, mailbox=mailbox, password=first)
            except ActionError as exc:
                error = "; ".join(exc.messages)
            else:
                messages.success(
                    request, _("Đã đặt mật khẩu hộp thư %(a)s.") % {"a": mailbox.address}
                )
                return redirect("home")
    status = 400 if error else 200
    return render(
        request, "mail/password.html", {"mailbox": mailbox, "error": error}, status=status
    )


@login_required
@require_POST
def public_role(request: HttpRequest, pk: int) -> HttpResponse:
    mailbox = access.get_mailbox_for_user(request.user, pk)
    try:
        actions.set_public_role(
            actor=request.user, mailbox=mailbox, role=request.POST.get("role", "")
        )
    except ActionError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(
            request, _("Đã cập nhật danh bạ công khai: %(a)s.") % {"a": mailbox.address}
        )
    return redirect("mail:mailboxes")


@login_required
def reconciliation(request: HttpRequest) -> HttpResponse:
    """The platform's mailboxes against the mail server's tables, with a fix to request for
    each difference (a *resync* change, reviewed on the changes page)."""
    _require_admin(request)
    found = reconcile.discrepancies_for(request.user)
    return render(request, "mail/reconcile.html", {"discrepancies": found})


@login_required
@require_POST
def request_fix(request: HttpRequest, pk: int) -> HttpResponse:
    mailbox = access.get_mailbox_for_user(request.user, pk)
    try:
        change = actions.request_resync(actor=request.user, mailbox=mailbox)
    except ActionError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        if change.state == "pending":
            text = _("Đã đề nghị đồng bộ lại %(address)s: chờ duyệt.")
        elif change.state == "failed":
            text = _("Không đồng bộ lại được %(address)s trên máy chủ thư.")
        else:
            text = _("Đã đồng bộ lại %(address)s trên máy chủ thư.")
        messages.info(request, text % {"address": mailbox.address})
    return redirect("mail:reconcile")
