"""Typed, directed relations between documents (căn cứ, hướng dẫn, sửa đổi, thay thế, bãi
bỏ, ngưng hiệu lực)."""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.gazette import access, audit_names
from egov.gazette.actions._common import (
    actor_or_none,
    public_pages_changed,
    record_document,
    require,
)
from egov.gazette.choices import EXTERNAL_ALLOWED, DocState, RelationKind
from egov.gazette.models import LegalDocument, Relation
from egov.lib.errors import ActionError
from egov.lib.text import clean


def _touch(document: LegalDocument) -> None:
    """The public pages show relations: a change of one is a change of the document."""
    LegalDocument.objects.filter(pk=document.pk).update(updated_at=timezone.now())


#: Names the advisory lock that serialises additions of "replaces" (cycle check).
_REPLACES_LOCK_KEY = 0x6761_7A72


def _replaces_path(start: LegalDocument, goal: LegalDocument) -> bool:
    """Whether ``start`` already replaces ``goal``, directly or through other documents."""
    seen = {start.pk}
    frontier = [start.pk]
    while frontier:
        targets = set(
            Relation.objects.filter(
                source_id__in=frontier, kind=RelationKind.REPLACES, target__isnull=False
            ).values_list("target_id", flat=True)
        )
        if goal.pk in targets:
            return True
        frontier = [pk for pk in targets if pk not in seen]
        seen.update(frontier)
    return False


@transaction.atomic
def add_relation(
    *,
    actor: Any,
    source: LegalDocument,
    kind: str,
    target: LegalDocument | None = None,
    target_label: str = "",
    note: str = "",
    skip_access_check: bool = False,
) -> Relation:
    """Record that ``source`` ``kind`` ``target`` ("A thay thế B"). The target is a document
    of this database or, for grounds and guidance only, a text naming one outside it.

    Refused: a relation to itself; a "replaces" that would close a cycle (A replaces B
    replaces … A); the same relation twice; an unknown kind."""
    if not skip_access_check:
        require(access.can_edit_for(actor, source.issuer), "editor of the source's issuer required")
    if kind not in RelationKind.values:
        raise ActionError(
            _("Loại quan hệ “%(kind)s” không có trong danh mục.") % {"kind": kind},
            code="relation_kind_unknown",
            field="kind",
        )
    label = RelationKind(kind).label
    target_label = clean(target_label)
    if target is None:
        if not target_label:
            raise ActionError(
                _("Hãy chọn văn bản được %(kind)s.") % {"kind": str(label).lower()},
                code="relation_target_required",
                field="target",
            )
        if kind not in EXTERNAL_ALLOWED:
            raise ActionError(
                _(
                    "Chỉ quan hệ căn cứ và hướng dẫn mới được ghi tới văn bản ngoài cơ sở dữ "
                    "liệu; hãy chọn văn bản bị %(kind)s trong danh sách."
                )
                % {"kind": str(label).lower()},
                code="external_not_allowed",
                field="target",
            )
    else:
        target_label = ""
        if target.pk == source.pk:
            raise ActionError(
                _("Văn bản %(code)s không thể có quan hệ “%(kind)s” với chính nó.")
                % {"code": source.code, "kind": label},
                code="relation_to_itself",
                field="target",
            )
        # Serialise additions of "replaces" so two editors cannot close a cycle together.
        if kind == RelationKind.REPLACES:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_REPLACES_LOCK_KEY])
            if _replaces_path(target, source):
                raise ActionError(
                    _(
                        "Không thể ghi “%(source)s thay thế %(target)s”: %(target)s đã thay thế "
                        "%(source)s (trực tiếp hoặc qua văn bản khác), quan hệ thay thế sẽ "
                        "thành vòng tròn."
                    )
                    % {"source": source.code, "target": target.code},
                    code="replaces_cycle",
                    field="target",
                )
        if Relation.objects.filter(source=source, target=target, kind=kind).exists():
            raise ActionError(
                _("Quan hệ “%(source)s %(kind)s %(target)s” đã được ghi.")
                % {"source": source.code, "kind": str(label).lower(), "target": target.code},
                code="relation_exists",
                field="target",
            )
    relation = Relation.objects.create(
        source=source,
        target=target,
        target_label=target_label,
        kind=kind,
        note=clean(note)[:500],
        source_published=source.state == DocState.PUBLISHED,
        source_effective=source.effective_date,
        created_by=actor_or_none(actor),
    )
    _touch(source)
    public_pages_changed()
    record_document(
        audit_names.RELATION_ADD,
        actor=actor,
        document=source,
        after={
            "kind": kind,
            "target": target.pk if target else None,
            "target_code": target.code if target else target_label,
        },
    )
    return relation


@transaction.atomic
def remove_relation(*, actor: Any, relation: Relation) -> None:
    """Forget a relation entered by mistake (audited with what it was)."""
    source = relation.source
    require(access.can_edit_for(actor, source.issuer), "editor of the source's issuer required")
    before = {
        "kind": relation.kind,
        "target": relation.target_id,
        "target_code": relation.target.code if relation.target else relation.target_label,
    }
    relation.delete()
    _touch(source)
    public_pages_changed()
    record_document(
        audit_names.RELATION_REMOVE,
        actor=actor,
        document=source,
        before=before,
        after={},
    )
