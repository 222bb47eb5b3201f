"""Numbering a copy of a document from its page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.documents import access
from egov.documents.actions.copies import make_copy
from egov.lib.errors import ActionError


@login_required
@require_POST
def copy_make(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind == "incoming":
        incoming, outgoing = access.get_incoming_for_user(request.user, pk), None
        target = "documents:incoming_detail"
    elif kind == "outgoing":
        incoming, outgoing = None, access.get_outgoing_for_user(request.user, pk)
        target = "documents:outgoing_detail"
    else:
        raise Http404
    document = incoming or outgoing
    assert document is not None  # one of the two was fetched  # noqa: S101
    try:
        amount = int(request.POST.get("amount", "1") or "1")
    except ValueError:
        amount = 0
    try:
        copy = make_copy(
            actor=request.user,
            unit=document.unit,
            form=request.POST.get("form", ""),
            incoming=incoming,
            outgoing=outgoing,
            amount=amount,
            excerpt=request.POST.get("excerpt", ""),
        )
    except PermissionDenied as exc:
        raise Http404 from exc
    except ActionError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã cấp số bản sao %(copy)s.") % {"copy": copy})
    return redirect(target, pk)
