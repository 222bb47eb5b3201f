"""Actions on organisation units: create, change, and the reorganisation events."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record, snapshot
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.organisations import audit_names
from egov.organisations.actions._common import fresh, require_active, require_manage
from egov.organisations.choices import EventKind, LinkRole, StaffStatus
from egov.organisations.models import (
    AdminArea,
    OrgEvent,
    OrgEventLink,
    OrgUnit,
    OrgUnitVersion,
    Person,
)

UNIT_FIELDS = (
    "name",
    "name_en",
    "short_name",
    "abbreviation",
    "organ_code",
    "kind",
    "area",
    "address",
    "phone",
    "email",
    "website_host",
    "valid_from",
    "valid_to",
)
VERSIONED_FIELDS = ("name", "short_name", "abbreviation", "organ_code", "kind")


def _validate_unit(unit: OrgUnit) -> None:
    """Field validators and constraints, reported as one error per field in Vietnamese."""
    try:
        unit.full_clean(
            exclude=["path", "depth", "numchild", "name_folded"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        raise exc
    if unit.organ_code:
        clash = OrgUnit.objects.filter(organ_code=unit.organ_code, valid_to__isnull=True)
        if unit.pk:
            clash = clash.exclude(pk=unit.pk)
        other = clash.first()
        if other is not None:
            raise ActionError(
                _("Mã định danh %(code)s đang được dùng cho “%(unit)s”.")
                % {"code": unit.organ_code, "unit": other.name},
                code="organ_code_taken",
                field="organ_code",
            )


def _open_version(unit: OrgUnit) -> OrgUnitVersion | None:
    version: OrgUnitVersion | None = unit.versions.filter(valid_to__isnull=True).first()
    return version


def _write_version(unit: OrgUnit, parent: OrgUnit | None, day: dt.date, event: OrgEvent) -> None:
    """Close the unit's open version on ``day`` and open a new one with its current values."""
    current = _open_version(unit)
    if current is not None:
        if day <= current.valid_from:
            raise ActionError(
                _(
                    "Ngày hiệu lực %(date)s phải sau lần thay đổi gần nhất của “%(unit)s” "
                    "(%(last)s)."
                )
                % {
                    "date": day.strftime("%d/%m/%Y"),
                    "unit": unit.name,
                    "last": current.valid_from.strftime("%d/%m/%Y"),
                },
                code="effective_date_before_last_change",
                field="effective_date",
            )
        current.valid_to = day
        current.save(update_fields=["valid_to"])
    OrgUnitVersion.objects.create(
        unit=unit,
        parent=parent,
        valid_from=day,
        valid_to=unit.valid_to,
        event=event,
        **{name: getattr(unit, name) for name in VERSIONED_FIELDS},
    )


