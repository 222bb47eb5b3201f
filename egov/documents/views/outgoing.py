"""Screens of outgoing documents (văn bản đi): the list with its status tabs, a new draft (or
the draft of a replacement), and the document page with what the user may do at its stage:
add a version, submit for review, review, issue, recall, replace, cancel.

Views parse input, call one action, render. Each POST goes to its own address; a refusal
(ActionError) shows on that form with the error summary at its top, a success redirects to
the page with a message. A document the user may not see, or an action they may never
take on it, answers 404 (as do the actions' PermissionDenied); an action that was possible
but no longer is at the document's current stage (another tab, a double click) says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from egov.audit.middleware import client_ip
from egov.documents import access, queries, queries_search
from egov.documents.actions import distribution, issuing, tracking
from egov.documents.actions import outgoing as outgoing_actions
from egov.documents.actions.files import Upload
from egov.documents.choices import DeliveryRule, OutgoingStatus, ReviewDecision
from egov.documents.forms_outgoing import (
    DistributionForm,
    DraftForm,
    IssueForm,
    OutgoingFilterForm,
    ReasonForm,
    ReviewForm,
    SubmitForm,
    VersionForm,
    cancel_form,
    recall_form,
)
from egov.documents.models import (
    Attachment,
    IncomingDocument,
    OutgoingDocument,
    ReviewStep,
)
from egov.documents.views._uploads import limit_document_upload
from egov.lib.errors import ActionError
from egov.lib.pagination import OnePassPaginator
from egov.organisations import access as org_access

#: Ids of the page sections the forms post back to.
SECTIONS = {
    "version": "add-version",
    "submit": "submit",
    "review": "review",
    "issue": "issue",
    "recall": "recall",
    "distribution": "distribution",
    "cancel": "cancel",
}

TRANSITION_LABELS = {
    "draft": gettext_lazy("Tạo dự thảo"),
    "status": gettext_lazy("Chuyển trạng thái"),
    "issue": gettext_lazy("Cấp số, phát hành"),
    "recall": gettext_lazy("Thu hồi"),
    "replace": gettext_lazy("Bị thay thế"),
    "recipient": gettext_lazy("Tình trạng nơi nhận"),
    "distribution": gettext_lazy("Cập nhật nơi nhận"),
}


def detail_url(document: OutgoingDocument, section: str = "") -> str:
    url = reverse("documents:outgoing_detail", args=[document.pk])
    return f"{url}#{section}" if section else url


def _require_staff(request: HttpRequest) -> None:
    """Citizens and accounts without a staff record or role have no e-office screens."""
    if not org_access.is_staff_member(request.user):
        raise Http404


# --- Upload size ---------------------------------------------------------------------------


def _uploads(files: list[Any]) -> list[Upload]:
    return [Upload.from_django(f) for f in files]


# --- List ----------------------------------------------------------------------------------


@login_required
@require_GET
def outgoing_list(request: HttpRequest) -> HttpResponse:
    _require_staff(request)
    form = OutgoingFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()  # a value that does not parse is dropped and said above the list
    filters, urgency = form.filters()
    tab = request.GET.get("tab", "all")
    if tab not in queries_search.TABS_BY_KEY:
        tab = "all"
    documents = queries_search.outgoing_list(request.user, filters, tab=tab, urgency=urgency)
    page = OnePassPaginator(documents, queries_search.PAGE_SIZE).get_page(request.GET.get("page"))
    counts = queries_search.outgoing_tab_counts(request.user, filters, urgency=urgency)
    tabs = [(t, counts[t.key]) for t in queries_search.OUTGOING_TABS]
    return render(
        request,
        "documents/outgoing_list.html",
        {
            "form": form,
            "page": page,
            "tab": tab,
            "tabs": tabs,
            "can_draft": bool(queries_search.drafting_units_for(request.user)),
        },
    )


# --- New draft -----------------------------------------------------------------------------


def _int_param(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() else None


def _replaced_document(request: HttpRequest) -> OutgoingDocument | None:
    pk = _int_param(request, "replaces")
    return None if pk is None else access.get_outgoing_for_user(request.user, pk)


def _reply_to(request: HttpRequest) -> IncomingDocument | None:
    pk = _int_param(request, "reply_to")
    if pk is None:
        return None
    return queries.incoming_visible_to(request.user).filter(pk=pk).first()


def _draft_initial(
    replaces: OutgoingDocument | None, reply_to: IncomingDocument | None
) -> dict[str, Any]:
    if replaces is not None:
        return {
            "document_type": replaces.document_type_id,
            "is_legal": replaces.is_legal,
            "subject": replaces.subject,
            "urgency": replaces.urgency,
            "secrecy": replaces.secrecy,
            "drafting_unit": replaces.drafting_unit_id,
        }
    if reply_to is not None:
        return {"in_reply_to": reply_to.pk, "urgency": reply_to.urgency}
    return {}


@login_required
@require_http_methods(["GET", "POST"])
@limit_document_upload
def outgoing_new(request: HttpRequest) -> HttpResponse:
    """A new draft; ``?reply_to=<incoming>`` answers a document, ``?replaces=<outgoing>``
    starts the replacement or correction of an issued one."""
    user: Any = request.user
    replaces = _replaced_document(request)
    reply_to = _reply_to(request)
    if request.method == "POST":
        form = DraftForm(
            request.POST, request.FILES, actor=user, replaces=replaces, reply_to=reply_to
        )
    else:
        form = DraftForm(
            actor=user,
            replaces=replaces,
            reply_to=reply_to,
            initial=_draft_initial(replaces, reply_to),
        )
    if not form.is_possible:
        raise Http404
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = outgoing_actions.create_draft(
                actor=user,
                drafting_unit=data["drafting_unit"],
                document_type=data["document_type"],
                subject=data["subject"],
                uploads=_uploads(data["draft_files"]),
                urgency=data["urgency"],
                secrecy=data["secrecy"],
                is_legal=data["is_legal"],
                due_date=data["due_date"],
                in_reply_to=data["in_reply_to"],
                replaces=replaces,
                change_reason=data.get("change_reason", ""),
            )
        except ActionError as error:
            form.add_action_error(error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(
                request,
                _("Đã tạo dự thảo, phiên bản 1. Bước tiếp theo: trình duyệt dự thảo."),
            )
            return redirect(detail_url(document, "main"))
    return render(
        request,
        "documents/outgoing_form.html",
        {"form": form, "replaces": replaces, "reply_to": reply_to},
    )


# --- Detail --------------------------------------------------------------------------------


def last_chain(document: OutgoingDocument) -> list[int]:
    """The reviewers then the signer of the latest round, as the drafter lined them up
    (people a reviewer asked in between are left out): the next round's suggestion."""
    chain: list[int] = []
    previous: ReviewStep | None = None
    for step in document.review_steps.filter(round=document.review_round).order_by("order"):
        asked = previous is not None and previous.decision == ReviewDecision.FORWARDED
        if not asked and step.reviewer_id not in chain:
            chain.append(step.reviewer_id)
        previous = step
    return chain


