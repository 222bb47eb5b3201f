from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from egov.audit.service import record, snapshot
from egov.documents import access, audit_names
from egov.documents.actions._common import require
from egov.documents.actions.numbering import next_number, next_number_in_series
from egov.documents.choices import Direction, RegisterKind, Secrecy
from egov.documents.models import Clearance, DocumentType, Register
from egov.lib.errors import ActionError
from egov.organisations.models import OrgUnit

_DEFAULT_NAMES: dict[tuple[str, str], str] = {
    (Direction.INCOMING, RegisterKind.GENERAL): _("Sổ đăng ký văn bản đến"),
    (Direction.INCOMING, RegisterKind.SECRET): _("Sổ đăng ký văn bản đến mật"),
    (Direction.OUTGOING, RegisterKind.GENERAL): _("Sổ đăng ký văn bản đi"),
    (Direction.OUTGOING, RegisterKind.SECRET): _("Sổ đăng ký văn bản đi mật"),
    (Direction.OUTGOING, RegisterKind.COPY): _("Sổ đăng ký bản sao văn bản"),
}


def _series(
    *, secrecy: int, legal_type: DocumentType | None, copies: bool
) -> tuple[str, DocumentType | None]:
    if copies:
        return RegisterKind.COPY, None
    if secrecy > Secrecy.NONE:
        return RegisterKind.SECRET, None
    if legal_type is not None:
        return RegisterKind.LEGAL, legal_type
    return RegisterKind.GENERAL, None


def number_for(
    unit: OrgUnit,
    direction: str,
    year: int,
    *,
    secrecy: int = Secrecy.NONE,
    legal_type: DocumentType | None = None,
    copies: bool = False,
) -> tuple[int, int]:
    """``(register id, number)``: the next number of ``year`` in the register
    :func:`register_for` would choose, found and taken in one statement once the register
    exists (see ``numbering.next_number`` for why it is gap-free and race-free)."""
    kind, document_type = _series(secrecy=secrecy, legal_type=legal_type, copies=copies)
    type_id = document_type.pk if document_type is not None else None
    taken = next_number_in_series(unit, direction, kind, type_id, year)
    if taken is not None:
        return taken
    register = register_for(unit, direction, secrecy=secrecy, legal_type=legal_type, copies=copies)
    return register.pk, next_number(register, year)


def register_for(
    unit: OrgUnit,
    direction: str,
    *,
    secrecy: int = Secrecy.NONE,
    legal_type: DocumentType | None = None,
    copies: bool = False,
) -> Register:
    """The register a document goes into, opened on first use. Secret documents have
    their own series; each legal-normative type has its own (Nghị định 30, Điều 15)."""
    kind, document_type = _series(secrecy=secrecy, legal_type=legal_type, copies=copies)
    existing = Register.objects.filter(
        unit=unit, direction=direction, kind=kind, document_type=document_type, active=True
    ).first()
    if existing is not None:
        return existing
    if document_type is not None:
        name = _("Sổ %(type)s quy phạm pháp luật") % {"type": document_type.name}
    else:
        name = str(_DEFAULT_NAMES[(direction, kind)])
    try:
        with transaction.atomic():
            register = Register.objects.create(
                unit=unit,
                direction=direction,
                kind=kind,
                document_type=document_type,
                name=f"{name} — {unit.short_name or unit.name}",
            )
    except IntegrityError:
        # Another transaction opened it first.
        return Register.objects.get(
            unit=unit, direction=direction, kind=kind, document_type=document_type, active=True
        )
    record(
        action=audit_names.REGISTER_OPEN,
        actor=None,
        obj=register,
        unit_id=unit.pk,
        after=snapshot(register, ("unit", "direction", "kind", "document_type", "name")),
    )
    return register


@transaction.atomic
def grant_clearance(
    *, actor: Any, user: Any, unit: OrgUnit, level: int, skip_access_check: bool = False
) -> Clearance:
    """Allow ``user`` to see secret documents of ``unit`` up to ``level``. Only the
    unit's administrators grant it, and only to someone holding a role in that unit."""
    require(skip_access_check or access.can_manage_registers(actor, unit), "unit admin required")
    if level not in (Secrecy.SECRET, Secrecy.TOP_SECRET, Secrecy.ULTRA_SECRET):
        raise ActionError(_("Độ mật không hợp lệ."), code="level_invalid", field="level")
    clearance, _created = Clearance.objects.update_or_create(
        user=user,
        unit=unit,
        defaults={
            "level": level,
            "granted_by": actor if actor and actor.is_authenticated else None,
        },
    )
    access.forget_clearances(user)
    record(
        action=audit_names.CLEARANCE_GRANT,
        actor=actor,
        obj=clearance,
        unit_id=unit.pk,
        after=snapshot(clearance, ("user", "unit", "level")),
    )
    return clearance
