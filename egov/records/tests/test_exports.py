"""A file exported as PDF (table of contents, then the documents in order, watermarked) and
XML metadata, and the archive hand-over package (SIP): structure, METS and PREMIS
checksums, originals byte for byte, the table of contents as PDF/A."""

import datetime as dt
import hashlib
import io
import re
import zipfile

import pytest
from django.urls import reverse
from lxml import etree
from pypdf import PdfReader

from egov.records.actions import files, handover
from egov.records.exports.casefile import file_pdf, file_xml
from egov.records.exports.render import Watermark
from egov.records.exports.sip import METS_NS, PREMIS_NS, XLINK_NS, build_package
from egov.records.testing import issued, received

pytestmark = pytest.mark.django_db

M = {"mets": METS_NS, "xlink": XLINK_NS}
P = {"premis": PREMIS_NS}


@pytest.fixture
def full_file(office):
    case_file = files.open_case_file(
        actor=office.clerk,
        unit=office.home_affairs,
        code="03.TCCB",
        title="Hồ sơ tuyển dụng công chức tỉnh An Giang năm 2025",
        owner=office.clerk,
        retention_years=None,
    )
    first = received(
        office,
        "Về việc đề nghị tuyển dụng",
        text="Tuyen dung dot 1",
        pages=2,
        issued_date=dt.date(2025, 2, 3),
        code_number="12",
        code_notation="UBND-TCCB",
    )
    paper = received(
        office,
        "Danh sách thí sinh trúng tuyển",
        issued_date=dt.date(2025, 4, 1),
        with_file=False,
        page_amount=3,
    )
    reply = issued(office, "Về kết quả tuyển dụng công chức", text="Ket qua tuyen dung")
    for document in (first, paper):
        files.add_document(actor=office.clerk, case_file=case_file, incoming=document)
    files.add_document(actor=office.clerk, case_file=case_file, outgoing=reply)
    return case_file


def child(element, path, namespaces=None):
    found = element.find(path, namespaces)
    assert found is not None, path
    return found


def norm(text):
    """Text as read, line breaks of the layout undone."""
    return re.sub(r"\s+", " ", text.replace("-\n", "-"))


def text_of(data):
    reader = PdfReader(io.BytesIO(data))
    return reader, norm("\n".join(page.extract_text() for page in reader.pages))


def test_the_file_pdf_holds_the_table_of_contents_then_each_document(office, full_file):
    mark = Watermark(who="Phạm Thị Thư", at=dt.datetime(2026, 3, 5, 2, 30, tzinfo=dt.UTC))
    reader, _text = text_of(file_pdf(full_file, office.clerk, mark))
    front = norm(reader.pages[0].extract_text() + reader.pages[1].extract_text())
    assert "Hồ sơ tuyển dụng công chức tỉnh An Giang năm 2025" in front
    assert "Mục lục văn bản".upper() in front.upper()
    assert "Về việc đề nghị tuyển dụng" in front
    assert "12/UBND-TCCB" in front
    # "Tờ số": the sheet each document starts on, counting the documents' pages only.
    assert "Về việc đề nghị tuyển dụng 1" in front
    assert "Danh sách thí sinh trúng tuyển 3" in front
    assert "Về kết quả tuyển dụng công chức 4" in front
    # Front matter (2 pages), 2 pages of the first document, 1 placeholder, 1 page issued.
    assert len(reader.pages) == 2 + 2 + 1 + 1
    assert "Tuyen dung dot 1" in reader.pages[2].extract_text()
    assert "Tuyen dung dot 1" in reader.pages[3].extract_text()
    assert "không có bản điện tử" in norm(reader.pages[4].extract_text())
    assert "Ket qua tuyen dung" in reader.pages[5].extract_text()
    # Start pages in the table match where each document begins.
    assert [o.title for o in reader.outline][1:] == [
        "1. 12/UBND-TCCB Về việc đề nghị tuyển dụng",
        "2. Danh sách thí sinh trúng tuyển",
        "3. 01/SNV-CCVC Về kết quả tuyển dụng công chức",
    ]
    assert [reader.get_destination_page_number(o) for o in reader.outline][1:] == [2, 4, 5]
    # Every page, the documents' own included, carries who printed it and when.
    for page in reader.pages:
        assert "In bởi Phạm Thị Thư lúc 09:30 05/03/2026" in norm(page.extract_text())


def test_the_xml_carries_the_phu_luc_vi_fields(office, full_file):
    root = etree.fromstring(file_xml(full_file, office.clerk))
    assert root.tag == "HoSo"
    assert root.findtext("FileCode/OrganId") == "000.00.02.H01"
    assert root.findtext("FileCode/FileNotation") == "03.TCCB"
    assert root.findtext("Title") == "Hồ sơ tuyển dụng công chức tỉnh An Giang năm 2025"
    assert root.findtext("Maintenance") == "Vĩnh viễn"
    assert root.findtext("Creator") == "Phạm Thị Thư"
    assert root.findtext("DocTotal") == "3"
    assert root.findtext("PageTotal") == str(2 + 3 + 1)
    incoming = root.findall("Documents/VanBanDen")
    assert [d.findtext("DocOrdinal") for d in incoming] == ["1", "2"]
    assert incoming[0].findtext("CodeNumber") == "12"
    assert incoming[0].findtext("IssuedDate") == "2025-02-03"
    assert incoming[0].findtext("ArrivalNumber") == "1"
    outgoing = child(root, "Documents/VanBanDi")
    assert outgoing.findtext("OrganName") == "Sở Nội vụ"
    assert outgoing.findtext("To/OrganName") == "Sở Tài chính"


