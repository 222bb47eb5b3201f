"""Actions on staff records. Employment history is never overwritten: each change closes the
current period, opens the next, and writes a StaffEvent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record, snapshot
from egov.lib.errors import ActionError
from egov.lib.text import clean
from egov.organisations import access, audit_names, hooks
from egov.organisations.actions._common import require_active, require_manage
from egov.organisations.choices import StaffEventKind, StaffStatus
from egov.organisations.models import Employment, OrgUnit, Person, Position, StaffEvent

PERSON_FIELDS = (
    "full_name",
    "staff_code",
    "gender",
    "birth_date",
    "email",
    "phone",
    "status",
    "unit",
    "position",
    "title",
)
_LEAVING = {
    StaffEventKind.LEAVE: (StaffStatus.ON_LEAVE, audit_names.PERSON_LEAVE),
    StaffEventKind.RETIRE: (StaffStatus.RETIRED, audit_names.PERSON_RETIRE),
    StaffEventKind.RESIGN: (StaffStatus.LEFT, audit_names.PERSON_RESIGN),
}


def _check_email(email: str, exclude: int | None) -> None:
    if not email:
        return
    clash = Person.objects.filter(email__iexact=email)
    if exclude:
        clash = clash.exclude(pk=exclude)
    other = clash.first()
    if other is not None:
        raise ActionError(
            _("Thư điện tử %(email)s đã thuộc về %(name)s.")
            % {"email": email, "name": other.full_name},
            code="email_taken",
            field="email",
        )


def _check_staff_code(code: str, exclude: int | None) -> None:
    if not code:
        return
    clash = Person.objects.filter(staff_code=code)
    if exclude:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        raise ActionError(
            _("Mã cán bộ %(code)s đã được dùng.") % {"code": code},
            code="staff_code_taken",
            field="staff_code",
        )


def _event(person: Person, kind: str, day: dt.date, actor: Any, **extra: Any) -> StaffEvent:
    return StaffEvent.objects.create(
        person=person,
        kind=kind,
        effective_date=day,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        **extra,
    )


def _close_employment(person: Person, day: dt.date) -> None:
    current = person.employments.filter(valid_to__isnull=True).first()
    if current is None:
        return
    if day <= current.valid_from:
        raise ActionError(
            _("Ngày hiệu lực %(date)s phải sau ngày bắt đầu công tác hiện tại (%(start)s).")
            % {"date": day.strftime("%d/%m/%Y"), "start": current.valid_from.strftime("%d/%m/%Y")},
            code="effective_date_before_last_change",
            field="effective_date",
        )
    current.valid_to = day
    current.save(update_fields=["valid_to"])


@transaction.atomic
def hire_person(
    *,
    actor: Any,
    full_name: str,
    unit: OrgUnit,
    effective_date: dt.date,
    position: Position | None = None,
    title: str = "",
    email: str = "",
    phone: str = "",
    staff_code: str = "",
    gender: str = "",
    birth_date: dt.date | None = None,
    user: Any = None,
    decision_ref: str = "",
    skip_access_check: bool = False,
) -> Person:
    """Take a person on in ``unit`` from ``effective_date``. E-mail and staff code unique."""
    require_manage(actor, unit, skip=skip_access_check)
    require_active(unit, effective_date, field="unit")
    full_name = clean(full_name)
    if not full_name:
        raise ActionError(
            _("Họ và tên không được để trống."), code="name_required", field="full_name"
        )
    email = email.strip().lower()
    _check_email(email, None)
    _check_staff_code(staff_code.strip(), None)
    person = Person(
        full_name=full_name,
        unit=unit,
        position=position,
        title=clean(title),
        email=email,
        phone=phone.strip(),
        staff_code=staff_code.strip(),
        gender=gender,
        birth_date=birth_date,
        user=user,
        status=StaffStatus.ACTIVE,
    )
    person.full_clean(exclude=["full_name_folded", "user"], validate_constraints=False)
    person.save()
    Employment.objects.create(
        person=person, unit=unit, position=position, title=person.title, valid_from=effective_date
    )
    _event(
        person,
        StaffEventKind.HIRE,
        effective_date,
        actor,
        unit=unit,
        position=position,
        title=person.title,
        decision_ref=decision_ref,
    )
    record(
        action=audit_names.PERSON_HIRE,
        actor=actor,
        obj=person,
        unit_id=unit.pk,
        after=snapshot(person, PERSON_FIELDS),
    )
    hooks.hired(person, actor=actor, effective_date=effective_date)
    return person


@transaction.atomic
def update_person(
    *, actor: Any, person: Person, skip_access_check: bool = False, **changes: Any
) -> Person:
    """Correct personal and contact fields (not the unit or post: those are events)."""
    allowed = {"full_name", "staff_code", "gender", "birth_date", "email", "phone"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    require_manage(actor, person.unit, skip=skip_access_check)
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = snapshot(person, changes)
    for name, value in changes.items():
        if isinstance(value, str):
            value = value.strip().lower() if name == "email" else clean(value)
        setattr(person, name, value)
    _check_email(person.email, person.pk)
    _check_staff_code(person.staff_code, person.pk)
    person.full_clean(exclude=["full_name_folded", "user"], validate_constraints=False)
    person.save()
    record(
        action=audit_names.PERSON_UPDATE,
        actor=actor,
        obj=person,
        unit_id=person.unit_id,
        before=before,
        after=snapshot(person, changes),
    )
    return person


@transaction.atomic
def transfer_person(
    *,
    actor: Any,
    person: Person,
    unit: OrgUnit,
    effective_date: dt.date,
    position: Position | None = None,
    title: str | None = None,
    decision_ref: str = "",
    note: str = "",
    skip_access_check: bool = False,
) -> Person:
    """Move ``person`` to ``unit`` (and optionally a new post). The administrator must
    administer both the unit left and the unit joined."""
    require_manage(actor, person.unit, skip=skip_access_check)
    require_manage(actor, unit, skip=skip_access_check)
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.status not in (StaffStatus.ACTIVE, StaffStatus.ON_LEAVE):
        raise ActionError(
            _("%(name)s không còn công tác nên không thể điều động.") % {"name": person.full_name},
            code="person_not_active",
        )
    unit = OrgUnit.objects.get(pk=unit.pk)  # dissolved since the caller read it?
    require_active(unit, effective_date, field="unit")
    same_post = position is None and title is None
    if unit.pk == person.unit_id and same_post:
        raise ActionError(_("Cán bộ đã thuộc đơn vị này."), code="nothing_changed", field="unit")
    before = snapshot(person, PERSON_FIELDS)
    old_unit = person.unit
    _close_employment(person, effective_date)
    person.unit = unit
    if position is not None:
        person.position = position
    if title is not None:
        person.title = clean(title)
    person.save(update_fields=["unit", "position", "title", "updated_at"])
    Employment.objects.create(
        person=person,
        unit=unit,
        position=person.position,
        title=person.title,
        valid_from=effective_date,
    )
    kind = StaffEventKind.TRANSFER if unit.pk != before["unit"] else StaffEventKind.POSITION
    _event(
        person,
        kind,
        effective_date,
        actor,
        unit=unit,
        position=person.position,
        title=person.title,
        decision_ref=decision_ref,
        note=note,
    )
    record(
        action=audit_names.PERSON_TRANSFER
        if kind == StaffEventKind.TRANSFER
        else audit_names.PERSON_POSITION,
        actor=actor,
        obj=person,
        unit_id=unit.pk,
        before=before,
        after=snapshot(person, PERSON_FIELDS),
        note=decision_ref,
    )
    hooks.transferred(person, actor=actor, old_unit=old_unit, effective_date=effective_date)
    return person


@transaction.atomic
def end_employment(
    *,
    actor: Any,
    person: Person,
    kind: str,
    effective_date: dt.date,
    decision_ref: str = "",
    note: str = "",
    skip_access_check: bool = False,
) -> Person:
    """Leave (temporary), retirement or resignation from ``effective_date``. The record
    stays; later parts (mailboxes, roles) react to the status."""
    if kind not in _LEAVING:
        raise ValueError(f"not a leaving event: {kind}")
    require_manage(actor, person.unit, skip=skip_access_check)
    person = Person.objects.select_for_update().get(pk=person.pk)
    status, action_name = _LEAVING[StaffEventKind(kind)]
    allowed_from = (
        (StaffStatus.ACTIVE,)
        if kind == StaffEventKind.LEAVE
        else (StaffStatus.ACTIVE, StaffStatus.ON_LEAVE)
    )
    if person.status not in allowed_from:
        raise ActionError(
            _("Không thể ghi nhận “%(kind)s” cho cán bộ đang ở tình trạng “%(status)s”.")
            % {"kind": StaffEventKind(kind).label, "status": person.get_status_display()},
            code="invalid_status_transition",
        )
    before = snapshot(person, ("status",))
    if kind != StaffEventKind.LEAVE:
        _close_employment(person, effective_date)
    person.status = status
    person.save(update_fields=["status", "updated_at"])
    _event(
        person, kind, effective_date, actor, unit=person.unit, decision_ref=decision_ref, note=note
    )
    record(
        action=action_name,
        actor=actor,
        obj=person,
        unit_id=person.unit_id,
        before=before,
        after={"status": status},
        note=decision_ref,
    )
    hooks.left(person, actor=actor, kind=kind, effective_date=effective_date)
    return person


@transaction.atomic
def return_from_leave(
    *, actor: Any, person: Person, effective_date: dt.date, skip_access_check: bool = False
) -> Person:
    require_manage(actor, person.unit, skip=skip_access_check)
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.status != StaffStatus.ON_LEAVE:
        raise ActionError(
            _("Cán bộ không ở tình trạng tạm nghỉ."), code="invalid_status_transition"
        )
    person.status = StaffStatus.ACTIVE
    person.save(update_fields=["status", "updated_at"])
    _event(person, StaffEventKind.RETURN, effective_date, actor, unit=person.unit)
    record(
        action=audit_names.PERSON_RETURN,
        actor=actor,
        obj=person,
        unit_id=person.unit_id,
        before={"status": StaffStatus.ON_LEAVE},
        after={"status": StaffStatus.ACTIVE},
    )
    hooks.returned(person, actor=actor, effective_date=effective_date)
    return person


@transaction.atomic
def link_user(*, actor: Any, person: Person, user: Any, skip_access_check: bool = False) -> Person:
    """Attach a login account to a staff record (one account per person)."""
    if not skip_access_check and not (person.unit and access.can_manage_unit(actor, person.unit)):
        raise PermissionDenied("unit administrator required")
    if Person.objects.filter(user=user).exclude(pk=person.pk).exists():
        raise ActionError(
            _("Tài khoản này đã gắn với cán bộ khác."), code="user_taken", field="user"
        )
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    record(
        action=audit_names.PERSON_LINK_USER,
        actor=actor,
        obj=person,
        unit_id=person.unit_id,
        after={"user": user.pk},
    )
    return person
