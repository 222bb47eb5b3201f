"""CSV export of the audit list, readable by Excel: UTF-8 with a byte-order mark."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping

from django.db.models import QuerySet
from django.utils.translation import gettext

from egov.audit import registry
from egov.audit.models import AuditEvent
from egov.lib.dates import BUSINESS_TZ

BOM = "\ufeff"
#: A cell starting with one of these is read by spreadsheets as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 2000


class _Echo:
    """A file-like object whose ``write`` hands the line back to the caller."""

    def write(self, value: str) -> str:
        return value


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def header() -> list[str]:
    return [
        gettext("Số thứ tự"),
        gettext("Thời điểm"),
        gettext("Tài khoản"),
        gettext("Hành động"),
        gettext("Mã hành động"),
        gettext("Loại đối tượng"),
        gettext("Mã đối tượng"),
        gettext("Đối tượng"),
        gettext("Đơn vị"),
        gettext("Địa chỉ IP"),
        gettext("Ghi chú"),
        gettext("Mã băm"),
    ]


def rows(
    events: Iterable[AuditEvent],
    unit_labels: Mapping[int, str],
    action_labels: Mapping[str, str],
) -> Iterator[list[str]]:
    for event in events:
        yield [
            _cell(value)
            for value in (
                event.pk,
                f"{event.at.astimezone(BUSINESS_TZ):%d/%m/%Y %H:%M:%S}",
                event.actor_label,
                action_labels.get(event.action, event.action),
                event.action,
                event.object_type,
                event.object_id,
                event.object_repr,
                unit_labels.get(event.unit_id, event.unit_id) if event.unit_id else "",
                event.ip_address,
                event.note,
                event.hash,
            )
        ]


def csv_lines(events: QuerySet[AuditEvent], unit_labels: Mapping[int, str]) -> Iterator[str]:
    """The export, line by line, starting with the byte-order mark. Labels are translated
    now, in the request's language; the rows stream later, after the view has returned."""
    head = header()
    action_labels = {a.name: str(a.label) for a in registry.all_actions()}
    return _stream(head, rows(events.iterator(chunk_size=_CHUNK), unit_labels, action_labels))


def _stream(head: list[str], body: Iterator[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield BOM + str(writer.writerow(head))
    for row in body:
        yield str(writer.writerow(row))