def test_the_export_screens_answer_pdf_and_xml(client_for, office, full_file):
    client = client_for(office.clerk)
    pdf = client.get(reverse("records:file_export", args=[full_file.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert "In bởi Phạm Thị Thư" in text_of(pdf.content)[1]
    xml = client.get(reverse("records:file_export", args=[full_file.pk, "xml"]))
    assert etree.fromstring(xml.content).findtext("FileCode/FileNotation") == "03.TCCB"
    assert client.get(reverse("records:file_export", args=[full_file.pk, "doc"])).status_code == 404
    assert (
        client_for(office.outsider)
        .get(reverse("records:file_export", args=[full_file.pk, "pdf"]))
        .status_code
        == 404
    )


def unpack(data):
    archive = zipfile.ZipFile(io.BytesIO(data))
    [root] = {name.split("/")[0] for name in archive.namelist()}
    return root, {name[len(root) + 1 :]: archive.read(name) for name in archive.namelist()}


def test_the_hand_over_package_lists_every_file_with_its_checksum(office, full_file):
    package = build_package(full_file, actor_name="Phạm Thị Thư")
    root, content = unpack(package.data)
    assert root == package.package_id
    assert set(content) == {
        "METS.xml",
        "metadata/descriptive/hoso.xml",
        "metadata/preservation/premis.xml",
        "representations/rep1/data/001-1-van-ban-den.pdf",
        "representations/rep1/data/003-1-van-ban-di.pdf",
        "documentation/muc-luc.pdf",
    }
    mets = etree.fromstring(content["METS.xml"])
    assert mets.get("OBJID") == package.package_id
    referenced = {}
    for element in mets.iterfind(".//mets:file", M):
        href = child(element, "mets:FLocat", M).get(f"{{{XLINK_NS}}}href")
        referenced[href] = element
        assert element.get("CHECKSUMTYPE") == "SHA-256"
        assert element.get("CHECKSUM") == hashlib.sha256(content[href]).hexdigest()
        assert element.get("SIZE") == str(len(content[href]))
    for ref in mets.iterfind(".//mets:mdRef", M):
        href = ref.get(f"{{{XLINK_NS}}}href")
        assert ref.get("CHECKSUM") == hashlib.sha256(content[href]).hexdigest()
        referenced[href] = ref
    assert set(referenced) | {"METS.xml"} == set(content)  # nothing unlisted, nothing missing
    # The structure map points at each document's files, in order.
    divs = mets.findall(
        ".//mets:structMap/mets:div/mets:div[@LABEL='Representations/rep1']/mets:div", M
    )
    assert [d.get("ORDER") for d in divs] == ["1", "3"]
    ids = {e.get("ID"): href for href, e in referenced.items() if e.tag == f"{{{METS_NS}}}file"}
    assert str(ids[child(divs[0], "mets:fptr", M).get("FILEID")]).startswith(
        "representations/rep1/data/001-"
    )


def test_premis_records_the_fixity_of_each_file_and_the_transfer(office, full_file):
    _root, content = unpack(build_package(full_file, actor_name="Phạm Thị Thư").data)
    premis = etree.fromstring(content["metadata/preservation/premis.xml"])
    objects = premis.findall("premis:object", P)
    assert len(objects) == 4  # two originals, the table of contents, the descriptive metadata
    for obj in objects:
        path = obj.findtext(".//premis:contentLocationValue", namespaces=P)
        digest = obj.findtext(".//premis:messageDigest", namespaces=P)
        assert digest == hashlib.sha256(content[path]).hexdigest()
    events = [
        e.findtext("premis:eventType", namespaces=P) for e in premis.findall("premis:event", P)
    ]
    assert events == ["message digest calculation", "transfer"]
    agents = [
        a.findtext("premis:agentName", namespaces=P) for a in premis.findall("premis:agent", P)
    ]
    assert "Phạm Thị Thư" in agents and "Sở Nội vụ" in agents


def test_originals_go_into_the_package_byte_for_byte_and_the_index_is_pdf_a(office, full_file):
    from egov.records import queries

    _root, content = unpack(build_package(full_file, actor_name="Phạm Thị Thư").data)
    first = queries.contents(full_file, None).entries[0].main_files[0]
    with first.file.content.open("rb") as handle:
        assert content["representations/rep1/data/001-1-van-ban-den.pdf"] == handle.read()
    index = PdfReader(io.BytesIO(content["documentation/muc-luc.pdf"]))
    xmp = index.xmp_metadata
    assert xmp is not None
    assert b"pdfaid:part" in xmp.stream.get_data() or "pdfaid" in str(xmp.rdf_root.toxml())
    assert "Về việc đề nghị tuyển dụng" in norm("".join(p.extract_text() for p in index.pages))


def test_hand_over_keeps_the_package_and_freezes_the_file(client_for, office, full_file):
    files.close_case_file(actor=office.clerk, case_file=full_file)
    record = handover.hand_over(actor=office.clerk, case_file=full_file)
    full_file.refresh_from_db()
    assert full_file.is_frozen and full_file.handed_over_at is not None
    with record.package.open("rb") as handle:
        data = handle.read()
    assert hashlib.sha256(data).hexdigest() == record.sha256
    response = client_for(office.clerk).get(
        reverse("records:handover_package", args=[full_file.pk])
    )
    assert response.content == data
    assert (
        client_for(office.leader)
        .get(reverse("records:handover_package", args=[full_file.pk]))
        .status_code
        == 404
    )
