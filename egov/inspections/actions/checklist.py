"""The checklist of an inspection: built when it starts, then each item's result recorded
by the inspector, free items added, evidence files attached."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit import service as audit
from egov.inspections import access
from egov.inspections import audit_names as names
from egov.inspections.actions._common import (
    actor_or_none,
    check_evidence,
    count_check,
    refuse,
    store_evidence,
)
from egov.inspections.choices import InspectionState, ItemSource, Result
from egov.inspections.models import ChecklistItem, ChecklistTemplate, Evidence, Inspection
from egov.lib.errors import ActionError
from egov.monitoring import queries as monitoring
from egov.monitoring.indicators import Period
from egov.portal import queries as portal

WEBSITE_GROUP = "Trang thông tin điện tử phục vụ điều hành (cấu trúc theo Công văn 459)"


def _verdict(met: bool | None) -> str:
    if met is None:
        return Result.PENDING
    return Result.PASS if met else Result.FAIL


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def build_checklist(inspection: Inspection) -> None:
    """(a) each oversight indicator over the plan's period, pre-judged against its target;
    (b) each seed-003 section of the agency's website as of the inspection day; (c) the
    configured items. Called by ``start_inspection`` inside its transaction."""
    plan = inspection.plan
    items: list[ChecklistItem] = []
    order = 0
    for m in monitoring.measures(inspection.agency, Period(plan.period_from, plan.period_to)):
        order += 1
        if m.value is None:
            detail = _("không có dữ liệu trong kỳ")
        elif m.target is None:
            detail = _("chưa đặt mục tiêu")
        else:
            detail = ""
        items.append(
            ChecklistItem(
                inspection=inspection,
                source=ItemSource.INDICATOR,
                code=m.indicator.code,
                group=_("Chỉ tiêu giám sát ứng dụng CNTT"),
                text=str(m.indicator.name),
                order=order,
                measured=m.value,
                target=m.target,
                unit_label=m.indicator.unit_label,
                suggested=_verdict(m.met),
                result=_verdict(m.met),
                detail=detail,
            )
        )
    sites = [
        s
        for s in portal.site_compliance(inspection.agency, on=inspection.inspected_on)
        if s.home.unit_id == inspection.agency_id
    ]
    if not sites:
        order += 1
        items.append(
            ChecklistItem(
                inspection=inspection,
                source=ItemSource.WEBSITE,
                code="website",
                group=WEBSITE_GROUP,
                text=_("Đơn vị có Trang thông tin điện tử phục vụ điều hành"),
                order=order,
                suggested=Result.FAIL,
                result=Result.FAIL,
                detail=_("chưa có trang trên cổng"),
            )
        )
    for site in sites[:1]:
        for section in site.sections:
            order += 1
            ok = (
                section.filled
                and section.filled_in_time
                and not section.late
                and not section.lapses
            )
            parts = []
            if not section.filled:
                parts.append(_("chưa có nội dung"))
            elif not section.filled_in_time:
                parts.append(_("không hoàn thành trong 60 ngày"))
            if section.last_update:
                parts.append(
                    _("cập nhật lần cuối %(day)s") % {"day": f"{section.last_update:%d/%m/%Y}"}
                )
            if section.late_by:
                parts.append(_("trễ %(n)s ngày làm việc") % {"n": section.late_by})
            if section.lapses:
                parts.append(_("%(n)s lần cập nhật không đúng kỳ") % {"n": section.lapses})
            items.append(
                ChecklistItem(
                    inspection=inspection,
                    source=ItemSource.WEBSITE,
                    code=f"website-{section.section}",
                    group=WEBSITE_GROUP,
                    text=_("Mục “%(label)s” (%(rule)s)")
                    % {"label": section.label, "rule": section.rule_label},
                    order=order,
                    suggested=Result.PASS if ok else Result.FAIL,
                    result=Result.PASS if ok else Result.FAIL,
                    detail="; ".join(str(p) for p in parts)[:300],
                )
            )
    for template in ChecklistTemplate.objects.filter(active=True):
        order += 1
        items.append(
            ChecklistItem(
                inspection=inspection,
                source=ItemSource.TEMPLATE,
                code=template.code,
                group=template.group,
                text=template.text,
                order=order,
                detail=template.basis,
            )
        )
    ChecklistItem.objects.bulk_create(items)


def _require_in_progress(inspection: Inspection) -> None:
    if inspection.state != InspectionState.IN_PROGRESS:
        raise ActionError(
            _("Chỉ ghi kết quả khi cuộc kiểm tra đang tiến hành (hiện: “%(state)s”).")
            % {"state": InspectionState(inspection.state).label},
            code="not_in_progress",
        )


@transaction.atomic
def record_item(
    *,
    actor: Any,
    item: ChecklistItem,
    result: str,
    note: str = "",
    skip_access_check: bool = False,
) -> ChecklistItem:
    """The inspector's result for one item. Overriding a result measured by the system
    needs a note saying why."""
    inspection = item.inspection
    if not skip_access_check and not access.can_conduct(actor, inspection):
        raise refuse()
    _require_in_progress(inspection)
    if result not in Result.values or result == Result.PENDING:
        raise ActionError(
            _("Chọn kết quả: đạt, không đạt hoặc không áp dụng."), code="bad_result", field="result"
        )
    note = note.strip()
    if item.suggested != Result.PENDING and result != item.suggested and not note:
        raise ActionError(
            _("Kết quả khác với kết quả hệ thống đo được: ghi rõ lý do trong phần ghi chú."),
            code="override_needs_note",
            field="note",
        )
    before = {"result": item.result, "note": item.note}
    item.result, item.note = result, note
    item.checked_by, item.checked_at = actor_or_none(actor), timezone.now()
    item.save(update_fields=["result", "note", "checked_by", "checked_at"])
    audit.record(
        action=names.ITEM_RECORD,
        actor=actor_or_none(actor),
        obj=item,
        unit_id=inspection.agency_id,
        before=before,
        after={"result": result, "note": note},
    )
    return item


@transaction.atomic
def add_item(
    *,
    actor: Any,
    inspection: Inspection,
    text: str,
    group: str = "",
    skip_access_check: bool = False,
) -> ChecklistItem:
    """A free item the inspector adds to this inspection's checklist."""
    if not skip_access_check and not access.can_conduct(actor, inspection):
        raise refuse()
    _require_in_progress(inspection)
    text = text.strip()
    if not text:
        raise ActionError(_("Nhập nội dung kiểm tra."), code="text_required", field="text")
    last = inspection.items.order_by("-order").values_list("order", flat=True).first() or 0
    item = ChecklistItem.objects.create(
        inspection=inspection,
        source=ItemSource.FREE,
        group=group.strip()[:120] or _("Nội dung kiểm tra bổ sung"),
        text=text[:500],
        order=last + 1,
    )
    audit.record(
        action=names.ITEM_ADD,
        actor=actor_or_none(actor),
        obj=item,
        unit_id=inspection.agency_id,
        after={"text": item.text},
    )
    return item


@transaction.atomic
def attach_item_evidence(
    *,
    actor: Any,
    item: ChecklistItem,
    uploads: Sequence[Any],
    skip_access_check: bool = False,
) -> list[Evidence]:
    """Evidence files for a checklist result; every file is checked before one is stored."""
    inspection = item.inspection
    if not skip_access_check and not access.can_conduct(actor, inspection):
        raise refuse()
    if inspection.state not in (InspectionState.IN_PROGRESS, InspectionState.CONCLUDED):
        raise ActionError(
            _("Chỉ đính kèm minh chứng khi đang kiểm tra hoặc vừa kết luận."),
            code="not_in_progress",
        )
    if not uploads:
        raise ActionError(_("Chọn tệp minh chứng."), code="file_required", field="file")
    count_check(item.evidence.count(), len(uploads))
    checked = [check_evidence(upload) for upload in uploads]
    stored = [store_evidence(c, actor=actor, item=item) for c in checked]
    audit.record(
        action=names.EVIDENCE_ADD,
        actor=actor_or_none(actor),
        obj=item,
        unit_id=inspection.agency_id,
        after={"files": [c.sha256 for c in checked]},
    )
    return stored
