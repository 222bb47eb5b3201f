"""DHIS2 DXF2 data value sets in JSON, XML and CSV (id scheme: codes), read and written.

Read leniently as DHIS2 writes them (set-level ``period``/``orgUnit``/``dataSet`` inherited
by the values; the CSV's first row is a header, old and new header names both accepted);
written in the shape DHIS2 imports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from django.utils.translation import gettext as _
from lxml import etree

from egov.lib.bulk import cyclic_gc_paused
from egov.lib.tabular import decode_text
from egov.lib.text import nfc
from egov.reporting.exchange import xmlsafe
from egov.reporting.exchange.observations import FormatError, Observation, from_dhis2_period

NAMESPACE = "http://dhis2.org/schema/dxf/2.0"
CSV_HEADER = [
    "dataelement",
    "period",
    "orgunit",
    "catoptcombo",
    "attroptcombo",
    "value",
    "storedby",
    "lastupdated",
    "comment",
    "followup",
]
_CSV_ALIASES = {
    "categoryoptioncombo": "catoptcombo",
    "attributeoptioncombo": "attroptcombo",
    "timestamp": "lastupdated",
}


def _observation(
    where: str,
    item: dict[str, str],
    defaults: dict[str, str],
    periods: dict[str, str] | None = None,
) -> Observation:
    merged = {**defaults, **{k: v for k, v in item.items() if v not in (None, "")}}
    for key in ("dataElement", "period", "orgUnit"):
        if not str(merged.get(key, "")).strip():
            raise FormatError(_("thiếu “%(key)s”.") % {"key": key}, where=where)
    if "value" not in merged:
        raise FormatError(_("thiếu “value”."), where=where)
    return Observation(
        where=where,
        indicator=str(merged["dataElement"]).strip(),
        unit=str(merged["orgUnit"]).strip(),
        period=_period(str(merged["period"]), where, periods),
        value=str(merged["value"]),
        combo=str(merged.get("categoryOptionCombo") or "").strip() or None,
        comment=str(merged.get("comment") or ""),
    )


def _period(code: str, where: str, periods: dict[str, str] | None) -> str:
    """The period code, converted once per distinct code of a file."""
    if periods is None:
        return from_dhis2_period(code, where)
    found = periods.get(code)
    if found is None:
        found = periods[code] = from_dhis2_period(code, where)
    return found


def _json_text(content: bytes) -> str:
    """UTF-8 JSON as text (NFC); anything else through the CSV decoder's detection. JSON
    itself refuses raw control characters, so the CSV decoder's check is not needed."""
    try:
        return nfc(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return decode_text(content)


@cyclic_gc_paused()
def parse_json(content: bytes) -> list[Observation]:
    try:
        document = json.loads(_json_text(content))
    except (ValueError, UnicodeError) as exc:
        raise FormatError(_("JSON không hợp lệ."), where=_("Tệp")) from exc
    if not isinstance(document, dict) or not isinstance(document.get("dataValues"), list):
        raise FormatError(_("không có mảng “dataValues”."), where=_("Tệp"))
    defaults = {
        k: str(v) for k, v in document.items() if k in ("period", "orgUnit", "dataSet") and v
    }
    rows = []
    # "dataValues[n]" for each element: the translated label split around its number once.
    before, _n, after = (_("dataValues[%(n)s]") % {"n": "\0"}).partition("\0")
    periods: dict[str, str] = {}
    for index, item in enumerate(document["dataValues"], start=1):
        where = f"{before}{index}{after}"
        if type(item) is not dict:
            if not isinstance(item, dict):
                raise FormatError(_("không phải một đối tượng."), where=where)
        else:
            # The usual value, every field its own and a string: read directly.
            get = item.get
            indicator, period, unit, value = (
                get("dataElement"),
                get("period"),
                get("orgUnit"),
                get("value"),
            )
            combo, comment = get("categoryOptionCombo"), get("comment")
            if (
                type(indicator) is str
                and type(unit) is str
                and type(period) is str
                and type(value) is str
                and value
                and (combo is None or type(combo) is str)
                and (comment is None or type(comment) is str)
            ):
                indicator, unit = indicator.strip(), unit.strip()
                found = periods.get(period)
                if indicator and unit and found is not None:
                    rows.append(
                        Observation(
                            where,
                            indicator,
                            unit,
                            found,
                            value,
                            combo=(combo.strip() or None) if combo else None,
                            comment=comment or "",
                        )
                    )
                    continue
                if indicator and unit and period.strip():
                    rows.append(
                        Observation(
                            where,
                            indicator,
                            unit,
                            _period(period, where, periods),
                            value,
                            combo=(combo.strip() or None) if combo else None,
                            comment=comment or "",
                        )
                    )
                    continue
        rows.append(
            _observation(
                where, {k: str(v) for k, v in item.items() if v is not None}, defaults, periods
            )
        )
    return rows


@cyclic_gc_paused()
def parse_xml(content: bytes) -> list[Observation]:
    root = xmlsafe.parse(content)
    if xmlsafe.local(root.tag) != "dataValueSet":
        raise FormatError(_("phần tử gốc phải là dataValueSet."), where=_("Tệp"))
    defaults = {k: v for k, v in root.attrib.items() if k in ("period", "orgUnit", "dataSet")}
    rows = []
    label = _("dataValue thứ %(n)s (dòng %(line)s)")
    periods: dict[str, str] = {}
    for index, element in enumerate(
        (e for e in root if xmlsafe.local(e.tag) == "dataValue"), start=1
    ):
        where = label % {"n": index, "line": element.sourceline}
        rows.append(_observation(where, dict(element.attrib), defaults, periods))
    return rows


@cyclic_gc_paused()
def parse_csv(content: bytes) -> list[Observation]:
    reader = csv.reader(io.StringIO(decode_text(content)))
    lines = list(reader)
    if not lines:
        raise FormatError(_("tệp rỗng."), where=_("Tệp"))
    header = [_CSV_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in lines[0]]
    if not {"dataelement", "period", "orgunit", "value"} <= set(header):
        raise FormatError(
            _("dòng tiêu đề phải có dataelement, period, orgunit, value."), where=_("Dòng 1")
        )
    rows = []
    label = _("Dòng %(n)s")
    periods: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in line):
            continue
        item = dict(zip(header, line, strict=False))
        rows.append(
            _observation(
                label % {"n": number},
                {
                    "dataElement": item.get("dataelement", ""),
                    "period": item.get("period", ""),
                    "orgUnit": item.get("orgunit", ""),
                    "categoryOptionCombo": item.get("catoptcombo", ""),
                    "value": item.get("value", ""),
                    "comment": item.get("comment", ""),
                },
                {},
                periods,
            )
        )
    return rows


Row = tuple[str, str, str, str, str, str]  # data element, period, org unit, coc, value, comment


def write_json(rows: Iterable[Row]) -> bytes:
    values = [
        {
            "dataElement": d,
            "period": p,
            "orgUnit": o,
            "categoryOptionCombo": c,
            "value": v,
            **({"comment": m} if m else {}),
        }
        for d, p, o, c, v, m in rows
    ]
    return json.dumps({"dataValues": values}, ensure_ascii=False, indent=1).encode()


def write_xml(rows: Iterable[Row]) -> bytes:
    root = etree.Element(f"{{{NAMESPACE}}}dataValueSet", nsmap={None: NAMESPACE})
    for d, p, o, c, v, m in rows:
        attrs = {"dataElement": d, "period": p, "orgUnit": o, "categoryOptionCombo": c, "value": v}
        if m:
            attrs["comment"] = m
        etree.SubElement(root, f"{{{NAMESPACE}}}dataValue", attrs)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def write_csv(rows: Iterable[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for d, p, o, c, v, m in rows:
        writer.writerow([d, p, o, c, "", v, "", "", m, "false"])
    return buffer.getvalue().encode()
