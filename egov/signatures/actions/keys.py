"""Registering signing keys: a person's own, or an organisation's (held by its clerks)."""

from __future__ import annotations

from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents.actions._common import require
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit
from egov.signatures import access, audit_names, engine
from egov.signatures.choices import KeyKind
from egov.signatures.constants import MAX_IMAGE_BYTES, MAX_PKCS12_BYTES
from egov.signatures.models import SigningKey


def _check_image(image: bytes) -> None:
    from PIL import Image, UnidentifiedImageError

    if not image:
        return
    if len(image) > MAX_IMAGE_BYTES:
        raise ActionError(
            _("Ảnh chữ ký, con dấu không được lớn hơn 1 MB."), code="image_too_large", field="image"
        )
    import io

    try:
        picture = Image.open(io.BytesIO(image))
        picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ActionError(
            _("Ảnh chữ ký, con dấu phải là tệp PNG."), code="image_invalid", field="image"
        ) from exc
    if picture.format != "PNG" or picture.mode not in ("RGBA", "LA", "P"):
        raise ActionError(
            _("Ảnh chữ ký, con dấu phải là tệp PNG có nền trong suốt (Phụ lục I)."),
            code="image_not_transparent",
            field="image",
        )


def _save(
    *,
    actor: Any,
    owner: Any,
    unit: OrgUnit | None,
    label: str,
    source: engine.KeySource,
    certificate: x509.Certificate,
    image: bytes,
) -> SigningKey:
    facts = engine.certificate_facts(certificate)
    previous = SigningKey.objects.select_for_update().filter(owner=owner, unit=unit, active=True)
    previous.update(active=False)
    key = SigningKey.objects.create(
        owner=owner,
        unit=unit,
        kind=source.kind,
        label=(label.strip() or facts["common_name"])[:200],
        pkcs12=source.pkcs12,
        pkcs11_module=source.module,
        pkcs11_token=source.token_label,
        pkcs11_key=source.key_label,
        certificate_pem=certificate.public_bytes(Encoding.PEM).decode(),
        subject=facts["subject"][:500],
        serial=facts["serial"],
        not_before=facts["not_before"],
        not_after=facts["not_after"],
        image=image,
        created_by=actor,
    )
    record(
        action=audit_names.KEY_REGISTER,
        actor=actor,
        obj=key,
        unit_id=unit.pk if unit else None,
        after={
            "kind": key.kind,
            "owner": owner.pk if owner else None,
            "unit": unit.pk if unit else None,
            "subject": key.subject,
            "serial": key.serial,
            "not_after": key.not_after.isoformat(),
        },
    )
    return key


@transaction.atomic
def register_pkcs12_key(
    *,
    actor: Any,
    data: bytes,
    password: str,
    image: bytes = b"",
    unit: OrgUnit | None = None,
    label: str = "",
) -> SigningKey:
    """Register a PKCS#12 file as the actor's own key, or (``unit``) as the organisation's.
    The password opens the file once to read and check the certificate; it is not kept."""
    if unit is not None:
        require(access.may_manage_unit_key(actor, unit), "clerk or administrator of the unit")
    if len(data) > MAX_PKCS12_BYTES:
        raise ActionError(_("Tệp khóa quá lớn."), code="pkcs12_too_large", field="file")
    _check_image(image)
    _key, certificate, others = engine.read_pkcs12(data, password)
    engine.check_certificate(certificate, extra=others)
    return _save(
        actor=actor,
        owner=None if unit is not None else actor,
        unit=unit,
        label=label,
        source=engine.KeySource(kind=KeyKind.PKCS12, pkcs12=data),
        certificate=certificate,
        image=image,
    )


@transaction.atomic
def register_pkcs11_key(
    *,
    actor: Any,
    module: str,
    token_label: str,
    key_label: str,
    pin: str,
    image: bytes = b"",
    unit: OrgUnit | None = None,
    label: str = "",
) -> SigningKey:
    """Register a key on a PKCS#11 token (a USB token, an HSM slot); the PIN opens it once
    to read the certificate and is not kept."""
    if unit is not None:
        require(access.may_manage_unit_key(actor, unit), "clerk or administrator of the unit")
    _check_image(image)
    source = engine.KeySource(
        kind=KeyKind.PKCS11, module=module, token_label=token_label, key_label=key_label
    )
    certificate = engine.certificate_of(source, pin)
    engine.check_certificate(certificate)
    return _save(
        actor=actor,
        owner=None if unit is not None else actor,
        unit=unit,
        label=label,
        source=source,
        certificate=certificate,
        image=image,
    )


def source_of(key: SigningKey) -> engine.KeySource:
    return engine.KeySource(
        kind=key.kind,
        pkcs12=bytes(key.pkcs12),
        module=key.pkcs11_module,
        token_label=key.pkcs11_token,
        key_label=key.pkcs11_key,
    )
