"""SDMX 2.1 export: a structure message (code lists, concept scheme, the data structure
definition ``VN_AG:KTXH(1.0)``), data as SDMX-ML generic and structure-specific (flat, all
dimensions at the observation), and SDMX-CSV 2.0.

Dimensions: FREQ, INDICATOR, BREAKDOWN, REF_AREA, TIME_PERIOD; measure OBS_VALUE; attribute
OBS_STATUS (E estimated, P provisional, A normal) from the value's status."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from egov.reporting.choices import Frequency, ValueStatus
from egov.reporting.exchange.observations import exported_now

AGENCY = "VN_AG"
DSD_ID = "KTXH"
VERSION = "1.0"
CONCEPTS = "KTXH_CONCEPTS"
MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
STRUCTURE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"
COMMON = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
GENERIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic"
SS = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DSD_NAMESPACE = (
    f"urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure={AGENCY}:{DSD_ID}({VERSION})"
    ":ObsLevelDim:AllDimensions"
)
DIMENSIONS = ("FREQ", "INDICATOR", "BREAKDOWN", "REF_AREA")
FREQ_CODES = {
    Frequency.MONTH: ("M", "Hằng tháng"),
    Frequency.QUARTER: ("Q", "Hằng quý"),
    Frequency.HALF_YEAR: ("S", "6 tháng"),
    Frequency.NINE_MONTHS: ("N", "9 tháng"),
    Frequency.YEAR: ("A", "Hằng năm"),
}
OBS_STATUS = {
    ValueStatus.ESTIMATE: ("E", "Ước tính"),
    ValueStatus.PRELIMINARY: ("P", "Sơ bộ"),
    ValueStatus.OFFICIAL: ("A", "Chính thức"),
}
_NOT_ID = re.compile(r"[^A-Za-z0-9_@$-]")


def sdmx_id(code: str) -> str:
    """An SDMX IDType from one of our codes (organ codes have dots: H01.151 → H01_151)."""
    return _NOT_ID.sub("_", code) or "_"


@dataclass(frozen=True)
class SdmxObs:
    freq: str  # M, Q, S, N, A
    indicator: str
    breakdown: str
    ref_area: str
    time_period: str
    value: str
    status: str  # E, P, A

    def key(self) -> tuple[str, str, str, str, str]:
        return (self.freq, self.indicator, self.breakdown, self.ref_area, self.time_period)


@dataclass(frozen=True)
class CodeLists:
    indicators: Sequence[tuple[str, str]]
    breakdowns: Sequence[tuple[str, str]]
    areas: Sequence[tuple[str, str]]


def _el(
    parent: etree._Element,
    ns: str,
    tag: str,
    attrs: dict[str, str] | None = None,
    text: str | None = None,
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{tag}", attrs or {})
    if text is not None:
        element.text = text
    return element


def _header(root: etree._Element, *, structure: bool) -> None:
    header = _el(root, MESSAGE, "Header")
    _el(header, MESSAGE, "ID", text="KTXH_" + ("STRUCTURE" if structure else "DATA"))
    _el(header, MESSAGE, "Test", text="false")
    _el(header, MESSAGE, "Prepared", text=exported_now())
    _el(header, MESSAGE, "Sender", {"id": AGENCY})
    if not structure:
        ref = _el(
            header,
            MESSAGE,
            "Structure",
            {"structureID": "KTXH1", "dimensionAtObservation": "AllDimensions"},
        )
        inner = _el(ref, COMMON, "Structure")
        etree.SubElement(inner, "Ref", {"agencyID": AGENCY, "id": DSD_ID, "version": VERSION})


def _name(parent: etree._Element, text: str) -> None:
    _el(parent, COMMON, "Name", {XML_LANG: "vi"}, text)


def _codelist(
    parent: etree._Element, cid: str, name: str, codes: Iterable[tuple[str, str]]
) -> None:
    codelist = _el(
        parent, STRUCTURE, "Codelist", {"id": cid, "agencyID": AGENCY, "version": VERSION}
    )
    _name(codelist, name)
    for code, label in codes:
        _name(_el(codelist, STRUCTURE, "Code", {"id": code}), label or code)


def _concept_ref(parent: etree._Element, concept: str) -> None:
    identity = _el(parent, STRUCTURE, "ConceptIdentity")
    etree.SubElement(
        identity,
        "Ref",
        {
            "id": concept,
            "maintainableParentID": CONCEPTS,
            "maintainableParentVersion": VERSION,
            "agencyID": AGENCY,
            "class": "Concept",
            "package": "conceptscheme",
        },
    )


def _enumeration(parent: etree._Element, codelist: str) -> None:
    representation = _el(parent, STRUCTURE, "LocalRepresentation")
    enumeration = _el(representation, STRUCTURE, "Enumeration")
    etree.SubElement(
        enumeration,
        "Ref",
        {
            "id": codelist,
            "version": VERSION,
            "agencyID": AGENCY,
            "class": "Codelist",
            "package": "codelist",
        },
    )


def structure_message(lists: CodeLists) -> bytes:
    root = etree.Element(
        f"{{{MESSAGE}}}Structure",
        nsmap={"message": MESSAGE, "structure": STRUCTURE, "common": COMMON},
    )
    _header(root, structure=True)
    structures = _el(root, MESSAGE, "Structures")
    codelists = _el(structures, STRUCTURE, "Codelists")
    _codelist(codelists, "CL_FREQ", "Tần suất", FREQ_CODES.values())
    _codelist(codelists, "CL_INDICATOR", "Chỉ tiêu KT-XH", lists.indicators)
    _codelist(codelists, "CL_BREAKDOWN", "Phân tổ", lists.breakdowns)
    _codelist(codelists, "CL_REF_AREA", "Đơn vị báo cáo", lists.areas)
    _codelist(codelists, "CL_OBS_STATUS", "Tình trạng số liệu", OBS_STATUS.values())
    concepts = _el(
        _el(structures, STRUCTURE, "Concepts"),
        STRUCTURE,
        "ConceptScheme",
        {"id": CONCEPTS, "agencyID": AGENCY, "version": VERSION},
    )
    _name(concepts, "Khái niệm KT-XH")
    for concept, label in (
        ("FREQ", "Tần suất"),
        ("INDICATOR", "Chỉ tiêu"),
        ("BREAKDOWN", "Phân tổ"),
        ("REF_AREA", "Đơn vị báo cáo"),
        ("TIME_PERIOD", "Kỳ"),
        ("OBS_VALUE", "Giá trị"),
        ("OBS_STATUS", "Tình trạng số liệu"),
    ):
        _name(_el(concepts, STRUCTURE, "Concept", {"id": concept}), label)
    dsd = _el(
        _el(structures, STRUCTURE, "DataStructures"),
        STRUCTURE,
        "DataStructure",
        {"id": DSD_ID, "agencyID": AGENCY, "version": VERSION},
    )
    _name(dsd, "Số liệu kinh tế - xã hội tỉnh An Giang")
    components = _el(dsd, STRUCTURE, "DataStructureComponents")
    dimensions = _el(components, STRUCTURE, "DimensionList", {"id": "DimensionDescriptor"})
    for position, (dimension, codelist) in enumerate(
        zip(DIMENSIONS, ("CL_FREQ", "CL_INDICATOR", "CL_BREAKDOWN", "CL_REF_AREA"), strict=True),
        start=1,
    ):
        element = _el(
            dimensions, STRUCTURE, "Dimension", {"id": dimension, "position": str(position)}
        )
        _concept_ref(element, dimension)
        _enumeration(element, codelist)
    time = _el(
        dimensions,
        STRUCTURE,
        "TimeDimension",
        {"id": "TIME_PERIOD", "position": str(len(DIMENSIONS) + 1)},
    )
    _concept_ref(time, "TIME_PERIOD")
    _el(
        _el(time, STRUCTURE, "LocalRepresentation"),
        STRUCTURE,
        "TextFormat",
        {"textType": "ObservationalTimePeriod"},
    )
    attributes = _el(components, STRUCTURE, "AttributeList", {"id": "AttributeDescriptor"})
    status = _el(
        attributes, STRUCTURE, "Attribute", {"id": "OBS_STATUS", "assignmentStatus": "Conditional"}
    )
    _concept_ref(status, "OBS_STATUS")
    _enumeration(status, "CL_OBS_STATUS")
    relationship = _el(status, STRUCTURE, "AttributeRelationship")
    etree.SubElement(_el(relationship, STRUCTURE, "PrimaryMeasure"), "Ref", {"id": "OBS_VALUE"})
    measures = _el(components, STRUCTURE, "MeasureList", {"id": "MeasureDescriptor"})
    _concept_ref(_el(measures, STRUCTURE, "PrimaryMeasure", {"id": "OBS_VALUE"}), "OBS_VALUE")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def generic_data(observations: Iterable[SdmxObs]) -> bytes:
    root = etree.Element(
        f"{{{MESSAGE}}}GenericData",
        nsmap={"message": MESSAGE, "generic": GENERIC, "common": COMMON},
    )
    _header(root, structure=False)
    dataset = _el(root, MESSAGE, "DataSet", {"structureRef": "KTXH1"})
    for obs in observations:
        element = _el(dataset, GENERIC, "Obs")
        key = _el(element, GENERIC, "ObsKey")
        for dimension, value in zip((*DIMENSIONS, "TIME_PERIOD"), obs.key(), strict=True):
            _el(key, GENERIC, "Value", {"id": dimension, "value": value})
        _el(element, GENERIC, "ObsValue", {"value": obs.value})
        _el(
            _el(element, GENERIC, "Attributes"),
            GENERIC,
            "Value",
            {"id": "OBS_STATUS", "value": obs.status},
        )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def structure_specific_data(observations: Iterable[SdmxObs]) -> bytes:
    root = etree.Element(
        f"{{{MESSAGE}}}StructureSpecificData",
        nsmap={"message": MESSAGE, "ss": SS, "common": COMMON, "xsi": XSI, "ns1": DSD_NAMESPACE},
    )
    header = _el(root, MESSAGE, "Header")
    _el(header, MESSAGE, "ID", text="KTXH_DATA_SS")
    _el(header, MESSAGE, "Test", text="false")
    _el(header, MESSAGE, "Prepared", text=exported_now())
    _el(header, MESSAGE, "Sender", {"id": AGENCY})
    ref = _el(
        header,
        MESSAGE,
        "Structure",
        {
            "structureID": "KTXH1",
            "namespace": DSD_NAMESPACE,
            "dimensionAtObservation": "AllDimensions",
        },
    )
    etree.SubElement(
        _el(ref, COMMON, "Structure"), "Ref", {"agencyID": AGENCY, "id": DSD_ID, "version": VERSION}
    )
    dataset = _el(
        root,
        MESSAGE,
        "DataSet",
        {f"{{{SS}}}structureRef": "KTXH1", f"{{{XSI}}}type": "ns1:DataSetType"},
    )
    for obs in observations:
        attrs: dict[str | bytes | etree.QName, str] = dict(
            zip((*DIMENSIONS, "TIME_PERIOD"), obs.key(), strict=True)
        )
        attrs.update({"OBS_VALUE": obs.value, "OBS_STATUS": obs.status})
        etree.SubElement(dataset, "Obs", attrs)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def sdmx_csv(observations: Iterable[SdmxObs]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "STRUCTURE",
            "STRUCTURE_ID",
            "ACTION",
            *DIMENSIONS,
            "TIME_PERIOD",
            "OBS_VALUE",
            "OBS_STATUS",
        ]
    )
    for obs in observations:
        writer.writerow(
            [
                "datastructure",
                f"{AGENCY}:{DSD_ID}({VERSION})",
                "I",
                *obs.key(),
                obs.value,
                obs.status,
            ]
        )
    return buffer.getvalue().encode()
