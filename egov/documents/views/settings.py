"""Administrators' settings of the e-office: the document types."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from egov.documents.actions.catalogue import save_document_type
from egov.documents.forms_settings import DocumentTypeForm
from egov.documents.models import DocumentType
from egov.lib.errors import ActionError
from egov.organisations import access as org_access


def _require_admin(request: HttpRequest) -> None:
    if not org_access.is_system_admin(request.user):
        raise Http404


@login_required
def types(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    return render(request, "documents/settings_types.html", {"types": DocumentType.objects.all()})


@login_required
def type_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _require_admin(request)
    document_type = get_object_or_404(DocumentType, pk=pk) if pk else None
    initial = (
        {
            "name": document_type.name,
            "abbreviation": document_type.abbreviation,
            "can_be_legal": document_type.can_be_legal,
            "delivery_rule": document_type.delivery_rule,
            "active": document_type.active,
        }
        if document_type
        else {"delivery_rule": "electronic_only", "active": True}
    )
    form = DocumentTypeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_document_type(
                actor=request.user, document_type=document_type, **form.cleaned_data
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, _("Đã lưu loại văn bản “%(name)s”.") % {"name": saved.name})
            return redirect("documents:types")
    return render(
        request,
        "documents/settings_type_form.html",
        {"form": form, "document_type": document_type},
    )
