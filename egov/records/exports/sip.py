"""The archive hand-over package (SIP) of a closed case file.

Layout, following the E-ARK Common Specification that TT 05/2025/TT-BNV's packages build
on (METS for structure, PREMIS for preservation; see decision 0013 for what is covered):

    <package id>/METS.xml
    <package id>/metadata/descriptive/hoso.xml       Phụ lục VI §III file + document fields
    <package id>/metadata/preservation/premis.xml    objects with fixity, events, agents
    <package id>/representations/rep1/data/NNN-*.pdf the documents' originals, byte for byte
    <package id>/documentation/muc-luc.pdf           table of contents, PDF/A-2b

Every file in the package is listed in METS with its SHA-256 and size, and in PREMIS.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from lxml import etree

from egov.lib.text import fold
from egov.records import queries
from egov.records.exports.casefile import file_metadata, front_matter, read_attachment
from egov.records.models import CaseFile

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
PREMIS_NS = "http://www.loc.gov/premis/v3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
METS_SCHEMA = "http://www.loc.gov/standards/mets/mets.xsd"
PREMIS_SCHEMA = "http://www.loc.gov/standards/premis/v3/premis.xsd"
_UNSAFE = re.compile(r"[^a-z0-9.]+")


def _m(tag: str) -> str:
    return f"{{{METS_NS}}}{tag}"


def _p(tag: str) -> str:
    return f"{{{PREMIS_NS}}}{tag}"


@dataclass
class PackedFile:
    path: str  # inside the package folder
    data: bytes
    media_type: str
    use: str  # METS fileGrp USE
    original_name: str = ""
    document_ordinal: int | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def file_id(self) -> str:
        return "file-" + hashlib.sha1(self.path.encode(), usedforsecurity=False).hexdigest()[:12]


def safe_name(name: str) -> str:
    stem = _UNSAFE.sub("-", fold(name)).strip("-.")
    return stem[:80] or "tep"


def _xml(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _premis(
    files: list[PackedFile], case_file: CaseFile, actor_name: str, at: dt.datetime
) -> bytes:
    nsmap = {"premis": PREMIS_NS, "xsi": XSI_NS}
    root = etree.Element(_p("premis"), nsmap=nsmap, version="3.0")
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{PREMIS_NS} {PREMIS_SCHEMA}")
    for f in files:
        obj = etree.SubElement(root, _p("object"))
        obj.set(f"{{{XSI_NS}}}type", "premis:file")
        identifier = etree.SubElement(obj, _p("objectIdentifier"))
        etree.SubElement(identifier, _p("objectIdentifierType")).text = "local"
        etree.SubElement(identifier, _p("objectIdentifierValue")).text = f.file_id
        characteristics = etree.SubElement(obj, _p("objectCharacteristics"))
        etree.SubElement(characteristics, _p("compositionLevel")).text = "0"
        fixity = etree.SubElement(characteristics, _p("fixity"))
        etree.SubElement(fixity, _p("messageDigestAlgorithm")).text = "SHA-256"
        etree.SubElement(fixity, _p("messageDigest")).text = f.sha256
        etree.SubElement(characteristics, _p("size")).text = str(len(f.data))
        fmt = etree.SubElement(characteristics, _p("format"))
        designation = etree.SubElement(fmt, _p("formatDesignation"))
        etree.SubElement(designation, _p("formatName")).text = f.media_type
        if f.original_name:
            etree.SubElement(obj, _p("originalName")).text = f.original_name
        storage = etree.SubElement(obj, _p("storage"))
        location = etree.SubElement(storage, _p("contentLocation"))
        etree.SubElement(location, _p("contentLocationType")).text = "URI"
        etree.SubElement(location, _p("contentLocationValue")).text = f.path
    for event_type, detail in (
        ("message digest calculation", "SHA-256 of every file, computed when packed"),
        ("transfer", f"Nộp lưu hồ sơ {case_file.code} vào Lưu trữ cơ quan"),
    ):
        event = etree.SubElement(root, _p("event"))
        identifier = etree.SubElement(event, _p("eventIdentifier"))
        etree.SubElement(identifier, _p("eventIdentifierType")).text = "UUID"
        etree.SubElement(identifier, _p("eventIdentifierValue")).text = str(uuid.uuid4())
        etree.SubElement(event, _p("eventType")).text = event_type
        etree.SubElement(event, _p("eventDateTime")).text = at.isoformat()
        info = etree.SubElement(event, _p("eventDetailInformation"))
        etree.SubElement(info, _p("eventDetail")).text = detail
        outcome = etree.SubElement(event, _p("eventOutcomeInformation"))
        etree.SubElement(outcome, _p("eventOutcome")).text = "success"
        agent_link = etree.SubElement(event, _p("linkingAgentIdentifier"))
        etree.SubElement(agent_link, _p("linkingAgentIdentifierType")).text = "local"
        etree.SubElement(agent_link, _p("linkingAgentIdentifierValue")).text = "agent-person"
        for f in files:
            link = etree.SubElement(event, _p("linkingObjectIdentifier"))
            etree.SubElement(link, _p("linkingObjectIdentifierType")).text = "local"
            etree.SubElement(link, _p("linkingObjectIdentifierValue")).text = f.file_id
    for agent_id, name, agent_type in (
        ("agent-person", actor_name, "person"),
        ("agent-organisation", case_file.unit.name, "organization"),
        ("agent-software", "egov records", "software"),
    ):
        agent = etree.SubElement(root, _p("agent"))
        identifier = etree.SubElement(agent, _p("agentIdentifier"))
        etree.SubElement(identifier, _p("agentIdentifierType")).text = "local"
        etree.SubElement(identifier, _p("agentIdentifierValue")).text = agent_id
        etree.SubElement(agent, _p("agentName")).text = name
        etree.SubElement(agent, _p("agentType")).text = agent_type
    return _xml(root)


def _mets(
    package_id: str,
    case_file: CaseFile,
    files: list[PackedFile],
    metadata: list[PackedFile],
    actor_name: str,
    at: dt.datetime,
) -> bytes:
    nsmap = {"mets": METS_NS, "xlink": XLINK_NS, "xsi": XSI_NS}
    root = etree.Element(
        _m("mets"), nsmap=nsmap, OBJID=package_id, LABEL=case_file.title[:250], TYPE="Hồ sơ"
    )
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{METS_NS} {METS_SCHEMA}")
    header = etree.SubElement(root, _m("metsHdr"), CREATEDATE=at.isoformat())
    for role, kind, name in (
        ("CREATOR", "ORGANIZATION", case_file.unit.name),
        ("SUBMITTER", "INDIVIDUAL", actor_name),
    ):
        agent = etree.SubElement(header, _m("agent"), ROLE=role, TYPE=kind)
        etree.SubElement(agent, _m("name")).text = name
    descriptive, preservation = metadata

    def md_ref(parent: Any, f: PackedFile, mdtype: str, **extra: str) -> None:
        attributes: dict[Any, Any] = {
            "LOCTYPE": "URL",
            f"{{{XLINK_NS}}}type": "simple",
            f"{{{XLINK_NS}}}href": f.path,
            "MDTYPE": mdtype,
            "MIMETYPE": f.media_type,
            "SIZE": str(len(f.data)),
            "CHECKSUM": f.sha256,
            "CHECKSUMTYPE": "SHA-256",
            **extra,
        }
        etree.SubElement(parent, _m("mdRef"), attributes)

    dmd = etree.SubElement(root, _m("dmdSec"), ID="dmd-hoso", CREATED=at.isoformat())
    md_ref(dmd, descriptive, "OTHER", OTHERMDTYPE="NĐ30-PhuLucVI")
    amd = etree.SubElement(root, _m("amdSec"), ID="amd-1")
    digiprov = etree.SubElement(amd, _m("digiprovMD"), ID="premis-1")
    md_ref(digiprov, preservation, "PREMIS")
    file_sec = etree.SubElement(root, _m("fileSec"), ID="filesec-1")
    groups: dict[str, Any] = {}
    for f in files:
        group = groups.get(f.use)
        if group is None:
            group = etree.SubElement(file_sec, _m("fileGrp"), USE=f.use)
            groups[f.use] = group
        element = etree.SubElement(
            group,
            _m("file"),
            ID=f.file_id,
            MIMETYPE=f.media_type,
            SIZE=str(len(f.data)),
            CREATED=at.isoformat(),
            CHECKSUM=f.sha256,
            CHECKSUMTYPE="SHA-256",
            ADMID="premis-1",
        )
        etree.SubElement(
            element,
            _m("FLocat"),
            {
                "LOCTYPE": "URL",
                f"{{{XLINK_NS}}}type": "simple",
                f"{{{XLINK_NS}}}href": f.path,
            },
        )
    struct = etree.SubElement(root, _m("structMap"), TYPE="PHYSICAL", LABEL="CSIP")
    top = etree.SubElement(
        struct, _m("div"), ID="div-root", LABEL=case_file.code, DMDID="dmd-hoso", ADMID="amd-1"
    )
    docs = etree.SubElement(top, _m("div"), ID="div-documentation", LABEL="Documentation")
    for f in files:
        if f.use == "Documentation":
            etree.SubElement(docs, _m("fptr"), FILEID=f.file_id)
    representation = etree.SubElement(top, _m("div"), ID="div-rep1", LABEL="Representations/rep1")
    ordinals = sorted({f.document_ordinal for f in files if f.document_ordinal is not None})
    for ordinal in ordinals:
        div = etree.SubElement(
            representation,
            _m("div"),
            ID=f"div-doc-{ordinal:03d}",
            ORDER=str(ordinal),
            LABEL=f"Văn bản {ordinal}",
        )
        for f in files:
            if f.document_ordinal == ordinal:
                etree.SubElement(div, _m("fptr"), FILEID=f.file_id)
    return _xml(root)


@dataclass(frozen=True)
class Package:
    package_id: str
    data: bytes  # the zip

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def build_package(
    case_file: CaseFile, *, actor_name: str, at: dt.datetime | None = None
) -> Package:
    """The SIP of ``case_file`` with every document (a system view: hand-over requires
    the actor to see them all, which the action checks)."""
    at = at or timezone.now()
    code = case_file.unit.organ_code or f"unit{case_file.unit_id}"
    package_id = (
        f"{safe_name(code)}-{case_file.year}-{safe_name(case_file.code)}-{uuid.uuid4().hex[:8]}"
    )
    toc = queries.contents(case_file, None)
    payload: list[PackedFile] = []
    for entry in toc.entries:
        for index, attachment in enumerate(entry.main_files, 1):
            name = f"{entry.ordinal:03d}-{index}-{safe_name(attachment.name.rsplit('.', 1)[0])}.pdf"
            payload.append(
                PackedFile(
                    path=f"representations/rep1/data/{name}",
                    data=read_attachment(attachment),
                    media_type=attachment.file.media_type,
                    use="Representations/rep1/Data",
                    original_name=attachment.name,
                    document_ordinal=entry.ordinal,
                )
            )
    payload.append(
        PackedFile(
            path="documentation/muc-luc.pdf",
            data=front_matter(case_file, toc, start_pages=None, watermark=None, archival=True),
            media_type="application/pdf",
            use="Documentation",
            original_name="muc-luc.pdf",
        )
    )
    descriptive = PackedFile(
        path="metadata/descriptive/hoso.xml",
        data=_xml(file_metadata(case_file, toc)),
        media_type="text/xml",
        use="Metadata",
    )
    preservation = PackedFile(
        path="metadata/preservation/premis.xml",
        data=_premis([*payload, descriptive], case_file, actor_name, at),
        media_type="text/xml",
        use="Metadata",
    )
    mets = _mets(package_id, case_file, payload, [descriptive, preservation], actor_name, at)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{package_id}/METS.xml", mets)
        for f in [descriptive, preservation, *payload]:
            archive.writestr(f"{package_id}/{f.path}", f.data)
    return Package(package_id=package_id, data=buffer.getvalue())
