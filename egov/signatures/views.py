"""Screens of the signatures part: the key page (register a PKCS#12 key, one's own or the
organisation's), the two signing actions posted from the outgoing document's page, and the
signed files. Views parse input, call one action, render; a refusal comes back as a message
on the document's page, naming what went wrong (wrong PIN, expired certificate…)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from egov.documents.access import clerk_units
from egov.lib.errors import ActionError
from egov.organisations import access as org_access
from egov.signatures import access
from egov.signatures.actions import keys as key_actions
from egov.signatures.actions import signing
from egov.signatures.constants import MAX_IMAGE_BYTES, MAX_PKCS12_BYTES
from egov.signatures.forms import Pkcs12KeyForm, SecretForm
from egov.signatures.models import Signature, SigningKey


def _document_url(pk: int) -> str:
    return reverse("documents:outgoing_detail", args=[pk]) + "#chu-ky-so"


def _run(request: HttpRequest, pk: int, action: Any, success: str) -> HttpResponse:
    user: Any = request.user
    document = access.get_outgoing_for_user(user, pk)
    form = SecretForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập mã PIN hoặc mật khẩu khóa ký số."))
        return redirect(_document_url(pk))
    try:
        action(actor=user, document=document, secret=form.cleaned_data["secret"])
    except ActionError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as exc:
        raise Http404 from exc
    else:
        messages.success(request, success)
    return redirect(_document_url(pk))


@login_required
@require_POST
def sign_as_signer(request: HttpRequest, pk: int) -> HttpResponse:
    return _run(
        request,
        pk,
        signing.sign_as_signer,
        _("Đã ký số văn bản. Văn thư sẽ cấp số, phát hành và ký số của cơ quan."),
    )


@login_required
@require_POST
def seal_as_organisation(request: HttpRequest, pk: int) -> HttpResponse:
    return _run(
        request,
        pk,
        signing.seal_as_organisation,
        _("Đã ký số của cơ quan lên văn bản và các phụ lục."),
    )


@login_required
@require_GET
def signed_file(request: HttpRequest, pk: int, signature_pk: int) -> FileResponse:
    document = access.get_outgoing_for_user(request.user, pk)
    signature = (
        Signature.objects.filter(document=document, pk=signature_pk)
        .select_related("signed")
        .first()
    )
    if signature is None:
        raise Http404
    response = FileResponse(
        signature.signed.content.open("rb"),
        as_attachment=True,
        filename=signature.name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


#: Where an action's refusal shows on the key form.
_FORM_FIELDS = {"image": "image", "secret": "password", "file": "file"}


def _read_upload(upload: Any, limit: int) -> bytes:
    if upload is None:
        return b""
    if upload.size > limit:
        return b"\0" * (limit + 1)  # refused by the action with its own message
    return bytes(upload.read())


@login_required
@require_http_methods(["GET", "POST"])
def key_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not org_access.is_staff_member(user):
        raise Http404  # keys are for officials: a citizen's account has none to register
    units = clerk_units(user)
    form = Pkcs12KeyForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            key_actions.register_pkcs12_key(
                actor=user,
                data=_read_upload(data["file"], MAX_PKCS12_BYTES),
                password=data["password"],
                image=_read_upload(data.get("image"), MAX_IMAGE_BYTES),
                unit=data.get("unit"),
            )
        except ActionError as error:
            form.add_error(_FORM_FIELDS.get(error.field or "", "file"), error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, _("Đã đăng ký khóa ký số."))
            return redirect("signatures:keys")
    keys = SigningKey.objects.filter(Q(owner=user) | Q(unit__in=units), active=True)
    return render(
        request,
        "signatures/keys.html",
        {"form": form, "keys": keys.select_related("unit", "owner")},
    )


def _copy_for_user(user: Any, pk: int) -> Any:
    from egov.documents.models import DocumentCopy

    copy = DocumentCopy.objects.select_related("unit").filter(pk=pk).first()
    if copy is None:
        raise Http404
    if copy.incoming_id is not None:
        incoming = access.get_incoming_for_user(user, copy.incoming_id)
        url = reverse("documents:incoming_detail", args=[incoming.pk])
    else:
        assert copy.outgoing_id is not None  # noqa: S101 - a copy has one source
        outgoing = access.get_outgoing_for_user(user, copy.outgoing_id)
        url = reverse("documents:outgoing_detail", args=[outgoing.pk])
    return copy, url + "#ban-sao-dien-tu"


@login_required
@require_POST
def seal_copy(request: HttpRequest, pk: int) -> HttpResponse:
    from egov.signatures.actions.copies import seal_copy as seal

    copy, back = _copy_for_user(request.user, pk)
    form = SecretForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập mã PIN hoặc mật khẩu khóa ký số."))
        return redirect(back)
    try:
        seal(actor=request.user, copy=copy, secret=form.cleaned_data["secret"])
    except ActionError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as exc:
        raise Http404 from exc
    else:
        messages.success(request, _("Đã ký số bản sao điện tử."))
    return redirect(back)


@login_required
@require_GET
def copy_file(request: HttpRequest, pk: int) -> FileResponse:
    from egov.signatures.models import CopySeal

    copy, _back = _copy_for_user(request.user, pk)
    seal = CopySeal.objects.filter(copy=copy).select_related("signed").first()
    if seal is None:
        raise Http404
    response = FileResponse(
        seal.signed.content.open("rb"),
        as_attachment=True,
        filename=seal.name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
