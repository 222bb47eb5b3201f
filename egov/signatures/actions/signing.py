"""The two signatures of an outgoing electronic document (Nghị định 30/2020, Điều 5, 13, 14):
the signer's personal signature on the approved text, then, once the clerk has numbered and
issued it, the organisation's signature applied by the clerk with the agency's key.

Each signature produces a new stored file: the file it signs is never modified. Everything is
signed in memory first; only when every file signed are the new files stored and recorded,
so a wrong PIN, an expired or revoked certificate or a broken file leaves nothing behind.
"""

from __future__ import annotations

import io
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents import hooks
from egov.documents.actions import files as file_actions
from egov.documents.actions._common import require
from egov.documents.models import Attachment, OutgoingDocument, StoredFile
from egov.lib.errors import ActionError
from egov.signatures import access, appearance, audit_names, engine
from egov.signatures.actions.keys import source_of
from egov.signatures.choices import SignatureRole
from egov.signatures.constants import ATTACHMENT_FIELD, ORGANISATION_FIELD, SIGNER_FIELD
from egov.signatures.models import Signature, SigningKey

PDF = "application/pdf"


def _lock(document: OutgoingDocument) -> OutgoingDocument:
    return (
        OutgoingDocument.objects.select_for_update(of=("self",))
        .select_related("unit", "signer")
        .get(pk=document.pk)
    )


def _read(stored: StoredFile) -> bytes:
    with stored.content.open("rb") as stream:
        return bytes(stream.read())


def _store(data: bytes, name: str, *, actor: Any) -> StoredFile:
    upload = file_actions.Upload(stream=io.BytesIO(data), name=name, size=len(data))
    [inspected] = file_actions.check_uploads([upload])
    return file_actions.store(upload, inspected, actor=actor)


def signed_name(name: str, suffix: str) -> str:
    stem = name[:-4] if name.lower().endswith(".pdf") else name
    return f"{stem}.{suffix}.pdf"[:255]


def _sign_with(
    key: SigningKey,
    secret: str,
    jobs: list[tuple[bytes, str, engine.Appearance]],
    reason: str,
    location: str,
) -> list[bytes]:
    """Open the key once, check its certificate, sign every job in memory."""
    results = []
    with engine.open_signer(source_of(key), secret) as signer:
        engine.check_certificate(
            engine.signing_certificate(signer), extra=engine.carried_certificates(signer)
        )
        for data, field_name, look in jobs:
            results.append(
                engine.sign_pdf(
                    data,
                    signer=signer,
                    field_name=field_name,
                    look=look,
                    reason=reason,
                    location=location,
                )
            )
    return results


def personal_key(user: Any) -> SigningKey | None:
    return SigningKey.objects.filter(owner=user, active=True).first()


def organisation_key(document: OutgoingDocument) -> SigningKey | None:
    return SigningKey.objects.filter(unit_id=document.unit_id, active=True).first()


@transaction.atomic
def sign_as_signer(*, actor: Any, document: OutgoingDocument, secret: str) -> Signature:
    """The signer signs the main PDF of the version they approved, with their own key and
    the image of their signature (Phụ lục I II.7.d). Preconditions: the actor is the
    document's signer, the document is approved and not yet issued."""
    document = _lock(document)
    require(access.may_sign_as_signer(actor, document), "only the signer signs, once approved")
    key = personal_key(actor)
    if key is None:
        raise ActionError(
            _("Bạn chưa đăng ký khóa ký số. Hãy đăng ký ở trang “Khóa ký số”."),
            code="no_personal_key",
        )
    version = document.versions.order_by("-number").first()
    main = (
        version.attachments.filter(is_main=True).select_related("file").first()
        if version is not None
        else None
    )
    if main is None or main.file.media_type != PDF:
        raise ActionError(
            _("Văn bản chính của phiên bản cuối phải là tệp PDF để ký số."), code="main_not_pdf"
        )
    if Signature.objects.filter(
        document=document, role=SignatureRole.SIGNER, version=version
    ).exists():
        raise ActionError(_("Văn bản này đã được ký số."), code="already_signed")
    data = _read(main.file)
    box = appearance.signer_box(engine.page_size(data, -1))
    [signed] = _sign_with(
        key,
        secret,
        [(data, SIGNER_FIELD, engine.Appearance(image=bytes(key.image), box=box, page=-1))],
        reason=_("Ký ban hành văn bản"),
        location=document.unit.name,
    )
    name = signed_name(main.name, "ky")
    stored = _store(signed, name, actor=actor)
    signature = Signature.objects.create(
        document=document,
        role=SignatureRole.SIGNER,
        name=name,
        source=main.file,
        signed=stored,
        version=version,
        key=key,
        certificate_subject=key.subject,
        signed_at=timezone.now(),
        signed_by=actor,
    )
    record(
        action=audit_names.SIGN_AS_SIGNER,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={
            "version": version.number if version else None,
            "source_sha256": main.file.sha256,
            "signed_sha256": stored.sha256,
            "certificate": key.serial,
        },
    )
    return signature


