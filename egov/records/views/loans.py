"""The clerk's screen of archived copies in use: lend one, take one back, see what is out
(overdue first)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.documents import access as doc_access
from egov.documents import queries as doc_queries
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.records import access, queries_loans
from egov.records.actions.loans import lend_copy, return_copy
from egov.records.forms_loans import LendForm, ReturnForm
from egov.records.models import CopyLoan


def _unit(request: HttpRequest) -> OrgUnit:
    """The agency the screen is about: one the user is clerk or leader of (``?unit=``)."""
    units = access.office_units(request.user)
    if not units:
        raise Http404
    wanted = request.GET.get("unit") or request.POST.get("unit")
    for unit in units:
        if str(unit.pk) == wanted:
            return unit
    return units[0]


def _document(request: HttpRequest) -> tuple[str, Any]:
    for kind in ("incoming", "outgoing"):
        raw = request.GET.get(kind) or request.POST.get(kind)
        if raw:
            if not raw.isdigit():
                raise Http404
            document = queries_loans.lendable_document(request.user, kind, int(raw))
            if document is None:
                raise Http404
            return kind, document
    return "", None


def _form(request: HttpRequest, unit: OrgUnit, data: Any = None) -> LendForm:
    return LendForm(
        data,
        files=queries_loans.lendable_files(unit),
        staff=doc_queries.staff_choices(unit),
        permitters=[(u.pk, str(u.full_name or u.username)) for u in queries_loans.permitters(unit)],
        initial={"lent_on": local_today()},
    )


@login_required
def loans(request: HttpRequest) -> HttpResponse:
    unit = _unit(request)
    is_clerk = doc_access.is_clerk_of(request.user, unit)
    kind, document = _document(request)
    form = _form(request, unit, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not is_clerk:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            users = get_user_model().objects.in_bulk([data["borrower"], data["permitted_by"]])
            try:
                lend_copy(
                    actor=request.user,
                    unit=unit,
                    borrower=users[data["borrower"]],
                    permitted_by=users[data["permitted_by"]],
                    lent_on=data["lent_on"],
                    due_on=data["due_on"],
                    incoming=document if kind == "incoming" else None,
                    outgoing=document if kind == "outgoing" else None,
                    case_file=data["case_file"],
                    note=data["note"],
                )
            except ActionError as error:
                form.add_action_error(error)
            except PermissionDenied as exc:
                raise Http404 from exc
            else:
                messages.success(request, _("Đã ghi vào sổ sử dụng bản lưu."))
                return redirect(f"{reverse('records:loans')}?unit={unit.pk}")
    today = local_today()
    clearance = doc_access.clearance_level(request.user, unit)
    return render(
        request,
        "records/loans.html",
        {
            "unit": unit,
            "units": access.office_units(request.user),
            "is_clerk": is_clerk,
            "form": form,
            "kind": kind,
            "document": document,
            "out": queries_loans.copies_out(unit, clearance=clearance, today=today),
            "returned": queries_loans.recently_returned(unit, clearance=clearance),
            "today": today,
            "q": request.GET.get("q", "")[:200],
            "found": queries_loans.search_documents(
                request.user, unit, request.GET.get("q", "")[:200]
            )
            if is_clerk and document is None
            else [],
        },
    )


@login_required
@require_POST
def loan_return(request: HttpRequest, pk: int) -> HttpResponse:
    loan = get_object_or_404(CopyLoan.objects.select_related("unit"), pk=pk)
    if not doc_access.is_clerk_of(request.user, loan.unit):
        raise Http404
    form = ReturnForm(request.POST)
    back = f"{reverse('records:loans')}?unit={loan.unit_id}"
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect(back)
    try:
        return_copy(actor=request.user, loan=loan, returned_on=form.cleaned_data["returned_on"])
    except ActionError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã ghi ngày trả bản lưu."))
    return redirect(back)