def delivery_effect(document: OutgoingDocument) -> list[str]:
    """What the type's delivery rule (and secrecy) mean for the recipients, in words."""
    rule = document.document_type.delivery_rule
    if document.is_secret:
        return [
            _("Văn bản mật không gửi qua mạng: mọi nơi nhận nhận bản giấy."),
            _(
                "Chỉ chọn đơn vị trong hệ thống hoặc nơi nhận qua bưu chính; không gửi theo "
                "mã định danh hay thư điện tử."
            ),
        ]
    if rule == DeliveryRule.ELECTRONIC_ONLY:
        return [
            _("Mọi nơi nhận nhận bản điện tử; không gửi bản giấy."),
            _("Không chọn được nơi nhận qua bưu chính."),
        ]
    if rule == DeliveryRule.PARALLEL:
        return [
            _(
                "Nơi nhận trong hệ thống, theo mã định danh và thư điện tử nhận bản điện tử, "
                "kèm bản giấy."
            ),
            _("Nơi nhận qua bưu chính nhận bản giấy."),
        ]
    return [
        _("Mọi nơi nhận nhận bản giấy."),
        _("Không gửi qua thư điện tử."),
    ]


def _review_rounds(document: OutgoingDocument) -> list[tuple[int, list[ReviewStep]]]:
    rounds: dict[int, list[ReviewStep]] = {}
    steps = document.review_steps.select_related("reviewer", "version").order_by("round", "order")
    for step in steps:
        rounds.setdefault(step.round, []).append(step)
    return sorted(rounds.items(), reverse=True)


