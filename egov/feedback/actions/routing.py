"""Routing: the administrator's category → agency rules, and re-routing by the receiving
agency to the one that is actually responsible, with the reason recorded."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from egov.audit.service import record, snapshot
from egov.feedback import access, audit_names
from egov.feedback import constants as c
from egov.feedback.actions._common import digest, lock, transition
from egov.feedback.choices import State
from egov.feedback.models import ApiClient, Category, Item
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.organisations.choices import UnitKind
from egov.organisations.models import OrgUnit

_CATEGORY_FIELDS = ("code", "name", "description", "group", "agency", "answer_days", "active")


def _check_agency(agency: OrgUnit, field: str) -> None:
    if agency.kind == UnitKind.DIVISION or agency.valid_to is not None:
        raise ActionError(
            _("Hãy chọn một cơ quan đang hoạt động (không chọn phòng, ban trực thuộc)."),
            code="agency_invalid",
            field=field,
        )


@transaction.atomic
def save_category(
    *,
    actor: Any,
    category: Category | None,
    code: str,
    name: str,
    agency: OrgUnit,
    answer_days: int | None = None,
    description: str = "",
    group: str = "",
    active: bool = True,
    skip_access_check: bool = False,
) -> Category:
    """Create or change a category and its routing rule (system administrators). Items
    already received stay with their agency; new ones follow the new rule."""
    if not skip_access_check and not access.can_manage_categories(actor):
        raise PermissionDenied("feedback: system administrator required")
    code, name = slugify(clean(code))[:40], clean(name)[:200]
    if not code or not name:
        raise ActionError(_("Hãy nhập mã và tên lĩnh vực."), code="category_required", field="name")
    if answer_days is not None and not 1 <= answer_days <= 60:
        raise ActionError(
            _("Thời hạn trả lời từ 1 đến 60 ngày làm việc."),
            code="answer_days_invalid",
            field="answer_days",
        )
    _check_agency(agency, "agency")
    taken = Category.objects.filter(code=code)
    if category is not None:
        taken = taken.exclude(pk=category.pk)
    if taken.exists():
        raise ActionError(
            _("Mã lĩnh vực “%(code)s” đã dùng.") % {"code": code}, code="code_taken", field="code"
        )
    before = snapshot(category, _CATEGORY_FIELDS) if category else None
    target = category or Category()
    target.code, target.name, target.agency = code, name, agency
    target.answer_days, target.active = answer_days, active
    target.description, target.group = clean(description)[:500], clean(group)[:100]
    target.save()
    record(
        action=audit_names.CATEGORY_SAVE,
        actor=actor,
        obj=target,
        unit_id=agency.pk,
        before=before,
        after=snapshot(target, _CATEGORY_FIELDS),
    )
    return target


@transaction.atomic
def reroute(*, actor: Any, item: Item, agency: OrgUnit, reason: str) -> Item:
    """The receiving agency's clerk or leader hands the item to another agency, saying
    why. The deadline does not move: the citizen's clock keeps running. An item waiting
    for the leader or already answered is not re-routed; a pending draft is dropped."""
    item = lock(item)
    if not access.can_route(actor, item.agency):
        raise PermissionDenied("feedback: clerk or leader of the agency required")
    if item.state not in (State.RECEIVED, State.DRAFTING):
        raise ActionError(
            _("Chỉ chuyển phản ánh chưa trình duyệt và chưa trả lời."), code="wrong_state"
        )
    reason = reason.strip()
    if not reason:
        raise ActionError(
            _("Hãy ghi lý do chuyển cơ quan."), code="reason_required", field="reason"
        )
    _check_agency(agency, "agency")
    if agency.pk == item.agency_id:
        raise ActionError(
            _("Phản ánh đang ở chính cơ quan này."), code="same_agency", field="agency"
        )
    before_agency, before_state = item.agency, item.state
    item.agency, item.state, item.draft_text, item.draft_by = agency, State.RECEIVED, "", None
    item.save(update_fields=["agency", "state", "draft_text", "draft_by"])
    transition(
        item,
        action="reroute",
        actor=actor,
        from_state=before_state,
        to_state=State.RECEIVED,
        from_agency=before_agency,
        to_agency=agency,
        note=reason[: c.NOTE_MAX],
    )
    record(
        action=audit_names.ITEM_REROUTE,
        actor=actor,
        obj=item,
        unit_id=before_agency.pk,
        before={"agency": before_agency.pk},
        after={"agency": agency.pk},
        note=reason[: c.NOTE_MAX],
    )
    return item


@transaction.atomic
def create_api_client(*, actor: Any, name: str, skip_access_check: bool = False) -> str:
    """Issue an Open311 ``api_key`` for an application; the key is returned once."""
    if not skip_access_check and not access.can_manage_categories(actor):
        raise PermissionDenied("feedback: system administrator required")
    name = clean(name)[:200]
    if not name:
        raise ActionError(_("Hãy nhập tên ứng dụng."), code="name_required", field="name")
    key = secrets.token_urlsafe(32)
    client = ApiClient.objects.create(name=name, key_hash=digest(key))
    record(action=audit_names.API_CLIENT_CREATE, actor=actor, obj=client)
    return key


def client_for_key(key: str) -> ApiClient | None:
    if not key:
        return None
    found: ApiClient | None = ApiClient.objects.filter(key_hash=digest(key), active=True).first()
    return found
