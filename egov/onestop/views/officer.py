"""Officers' screens: the queue, a dossier and its actions, reception at the counter,
printed forms, the tracking book."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.lib import tabular
from egov.lib.dates import BUSINESS_TZ, local_today
from egov.lib.errors import ActionError
from egov.onestop import access, pdf, queries
from egov.onestop.actions import dossiers as dossier_actions
from egov.onestop.actions import processing
from egov.onestop.actions._common import lookup_url
from egov.onestop.choices import Status
from egov.onestop.forms import (
    ApologyForm,
    ApplicantForm,
    MissingForm,
    NoteForm,
    ReasonForm,
    ReturnForm,
    SupplyForm,
)
from egov.onestop.models import Procedure
from egov.organisations.models import OrgUnit

PAGE_SIZE = 50


def _require_officer(request: HttpRequest) -> None:
    if not access.is_officer(request.user):
        raise PermissionDenied


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _require_officer(request)
    overdue = request.GET.get("qua_han") == "1"
    page = Paginator(queries.queue(request.user, overdue=overdue), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "onestop/queue.html",
        {
            "page": page,
            "overdue": overdue,
            "can_receive": access.can_receive(request.user),
        },
    )


def _allowed_actions(user: Any, dossier: Any) -> set[str]:
    allowed: set[str] = set()
    holder = access.can_act_at(user, dossier.current_unit)
    desk = access.can_act_at(user, dossier.receiving_unit)
    status = dossier.status
    if desk and status == Status.NEW:
        allowed |= {"receive", "refuse"}
    if holder and status in (Status.RECEIVED, Status.PROCESSING):
        allowed |= {"hand_over", "refuse", "request_fees", "apologise"}
        if not dossier.additional_requested:
            allowed.add("request_additional")
    if holder and status in (Status.ADDITIONAL, Status.FEES):
        allowed |= {"apologise"}
    if holder and status == Status.ADDITIONAL:
        allowed.add("supply")
    if holder and status == Status.FEES:
        allowed.add("fees_paid")
    if holder and status in (
        Status.NEW,
        Status.RECEIVED,
        Status.PROCESSING,
        Status.ADDITIONAL,
        Status.FEES,
    ):
        allowed.add("withdraw")
    if desk and status == Status.DONE:
        allowed.add("return")
    return allowed


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = access.get_dossier_for_user(request.user, pk)
    return render(
        request,
        "onestop/dossier_detail.html",
        {
            "dossier": dossier,
            "files": dossier.files.select_related("document").order_by("pk"),
            "steps": dossier.steps.select_related("unit", "finished_by").order_by("position"),
            "transitions": dossier.transitions.select_related("from_unit", "to_unit").order_by(
                "at", "id"
            ),
            "due_changes": dossier.due_changes.order_by("at", "id"),
            "allowed": _allowed_actions(request.user, dossier),
            "forms": {
                "note": NoteForm(),
                "reason": ReasonForm(),
                "missing": MissingForm(),
                "apology": ApologyForm(),
                "return": ReturnForm(),
                "supply": SupplyForm(),
            },
            "printable": _printable(dossier),
        },
    )


def _printable(dossier: Any) -> list[tuple[int, str]]:
    done = set(dossier.transitions.values_list("action", flat=True))
    forms = []
    if dossier.received_at:
        forms.append((1, _("Mẫu 01 – Giấy tiếp nhận")))
    if "request_additional" in done:
        forms.append((2, _("Mẫu 02 – Yêu cầu bổ sung")))
    if "refuse" in done:
        forms.append((3, _("Mẫu 03 – Từ chối")))
    if "apologise" in done:
        forms.append((4, _("Mẫu 04 – Xin lỗi, hẹn lại")))
    forms.append((5, _("Mẫu 05 – Phiếu kiểm soát")))
    return forms


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(17, 0), tzinfo=BUSINESS_TZ)


@login_required
@require_POST
def dossier_action(request: HttpRequest, pk: int, verb: str) -> HttpResponse:
    dossier = access.get_dossier_for_user(request.user, pk)
    user = request.user
    post, files = request.POST, request.FILES
    try:
        if verb == "receive":
            dossier_actions.receive_online(actor=user, dossier=dossier)
        elif verb == "hand_over":
            processing.hand_over(actor=user, dossier=dossier, note=post.get("note", ""))
        elif verb == "request_additional":
            processing.request_additional(
                actor=user, dossier=dossier, missing=post.get("missing", "")
            )
        elif verb == "supply":
            uploads = [(None, f) for f in files.getlist("files")]
            processing.supply_additional(
                actor=user, dossier=dossier, uploads=uploads, note=post.get("note", "")
            )
        elif verb == "request_fees":
            processing.request_fees(actor=user, dossier=dossier, note=post.get("note", ""))
        elif verb == "fees_paid":
            processing.fees_paid(actor=user, dossier=dossier, note=post.get("note", ""))
        elif verb == "apologise":
            form = ApologyForm(post)
            if not form.is_valid():
                raise ActionError(_("Nhập ngày hẹn mới và lý do."), code="invalid", field="new_due")
            processing.apologise(
                actor=user,
                dossier=dossier,
                new_due=_end_of(form.cleaned_data["new_due"]),
                reason=form.cleaned_data["reason"],
            )
        elif verb == "refuse":
            processing.refuse(actor=user, dossier=dossier, reason=post.get("reason", ""))
        elif verb == "withdraw":
            processing.withdraw(actor=user, dossier=dossier, reason=post.get("reason", ""))
        elif verb == "return":
            uploads = [(None, f) for f in files.getlist("result_file")]
            processing.return_result(
                actor=user,
                dossier=dossier,
                method=post.get("method", ""),
                uploads=uploads,
                note=post.get("note", ""),
            )
        else:
            raise Http404
    except ActionError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã cập nhật hồ sơ %(code)s.") % {"code": dossier.code})
    return redirect("onestop:dossier_detail", pk=dossier.pk)


@login_required
def dossier_form_pdf(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    dossier = access.get_dossier_for_user(request.user, pk)
    if number == 1:
        if not dossier.received_at:
            raise Http404
        content = pdf.receipt(dossier, lookup_url(dossier))
    elif number in (2, 3, 4, 5):
        content = pdf.slip(dossier, number)
    else:
        raise Http404
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="mau-{number:02d}-{dossier.code}.pdf"'
    return response


@login_required
def receive_start(request: HttpRequest) -> HttpResponse:
    units = access.reception_units(request.user)
    if not units:
        raise PermissionDenied
    procedures = Procedure.objects.filter(is_active=True, agencies__in=units).distinct()
    search = request.GET.get("q", "").strip()
    if search:
        procedures = procedures.filter(name__icontains=search)
    return render(
        request,
        "onestop/receive_start.html",
        {
            "units": units,
            "procedures": procedures.order_by("field_name", "name")[:200],
            "q": search,
        },
    )


@login_required
def receive_form(request: HttpRequest, procedure_id: int, unit_id: int) -> HttpResponse:
    units = {u.pk: u for u in access.reception_units(request.user)}
    unit = units.get(unit_id)
    if unit is None:
        raise Http404
    procedure = get_object_or_404(Procedure, pk=procedure_id, is_active=True, agencies=unit)
    form = ApplicantForm(request.POST or None, request.FILES or None, procedure=procedure)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dossier = dossier_actions.receive_at_counter(
                actor=request.user,
                procedure=procedure,
                unit=unit,
                applicant=dossier_actions.Applicant(
                    name=data["applicant_name"],
                    id_number=data["applicant_id_number"],
                    email=data["applicant_email"] or "",
                    phone=data["applicant_phone"],
                    address=data["applicant_address"],
                    kind=data["applicant_kind"],
                ),
                uploads=form.uploads(),
                details=data["details"],
                return_method=data["return_method"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(
                request,
                _("Đã tiếp nhận hồ sơ %(code)s. In giấy tiếp nhận (Mẫu 01).")
                % {"code": dossier.code},
            )
            return redirect("onestop:dossier_detail", pk=dossier.pk)
    return render(
        request, "onestop/receive_form.html", {"form": form, "procedure": procedure, "unit": unit}
    )


def _month(request: HttpRequest) -> tuple[dt.date, dt.date]:
    today = local_today()
    try:
        year, month = (int(x) for x in request.GET.get("thang", "").split("-"))
        start = dt.date(year, month, 1)
    except ValueError:
        start = today.replace(day=1)
    end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return start, end


@login_required
def tracking_book(request: HttpRequest) -> HttpResponse:
    units = list(
        access.officer_units(request.user).filter(onestop_procedures__isnull=False).distinct()
    )
    if not units:
        raise PermissionDenied
    unit = next((u for u in units if str(u.pk) == request.GET.get("don_vi")), units[0])
    start, end = _month(request)
    rows = queries.book_rows(unit, start, end)
    title = _("%(unit)s · tháng %(m)s") % {"unit": unit.name, "m": start.strftime("%m/%Y")}
    fmt = request.GET.get("dang", "")
    if fmt == "xlsx":
        content = tabular.write_xlsx(pdf.BOOK_HEADERS, rows, sheet_title="Mau 06")
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="so-theo-doi-{start:%Y-%m}.xlsx"'
        return response
    if fmt == "pdf":
        response = HttpResponse(pdf.book(title, rows), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="so-theo-doi-{start:%Y-%m}.pdf"'
        return response
    return render(
        request,
        "onestop/book.html",
        {"rows": rows, "units": units, "unit": unit, "month": start, "headers": pdf.BOOK_HEADERS},
    )


def unit_options(user: Any) -> list[OrgUnit]:
    return list(access.officer_units(user))
