"""A case file exported as one PDF (cover, table of contents, then each document's PDF in
order, with bookmarks) and as XML metadata (Phụ lục VI §III for the file, §I and §II for
its documents)."""

from __future__ import annotations

import copy
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from egov.lib.dates import BUSINESS_TZ
from egov.records import queries
from egov.records.exports.render import PDF_A, Watermark, render_pdf
from egov.records.models import CaseFile
from egov.records.queries import Contents, TocEntry


def _local(moment: dt.datetime | None) -> dt.date | None:
    return moment.astimezone(BUSINESS_TZ).date() if moment else None


def read_attachment(attachment: Any) -> bytes:
    with attachment.file.content.open("rb") as handle:
        data: bytes = handle.read()
    return data


@dataclass
class _Part:
    entry: TocEntry
    readers: list[PdfReader]
    placeholder: int | None = None  # page index in the placeholders PDF

    @property
    def page_count(self) -> int:
        return sum(len(r.pages) for r in self.readers) or 1


def _readers(entry: TocEntry) -> list[PdfReader]:
    readers = []
    for attachment in entry.main_files:
        try:
            reader = PdfReader(io.BytesIO(read_attachment(attachment)))
            if reader.is_encrypted or not reader.pages:
                return []
            readers.append(reader)
        except (PyPdfError, OSError, ValueError):
            return []  # unreadable: a placeholder page says so
    return readers


def front_matter(
    case_file: CaseFile,
    toc: Contents,
    *,
    start_pages: list[int] | None,
    watermark: Watermark | None,
    archival: bool = False,
) -> bytes:
    """Cover page and table of contents (mục lục văn bản trong hồ sơ)."""
    rows = [
        {"entry": entry, "start": start_pages[i] if start_pages else None}
        for i, entry in enumerate(toc.entries)
    ]
    return render_pdf(
        "records/print/file_front.html",
        {
            "title": case_file.title,
            "file": case_file,
            "rows": rows,
            "toc": toc,
            "opened": _local(case_file.opened_at),
            "closed": _local(case_file.closed_at),
        },
        watermark=watermark,
        variant=PDF_A if archival else None,
    )


def file_pdf(case_file: CaseFile, user: Any | None, watermark: Watermark | None) -> bytes:
    """The whole file as one PDF. Documents the viewer may not see are left out (the table
    of contents says how many); a document without a readable PDF gets a page saying so.
    Every page carries the watermark when one is given."""
    toc = queries.contents(case_file, user)
    parts = [_Part(entry, _readers(entry)) for entry in toc.entries]
    missing = [p for p in parts if not p.readers]
    placeholders = None
    if missing:
        for index, part in enumerate(missing):
            part.placeholder = index
        placeholders = PdfReader(
            io.BytesIO(
                render_pdf(
                    "records/print/file_placeholders.html",
                    {"title": case_file.title, "parts": missing},
                    watermark=watermark,
                )
            )
        )
    # "Tờ số": where each document starts, counting the documents' pages only (the cover
    # and the table itself are not sheets of the file), so the table renders once.
    starts, page = [], 1
    for part in parts:
        starts.append(page)
        page += part.page_count
    front = front_matter(case_file, toc, start_pages=starts, watermark=watermark)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)))  # its heading is the first bookmark
    stamp = _stamp_page(watermark) if watermark else None
    for part in parts:
        first = len(writer.pages)
        if part.readers:
            for reader in part.readers:
                for pdf_page in reader.pages:
                    added = writer.add_page(pdf_page)
                    if stamp is not None:
                        added.merge_page(stamp, over=True)
        else:
            assert placeholders is not None and part.placeholder is not None  # noqa: S101
            writer.add_page(placeholders.pages[part.placeholder])
        label = " ".join(
            bit
            for bit in (f"{part.entry.ordinal}.", part.entry.notation, part.entry.subject)
            if bit
        )
        writer.add_outline_item(label[:200], first)
    writer.add_metadata({"/Title": case_file.title, "/Subject": case_file.code})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _stamp_page(watermark: Watermark) -> Any:
    """One transparent A4 page with the watermark, laid over each document page."""
    data = render_pdf("records/print/stamp.html", {"title": ""}, watermark=watermark)
    return copy.copy(PdfReader(io.BytesIO(data)).pages[0])


