"""Importing staff: a row whose staff code or e-mail is already known updates that person
(and transfers them when the unit, position or title differs); any other row hires a new
person. A blank cell leaves the current value alone: a file never erases data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from egov.lib.dates import local_today
from egov.lib.tabular import Row, UploadedFileLike
from egov.lib.text import fold
from egov.organisations import access, actions, audit_names, hooks
from egov.organisations.choices import Gender, StaffStatus
from egov.organisations.importing import cells
from egov.organisations.importing._common import RowReader, open_table, record_import, write_all
from egov.organisations.importing.columns import STAFF_COLUMNS, labels
from egov.organisations.importing.directory import UnitDirectory
from egov.organisations.importing.report import ImportReport, RowOutcome
from egov.organisations.models import Employment, OrgUnit, Person, Position

#: Fields corrected by update_person, with the column each is read from.
PERSONAL_FIELDS = ("full_name", "staff_code", "email", "phone", "gender", "birth_date")
_MOVING = (StaffStatus.ACTIVE, StaffStatus.ON_LEAVE)


@dataclass
class StaffPlan:
    row: int
    unit: OrgUnit
    values: dict[str, Any]
    position: Position | None
    effective_date: dt.date
    person: Person | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    transfer: bool = False
    #: Labels of the columns whose change makes the transfer (unit, position, title).
    moved: list[str] = field(default_factory=list)


def _cell_texts(rows: list[Row], key: str) -> set[str]:
    """The non-empty texts of one column, as the row validation will read them."""
    found: set[str] = set()
    for row in rows:
        try:
            found.add(cells.text(row.get(key), max_length=300))
        except cells.CellError:
            continue
    return found - {""}


class _StaffImport:
    def __init__(self, actor: Any, report: ImportReport, rows: list[Row]) -> None:
        self.actor = actor
        self.report = report
        self.label = labels(STAFF_COLUMNS)
        self.directory = UnitDirectory()
        self.positions = {fold(p.name): p for p in Position.objects.all()}
        codes = _cell_texts(rows, "staff_code")
        emails = {email.lower() for email in _cell_texts(rows, "email")}
        known = Person.objects.select_related("unit", "position").annotate(
            email_lower=Lower("email")
        ).filter(staff_code__in=codes) | Person.objects.select_related("unit", "position").annotate(
            email_lower=Lower("email")
        ).filter(email_lower__in=emails)
        self.by_code = {p.staff_code: p for p in known if p.staff_code}
        self.by_email = {p.email.lower(): p for p in known if p.email}
        self.current_start = dict(
            Employment.objects.filter(person__in=list(known), valid_to__isnull=True).values_list(
                "person_id", "valid_from"
            )
        )
        self.seen: dict[tuple[str, str], int] = {}
        self.matched: dict[int, int] = {}
        self.plans: list[StaffPlan] = []

    def position(self, value: Any) -> Position | None:
        name = cells.text(value, max_length=100)
        if not name:
            return None
        found = self.positions.get(fold(name))
        if found is None:
            raise cells.CellError(
                _("Chức vụ “%(value)s” chưa có trong danh mục chức vụ.") % {"value": name}
            )
        return found

    def validate(self, reader: RowReader) -> None:
        values = {
            "full_name": reader.read("full_name", lambda v: cells.text(v, max_length=200), ""),
            "staff_code": reader.read("staff_code", lambda v: cells.text(v, max_length=30), ""),
            "email": reader.read("email", cells.email, ""),
            "phone": reader.read("phone", cells.phone, ""),
            "gender": reader.read("gender", lambda v: cells.choice(v, Gender), ""),
            "birth_date": reader.read("birth_date", cells.birth_date, None),
            "title": reader.read("title", lambda v: cells.text(v, max_length=150), ""),
        }
        position = reader.read("position", self.position, None)
        start = reader.read("start_date", cells.date, None)
        if reader.raw("full_name") is None:
            reader.error("full_name", _("Họ và tên không được để trống."))
        unit: OrgUnit | None = None
        if reader.raw("unit") is None:
            reader.error("unit", _("Chưa ghi đơn vị công tác."))
        else:
            unit = reader.read("unit", self.directory.resolve, None)
        if reader.raw("staff_code") is None and reader.raw("email") is None:
            reader.error(
                "staff_code",
                _("Cần có mã cán bộ hoặc thư điện tử để nhận ra cán bộ khi nhập lại tệp."),
            )
        self._check_duplicates(reader, values)
        person = self._match(reader, values)
        if unit is None:
            return
        if not access.can_manage_unit(self.actor, unit):
            reader.error(
                "unit",
                _("Bạn không có quyền quản trị đơn vị “%(unit)s”.") % {"unit": unit.name},
            )
            return
        plan = StaffPlan(
            row=reader.row.number,
            unit=unit,
            values=values,
            position=position,
            effective_date=start or local_today(),
            person=person,
        )
        if person is None:
            self._check_active(reader, unit, plan.effective_date)
        else:
            self._plan_update(reader, plan, person, start)
        self.plans.append(plan)

    def _check_duplicates(self, reader: RowReader, values: dict[str, Any]) -> None:
        for key in ("staff_code", "email"):
            value = values[key]
            if not value:
                continue
            first = self.seen.setdefault((key, value), reader.row.number)
            if first != reader.row.number:
                reader.error(
                    key,
                    _("“%(value)s” đã có ở dòng %(row)d của tệp.") % {"value": value, "row": first},
                )

    def _match(self, reader: RowReader, values: dict[str, Any]) -> Person | None:
        by_code = self.by_code.get(values["staff_code"]) if values["staff_code"] else None
        by_email = self.by_email.get(values["email"]) if values["email"] else None
        if by_code and by_email and by_code.pk != by_email.pk:
            reader.error(
                "email",
                _(
                    "Thư điện tử “%(email)s” thuộc %(email_owner)s, còn mã cán bộ “%(code)s” "
                    "thuộc %(code_owner)s."
                )
                % {
                    "email": values["email"],
                    "email_owner": by_email.full_name,
                    "code": values["staff_code"],
                    "code_owner": by_code.full_name,
                },
            )
            return None
        person = by_code or by_email
        if person is None:
            return None
        if person.pk in self.matched:
            reader.error(
                "full_name",
                _("Cán bộ %(name)s đã có ở dòng %(row)d của tệp.")
                % {"name": person.full_name, "row": self.matched[person.pk]},
            )
            return None
        self.matched[person.pk] = reader.row.number
        allowed = (
            access.can_manage_unit(self.actor, person.unit)
            if person.unit is not None
            else access.is_system_admin(self.actor)
        )
        if not allowed:
            reader.error(
                "staff_code" if by_code else "email",
                _("%(name)s đang công tác tại “%(unit)s”, đơn vị bạn không quản trị.")
                % {"name": person.full_name, "unit": person.unit.name if person.unit else "—"},
            )
            return None
        return person

    def _check_active(self, reader: RowReader, unit: OrgUnit, day: dt.date) -> None:
        if not unit.is_active_on(day):
            reader.error(
                "start_date",
                _("Đơn vị “%(unit)s” chưa hoặc không còn hoạt động vào ngày %(date)s.")
                % {"unit": unit.name, "date": day.strftime("%d/%m/%Y")},
                day.strftime("%d/%m/%Y"),
            )

    def _plan_update(
        self, reader: RowReader, plan: StaffPlan, person: Person, start: dt.date | None
    ) -> None:
        for name in PERSONAL_FIELDS:
            value = plan.values[name]
            if value not in ("", None) and value != getattr(person, name):
                plan.changes[name] = value
        title = plan.values["title"]
        if plan.unit.pk != person.unit_id:
            plan.moved.append(self.label["unit"])
        if plan.position is not None and plan.position.pk != person.position_id:
            plan.moved.append(self.label["position"])
        if title and title != person.title:
            plan.moved.append(self.label["title"])
        plan.transfer = bool(plan.moved)
        if not plan.transfer:
            return
        if person.status not in _MOVING:
            reader.error(
                "unit",
                _("%(name)s không còn công tác nên không thể điều động hay đổi chức vụ.")
                % {"name": person.full_name},
            )
            return
        current = self.current_start.get(person.pk)
        day = start if start and (current is None or start > current) else local_today()
        if current is not None and day <= current:
            reader.error(
                "start_date",
                _("Ngày hiệu lực %(date)s phải sau ngày bắt đầu công tác hiện tại (%(start)s).")
                % {"date": day.strftime("%d/%m/%Y"), "start": current.strftime("%d/%m/%Y")},
            )
            return
        plan.effective_date = day
        self._check_active(reader, plan.unit, day)

    def write(self, plan: StaffPlan) -> None:
        values = plan.values
        if plan.person is None:
            person = actions.hire_person(
                actor=self.actor,
                unit=plan.unit,
                effective_date=plan.effective_date,
                position=plan.position,
                **{name: values[name] for name in PERSONAL_FIELDS if values[name] is not None},
                title=values["title"],
            )
            self.report.created.append(RowOutcome(row=plan.row, label=person.full_name))
            return
        person = plan.person
        if plan.changes:
            person = actions.update_person(actor=self.actor, person=person, **plan.changes)
        if plan.transfer:
            person = actions.transfer_person(
                actor=self.actor,
                person=person,
                unit=plan.unit,
                effective_date=plan.effective_date,
                position=plan.position,
                title=values["title"] or None,
                note=_("Nhập từ tệp %(file)s") % {"file": self.report.filename},
            )
        if plan.changes or plan.transfer:
            changed = [self.label[name] for name in plan.changes] + plan.moved
            self.report.updated.append(
                RowOutcome(row=plan.row, label=person.full_name, changes=tuple(changed))
            )
        else:
            self.report.unchanged += 1

    def touched(self) -> list[OrgUnit]:
        return [
            plan.unit for plan in self.plans if plan.person is None or plan.changes or plan.transfer
        ]


def import_staff(*, actor: Any, file: UploadedFileLike) -> ImportReport:
    """Validate every row of a staff file; only if no row has an error, hire, update and
    transfer through the registry's actions in one transaction and record one
    ``organisations.person.import`` event. File-level problems raise ActionError; an actor
    who administers nothing gets PermissionDenied."""
    table, report, digest = open_table(actor=actor, file=file, kind="staff", columns=STAFF_COLUMNS)
    job = _StaffImport(actor, report, table.rows)
    for row in table.rows:
        job.validate(RowReader(report, row, job.label))
    if not report.ok:
        return report
    write_all(
        report,
        job.plans,
        row_of=lambda plan: plan.row,
        write=job.write,
        batch=lambda: hooks.hiring_in_bulk(actor=actor),
        audit=lambda: record_import(
            action=audit_names.STAFF_IMPORT,
            actor=actor,
            report=report,
            object_type="organisations.person",
            units=job.touched(),
            content_hash=digest,
        ),
        column=job.label["full_name"],
    )
    return report