def _event(kind: str, day: dt.date, actor: Any, decision_ref: str, note: str) -> OrgEvent:
    return OrgEvent.objects.create(
        kind=kind,
        effective_date=day,
        decision_ref=clean(decision_ref),
        note=note.strip(),
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def _link(event: OrgEvent, unit: OrgUnit, role: str, weight: Decimal | None = None) -> None:
    OrgEventLink.objects.create(event=event, unit=unit, role=role, weight=weight)


@transaction.atomic
def create_unit(
    *,
    actor: Any,
    parent: OrgUnit | None,
    name: str,
    kind: str,
    valid_from: dt.date,
    short_name: str = "",
    name_en: str = "",
    abbreviation: str = "",
    organ_code: str = "",
    area: AdminArea | None = None,
    address: str = "",
    phone: str = "",
    email: str = "",
    website_host: str = "",
    decision_ref: str = "",
    note: str = "",
    event: OrgEvent | None = None,
    skip_access_check: bool = False,
) -> OrgUnit:
    """Create a unit under ``parent`` (a root when None), effective ``valid_from``.

    Preconditions: the actor administers the parent (system administrator for a root); the
    parent is in force on ``valid_from``; the organ code, if any, is well-formed and unused.
    """
    require_manage(actor, parent, skip=skip_access_check)
    if parent is not None:
        parent = fresh(parent)
        require_active(parent, valid_from, field="parent")
    unit = OrgUnit(
        name=clean(name),
        name_en=clean(name_en),
        short_name=clean(short_name),
        abbreviation=abbreviation.strip().upper(),
        organ_code=organ_code.strip(),
        kind=kind,
        area=area,
        address=clean(address),
        phone=phone.strip(),
        email=email.strip().lower(),
        website_host=website_host.strip().lower(),
        valid_from=valid_from,
    )
    _validate_unit(unit)
    unit = (
        OrgUnit.objects.add_child(parent, instance=unit)
        if parent
        else OrgUnit.objects.add_root(instance=unit)
    )
    event = event or _event(EventKind.CREATE, valid_from, actor, decision_ref, note)
    _link(event, unit, LinkRole.TARGET)
    _write_version(unit, parent, valid_from, event)
    record(
        action=audit_names.UNIT_CREATE,
        actor=actor,
        obj=unit,
        unit_id=unit.pk,
        after=snapshot(unit, UNIT_FIELDS),
    )
    return cast(OrgUnit, unit)


@transaction.atomic
def update_unit_contacts(
    *, actor: Any, unit: OrgUnit, skip_access_check: bool = False, **changes: Any
) -> OrgUnit:
    """Change attributes that carry no history (address, phone, e-mail, website, English
    name, area). Name, abbreviation, code and kind change through :func:`rename_unit`."""
    allowed = {"address", "phone", "email", "website_host", "name_en", "area"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not contact fields: {sorted(unknown)}")
    require_manage(actor, unit, skip=skip_access_check)
    unit = fresh(unit)
    before = snapshot(unit, changes)
    for name, value in changes.items():
        setattr(unit, name, value.strip() if isinstance(value, str) else value)
    _validate_unit(unit)
    unit.save(update_fields=[*changes, "updated_at"])
    record(
        action=audit_names.UNIT_UPDATE,
        actor=actor,
        obj=unit,
        unit_id=unit.pk,
        before=before,
        after=snapshot(unit, changes),
    )
    return unit


@transaction.atomic
def rename_unit(
    *,
    actor: Any,
    unit: OrgUnit,
    effective_date: dt.date,
    name: str | None = None,
    short_name: str | None = None,
    abbreviation: str | None = None,
    organ_code: str | None = None,
    kind: str | None = None,
    decision_ref: str = "",
    note: str = "",
    skip_access_check: bool = False,
) -> OrgUnit:
    """Record a change of name, abbreviation, organ code or kind from ``effective_date``."""
    require_manage(actor, unit, skip=skip_access_check)
    unit = fresh(unit)
    require_active(unit, effective_date)
    before = snapshot(unit, VERSIONED_FIELDS)
    for field_name, value in (
        ("name", name),
        ("short_name", short_name),
        ("abbreviation", abbreviation),
        ("organ_code", organ_code),
        ("kind", kind),
    ):
        if value is not None:
            value = value.strip()
            setattr(
                unit, field_name, value.upper() if field_name == "abbreviation" else clean(value)
            )
    _validate_unit(unit)
    if snapshot(unit, VERSIONED_FIELDS) == before:
        raise ActionError(_("Không có thay đổi nào để ghi nhận."), code="nothing_changed")
    unit.save()
    event = _event(EventKind.RENAME, effective_date, actor, decision_ref, note)
    _link(event, unit, LinkRole.SOURCE)
    _link(event, unit, LinkRole.TARGET)
    _write_version(unit, OrgUnit.objects.get_parent(unit, update=True), effective_date, event)
    record(
        action=audit_names.UNIT_RENAME,
        actor=actor,
        obj=unit,
        unit_id=unit.pk,
        before=before,
        after=snapshot(unit, VERSIONED_FIELDS),
        note=decision_ref,
    )
    return unit


def _move(unit: OrgUnit, new_parent: OrgUnit, day: dt.date, event: OrgEvent) -> OrgUnit:
    if new_parent.path.startswith(unit.path):
        raise ActionError(
            _("Không thể chuyển “%(unit)s” vào chính nó hoặc một đơn vị trực thuộc nó.")
            % {"unit": unit.name},
            code="tree_cycle",
            field="parent",
        )
    require_active(new_parent, day, field="parent")
    OrgUnit.objects.move(unit, new_parent, pos="last-child")
    unit = cast(OrgUnit, OrgUnit.objects.get(pk=unit.pk))
    _write_version(unit, new_parent, day, event)
    return unit


@transaction.atomic
def move_unit(
    *,
    actor: Any,
    unit: OrgUnit,
    new_parent: OrgUnit,
    effective_date: dt.date,
    decision_ref: str = "",
    note: str = "",
    skip_access_check: bool = False,
) -> OrgUnit:
    """Place ``unit`` (with its subtree) under ``new_parent`` from ``effective_date``."""
    require_manage(actor, unit, skip=skip_access_check)
    require_manage(actor, new_parent, skip=skip_access_check)
    unit, new_parent = fresh(unit), fresh(new_parent)
    require_active(unit, effective_date)
    old_parent = OrgUnit.objects.get_parent(unit, update=True)
    event = _event(EventKind.MOVE, effective_date, actor, decision_ref, note)
    _link(event, unit, LinkRole.SOURCE)
    unit = _move(unit, new_parent, effective_date, event)
    _link(event, unit, LinkRole.TARGET)
    record(
        action=audit_names.UNIT_MOVE,
        actor=actor,
        obj=unit,
        unit_id=unit.pk,
        before={"parent": old_parent.pk if old_parent else None},
        after={"parent": new_parent.pk},
        note=decision_ref,
    )
    return unit


def _close(unit: OrgUnit, day: dt.date) -> None:
    unit.valid_to = day
    unit.save(update_fields=["valid_to", "updated_at"])
    current = _open_version(unit)
    if current is not None:
        current.valid_to = day
        current.save(update_fields=["valid_to"])


def _active_staff(unit: OrgUnit) -> Any:
    return Person.objects.filter(unit=unit, status__in=[StaffStatus.ACTIVE, StaffStatus.ON_LEAVE])


def _current_children(unit: OrgUnit) -> Any:
    return OrgUnit.objects.filter(
        path__startswith=unit.path, depth=unit.depth + 1, valid_to__isnull=True
    )


@transaction.atomic
def dissolve_unit(
    *,
    actor: Any,
    unit: OrgUnit,
    effective_date: dt.date,
    decision_ref: str = "",
    note: str = "",
    skip_access_check: bool = False,
) -> OrgUnit:
    """End ``unit`` on ``effective_date``. Its current sub-units and staff must have been
    moved (or dissolved) first, so nothing is left pointing at a unit that no longer exists."""
    require_manage(actor, unit, skip=skip_access_check)
    unit = fresh(unit)
    require_active(unit, effective_date)
    children = _current_children(unit).count()
    if children:
        raise ActionError(
            _(
                "“%(unit)s” còn %(count)d đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc "
                "giải thể các đơn vị đó trước."
            )
            % {"unit": unit.name, "count": children},
            code="unit_has_children",
        )
    staff = _active_staff(unit).count()
    if staff:
        raise ActionError(
            _("“%(unit)s” còn %(count)d cán bộ đang công tác; hãy điều động họ trước.")
            % {"unit": unit.name, "count": staff},
            code="unit_has_staff",
        )
    event = _event(EventKind.DISSOLVE, effective_date, actor, decision_ref, note)
    _link(event, unit, LinkRole.SOURCE)
    _close(unit, effective_date)
    record(
        action=audit_names.UNIT_DISSOLVE,
        actor=actor,
        obj=unit,
        unit_id=unit.pk,
        after={"valid_to": effective_date.isoformat()},
        note=decision_ref,
    )
    return unit


def _check_weight(weight: Decimal | None) -> None:
    if weight is not None and not (Decimal(0) < weight <= Decimal(1)):
        raise ActionError(
            _("Tỷ trọng phải lớn hơn 0 và không quá 1 (nhận được %(w)s).") % {"w": weight},
            code="weight_out_of_range",
            field="weight",
        )


@transaction.atomic
def merge_units(
    *,
    actor: Any,
    sources: list[tuple[OrgUnit, Decimal | None]],
    target: OrgUnit,
    effective_date: dt.date,
    decision_ref: str = "",
    note: str = "",
    event: OrgEvent | None = None,
    skip_access_check: bool = False,
) -> OrgEvent:
    """Merge ``sources`` into ``target`` (an existing unit, or one just created for the
    merger) on ``effective_date``.

    A source with weight None or 1 merges whole: its current sub-units move under the target,
    its staff transfer to the target, and it ends. A source with a weight below 1 is a partial
    merger: that share goes to the target and the source continues.
    """
    if not sources:
        raise ActionError(_("Cần ít nhất một đơn vị được sáp nhập."), code="no_sources")
    require_manage(actor, target, skip=skip_access_check)
    target = fresh(target)
    require_active(target, effective_date, field="target")
    if event is None:
        event = _event(EventKind.MERGE, effective_date, actor, decision_ref, note)
    _link(event, target, LinkRole.TARGET)
    from egov.organisations.actions.people import transfer_person

    for source, weight in sources:
        require_manage(actor, source, skip=skip_access_check)
        source = fresh(source)
        _check_weight(weight)
        if source.pk == target.pk:
            raise ActionError(
                _("Không thể sáp nhập “%(unit)s” vào chính nó.") % {"unit": source.name},
                code="merge_into_self",
            )
        if target.path.startswith(source.path):
            raise ActionError(
                _("Không thể sáp nhập “%(unit)s” vào đơn vị trực thuộc nó.")
                % {"unit": source.name},
                code="tree_cycle",
            )
        require_active(source, effective_date, field="sources")
        _link(event, source, LinkRole.SOURCE, weight)
        if weight is not None and weight < 1:
            continue
        for child in _current_children(source):
            _move(child, OrgUnit.objects.get(pk=target.pk), effective_date, event)
        for person in _active_staff(source):
            transfer_person(
                actor=actor,
                person=person,
                unit=target,
                effective_date=effective_date,
                decision_ref=decision_ref,
                note=_("Theo sáp nhập đơn vị"),
                skip_access_check=True,
            )
        _close(OrgUnit.objects.get(pk=source.pk), effective_date)
        record(
            action=audit_names.UNIT_MERGE,
            actor=actor,
            obj=source,
            unit_id=source.pk,
            after={"merged_into": target.pk, "valid_to": effective_date.isoformat()},
            note=decision_ref,
        )
    return event


@transaction.atomic
def split_unit(
    *,
    actor: Any,
    source: OrgUnit,
    targets: list[tuple[OrgUnit, Decimal]],
    effective_date: dt.date,
    dissolve_source: bool,
    decision_ref: str = "",
    note: str = "",
    event: OrgEvent | None = None,
    skip_access_check: bool = False,
) -> OrgEvent:
    """Record that ``source`` was split into ``targets`` (already created), each receiving
    the given share. Shares must add up to 1 when the source ends, and to less than 1 when it
    continues with the remainder."""
    require_manage(actor, source, skip=skip_access_check)
    source = fresh(source)
    require_active(source, effective_date)
    if not targets:
        raise ActionError(_("Cần ít nhất một đơn vị mới."), code="no_targets")
    total = Decimal(0)
    for target, weight in targets:
        _check_weight(weight)
        require_active(target, effective_date, field="targets")
        total += weight
    if dissolve_source and total != Decimal(1):
        raise ActionError(
            _("Khi đơn vị cũ chấm dứt, tổng tỷ trọng phải bằng 1 (hiện là %(t)s).") % {"t": total},
            code="weights_must_sum_to_one",
        )
    if not dissolve_source and total >= Decimal(1):
        raise ActionError(
            _("Đơn vị cũ còn tiếp tục thì tổng tỷ trọng tách ra phải nhỏ hơn 1 (hiện là %(t)s).")
            % {"t": total},
            code="weights_too_large",
        )
    if event is None:
        event = _event(EventKind.SPLIT, effective_date, actor, decision_ref, note)
    _link(event, source, LinkRole.SOURCE)
    for target, weight in targets:
        _link(event, target, LinkRole.TARGET, weight)
    if dissolve_source:
        if _current_children(source).exists() or _active_staff(source).exists():
            raise ActionError(
                _("Hãy chuyển đơn vị trực thuộc và cán bộ của “%(unit)s” trước khi chấm dứt.")
                % {"unit": source.name},
                code="unit_not_empty",
            )
        _close(source, effective_date)
    record(
        action=audit_names.UNIT_SPLIT,
        actor=actor,
        obj=source,
        unit_id=source.pk,
        after={"targets": {str(t.pk): str(w) for t, w in targets}, "dissolved": dissolve_source},
        note=decision_ref,
    )
    return event
