"""Editors' screens (signed-in officials of an issuing body): enter, correct and publish
documents, their signed PDF, relations and validity override; gazette issues; import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.documents.actions.files import Upload
from egov.gazette import access, queries
from egov.gazette.actions import documents as doc_actions
from egov.gazette.actions import relations as rel_actions
from egov.gazette.choices import DocState, DocType, LegalField, Validity
from egov.gazette.forms import DocumentForm, OverrideForm, PdfForm, RelationForm
from egov.gazette.models import LegalDocument, Relation
from egov.gazette.search import code_key
from egov.lib.dates import local_today
from egov.lib.errors import ActionError

PAGE_SIZE = 50


def _require_editor(request: HttpRequest) -> None:
    if not access.is_editor(request.user):
        raise PermissionDenied


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    qs = access.documents_for_editor(request.user).defer(*queries.LIST_DEFER)
    state = request.GET.get("state", "")
    if state in DocState.values:
        qs = qs.filter(state=state)
    text = request.GET.get("q", "").strip()
    if text:
        qs = qs.filter(Q(code_key__contains=code_key(text)) | Q(title__icontains=text))
    page = Paginator(qs.order_by("-updated_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "gazette/document_list.html",
        {"page": page, "state": state, "states": DocState.choices, "q": text},
    )


def _data(form: DocumentForm) -> doc_actions.DocumentData:
    d = form.cleaned_data
    return doc_actions.DocumentData(
        issuer=d["issuer"],
        doc_type=d["doc_type"],
        code=d["code"],
        title=d["title"],
        signer_title=d["signer_title"],
        signer_name=d["signer_name"],
        issue_date=d["issue_date"],
        effective_date=d["effective_date"],
        expiry_date=d["expiry_date"],
        fields=d["legal_fields"],
        scope=d["scope"],
        applicability=d["applicability"],
        source=d["source"],
        body_text=d["body_text"],
    )


def _initial(document: LegalDocument) -> dict[str, Any]:
    return {
        "issuer": document.issuer,
        "doc_type": document.doc_type,
        "code": document.code,
        "title": document.title,
        "issue_date": document.issue_date,
        "effective_date": document.effective_date,
        "expiry_date": document.expiry_date,
        "signer_title": document.signer_title,
        "signer_name": document.signer_name,
        "legal_fields": document.fields,
        "scope": document.scope,
        "applicability": document.applicability,
        "source": document.source,
        "body_text": document.body_text,
    }


@login_required
def document_new(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    form = DocumentForm(request.POST or None, issuers=access.issuers_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            document = doc_actions.create_document(actor=request.user, data=_data(form))
        except ActionError as error:
            form.add_action_error(error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(
                request, _("Đã nhập văn bản %(code)s (chưa đăng).") % {"code": document.code}
            )
            return redirect("gazette:document", document.pk)
    return render(request, "gazette/document_form.html", {"form": form, "document": None})


@login_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request.user, pk, need="change")
    form = DocumentForm(
        request.POST or None, initial=_initial(document), issuers=access.issuers_for(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            doc_actions.update_document(actor=request.user, document=document, data=_data(form))
        except ActionError as error:
            form.add_action_error(error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Đã lưu thông tin văn bản."))
            return redirect("gazette:document", document.pk)
    return render(request, "gazette/document_form.html", {"form": form, "document": document})


def _page(request: HttpRequest, document: LegalDocument, **forms: Any) -> HttpResponse:
    status = queries.document_status(document)
    context = {
        "document": document,
        "type_label": DocType(document.doc_type).label,
        "field_labels": [LegalField(f).label for f in document.fields],
        "status": status,
        "status_label": Validity(status).label,
        "relations": queries.relations_of(document, public=False),
        "history": document.transitions.select_related("actor"),
        "pdf_form": forms.get("pdf_form") or PdfForm(),
        "relation_form": forms.get("relation_form") or RelationForm(),
        "override_form": forms.get("override_form")
        or OverrideForm(
            initial={
                "status": document.override_status,
                "start": document.override_from or local_today(),
                "reason": document.override_reason,
            }
        ),
        "publish_error": forms.get("publish_error"),
    }
    return render(request, "gazette/document.html", context)


@login_required
def document_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, access.get_document_for_user(request.user, pk))


@login_required
@require_POST
def document_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request.user, pk, need="change")
    form = PdfForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            doc_actions.attach_signed_pdf(
                actor=request.user,
                document=document,
                upload=Upload.from_django(form.cleaned_data["pdf"]),
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, _("Đã lưu văn bản gốc (PDF)."))
            return redirect("gazette:document", document.pk)
    return _page(request, document, pdf_form=form)


@login_required
@require_POST
def document_publish(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request.user, pk, need="change")
    try:
        doc_actions.publish_document(actor=request.user, document=document)
    except ActionError as error:
        return _page(request, document, publish_error=error.message)
    messages.success(request, _("Đã đăng văn bản %(code)s.") % {"code": document.code})
    return redirect("gazette:document", document.pk)


def _find_target(user: Any, source: LegalDocument, code: str) -> LegalDocument | None:
    """The document a relation points at, by its number/notation: the source's issuer
    first, then any published document, then a draft of the editor's issuers."""
    key = code_key(code)
    candidates = (
        LegalDocument.objects.filter(code_key=key)
        .filter(Q(state=DocState.PUBLISHED) | Q(pk__in=access.documents_for_editor(user)))
        .annotate(
            same=Case(
                When(issuer=source.issuer, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("same", "-issue_date")
    )
    return candidates.first()


@login_required
@require_POST
def relation_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request.user, pk, need="change")
    form = RelationForm(request.POST)
    if form.is_valid():
        code = form.cleaned_data["target"].strip()
        target = _find_target(request.user, document, code) if code else None
        if code and target is None:
            form.add_error(
                "target",
                _("Không tìm thấy văn bản số ký hiệu “%(code)s” trong cơ sở dữ liệu.")
                % {"code": code},
            )
        else:
            try:
                rel_actions.add_relation(
                    actor=request.user,
                    source=document,
                    kind=form.cleaned_data["kind"],
                    target=target,
                    target_label="" if target else form.cleaned_data["target_label"],
                )
            except ActionError as error:
                form.add_action_error(error)
            else:
                messages.success(request, _("Đã ghi quan hệ."))
                return redirect("gazette:document", document.pk)
    return _page(request, document, relation_form=form)


@login_required
@require_POST
def relation_remove(request: HttpRequest, pk: int, relation_pk: int) -> HttpResponse:
    document = access.get_document_for_user(request.user, pk, need="change")
    relation = get_object_or_404(Relation, pk=relation_pk, source=document)
    rel_actions.remove_relation(actor=request.user, relation=relation)
    messages.success(request, _("Đã xóa quan hệ."))
    return redirect("gazette:document", document.pk)


@login_required
@require_POST
def override(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_document_for_user(request.user, pk, need="change")
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            doc_actions.set_validity_override(
                actor=request.user,
                document=document,
                status=form.cleaned_data["status"],
                start=form.cleaned_data["start"],
                reason=form.cleaned_data["reason"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, _("Đã lưu tình trạng hiệu lực."))
            return redirect("gazette:document", document.pk)
    return _page(request, document, override_form=form)
