"""Administrators' changes to the document types (names, abbreviations, delivery rules)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from egov.audit.service import changed, record, snapshot
from egov.documents import audit_names
from egov.documents.actions._common import require
from egov.documents.choices import DeliveryRule
from egov.documents.models import DocumentType
from egov.lib.errors import ActionError
from egov.lib.text import clean, fold
from egov.organisations import access as org_access

TYPE_FIELDS = (
    "code",
    "name",
    "abbreviation",
    "can_be_legal",
    "delivery_rule",
    "ordering",
    "active",
)


@transaction.atomic
def save_document_type(
    *,
    actor: Any,
    document_type: DocumentType | None,
    name: str,
    abbreviation: str,
    can_be_legal: bool,
    delivery_rule: str,
    active: bool = True,
    ordering: int | None = None,
) -> DocumentType:
    """Create (``document_type`` None) or change a document type. System administrators
    only. Changing an abbreviation affects documents numbered from now on; issued notations
    never change."""
    require(org_access.is_system_admin(actor), "system administrator required")
    name = clean(name)
    abbreviation = clean(abbreviation).replace(" ", "")
    if not name:
        raise ActionError(_("Hãy nhập tên loại văn bản."), code="name_required", field="name")
    if len(abbreviation) > 10 or any(ch in abbreviation for ch in "/-"):
        raise ActionError(
            _("Chữ viết tắt tối đa 10 ký tự, không chứa “/” hoặc “-”."),
            code="abbreviation_invalid",
            field="abbreviation",
        )
    if delivery_rule not in DeliveryRule.values:
        raise ActionError(_("Cách gửi không hợp lệ."), code="rule_invalid", field="delivery_rule")
    others = DocumentType.objects.all()
    if document_type is not None:
        others = others.exclude(pk=document_type.pk)
    if others.filter(name__iexact=name).exists():
        raise ActionError(
            _("Đã có loại văn bản tên “%(name)s”.") % {"name": name},
            code="name_taken",
            field="name",
        )
    if abbreviation and others.filter(abbreviation__iexact=abbreviation, active=True).exists():
        raise ActionError(
            _("Chữ viết tắt “%(abbr)s” đã dùng cho loại khác.") % {"abbr": abbreviation},
            code="abbreviation_taken",
            field="abbreviation",
        )
    before = snapshot(document_type, TYPE_FIELDS) if document_type else {}
    if document_type is None:
        document_type = DocumentType(code=slugify(fold(name))[:30] or "loai")
    document_type.name = name
    document_type.abbreviation = abbreviation
    document_type.can_be_legal = can_be_legal
    document_type.delivery_rule = delivery_rule
    document_type.active = active
    if ordering is not None:
        document_type.ordering = ordering
    document_type.save()
    old, new = changed(before, snapshot(document_type, TYPE_FIELDS))
    record(action=audit_names.TYPE_SAVE, actor=actor, obj=document_type, before=old, after=new)
    return document_type


def ensure_document_types() -> int:
    """Create the reference types of Nghị định 30 that are missing (the data migration's
    work, repeated for databases emptied since, e.g. by transactional tests). Existing rows,
    and an administrator's changes to them, are left alone. Reference data: not audited,
    like the migration. Returns how many were created."""
    from egov.documents.reference import DOCUMENT_TYPES

    created = 0
    for order, (code, name, abbreviation, can_be_legal, rule) in enumerate(DOCUMENT_TYPES, 1):
        _row, was_created = DocumentType.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "abbreviation": abbreviation,
                "can_be_legal": can_be_legal,
                "delivery_rule": rule,
                "ordering": order,
            },
        )
        created += was_created
    return created