def signer_signature(document: OutgoingDocument) -> Signature | None:
    return (
        Signature.objects.filter(document=document, role=SignatureRole.SIGNER)
        .select_related("signed", "version", "source")
        .order_by("-signed_at")
        .first()
    )


def awaits_organisation_signature(document: OutgoingDocument) -> bool:
    """Whether an issued document must wait for the clerk's organisation signature before it
    leaves electronically: its signer signed it digitally, its agency has an organisation
    key, and the seal is not on it yet. A document signed on paper is not held."""
    return (
        Signature.objects.filter(document=document, role=SignatureRole.SIGNER).exists()
        and organisation_key(document) is not None
        and not Signature.objects.filter(
            document=document, role=SignatureRole.ORGANISATION
        ).exists()
    )


@transaction.atomic
def seal_as_organisation(*, actor: Any, document: OutgoingDocument, secret: str) -> list[Signature]:
    """The clerk applies the organisation's signature after numbering: on the signer-signed
    main file with the seal image overlapping a third of the signer's image (II.8.a), and on
    each attachment in a separate PDF file with a text line (number and notation, signing
    time in ISO 8601) at the top right of page 1 (III.1.d). The results become the issued
    document's files. Preconditions: the actor is a clerk of the issuing agency, the document
    is issued and carries its signer's signature."""
    document = _lock(document)
    require(access.may_seal(actor, document), "clerk of the issuing agency, once issued")
    signed_by_signer = signer_signature(document)
    if signed_by_signer is None:
        raise ActionError(
            _("Văn bản chưa có chữ ký số của người ký: chưa ký số của cơ quan được."),
            code="signer_signature_missing",
        )
    if Signature.objects.filter(document=document, role=SignatureRole.ORGANISATION).exists():
        raise ActionError(_("Văn bản đã có chữ ký số của cơ quan."), code="already_sealed")
    key = organisation_key(document)
    if key is None:
        raise ActionError(
            _("Cơ quan “%(unit)s” chưa đăng ký khóa ký số của cơ quan.")
            % {"unit": document.unit.name},
            code="no_organisation_key",
        )
    main_data = _read(signed_by_signer.signed)
    signer_rect = engine.field_box(main_data, SIGNER_FIELD) or appearance.signer_box(
        engine.page_size(main_data, -1)
    )
    jobs = [
        (
            main_data,
            ORGANISATION_FIELD,
            engine.Appearance(
                image=bytes(key.image), box=appearance.seal_box(signer_rect), page=-1
            ),
        )
    ]
    extras = []
    if signed_by_signer.version is not None:
        extras = list(
            signed_by_signer.version.attachments.filter(is_main=False, file__media_type=PDF)
            .select_related("file")
            .order_by("ordering", "pk")
        )
    stamp_time = engine.iso_time(timezone.now())
    line = f"{document.number_and_notation}\n{stamp_time}"
    for extra in extras:
        data = _read(extra.file)
        jobs.append(
            (
                data,
                ATTACHMENT_FIELD,
                engine.Appearance(
                    text=line, box=appearance.text_box(engine.page_size(data, 0)), page=0
                ),
            )
        )
    signed_files = _sign_with(
        key,
        secret,
        jobs,
        reason=_("Ban hành văn bản số %(number)s") % {"number": document.number_and_notation},
        location=document.unit.name,
    )
    now = timezone.now()
    created = []
    sources = [(signed_by_signer.name, signed_by_signer.signed, SignatureRole.ORGANISATION)] + [
        (extra.name, extra.file, SignatureRole.ATTACHMENT) for extra in extras
    ]
    for order, ((name, source, role), data) in enumerate(zip(sources, signed_files, strict=True)):
        base = name[: -len(".ky.pdf")] + ".pdf" if name.endswith(".ky.pdf") else name
        final_name = signed_name(base, "ky-so")
        stored = _store(data, final_name, actor=actor)
        Attachment.objects.create(
            file=stored, name=final_name, is_main=order == 0, ordering=order, outgoing=document
        )
        created.append(
            Signature.objects.create(
                document=document,
                role=role,
                name=final_name,
                source=source,
                signed=stored,
                version=signed_by_signer.version,
                key=key,
                certificate_subject=key.subject,
                signed_at=now,
                signed_by=actor,
            )
        )
    record(
        action=audit_names.SEAL_AS_ORGANISATION,
        actor=actor,
        obj=document,
        unit_id=document.unit_id,
        after={
            "number": document.number_and_notation,
            "files": [(s.role, s.source.sha256, s.signed.sha256) for s in created],
            "certificate": key.serial,
        },
    )
    hooks.released(document)  # both signatures on it: it may leave electronically now
    return created
