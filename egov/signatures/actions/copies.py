"""The organisation's signature on an electronic copy (bản sao điện tử; Nghị định 30, Điều 25
and Phụ lục I box 14): the clerk of the copying agency signs the copied document's main PDF
with the agency's key; the appearance is a text line at the top right of page 1 (form of
copy, copying agency, the copy's number and notation, signing time in ISO 8601)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents.access import is_clerk_of
from egov.documents.actions._common import require
from egov.documents.models import DocumentCopy, StoredFile
from egov.lib.errors import ActionError
from egov.signatures import appearance, audit_names, engine
from egov.signatures.actions.signing import PDF, _read, _sign_with, _store, signed_name
from egov.signatures.constants import COPY_FIELD
from egov.signatures.models import CopySeal, Signature, SigningKey


def copy_source(copy: DocumentCopy) -> tuple[str, StoredFile] | None:
    """The file a copy reproduces: the received document's main file, or the issued
    document's sealed main file (else the signer-signed one, else its last version's)."""
    if copy.incoming is not None:
        main = copy.incoming.attachments.filter(is_main=True).select_related("file").first()
        return (main.name, main.file) if main is not None else None
    document = copy.outgoing
    if document is None:
        return None
    final = document.attachments.filter(is_main=True).select_related("file").first()
    if final is not None:
        return final.name, final.file
    signed = Signature.objects.filter(document=document).order_by("-signed_at").first()
    if signed is not None:
        return signed.name, signed.signed
    version = document.versions.order_by("-number").first()
    main = version.attachments.filter(is_main=True).first() if version else None
    return (main.name, main.file) if main is not None else None


def copy_line(copy: DocumentCopy, moment: Any) -> str:
    return "\n".join(
        [
            f"{copy.get_form_display().upper()} {copy.number:02d}/{copy.notation}",
            copy.unit.name,
            engine.iso_time(moment),
        ]
    )


@transaction.atomic
def seal_copy(*, actor: Any, copy: DocumentCopy, secret: str) -> CopySeal:
    """Preconditions: the actor is a clerk of the copying agency, which has an active key;
    the copied file is a PDF; the copy is not sealed yet."""
    copy = DocumentCopy.objects.select_for_update().select_related("unit").get(pk=copy.pk)
    require(is_clerk_of(actor, copy.unit), "clerk of the copying agency")
    if CopySeal.objects.filter(copy=copy).exists():
        raise ActionError(_("Bản sao này đã được ký số."), code="copy_already_sealed")
    key = SigningKey.objects.filter(unit=copy.unit, active=True).first()
    if key is None:
        raise ActionError(
            _("Cơ quan “%(unit)s” chưa đăng ký khóa ký số của cơ quan.") % {"unit": copy.unit.name},
            code="no_organisation_key",
        )
    source = copy_source(copy)
    if source is None or source[1].media_type != PDF:
        raise ActionError(
            _("Văn bản được sao không có tệp PDF để ký số bản sao."), code="copy_source_not_pdf"
        )
    name, stored = source
    data = _read(stored)
    now = timezone.now()
    line = copy_line(copy, now)
    look = engine.Appearance(text=line, box=appearance.copy_box(engine.page_size(data, 0)), page=0)
    [signed] = _sign_with(
        key,
        secret,
        [(data, COPY_FIELD, look)],
        reason=_("Sao văn bản: %(form)s") % {"form": copy.get_form_display()},
        location=copy.unit.name,
    )
    base = name[: -len(".ky-so.pdf")] + ".pdf" if name.endswith(".ky-so.pdf") else name
    final_name = signed_name(base, f"{copy.form.lower()}-{copy.number:02d}")
    seal = CopySeal.objects.create(
        copy=copy,
        source=stored,
        signed=_store(signed, final_name, actor=actor),
        name=final_name,
        key=key,
        line=line[:300],
        signed_at=now,
        signed_by=actor,
    )
    record(
        action=audit_names.SEAL_COPY,
        actor=actor,
        obj=copy,
        unit_id=copy.unit_id,
        after={"source": stored.sha256, "signed": seal.signed.sha256, "line": line},
    )
    return seal
