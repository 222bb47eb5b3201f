"""Filing a dossier: online by an applicant (status 1, Mới đăng ký) or at the counter by an
officer (status 2, Được tiếp nhận, with the appointment of Mẫu 01); an online dossier is then
received by an officer of the receiving unit. The code is allocated here."""

from __future__ import annotations

import datetime as dt
import secrets
import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.onestop import audit_names, deadlines
from egov.onestop import constants as c
from egov.onestop.actions import files as file_checks
from egov.onestop.actions._common import (
    audit,
    lock,
    notify,
    require_officer_at,
    require_officer_of,
    require_status,
    transition,
)
from egov.onestop.choices import ApplicantKind, Channel, DueChangeKind, ReturnMethod, Status
from egov.onestop.models import Dossier, DossierStep, DueChange, Procedure
from egov.organisations.models import OrgUnit

_KEY_ALPHABET = string.ascii_uppercase.replace("O", "").replace("I", "") + "23456789"


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    kind: str = ApplicantKind.CITIZEN


def next_code(unit: OrgUnit, day: dt.date) -> str:
    """``<organ code>-<YYMMDD>-<NNNN>``: the unit's next number of the day. One statement
    (INSERT … ON CONFLICT DO UPDATE … RETURNING) takes the row lock and increments, so two
    officers receiving at once get consecutive numbers; the number is given back if the
    caller's transaction rolls back (the row update is part of it)."""
    if not unit.organ_code:
        raise ActionError(
            _("%(unit)s chưa có mã định danh điện tử nên chưa cấp được mã hồ sơ.")
            % {"unit": unit.name},
            code="no_organ_code",
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO onestop_dailycounter (unit_id, day, last) VALUES (%s, %s, 1) "
            "ON CONFLICT (unit_id, day) DO UPDATE SET last = onestop_dailycounter.last + 1 "
            "RETURNING last",
            [unit.pk, day],
        )
        number = cursor.fetchone()[0]
    return f"{unit.organ_code}-{day:%y%m%d}-{number:0{c.SEQUENCE_DIGITS}d}"


def _new_key() -> str:
    return "".join(secrets.choice(_KEY_ALPHABET) for _i in range(c.LOOKUP_KEY_LENGTH))


def _check_procedure(procedure: Procedure, unit: OrgUnit, *, online: bool) -> None:
    if not procedure.is_active or not procedure.agencies.filter(pk=unit.pk).exists():
        raise ActionError(
            _("%(unit)s không tiếp nhận thủ tục “%(name)s”.")
            % {"unit": unit.name, "name": procedure.name},
            code="procedure_not_here",
            field="unit",
        )
    if online and not procedure.accepts_online:
        raise ActionError(
            _("Thủ tục “%(name)s” không nhận hồ sơ trực tuyến.") % {"name": procedure.name},
            code="not_online",
        )


def _check_applicant(applicant: Applicant) -> None:
    if not applicant.name.strip():
        raise ActionError(
            _("Nhập họ và tên người nộp hồ sơ."), code="applicant_missing", field="applicant_name"
        )


def _schedule(dossier: Dossier, actor: Any, received_at: dt.datetime) -> None:
    """Appointment and step deadlines from the reception moment; the SET row of Mẫu 01."""
    procedure = dossier.procedure
    dossier.received_at = received_at
    dossier.counted_from = deadlines.counted_from(received_at)
    dossier.due_at = deadlines.due_after(received_at, procedure.time_limit, procedure.time_unit)
    dossier.printed_due_at = dossier.due_at
    elapsed = 0
    steps = []
    for step in procedure.steps.all():
        elapsed += step.share
        due = deadlines.due_after(received_at, elapsed, procedure.time_unit)
        steps.append(
            DossierStep(
                dossier=dossier,
                position=step.position,
                name=step.name,
                unit_id=step.unit_id or dossier.receiving_unit_id,
                due_at=min(due, dossier.due_at),
            )
        )
    DossierStep.objects.bulk_create(steps)
    DueChange.objects.create(
        dossier=dossier,
        kind=DueChangeKind.SET,
        new_due=dossier.due_at,
        actor=actor,
        at=received_at,
    )


def _create(
    *,
    procedure: Procedure,
    unit: OrgUnit,
    applicant: Applicant,
    channel: int,
    actor: Any,
    account: Any,
    details: str,
    return_method: str,
    now: dt.datetime,
) -> Dossier:
    return Dossier.objects.create(
        code=next_code(unit, now.astimezone(BUSINESS_TZ).date()),
        lookup_key=_new_key(),
        procedure=procedure,
        receiving_unit=unit,
        current_unit=unit,
        current_step=0,
        status="",
        channel=channel,
        applicant_kind=applicant.kind,
        applicant_name=applicant.name.strip(),
        applicant_id_number=applicant.id_number.strip(),
        applicant_email=applicant.email.strip(),
        applicant_phone=applicant.phone.strip(),
        applicant_address=applicant.address.strip(),
        account=account,
        details=details,
        submitted_at=now,
        return_method=return_method,
        created_by=actor,
    )


