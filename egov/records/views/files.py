"""Screens of case files: list, open, the file's page (table of contents, add and remove
documents, close, reopen, hand over), exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.documents import access as doc_access
from egov.documents import queries as doc_queries
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.records import access, queries
from egov.records.actions import exports, files, handover
from egov.records.choices import FileStatus
from egov.records.forms import CaseFileEditForm, CaseFileForm, ReasonForm
from egov.records.models import CaseFileItem

PAGE_SIZE = 50


@login_required
def file_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    files_qs = queries.files_visible_to(request.user).order_by("-year", "code")
    if status in FileStatus.values:
        files_qs = files_qs.filter(status=status)
    page = Paginator(files_qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "records/file_list.html",
        {
            "page": page,
            "status": status,
            "statuses": FileStatus.choices,
            "can_open": bool(access.file_agencies(request.user)),
            "can_plan": bool(access.office_units(request.user)),
        },
    )


@login_required
def file_new(request: HttpRequest) -> HttpResponse:
    units = access.file_agencies(request.user)
    if not units:
        raise PermissionDenied
    form = CaseFileForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case_file = files.open_case_file(
                actor=request.user,
                unit=data["unit"],
                code=data["code"],
                title=data["title"],
                owner=request.user,
                retention_years=data["retention_years"],
                rights=data["rights"],
                description=data["description"],
            )
        except ActionError as error:
            form.add_action_error(error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Đã mở hồ sơ %(code)s.") % {"code": case_file.code})
            return redirect("records:file_detail", case_file.pk)
    return render(request, "records/file_form.html", {"form": form})


@login_required
def file_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a file's details (owner or the agency's clerk); a handed-over file is frozen
    and the form does not open."""
    case_file = access.get_case_file_for_user(request.user, pk, need="change")
    if case_file.is_frozen:
        messages.error(
            request,
            _("Hồ sơ “%(code)s” đã nộp lưu nên không được sửa, xóa hay thay đổi văn bản.")
            % {"code": case_file.code},
        )
        return redirect("records:file_detail", case_file.pk)
    initial = {
        "code": case_file.code,
        "title": case_file.title,
        "retention_years": case_file.retention_years,
        "rights": case_file.rights,
        "description": case_file.description,
    }
    form = CaseFileEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            files.update_case_file(
                actor=request.user,
                case_file=case_file,
                code=data["code"],
                title=data["title"],
                retention_years=data["retention_years"],
                rights=data["rights"],
                description=data["description"],
            )
        except ActionError as error:
            form.add_action_error(error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(
                request, _("Đã lưu thông tin hồ sơ %(code)s.") % {"code": data["code"]}
            )
            return redirect("records:file_detail", case_file.pk)
    return render(request, "records/file_form.html", {"form": form, "file": case_file})


def _candidates(request: HttpRequest, case_file: Any, text: str) -> list[tuple[str, Any]]:
    """Documents of the file's agency the user sees, matching ``text`` (number, notation or
    subject), not yet in the file: the add-document search."""
    if not text:
        return []
    in_file = CaseFileItem.objects.filter(case_file=case_file)
    match = Q(subject__icontains=text) | Q(code_notation__icontains=text) | Q(code_number=text)
    incoming = (
        doc_queries.incoming_visible_to(request.user)
        .filter(match, unit=case_file.unit)
        .exclude(pk__in=in_file.filter(incoming__isnull=False).values("incoming_id"))
        .order_by("-arrived_at")[:15]
    )
    outgoing = (
        doc_queries.outgoing_visible_to(request.user)
        .filter(match | Q(number=int(text)) if text.isdigit() else match, unit=case_file.unit)
        .filter(number__isnull=False)
        .exclude(pk__in=in_file.filter(outgoing__isnull=False).values("outgoing_id"))
        .order_by("-issued_at")[:15]
    )
    return [("incoming", d) for d in incoming] + [("outgoing", d) for d in outgoing]


@login_required
def file_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case_file = access.get_case_file_for_user(request.user, pk)
    toc = queries.contents(case_file, request.user)
    may_change = access.can_change(request.user, case_file) and not case_file.is_frozen
    text = clean(request.GET.get("q", ""))[:200]
    return render(
        request,
        "records/file_detail.html",
        {
            "file": case_file,
            "toc": toc,
            "may_change": may_change,
            "may_hand_over": case_file.status == FileStatus.CLOSED
            and doc_access.is_clerk_of(request.user, case_file.unit),
            "may_download_package": case_file.is_frozen
            and doc_access.is_clerk_of(request.user, case_file.unit),
            "q": text,
            "candidates": _candidates(request, case_file, text)
            if may_change and case_file.is_open
            else [],
            "transitions": case_file.transitions.select_related("actor"),
            "reason_form": ReasonForm(),
        },
    )


def _run(request: HttpRequest, call: Any, success: str) -> bool:
    try:
        call()
    except PermissionDenied as exc:
        raise Http404 from exc
    except ActionError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success)
    return True


