"""Screens of incoming documents: the list, registration by the clerk, the document page
with its handling (present, instruct, start, comment, finish, return, extensions) and file
downloads.

Views parse input, call one action or query, render. Each POST calls one action of
``actions/handling.py``; a refusal (``ActionError``) comes back on the form that was posted,
in an error summary that links to the field it names; ``PermissionDenied`` answers 403 and
a document the user may not see answers 404, like an absent one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from egov.audit.middleware import client_ip
from egov.documents import access, hooks, queries
from egov.documents.actions import handling, tracking
from egov.documents.actions.files import Upload
from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import (
    AssignmentRole,
    AssignmentStatus,
    ExtensionStatus,
    IncomingStatus,
)
from egov.documents.forms import (
    CommentForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    FinishForm,
    IncomingFilterForm,
    IncomingRegisterForm,
    InstructionForm,
    PresentForm,
    ReturnForm,
)
from egov.documents.models import Assignment, DocumentView, ExtensionRequest, IncomingDocument
from egov.documents.views._uploads import limit_document_upload
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.lib.pagination import OnePassPaginator
from egov.organisations import access as org_access

PAGE_SIZE = 50
FINISHED = (IncomingStatus.DONE, IncomingStatus.FILED, IncomingStatus.RECALLED)

#: What each transition row of the history says (IncomingTransition.action).
TRANSITION_LABELS = {
    "register": gettext_lazy("Vào sổ văn bản đến"),
    "status": gettext_lazy("Đổi trạng thái văn bản"),
    "assign": gettext_lazy("Giao xử lý"),
    "forward": gettext_lazy("Chuyển giao, cho ý kiến chỉ đạo"),
    "start": gettext_lazy("Bắt đầu xử lý"),
    "finish": gettext_lazy("Hoàn thành phần việc"),
    "return": gettext_lazy("Trả lại người giao"),
    "reopen": gettext_lazy("Mở lại để giao lại"),
    "extension_request": gettext_lazy("Xin gia hạn"),
    "extension_approved": gettext_lazy("Đồng ý gia hạn"),
    "extension_refused": gettext_lazy("Không đồng ý gia hạn"),
}
STATUS_LABELS = {**dict(AssignmentStatus.choices), **dict(IncomingStatus.choices)}


def detail_url(document: IncomingDocument, section: str = "") -> str:
    url = reverse("documents:incoming_detail", args=[document.pk])
    return f"{url}#{section}" if section else url


def require_staff(request: HttpRequest) -> None:
    """The e-office is for civil servants: an account with no staff record or role gets 403."""
    if not org_access.is_staff_member(request.user):
        raise PermissionDenied


# --- List ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListRow:
    document: IncomingDocument
    overdue: bool
    #: Badges later parts add (``hooks.on_incoming_row_badge``), as (label, modifier).
    badges: tuple[tuple[Any, str], ...] = ()


@login_required
def incoming_list(request: HttpRequest) -> HttpResponse:
    require_staff(request)
    form = IncomingFilterForm(request.GET or None)
    documents = queries.search_incoming(request.user, form.filters())
    badges = hooks.incoming_row_badges()
    if badges:  # each badge is a column of the page's one query, never a query per row
        documents = documents.annotate(**{f"badge_{b.name}": b.condition() for b in badges})
    page = OnePassPaginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    today = local_today()
    rows = [
        ListRow(
            d,
            bool(d.due_date and d.due_date < today and d.status not in FINISHED),
            tuple((b.label, b.modifier) for b in badges if getattr(d, f"badge_{b.name}")),
        )
        for d in page.object_list
    ]
    return render(
        request,
        "documents/incoming_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "can_register": not access.clerk_scope(request.user).is_empty,
        },
    )


# --- Registration ----------------------------------------------------------------------


@limit_document_upload
@login_required
def incoming_new(request: HttpRequest) -> HttpResponse:
    """Registration form; an oversized upload is refused before anything reads it."""
    return _register(request)


def _register(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    units = access.clerk_units(user)
    if not units:
        raise PermissionDenied
    duplicates: list[IncomingDocument] = []
    # A later part may pre-fill the form (the signatures part: fields read from a scan).
    prefill = hooks.registration_prefill(request)
    register = prefill.register if prefill else register_incoming
    initial = prefill.initial if prefill else None
    if request.method == "POST":
        form = IncomingRegisterForm(
            request.POST, request.FILES, actor=user, units=units, initial=initial
        )
        if form.is_valid():
            uploads = [Upload.from_django(f) for f in form.cleaned_data["files"]]
            try:
                document = register(actor=user, uploads=uploads, **form.action_arguments())
            except ActionError as error:
                if error.code == "probable_duplicate":
                    form.duplicate_suspected = True
                    duplicates = _visible_duplicates(user, form.cleaned_data)
                form.add_action_error(error)
            else:
                messages.success(
                    request,
                    _("Đã vào sổ văn bản đến, số đến %(number)s/%(year)s.")
                    % {"number": document.arrival_number, "year": document.year},
                )
                return redirect(detail_url(document, "main"))
    else:
        form = IncomingRegisterForm(actor=user, units=units, initial=initial)
    for name, note in (prefill.notes if prefill else {}).items():
        form.fields[name].help_text = note
    return render(
        request,
        "documents/incoming_new.html",
        {
            "form": form,
            "prefill_banner": prefill.banner if prefill else "",
            "duplicates": duplicates,
            # A browser never sends chosen files again: say so when the form comes back.
            "files_dropped": bool(request.FILES),
        },
    )


def _visible_duplicates(user: Any, data: dict[str, Any]) -> list[IncomingDocument]:
    """The registered documents the duplicate warning is about, those ``user`` may open."""
    found = queries.probable_duplicates(
        unit=data["unit"],
        issuer_code=data["issuer_code"],
        issuer_name=data["issuer_name"],
        code_number=data["code_number"],
        code_notation=data["code_notation"].upper().replace(" ", ""),
        organ_document_id="",
    )
    visible = set(
        queries.incoming_visible_to(user)
        .filter(pk__in=[d.pk for d in found])
        .values_list("pk", flat=True)
    )
    return [d for d in found if d.pk in visible]


# --- The document page -----------------------------------------------------------------


@dataclass
class AssignmentActions:
    """What the user may do with one assignment they hold, with its forms."""

    assignment: Assignment
    assign_form: InstructionForm | None
    can_start: bool
    finish_form: FinishForm
    return_form: ReturnForm | None
    extension_form: ExtensionRequestForm | None

    @property
    def section(self) -> str:
        return f"assignment-{self.assignment.pk}"


@dataclass(frozen=True)
class HistoryRow:
    at: Any
    actor: Any
    label: str
    from_label: str
    to_label: str
    note: str


Bound = dict[Any, Any]


def _assignment_actions(
    user: Any, case: queries.IncomingCase, bound: Bound
) -> list[AssignmentActions]:
    pending = {e.assignment_id for e in case.extensions if e.status == ExtensionStatus.PENDING}
    handling_roles = (AssignmentRole.LEAD, AssignmentRole.SUPPORT)
    result = []
    for a in case.assignments:
        if not access.can_act_on(user, a):
            continue
        forwardable = a.role != AssignmentRole.INFO
        result.append(
            AssignmentActions(
                assignment=a,
                assign_form=(bound.get(("assign", a.pk)) or InstructionForm(assignment=a))
                if forwardable
                else None,
                can_start=a.status == AssignmentStatus.PENDING and a.role in handling_roles,
                finish_form=bound.get(("finish", a.pk)) or FinishForm(assignment=a),
                return_form=(bound.get(("return", a.pk)) or ReturnForm(assignment=a))
                if forwardable
                else None,
                extension_form=(
                    bound.get(("extension", a.pk)) or ExtensionRequestForm(assignment=a)
                )
                if a.due_date and a.role in handling_roles and a.pk not in pending
                else None,
            )
        )
    return result


def _history(case: queries.IncomingCase) -> list[HistoryRow]:
    return [
        HistoryRow(
            at=t.at,
            actor=t.actor,
            label=str(TRANSITION_LABELS.get(t.action, t.action)),
            from_label=str(STATUS_LABELS.get(t.from_status, t.from_status)),
            to_label=str(STATUS_LABELS.get(t.to_status, t.to_status)),
            note=t.note,
        )
        for t in case.transitions
    ]


def render_detail(
    request: HttpRequest, document: IncomingDocument, *, bound: Bound | None = None
) -> HttpResponse:
    """The document page; ``bound`` holds the form just posted, with its errors."""
    user: Any = request.user
    bound = bound or {}
    case = queries.incoming_case(document)
    present_form = None
    if document.status == IncomingStatus.REGISTERED and access.is_clerk_of(user, document.unit):
        present_form = bound.get("present") or PresentForm(document=document)
    decisions = [
        (
            request_,
            bound.get(("decide", request_.pk)) or ExtensionDecisionForm(request_pk=request_.pk),
        )
        for request_ in case.extensions
        if handling.can_decide_extension(user, request_)
    ]
    office = access.is_clerk_of(user, document.unit) or access.is_leader_of(user, document.unit)
    views = (
        list(DocumentView.objects.filter(incoming=document).select_related("user")[:20])
        if office
        else []
    )
    today = local_today()
    return render(
        request,
        "documents/incoming_detail.html",
        {
            "document": document,
            "case": case,
            "history": _history(case),
            "mine": _assignment_actions(user, case, bound),
            "present_form": present_form,
            "decisions": decisions,
            "comment_form": bound.get("comment") or CommentForm(),
            "views": views,
            "show_views": office,
            "has_errors": any(form.errors for form in bound.values()),
            "overdue": bool(
                document.due_date and document.due_date < today and document.status not in FINISHED
            ),
            "today": today,
        },
    )


@login_required
def incoming_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_incoming_for_user(request.user, pk)
    tracking.record_view(actor=request.user, document=document, ip_address=client_ip(request))
    return render_detail(request, document)


@login_required
def incoming_file(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """Stream one attached file to a user who may see the document; noted in its access
    history."""
    document = access.get_incoming_for_user(request.user, pk)
    attachment = document.attachments.select_related("file").filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    tracking.record_view(actor=request.user, document=document, ip_address=client_ip(request))
    stored = attachment.file
    return FileResponse(
        stored.content.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=stored.media_type,
    )


# --- Handling: each POST calls one action ----------------------------------------------


def _submit(
    request: HttpRequest,
    document: IncomingDocument,
    *,
    key: Any,
    form: Any,
    act: Callable[[dict[str, Any]], str],
) -> HttpResponse:
    """Validate ``form``, call ``act`` (one action, returning the success message), and
    redirect to the document; or show the page again with the form's errors."""
    if form.is_valid():
        try:
            message = act(form.cleaned_data)
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, message)
            return redirect(detail_url(document, "main"))
    return render_detail(request, document, bound={key: form})