def _history(document: OutgoingDocument) -> list[dict[str, Any]]:
    labels = dict(OutgoingStatus.choices)
    return [
        {
            "at": t.at,
            "actor": t.actor.get_full_name() if t.actor else _("Hệ thống"),
            "action": TRANSITION_LABELS.get(t.action, t.action),
            "from": labels.get(t.from_status, ""),
            "to": labels.get(t.to_status, ""),
            "note": t.note,
        }
        for t in document.transitions.select_related("actor").order_by("at", "pk")
    ]


def _may_replace(user: Any, document: OutgoingDocument) -> bool:
    if document.status != OutgoingStatus.ISSUED:
        return False
    return any(
        outgoing_actions.agency_of(unit).pk == document.unit_id
        for unit in queries_search.drafting_units_for(user)
    )


def _may_recall(user: Any, document: OutgoingDocument) -> bool:
    return access.is_clerk_of(user, document.unit) or access.is_leader_of(user, document.unit)


def render_detail(
    request: HttpRequest, document: OutgoingDocument, *, bound: dict[str, Any] | None = None
) -> HttpResponse:
    """The document page; ``bound`` holds the form just posted, with its errors."""
    user: Any = request.user
    bound = bound or {}
    context: dict[str, Any] = {
        "document": document,
        "sections": SECTIONS,
        "versions": document.versions.select_related("created_by").prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.select_related("file"))
        ),
        "final_files": document.attachments.select_related("file"),
        "rounds": _review_rounds(document),
        "history": _history(document),
        "recipients": document.recipients.select_related("unit"),
        "replaced_by": queries.outgoing_visible_to(user).filter(replaces=document).order_by("pk"),
        "in_reply_to": queries.incoming_visible_to(user).filter(pk=document.in_reply_to_id).first()
        if document.in_reply_to_id
        else None,
        "replaces": queries.outgoing_visible_to(user).filter(pk=document.replaces_id).first()
        if document.replaces_id
        else None,
    }
    if access.can_edit_draft(user, document):
        context["version_form"] = bound.get("version") or VersionForm()
        if document.versions.exists():
            context["submit_form"] = bound.get("submit") or SubmitForm(
                document=document, last_chain=last_chain(document)
            )
        context["cancel_form"] = bound.get("cancel") or cancel_form()
    step = (
        outgoing_actions.current_step(document)
        if document.status == OutgoingStatus.IN_REVIEW
        else None
    )
    context["current_step"] = step
    if step is not None and step.reviewer_id == user.pk:
        context["review_form"] = bound.get("review") or ReviewForm(
            document=document, actor=user, is_signer=step.is_signer
        )
    if access.can_issue(user, document):
        context["issue_form"] = bound.get("issue") or IssueForm()
        context["delivery_effect"] = delivery_effect(document)
    if document.status == OutgoingStatus.ISSUED and _may_recall(user, document):
        context["recall_form"] = bound.get("recall") or recall_form()
    if document.status == OutgoingStatus.ISSUED and access.is_clerk_of(user, document.unit):
        context["distribution_form"] = bound.get("distribution") or DistributionForm(
            document=document
        )
    context["may_replace"] = _may_replace(user, document)
    return render(request, "documents/outgoing_detail.html", context)