def _back(request: HttpRequest, pk: int) -> HttpResponse:
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect("records:file_detail", pk)


@login_required
@require_POST
def file_add(request: HttpRequest, pk: int) -> HttpResponse:
    case_file = access.get_case_file_for_user(request.user, pk, need="change")
    kind = request.POST.get("kind")
    try:
        document_id = int(request.POST.get("document", ""))
    except ValueError as exc:
        raise Http404 from exc
    if kind == "incoming":
        document: Any = doc_access.get_incoming_for_user(request.user, document_id)
        call = lambda: files.add_document(  # noqa: E731
            actor=request.user, case_file=case_file, incoming=document
        )
    elif kind == "outgoing":
        document = doc_access.get_outgoing_for_user(request.user, document_id)
        call = lambda: files.add_document(  # noqa: E731
            actor=request.user, case_file=case_file, outgoing=document
        )
    else:
        raise Http404
    _run(
        request,
        call,
        _("Đã đưa văn bản “%(subject)s” vào hồ sơ %(code)s.")
        % {"subject": document.subject[:80], "code": case_file.code},
    )
    return _back(request, pk)


@login_required
@require_POST
def add_to_file(request: HttpRequest) -> HttpResponse:
    """From a document's page: the file is chosen in the form."""
    try:
        pk = int(request.POST.get("file", ""))
    except ValueError as exc:
        raise Http404 from exc
    return file_add(request, pk)


@login_required
@require_POST
def file_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    case_file = access.get_case_file_for_user(request.user, pk, need="change")
    item = CaseFileItem.objects.filter(case_file=case_file, pk=item_pk).first()
    if item is None:
        raise Http404
    _run(
        request,
        lambda: files.remove_document(actor=request.user, item=item),
        _("Đã bỏ văn bản khỏi hồ sơ."),
    )
    return _back(request, pk)


@login_required
@require_POST
def file_close(request: HttpRequest, pk: int) -> HttpResponse:
    case_file = access.get_case_file_for_user(request.user, pk, need="change")
    _run(
        request,
        lambda: files.close_case_file(actor=request.user, case_file=case_file),
        _("Đã kết thúc hồ sơ %(code)s.") % {"code": case_file.code},
    )
    return _back(request, pk)


@login_required
@require_POST
def file_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    case_file = access.get_case_file_for_user(request.user, pk, need="change")
    _run(
        request,
        lambda: files.reopen_case_file(
            actor=request.user, case_file=case_file, reason=request.POST.get("reason", "")
        ),
        _("Đã mở lại hồ sơ %(code)s.") % {"code": case_file.code},
    )
    return _back(request, pk)


@login_required
@require_POST
def file_delete(request: HttpRequest, pk: int) -> HttpResponse:
    case_file = access.get_case_file_for_user(request.user, pk, need="change")
    if _run(
        request,
        lambda: files.delete_case_file(actor=request.user, case_file=case_file),
        _("Đã xóa hồ sơ %(code)s.") % {"code": case_file.code},
    ):
        return redirect("records:file_list")
    return _back(request, pk)


@login_required
@require_POST
def file_hand_over(request: HttpRequest, pk: int) -> HttpResponse:
    case_file = access.get_case_file_for_user(request.user, pk)
    _run(
        request,
        lambda: handover.hand_over(actor=request.user, case_file=case_file),
        _("Đã nộp lưu hồ sơ %(code)s; hồ sơ đã được khóa.") % {"code": case_file.code},
    )
    return _back(request, pk)


@login_required
def file_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    case_file = access.get_case_file_for_user(request.user, pk)
    if fmt not in ("pdf", "xml"):
        raise Http404
    data = exports.export_file(actor=request.user, case_file=case_file, fmt=fmt)
    media = "application/pdf" if fmt == "pdf" else "application/xml"
    response = HttpResponse(data, content_type=media)
    name = f"ho-so-{case_file.year}-{case_file.pk}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def handover_package(request: HttpRequest, pk: int) -> HttpResponse:
    case_file = access.get_case_file_for_user(request.user, pk)
    if not doc_access.is_clerk_of(request.user, case_file.unit) or not case_file.is_frozen:
        raise Http404
    package = case_file.handover
    with package.package.open("rb") as handle:
        data = handle.read()
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{package.package_id}.zip"'
    return response


def document_url(kind: str, pk: int) -> str:
    return reverse(f"documents:{kind}_detail", args=[pk])