# --- XML metadata ---------------------------------------------------------------------------


def _sub(parent: Any, tag: str, value: Any) -> Any:
    element = etree.SubElement(parent, tag)
    if value is None:
        return element
    if isinstance(value, dt.date):
        value = value.isoformat()
    element.text = str(value)
    return element


def _file_code(parent: Any, case_file: CaseFile) -> None:
    code = etree.SubElement(parent, "FileCode")
    _sub(code, "OrganId", case_file.unit.organ_code)
    _sub(code, "FileCatalog", case_file.year)
    _sub(code, "FileNotation", case_file.code)


def file_metadata(case_file: CaseFile, toc: Contents) -> Any:
    """The ``<HoSo>`` element: Phụ lục VI §III fields, then each document's fields."""
    root = etree.Element("HoSo")
    _file_code(root, case_file)
    _sub(root, "Title", case_file.title)
    _sub(root, "Maintenance", case_file.retention)
    _sub(root, "Rights", case_file.get_rights_display())
    _sub(root, "Creator", case_file.owner.full_name or case_file.owner.username)
    _sub(root, "Language", case_file.language)
    _sub(root, "StartDate", _local(case_file.opened_at))
    _sub(root, "EndDate", _local(case_file.closed_at))
    _sub(root, "DocTotal", len(toc.entries))
    _sub(root, "PageTotal", toc.page_total)
    _sub(root, "Description", case_file.description)
    documents = etree.SubElement(root, "Documents")
    for entry in toc.entries:
        documents.append(document_metadata(case_file, entry))
    return root


def document_metadata(case_file: CaseFile, entry: TocEntry) -> Any:
    d = entry.document
    element = etree.Element(
        "VanBanDen" if entry.kind == "incoming" else "VanBanDi", id=f"doc-{entry.ordinal:03d}"
    )
    _file_code(element, case_file)
    _sub(element, "DocOrdinal", entry.ordinal)
    _sub(element, "TypeName", d.document_type.name)
    _sub(element, "CodeNumber", d.code_number if entry.kind == "incoming" else d.number or "")
    _sub(element, "CodeNotation", d.code_notation)
    _sub(element, "IssuedDate", entry.date)
    _sub(element, "OrganName", entry.author)
    _sub(element, "Subject", d.subject)
    _sub(element, "Language", d.language)
    _sub(element, "PageAmount", entry.pages)
    _sub(element, "Description", d.description)
    if entry.kind == "incoming":
        _sub(element, "ArrivalDate", _local(d.arrived_at))
        _sub(element, "ArrivalNumber", d.arrival_number)
    signer = etree.SubElement(element, "SignerInfo")
    _sub(signer, "Position", d.signer_position)
    _sub(signer, "FullName", d.signer_name)
    if entry.kind == "outgoing":
        for recipient in d.recipients.all():
            to = etree.SubElement(element, "To")
            _sub(to, "OrganId", recipient.organ_code or getattr(recipient.unit, "organ_code", ""))
            _sub(to, "OrganName", recipient.name)
    _sub(element, "Priority", max(d.urgency, d.secrecy))
    if entry.kind == "incoming":
        _sub(element, "ToPlaces", d.to_places)
    else:
        _sub(element, "IssuedAmount", d.recipients.count())
    _sub(element, "DueDate", d.due_date)
    return element


def file_xml(case_file: CaseFile, user: Any | None) -> bytes:
    root = file_metadata(case_file, queries.contents(case_file, user))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