@transaction.atomic
def receive_at_counter(
    *,
    actor: Any,
    procedure: Procedure,
    unit: OrgUnit,
    applicant: Applicant,
    uploads: Sequence[tuple[Any, Any]] = (),
    details: str = "",
    return_method: str = ReturnMethod.IN_PERSON,
    channel: int = Channel.COUNTER,
    now: dt.datetime | None = None,
) -> Dossier:
    """An officer of ``unit`` receives a complete dossier at the counter (or by post):
    code, appointment (Mẫu 01), status 2. Required documents must be there (scanned)."""
    now = now or timezone.now()
    require_officer_of(actor, unit)
    _check_procedure(procedure, unit, online=False)
    _check_applicant(applicant)
    required = list(procedure.documents.filter(required=True))
    checked = file_checks.check_files(uploads, required=required)
    dossier = _create(
        procedure=procedure,
        unit=unit,
        applicant=applicant,
        channel=channel,
        actor=actor,
        account=None,
        details=details,
        return_method=return_method,
        now=now,
    )
    file_checks.store(dossier, checked)
    _schedule(dossier, actor, now)
    transition(dossier, to=Status.RECEIVED, action="receive", actor=actor, to_unit=unit, at=now)
    dossier.save()
    audit(audit_names.DOSSIER_RECEIVE, actor, dossier)
    notify(
        dossier,
        _("Hồ sơ đã được tiếp nhận"),
        _("Hồ sơ “%(name)s” đã được tiếp nhận. Ngày hẹn trả kết quả: %(due)s.")
        % {"name": procedure.name, "due": _fmt(dossier.due_at)},
    )
    return dossier


@transaction.atomic
def submit_online(
    *,
    account: Any,
    verified_email: str,
    procedure: Procedure,
    unit: OrgUnit,
    applicant: Applicant,
    uploads: Sequence[tuple[Any, Any]],
    details: str = "",
    return_method: str = ReturnMethod.ONLINE,
    now: dt.datetime | None = None,
) -> Dossier:
    """An applicant files online, logged in (``account``) or with an e-mail address they
    verified by a code (``verified_email``). Status 1 until an officer receives it."""
    now = now or timezone.now()
    logged_in = account is not None and getattr(account, "is_authenticated", False)
    if not logged_in and not verified_email:
        raise ActionError(
            _("Cần đăng nhập hoặc xác minh địa chỉ thư điện tử trước khi nộp hồ sơ."),
            code="not_verified",
        )
    if not logged_in:
        applicant = Applicant(**{**applicant.__dict__, "email": verified_email})
    _check_procedure(procedure, unit, online=True)
    _check_applicant(applicant)
    required = list(procedure.documents.filter(required=True))
    checked = file_checks.check_files(uploads, required=required)
    dossier = _create(
        procedure=procedure,
        unit=unit,
        applicant=applicant,
        channel=Channel.ONLINE,
        actor=account if logged_in else None,
        account=account if logged_in else None,
        details=details,
        return_method=return_method,
        now=now,
    )
    file_checks.store(dossier, checked)
    transition(dossier, to=Status.NEW, action="submit", actor=dossier.account, to_unit=unit, at=now)
    dossier.save()
    audit(audit_names.DOSSIER_SUBMIT, dossier.account, dossier)
    notify(
        dossier,
        _("Hồ sơ đã được gửi"),
        _("Hồ sơ “%(name)s” đã gửi đến %(unit)s và đang chờ tiếp nhận.")
        % {"name": procedure.name, "unit": unit.name},
    )
    return dossier


@transaction.atomic
def receive_online(*, actor: Any, dossier: Dossier, now: dt.datetime | None = None) -> Dossier:
    """An officer of the receiving unit accepts a dossier filed online: the time limit
    counts from its submission (after hours: the next working day)."""
    now = now or timezone.now()
    dossier = lock(dossier)
    require_officer_at(actor, dossier.receiving_unit, dossier)
    require_status(dossier, (Status.NEW,), _("tiếp nhận hồ sơ"))
    _schedule(dossier, actor, dossier.submitted_at)
    transition(
        dossier, to=Status.RECEIVED, action="receive", actor=actor, to_unit=dossier.receiving_unit
    )
    dossier.save()
    audit(audit_names.DOSSIER_RECEIVE, actor, dossier)
    notify(
        dossier,
        _("Hồ sơ đã được tiếp nhận"),
        _("Hồ sơ đã được tiếp nhận. Ngày hẹn trả kết quả: %(due)s.")
        % {"due": _fmt(dossier.due_at)},
    )
    return dossier


def _fmt(moment: dt.datetime | None) -> str:
    return deadlines.local(moment).strftime("%H:%M %d/%m/%Y") if moment else "—"