def _held(request: HttpRequest, pk: int, assignment_pk: int) -> tuple[IncomingDocument, Assignment]:
    """The document (404 unless visible) and one of its assignments (404 if not its own),
    for the holder of that open assignment only (403 for anyone else)."""
    document = access.get_incoming_for_user(request.user, pk)
    assignment = (
        document.assignments.select_related("assignee_unit", "assignee_user")
        .filter(pk=assignment_pk)
        .first()
    )
    if assignment is None:
        raise Http404
    assignment.document = document
    if not access.can_act_on(request.user, assignment):
        raise PermissionDenied
    return document, assignment


@login_required
@require_POST
def incoming_present(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_incoming_for_user(request.user, pk)
    if not access.is_clerk_of(request.user, document.unit):
        raise PermissionDenied
    form = PresentForm(request.POST, document=document)

    def act(data: dict[str, Any]) -> str:
        leader = form.chosen_leader()
        handling.present(actor=request.user, document=document, leader=leader, note=data["note"])
        return _("Đã trình văn bản tới %(name)s.") % {"name": leader.full_name or leader}

    return _submit(request, document, key="present", form=form, act=act)


@login_required
@require_POST
def incoming_assign(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    document, assignment = _held(request, pk, assignment_pk)
    form = InstructionForm(request.POST, assignment=assignment)

    def act(data: dict[str, Any]) -> str:
        instruction = form.instruction()
        handling.assign(actor=request.user, parent=assignment, instruction=instruction)
        lead = instruction.lead.label() if instruction.lead else ""
        return _("Đã giao %(lead)s chủ trì xử lý.") % {"lead": lead}

    return _submit(request, document, key=("assign", assignment.pk), form=form, act=act)


@login_required
@require_POST
def incoming_start(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    document, assignment = _held(request, pk, assignment_pk)
    handling.start(actor=request.user, assignment=assignment)
    messages.success(request, _("Đã ghi nhận bắt đầu xử lý."))
    return redirect(detail_url(document, "main"))


@login_required
@require_POST
def incoming_finish(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    document, assignment = _held(request, pk, assignment_pk)
    form = FinishForm(request.POST, assignment=assignment)

    def act(data: dict[str, Any]) -> str:
        handling.finish(actor=request.user, assignment=assignment, result=data["result"])
        if assignment.role == AssignmentRole.PRESENT:
            return _("Đã lưu văn bản để tham khảo.")
        return _("Đã hoàn thành phần việc được giao.")

    return _submit(request, document, key=("finish", assignment.pk), form=form, act=act)


@login_required
@require_POST
def incoming_return(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    document, assignment = _held(request, pk, assignment_pk)
    form = ReturnForm(request.POST, assignment=assignment)

    def act(data: dict[str, Any]) -> str:
        handling.return_to_assigner(
            actor=request.user, assignment=assignment, reason=data["reason"]
        )
        return _("Đã trả lại văn bản cho người giao.")

    return _submit(request, document, key=("return", assignment.pk), form=form, act=act)


@login_required
@require_POST
def incoming_extension_request(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    document, assignment = _held(request, pk, assignment_pk)
    form = ExtensionRequestForm(request.POST, assignment=assignment)

    def act(data: dict[str, Any]) -> str:
        handling.request_extension(
            actor=request.user,
            assignment=assignment,
            requested_due=data["requested_due"],
            reason=data["reason"],
        )
        return _("Đã gửi đề nghị gia hạn đến %(date)s.") % {
            "date": data["requested_due"].strftime("%d/%m/%Y")
        }

    return _submit(request, document, key=("extension", assignment.pk), form=form, act=act)


@login_required
@require_POST
def incoming_extension_decide(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    document = access.get_incoming_for_user(request.user, pk)
    extension = (
        ExtensionRequest.objects.filter(pk=request_pk, assignment__document=document)
        .select_related("assignment")
        .first()
    )
    if extension is None:
        raise Http404
    extension.assignment.document = document
    if not handling.can_decide_extension(request.user, extension):
        raise PermissionDenied
    form = ExtensionDecisionForm(request.POST, request_pk=extension.pk)

    def act(data: dict[str, Any]) -> str:
        approve = data["decision"] == "approve"
        handling.decide_extension(
            actor=request.user, request=extension, approve=approve, note=data["note"]
        )
        if approve:
            return _("Đã đồng ý gia hạn đến %(date)s.") % {
                "date": extension.requested_due.strftime("%d/%m/%Y")
            }
        return _("Đã không đồng ý gia hạn.")

    return _submit(request, document, key=("decide", extension.pk), form=form, act=act)


@login_required
@require_POST
def incoming_comment(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_incoming_for_user(request.user, pk)
    form = CommentForm(request.POST)

    def act(data: dict[str, Any]) -> str:
        handling.add_comment(actor=request.user, document=document, text=data["text"])
        return _("Đã ghi ý kiến.")

    return _submit(request, document, key="comment", form=form, act=act)