@login_required
@require_GET
def outgoing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_outgoing_for_user(request.user, pk)
    tracking.record_view(actor=request.user, document=document, ip_address=client_ip(request))
    return render_detail(request, document)


@login_required
@require_GET
def outgoing_file(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """A file of one of the document's versions (or of the issued document), to whoever may
    see the document; noted in its access history."""
    document = access.get_outgoing_for_user(request.user, pk)
    attachment = (
        Attachment.objects.filter(Q(outgoing=document) | Q(draft__document=document))
        .filter(pk=attachment_pk)
        .select_related("file")
        .first()
    )
    if attachment is None:
        raise Http404
    tracking.record_view(actor=request.user, document=document, ip_address=client_ip(request))
    response = FileResponse(
        attachment.file.content.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.file.media_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- Actions on the document ---------------------------------------------------------------


def _no_longer_possible(request: HttpRequest, document: OutgoingDocument) -> HttpResponse:
    messages.warning(
        request,
        _(
            "Văn bản đang ở trạng thái “%(status)s”: thao tác vừa chọn không còn thực hiện "
            "được. Trang đã được cập nhật."
        )
        % {"status": document.get_status_display()},
    )
    return redirect(detail_url(document, "main"))


def _perform(
    request: HttpRequest,
    document: OutgoingDocument,
    form: Any,
    key: str,
    action: Callable[[dict[str, Any]], str],
) -> HttpResponse:
    """Run one action with the form's data: on success a message and back to the page, on
    a refusal the page again with the form and its errors."""
    if form.is_valid():
        try:
            message = action(form.cleaned_data)
        except ActionError as error:
            form.add_action_error(error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, message)
            return redirect(detail_url(document, "main"))
    return render_detail(request, document, bound={key: form})


def _drafter_document(request: HttpRequest, pk: int) -> OutgoingDocument:
    document = access.get_outgoing_for_user(request.user, pk)
    if document.drafter_id != request.user.pk:
        raise Http404
    return document


@login_required
@require_http_methods(["GET", "POST"])
@limit_document_upload
def outgoing_add_version(request: HttpRequest, pk: int) -> HttpResponse:
    document = _drafter_document(request, pk)
    if request.method != "POST":
        return redirect(detail_url(document, SECTIONS["version"]))
    if not access.can_edit_draft(request.user, document):
        return _no_longer_possible(request, document)
    form = VersionForm(request.POST, request.FILES)

    def add(data: dict[str, Any]) -> str:
        version = outgoing_actions.add_version(
            actor=request.user,
            document=document,
            uploads=_uploads(data["draft_files"]),
            note=data["note"],
        )
        return _("Đã thêm phiên bản %(n)s của dự thảo.") % {"n": version.number}

    return _perform(request, document, form, "version", add)


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_submit(request: HttpRequest, pk: int) -> HttpResponse:
    document = _drafter_document(request, pk)
    if request.method != "POST":
        return redirect(detail_url(document, SECTIONS["submit"]))
    if not access.can_edit_draft(request.user, document):
        return _no_longer_possible(request, document)
    form = SubmitForm(request.POST, document=document, last_chain=[])

    def submit(data: dict[str, Any]) -> str:
        reviewer_ids, signer_id = form.chain_ids()
        users = get_user_model().objects.in_bulk([*reviewer_ids, signer_id])
        steps = outgoing_actions.submit_for_review(
            actor=request.user,
            document=document,
            reviewers=[users[pk] for pk in reviewer_ids],
            signer=users[signer_id],
        )
        return _("Đã trình dự thảo; đang chờ ý kiến của %(name)s.") % {
            "name": steps[0].reviewer.get_full_name()
        }

    return _perform(request, document, form, "submit", submit)


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_review(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    document = access.get_outgoing_for_user(user, pk)
    if not document.review_steps.filter(reviewer=user).exists():
        raise Http404
    if request.method != "POST":
        return redirect(detail_url(document, SECTIONS["review"]))
    step = (
        outgoing_actions.current_step(document)
        if document.status == OutgoingStatus.IN_REVIEW
        else None
    )
    if step is None or step.reviewer_id != request.user.pk:
        return _no_longer_possible(request, document)
    form = ReviewForm(request.POST, document=document, actor=request.user, is_signer=step.is_signer)

    def review(data: dict[str, Any]) -> str:
        forward_to = None
        if data["decision"] == ReviewDecision.FORWARDED and data.get("forward_to"):
            forward_to = get_user_model().objects.get(pk=data["forward_to"])
        outgoing_actions.review(
            actor=request.user,
            document=document,
            decision=data["decision"],
            comment=data["comment"],
            forward_to=forward_to,
        )
        if data["decision"] == ReviewDecision.RETURNED:
            return _("Đã trả lại dự thảo cho người soạn thảo.")
        if forward_to is not None:
            return _("Đã chuyển xin ý kiến %(name)s; sau đó dự thảo trở lại bạn.") % {
                "name": forward_to.get_full_name()
            }
        return _("Đã ghi ý kiến đồng ý.")

    return _perform(request, document, form, "review", review)


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_issue(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_outgoing_for_user(request.user, pk)
    if not access.is_clerk_of(request.user, document.unit):
        raise Http404
    if request.method != "POST":
        return redirect(detail_url(document, SECTIONS["issue"]))
    if document.status != OutgoingStatus.APPROVED:
        return _no_longer_possible(request, document)
    form = IssueForm(request.POST)

    def issue(data: dict[str, Any]) -> str:
        issued = issuing.issue(
            actor=request.user, document=document, recipients=form.recipient_specs()
        )
        return _("Đã cấp số %(number)s và phát hành văn bản.") % {
            "number": issued.number_and_notation
        }

    return _perform(request, document, form, "issue", issue)


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_recall(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_outgoing_for_user(request.user, pk)
    if not _may_recall(request.user, document):
        raise Http404
    if request.method != "POST":
        return redirect(detail_url(document, SECTIONS["recall"]))
    if document.status != OutgoingStatus.ISSUED:
        return _no_longer_possible(request, document)
    form: ReasonForm = recall_form(request.POST)

    def recall(data: dict[str, Any]) -> str:
        issuing.recall(actor=request.user, document=document, reason=data["reason"])
        return _("Đã thu hồi văn bản %(number)s.") % {"number": document.number_and_notation}

    return _perform(request, document, form, "recall", recall)


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_distribution(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_outgoing_for_user(request.user, pk)
    if not access.is_clerk_of(request.user, document.unit):
        raise Http404
    if request.method != "POST":
        return redirect(detail_url(document, SECTIONS["distribution"]))
    if document.status != OutgoingStatus.ISSUED:
        return _no_longer_possible(request, document)
    form = DistributionForm(request.POST, document=document)

    def update(data: dict[str, Any]) -> str:
        added, removed = distribution.update_distribution(
            actor=request.user,
            document=document,
            add=form.recipient_specs(),
            remove=[r.pk for r in data["remove"]],
            reason=data["reason"],
        )
        return _("Đã cập nhật nơi nhận: thêm %(added)d, rút %(removed)d.") % {
            "added": len(added),
            "removed": len(removed),
        }

    return _perform(request, document, form, "distribution", update)


@login_required
@require_http_methods(["GET", "POST"])
def outgoing_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    document = _drafter_document(request, pk)
    if request.method != "POST":
        return redirect(detail_url(document, SECTIONS["cancel"]))
    if not access.can_edit_draft(request.user, document):
        return _no_longer_possible(request, document)
    form: ReasonForm = cancel_form(request.POST)

    def cancel(data: dict[str, Any]) -> str:
        outgoing_actions.cancel_draft(actor=request.user, document=document, reason=data["reason"])
        return _("Đã hủy dự thảo.")

    return _perform(request, document, form, "cancel", cancel)
