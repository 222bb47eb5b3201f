"""The configurable checklist items (templates): provincial inspectors add them and switch
them on or off; an inspection copies the active ones when it starts."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from egov.audit import service as audit
from egov.inspections import access
from egov.inspections import audit_names as names
from egov.inspections.actions._common import actor_or_none, refuse
from egov.inspections.models import ChecklistTemplate
from egov.lib.errors import ActionError


@transaction.atomic
def add_template(
    *,
    actor: Any,
    group: str,
    text: str,
    basis: str = "",
    skip_access_check: bool = False,
) -> ChecklistTemplate:
    if not skip_access_check and not access.can_create_plans(actor):
        raise refuse()
    group, text = group.strip(), text.strip()
    if not group:
        raise ActionError(_("Nhập nhóm nội dung."), code="group_required", field="group")
    if not text:
        raise ActionError(_("Nhập nội dung kiểm tra."), code="text_required", field="text")
    base = slugify(text)[:50] or "noi-dung"
    code, n = base, 1
    while ChecklistTemplate.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    last = ChecklistTemplate.objects.order_by("-order").values_list("order", flat=True).first()
    template = ChecklistTemplate.objects.create(
        code=code,
        group=group[:120],
        text=text[:500],
        basis=basis.strip()[:300],
        order=(last or 0) + 10,
    )
    audit.record(
        action=names.TEMPLATE_SAVE,
        actor=actor_or_none(actor),
        obj=template,
        after={"code": code, "text": template.text, "active": True},
    )
    return template


@transaction.atomic
def set_template_active(
    *,
    actor: Any,
    template: ChecklistTemplate,
    active: bool,
    skip_access_check: bool = False,
) -> ChecklistTemplate:
    """Inspections already started keep their items; new ones use the active templates."""
    if not skip_access_check and not access.can_create_plans(actor):
        raise refuse()
    before = template.active
    template.active = active
    template.save(update_fields=["active"])
    audit.record(
        action=names.TEMPLATE_SAVE,
        actor=actor_or_none(actor),
        obj=template,
        before={"active": before},
        after={"active": active},
    )
    return template
