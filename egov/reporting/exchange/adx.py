"""ADX (IHE QRPH, urn:ihe:qrph:adx:2015): groups of data values per unit, period (ISO start
and duration) and data set; breakdowns as category attributes (``SEX="F"``) or a
``categoryOptionCombo`` attribute. Read leniently (the ``exported`` attribute is optional,
as in DHIS2's own files), written strictly (with ``exported``)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from lxml import etree

from egov.lib.bulk import cyclic_gc_paused
from egov.reporting.exchange import xmlsafe
from egov.reporting.exchange.observations import (
    FormatError,
    Observation,
    exported_now,
    from_adx_period,
)

NAMESPACE = "urn:ihe:qrph:adx:2015"
_GROUP_KEYS = {"orgUnit", "period", "dataSet", "completeDate", "attributeOptionCombo"}
_VALUE_KEYS = {"dataElement", "value", "categoryOptionCombo"}


@cyclic_gc_paused()
def parse(content: bytes) -> list[Observation]:
    root = xmlsafe.parse(content)
    if xmlsafe.local(root.tag) != "adx" or etree.QName(root).namespace != NAMESPACE:
        raise FormatError(_("phần tử gốc phải là adx (urn:ihe:qrph:adx:2015)."), where=_("Tệp"))
    rows = []
    for group_index, group in enumerate(
        (g for g in root if xmlsafe.local(g.tag) == "group"), start=1
    ):
        where_group = _("group thứ %(n)s (dòng %(line)s)") % {
            "n": group_index,
            "line": group.sourceline,
        }
        for key in ("orgUnit", "period"):
            if not group.get(key):
                raise FormatError(
                    _("thiếu thuộc tính “%(key)s”.") % {"key": key}, where=where_group
                )
        period = from_adx_period(group.get("period", ""), where_group)
        for index, element in enumerate(
            (e for e in group if xmlsafe.local(e.tag) == "dataValue"), start=1
        ):
            where = _("%(group)s, dataValue thứ %(n)s") % {"group": where_group, "n": index}
            if not element.get("dataElement") or element.get("value") is None:
                raise FormatError(_("thiếu dataElement hoặc value."), where=where)
            annotation = next(
                (a.text or "" for a in element if xmlsafe.local(a.tag) == "annotation"), ""
            )
            rows.append(
                Observation(
                    where=where,
                    indicator=element.get("dataElement", ""),
                    unit=group.get("orgUnit", ""),
                    period=period,
                    value=element.get("value", ""),
                    combo=element.get("categoryOptionCombo") or None,
                    options={k: v for k, v in element.attrib.items() if k not in _VALUE_KEYS},
                    comment=annotation,
                )
            )
    return rows


Group = tuple[
    str, str, str, list[tuple[str, dict[str, str], str]]
]  # unit, period, data set, values


def write(groups: Iterable[Group]) -> bytes:
    root = etree.Element(
        f"{{{NAMESPACE}}}adx", {"exported": exported_now()}, nsmap={None: NAMESPACE}
    )
    for unit, period, data_set, values in groups:
        group = etree.SubElement(
            root, f"{{{NAMESPACE}}}group", {"orgUnit": unit, "period": period, "dataSet": data_set}
        )
        for indicator, options, value in values:
            attrs: dict[str | bytes | etree.QName, str] = {"dataElement": indicator}
            attrs.update(options)
            attrs["value"] = value
            etree.SubElement(group, f"{{{NAMESPACE}}}dataValue", attrs)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
