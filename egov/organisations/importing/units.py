"""Importing units: each row creates a unit, updates an existing unit's contact details,
or is already up to date. Renames, moves and code changes carry an effective date and a
legal basis, so a file cannot make them: such a row is an error pointing to the right screen.

Parents may be existing units or units created by rows above in the same file (an export
lists parents before children), so a whole tree can be loaded into an empty registry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from egov.lib.dates import local_today
from egov.lib.tabular import UploadedFileLike
from egov.organisations import access, actions, audit_names
from egov.organisations.choices import UnitKind
from egov.organisations.constants import TREE_STEPLEN
from egov.organisations.importing import cells
from egov.organisations.importing._common import RowReader, open_table, record_import, write_all
from egov.organisations.importing.columns import UNIT_COLUMNS, labels
from egov.organisations.importing.directory import UnitDirectory
from egov.organisations.importing.report import ImportReport, RowOutcome
from egov.organisations.models import OrgUnit
from egov.organisations.validators import validate_abbreviation, validate_organ_code

CONTACT_FIELDS = {
    "address": "address",
    "phone": "phone",
    "email": "email",
    "website_host": "website",
}
VERSIONED = ("name", "short_name", "abbreviation", "organ_code", "kind")


@dataclass
class PlannedUnit:
    """A unit a row of the file will create (a stand-in until it exists)."""

    row: int
    values: dict[str, Any]
    parent: OrgUnit | PlannedUnit | None
    valid_from: dt.date
    created: OrgUnit | None = None

    @property
    def name(self) -> str:
        return str(self.values["name"])


@dataclass
class UnitPlan:
    row: int
    new: PlannedUnit | None = None
    unit: OrgUnit | None = None
    changes: dict[str, Any] = field(default_factory=dict)


def _read(reader: RowReader) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": reader.read("name", lambda v: cells.text(v, max_length=255), ""),
        "short_name": reader.read("short_name", lambda v: cells.text(v, max_length=100), ""),
        "abbreviation": reader.read(
            "abbreviation",
            lambda v: cells.validated(cells.text(v, max_length=20).upper(), validate_abbreviation),
            "",
        ),
        "organ_code": reader.read(
            "organ_code",
            lambda v: cells.validated(cells.text(v, max_length=35).upper(), validate_organ_code),
            "",
        ),
        "kind": reader.read("kind", lambda v: cells.choice(v, UnitKind), ""),
        "address": reader.read("address", lambda v: cells.text(v, max_length=255), ""),
        "phone": reader.read("phone", cells.phone, ""),
        "email": reader.read("email", cells.email, ""),
        "website_host": reader.read("website", cells.website_host, ""),
    }
    if not values["name"] and reader.raw("name") is None:
        reader.error("name", _("Tên đơn vị không được để trống."))
    if not values["kind"] and reader.raw("kind") is None:
        reader.error("kind", _("Chưa ghi loại đơn vị."))
    return values


class _UnitImport:
    def __init__(self, actor: Any, report: ImportReport) -> None:
        self.actor = actor
        self.report = report
        self.units = list(OrgUnit.objects.current())
        self.by_path = {unit.path: unit for unit in self.units}
        self.directory = UnitDirectory(self.units)
        self.matched: dict[int, int] = {}
        self.plans: list[UnitPlan] = []
        self.label = labels(UNIT_COLUMNS)

    def parent_of(self, unit: OrgUnit) -> OrgUnit | None:
        return self.by_path.get(unit.path[:-TREE_STEPLEN]) if unit.depth > 1 else None

    def validate(self, reader: RowReader) -> None:
        values = _read(reader)
        valid_from = reader.read("valid_from", cells.date, None) or local_today()
        parent: OrgUnit | PlannedUnit | None = None
        if reader.raw("parent") is not None:
            parent = reader.read("parent", self.directory.resolve, None)
            if parent is None:
                return
        if not values["name"]:
            return
        existing = self._find(reader, values, parent)
        if isinstance(existing, PlannedUnit):
            reader.error(
                "name",
                _("Đơn vị này đã có ở dòng %(row)d của tệp.") % {"row": existing.row},
                values["name"],
            )
        elif existing is not None:
            self._check_existing(reader, existing, values, parent)
        else:
            self._check_new(reader, values, parent, valid_from)

    def _find(
        self, reader: RowReader, values: dict[str, Any], parent: OrgUnit | PlannedUnit | None
    ) -> OrgUnit | PlannedUnit | None:
        found = self.directory.by_code(values["organ_code"])
        if found is not None:
            return found  # type: ignore[no-any-return] # entries are units or stand-ins
        for candidate in self.directory.by_name(values["name"]):
            parent_of = (
                candidate.parent
                if isinstance(candidate, PlannedUnit)
                else self.parent_of(candidate)
            )
            if parent_of is parent:
                return candidate  # type: ignore[no-any-return]
        return None

    def _check_existing(
        self,
        reader: RowReader,
        unit: OrgUnit,
        values: dict[str, Any],
        parent: OrgUnit | PlannedUnit | None,
    ) -> None:
        if unit.pk in self.matched:
            reader.error(
                "name",
                _("Đơn vị “%(unit)s” đã có ở dòng %(row)d của tệp.")
                % {"unit": unit.name, "row": self.matched[unit.pk]},
                values["name"],
            )
            return
        self.matched[unit.pk] = reader.row.number
        if not access.can_manage_unit(self.actor, unit):
            reader.error(
                "name",
                _("Bạn không có quyền quản trị đơn vị “%(unit)s”.") % {"unit": unit.name},
                values["name"],
            )
            return
        current_parent = self.parent_of(unit)
        if current_parent is not parent:
            reader.error(
                "parent",
                _(
                    "“%(unit)s” đang trực thuộc “%(parent)s”; chuyển trực thuộc phải ghi nhận "
                    "bằng chức năng Chuyển trực thuộc (có ngày hiệu lực và căn cứ)."
                )
                % {"unit": unit.name, "parent": current_parent.name if current_parent else "—"},
            )
        for name in VERSIONED:
            value = values[name]
            if value and value != getattr(unit, name):
                reader.error(
                    name,
                    _(
                        "“%(unit)s” đang có %(column)s “%(old)s”; thay đổi này phải ghi nhận "
                        "bằng chức năng Đổi tên (có ngày hiệu lực và căn cứ)."
                    )
                    % {
                        "unit": unit.name,
                        "column": self.label[name].lower(),
                        "old": getattr(unit, name) or "—",
                    },
                )
        changes = {
            name: values[name]
            for name in CONTACT_FIELDS
            if values[name] and values[name] != getattr(unit, name)
        }
        self.plans.append(UnitPlan(row=reader.row.number, unit=unit, changes=changes))

    def _check_new(
        self,
        reader: RowReader,
        values: dict[str, Any],
        parent: OrgUnit | PlannedUnit | None,
        valid_from: dt.date,
    ) -> None:
        if isinstance(parent, OrgUnit) and not access.can_manage_unit(self.actor, parent):
            reader.error(
                "parent",
                _("Bạn không có quyền quản trị đơn vị “%(unit)s” để thêm đơn vị trực thuộc.")
                % {"unit": parent.name},
            )
        elif parent is None and not access.is_system_admin(self.actor):
            reader.error(
                "parent",
                _("Chỉ quản trị hệ thống được thêm đơn vị cấp cao nhất; hãy ghi đơn vị cấp trên."),
            )
        parent_from = parent.valid_from if parent is not None else None
        if parent_from is not None and valid_from < parent_from:
            reader.error(
                "valid_from",
                _("Đơn vị cấp trên “%(parent)s” chỉ có hiệu lực từ ngày %(date)s.")
                % {
                    "parent": parent.name if parent else "",
                    "date": parent_from.strftime("%d/%m/%Y"),
                },
                valid_from.strftime("%d/%m/%Y"),
            )
        planned = PlannedUnit(
            row=reader.row.number, values=values, parent=parent, valid_from=valid_from
        )
        # Added even when the row has errors, so rows below naming it as parent are not
        # reported a second time as "parent not found".
        self.directory.add(planned, name=values["name"], organ_code=values["organ_code"])
        self.plans.append(UnitPlan(row=reader.row.number, new=planned))

    def write(self, plan: UnitPlan) -> None:
        if plan.new is not None:
            new = plan.new
            parent = new.parent.created if isinstance(new.parent, PlannedUnit) else new.parent
            new.created = actions.create_unit(
                actor=self.actor,
                parent=parent,
                valid_from=new.valid_from,
                note=_("Nhập từ tệp %(file)s") % {"file": self.report.filename},
                **new.values,
            )
            self.report.created.append(RowOutcome(row=plan.row, label=new.created.name))
        elif plan.unit is not None and plan.changes:
            actions.update_unit_contacts(actor=self.actor, unit=plan.unit, **plan.changes)
            self.report.updated.append(
                RowOutcome(
                    row=plan.row,
                    label=plan.unit.name,
                    changes=tuple(self.label[CONTACT_FIELDS[name]] for name in plan.changes),
                )
            )
        else:
            self.report.unchanged += 1

    def touched(self) -> list[OrgUnit]:
        units = [plan.new.created for plan in self.plans if plan.new and plan.new.created]
        return units + [plan.unit for plan in self.plans if plan.unit and plan.changes]


def import_units(*, actor: Any, file: UploadedFileLike) -> ImportReport:
    """Validate every row of a units file; only if no row has an error, create and update
    the units through the registry's actions in one transaction and record one
    ``organisations.unit.import`` event. File-level problems raise ActionError; an actor who
    administers nothing gets PermissionDenied."""
    table, report, digest = open_table(actor=actor, file=file, kind="units", columns=UNIT_COLUMNS)
    job = _UnitImport(actor, report)
    for row in table.rows:
        job.validate(RowReader(report, row, job.label))
    if not report.ok:
        return report
    write_all(
        report,
        job.plans,
        row_of=lambda plan: plan.row,
        write=job.write,
        audit=lambda: record_import(
            action=audit_names.UNITS_IMPORT,
            actor=actor,
            report=report,
            object_type="organisations.orgunit",
            units=job.touched(),
            content_hash=digest,
        ),
        column=job.label["name"],
    )
    return report
