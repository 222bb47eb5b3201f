"""Finding a unit named in a cell: by organ code, exact name or number (id), among the
units in force. Loaded once per file, so validating 20,000 rows costs no query per row."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from egov.lib.tabular import CellValue
from egov.lib.text import clean
from egov.organisations.importing.cells import CellError, text
from egov.organisations.models import OrgUnit

_ID_SUFFIX = re.compile(r"\[#(\d+)\]\s*$")
_ID_ONLY = re.compile(r"^#?(\d+)$")


def _name_key(name: str) -> str:
    return clean(name).casefold()


class UnitDirectory:
    """Current units (and, for a units file, the units planned by rows above), found by
    the references a user writes. Entries are OrgUnit rows or planned stand-ins."""

    def __init__(self, units: list[OrgUnit] | None = None) -> None:
        self._by_id: dict[int, Any] = {}
        self._by_code: dict[str, Any] = {}
        self._by_name: dict[str, list[Any]] = defaultdict(list)
        for unit in units if units is not None else list(OrgUnit.objects.current()):
            self.add(unit, name=unit.name, organ_code=unit.organ_code, pk=unit.pk)

    def add(self, entry: Any, *, name: str, organ_code: str, pk: int | None = None) -> None:
        if pk is not None:
            self._by_id[pk] = entry
        if organ_code:
            self._by_code[organ_code.upper()] = entry
        self._by_name[_name_key(name)].append(entry)

    def by_code(self, organ_code: str) -> Any | None:
        return self._by_code.get(organ_code.upper()) if organ_code else None

    def by_name(self, name: str) -> list[Any]:
        return list(self._by_name.get(_name_key(name), []))

    def resolve(self, value: CellValue) -> Any:
        """The unit a cell names, or :class:`CellError` saying why none or several match."""
        raw = text(value, max_length=300)
        number = _ID_ONLY.match(raw) or _ID_SUFFIX.search(raw)
        if number is not None:
            found = self._by_id.get(int(number.group(1)))
            if found is None:
                raise CellError(
                    _("Không có đơn vị đang hoạt động mang số hiệu %(id)s.")
                    % {"id": number.group(1)}
                )
            return found
        found = self.by_code(raw)
        if found is not None:
            return found
        matches = self.by_name(raw)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise CellError(
                _(
                    "Có %(count)d đơn vị cùng tên “%(name)s”; hãy ghi mã định danh hoặc số "
                    "hiệu dạng “%(name)s [#123]”."
                )
                % {"count": len(matches), "name": raw}
            )
        raise CellError(
            _(
                "Không tìm thấy đơn vị đang hoạt động “%(value)s” (tìm theo mã định danh, tên "
                "chính xác hoặc số hiệu)."
            )
            % {"value": raw}
        )

    def reference(self, unit: OrgUnit) -> str:
        """How an export names ``unit`` so that :meth:`resolve` finds it again."""
        holder = self.by_code(unit.organ_code)
        if holder is not None and getattr(holder, "pk", None) == unit.pk:
            return unit.organ_code
        if len(self.by_name(unit.name)) == 1:
            return unit.name
        return f"{unit.name} [#{unit.pk}]"
