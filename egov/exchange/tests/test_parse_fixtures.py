"""The public VPCP SDK samples (../shared/fixtures/edxml): what the parser reads from them."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Any

import pytest
from cryptography import x509

from egov.exchange.edxml import (
    BussinessDocType,
    Priority,
    ReceiverType,
    SignatureError,
    StatusCode,
    SteeringType,
    ValidationFailure,
    parse_edoc,
    unzip_attachment,
    verify_envelope,
)
from egov.exchange.edxml.constants import VIETNAM_TZ
from egov.exchange.pki import make_ca

from .factories import NOW

NEW = "edxml/vpcp-sdk_edoc_new_TRUNCATED.edxml"
BAK = "edxml/vpcp-sdk_edoc.edxml.bak.xml"
JMETER_PLACEHOLDER = b"${__StringFromFile(test.txt,,,)}"


@pytest.fixture
def sdk_new(shared_fixture):
    return parse_edoc(shared_fixture(NEW).read_bytes(), now=NOW)


def test_the_sdk_new_document_sample_yields_every_message_header_field(sdk_new):
    header = sdk_new.package.message_header

    assert header.from_.organ_id == "000.00.00.A80"
    assert header.from_.organ_name == "UBND xã Hòa Tiến - UBND huyện Hòa Vang - Thành phố Đà Nẵng"
    assert header.from_.organ_add == "Số 1 Hoàng Hoa Thám, Quận Ba Đình, Hà Nội"
    assert (header.from_.email, header.from_.telephone, header.from_.fax, header.from_.website) == (
        "vpcp@gov.vn",
        "8043100",
        "048989898789",
        "vpcp.vn",
    )
    assert [to.organ_id for to in header.to] == ["28.22.H17"]
    assert header.to[0].telephone == "(84-4) 3821 5137"
    assert header.document_id == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    assert (header.code.code_number, header.code.code_notation) == ("74fass22", "VPCP-TTĐT")
    assert header.promulgation_info.place == "Hà Nội"
    assert header.promulgation_info.promulgation_date == date(2019, 1, 16)
    assert (header.document_type.type, header.document_type.type_detail) == (1, 0)
    assert header.document_type.type_name == "Công văn"
    assert header.subject == "V/v kết nối, liên thông phần mềm quản lý văn bản"
    assert header.content == header.subject
    assert header.signer_info.competence == "TL. BO TRUONG"
    assert header.signer_info.full_name == "Nguyen Thanh Phuc"
    assert header.due_date == date(2018, 9, 28)
    assert header.to_places == ("Cac bo va co quan ngang bo", "Uy ban nhan dan cac tinh, TP")
    other = header.other_info
    assert (other.priority, other.promulgation_amount, other.page_amount) == (0, 2, 22)
    assert other.sphere_of_promulgation == "Liên thông văn bản quốc gia"
    assert (other.typer_notation, other.direction) == ("TVC", False)
    assert other.appendixes == ("Công văn về việc kết nối, liên thông phần mềm quản lý văn bản",)
    assert header.steering_type == 1
    assert header.response_for == ()


def test_the_sdk_new_document_sample_yields_its_trace_and_business_block(sdk_new):
    trace = sdk_new.package.trace_header_list

    assert [(hop.organ_id, hop.timestamp) for hop in trace.trace_headers] == [
        ("000.00.00.G22", datetime(2018, 9, 28, 0, 0, tzinfo=VIETNAM_TZ))
    ]
    bussiness = trace.bussiness
    assert bussiness is not None
    assert bussiness.bussiness_doc_type == BussinessDocType.NEW
    assert bussiness.bussiness_doc_reason == "Văn bản điện tử mới"
    assert bussiness.document_id == "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT"
    assert bussiness.paper is False
    assert bussiness.staff_info is not None
    assert bussiness.staff_info.staff == "Nguyễn Thị Ngọc Trâm"
    assert bussiness.staff_info.mobile == "84912000001"


def test_the_sdk_new_document_sample_finds_its_signature_outside_the_xmldsig_namespace(sdk_new):
    signature = sdk_new.signature

    assert signature is not None
    assert signature.in_xmldsig_namespace is False
    assert signature.signature_method == "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
    assert signature.canonicalization_method == "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    assert signature.x509_subject_name == "CN=user05"
    assert signature.certificates_der == ()  # "MIIFqTCCBJG" is a truncated certificate


def test_the_sdk_new_document_sample_reports_exactly_its_known_defects(sdk_new):
    assert {w.code for w in sdk_new.warnings} == {
        "W.SignatureNamespace.edXMLHeader.Signature",
        "W.Certificate.edXMLHeader.Signature.X509Certificate",
        "W.OrganCode.MessageHeader.To.OrganId",
        "W.NotNumeric.MessageHeader.Code.CodeNumber",
        "W.DueBeforePromulgation.MessageHeader.DueDate",
    }
    assert all(w.message and w.message_vi for w in sdk_new.warnings)


def test_the_sdk_new_document_sample_carries_a_zip_that_fails_cleanly_as_truncated(sdk_new):
    (attachment,) = sdk_new.package.attachments
    assert (attachment.content_id, attachment.content_type) == ("cid:209", "application/zip")
    assert attachment.attachment_name == "1896_QD-TTg_m_294779.doc"
    assert attachment.content.startswith(b"PK\x03\x04")

    with pytest.raises(ValidationFailure) as caught:
        unzip_attachment(attachment)

    assert caught.value.codes == ("T.AttachmentEncoded.Attachment.ContentTransferEncoded",)
    assert "corrupt or truncated ZIP" in caught.value.problems[0].message


def test_the_sdk_backup_sample_is_refused_only_for_its_placeholder_attachment_with_the_header_kept(
    shared_fixture,
):
    with pytest.raises(ValidationFailure) as caught:
        parse_edoc(shared_fixture(BAK).read_bytes(), now=NOW)

    failure = caught.value
    assert failure.codes == ("T.AttachmentEncoded.Attachment.ContentTransferEncoded",)
    assert "not valid base64" in failure.problems[0].message
    # Enough to address the status 02 that answers it:
    assert failure.header is not None
    assert failure.header.from_.organ_id == "000.00.15.H51"
    assert failure.header.document_id == "9fbfbad2-f1f8-4256-a2eb-50fb1061cddb"
    assert failure.header.code.code_notation == "PRO-TEST-CASE1"
    assert {"W.UnboundPrefix", "W.EmptyBlock.MessageHeader.ResponseFor"} <= {
        w.code for w in failure.warnings
    }


def test_the_sdk_backup_sample_reads_despite_its_undeclared_prefixes_once_its_attachment_is_real(
    shared_fixture,
):
    data = shared_fixture(BAK).read_bytes().replace(JMETER_PLACEHOLDER, b"JVBERi0xLjQK")

    parsed = parse_edoc(data, now=NOW)

    header = parsed.package.message_header
    assert header.subject == "Văn bản liên thông chỉ đạo - 190701"
    assert header.signer_info.full_name == "Trương Minh Tuấn"
    assert header.response_for == ()  # the sample's all-empty ResponseFor is dropped
    assert header.to_places == ("Các bộ",)
    (attachment,) = parsed.package.attachments
    assert attachment.attachment_name == "GUIDE_INSTALL OPENVPN.SIGNED.PDF"
    assert attachment.content == b"%PDF-1.4\n"
    assert attachment.content_type == "application/pdf"  # the manifest's is commented out
    assert attachment.description == "Description 1"  # from the manifest
    unbound = [w for w in parsed.warnings if w.code == "W.UnboundPrefix"]
    assert sorted(w.message for w in unbound) == [
        "The prefix 'edXML' is used without being declared; read by its local name.",
        "The prefix 'xlink' is used without being declared; read by its local name.",
    ]
    assert "W.OrganCode.TraceHeaderList.TraceHeader.OrganId" in {w.code for w in parsed.warnings}


def test_the_sdk_backup_sample_exposes_its_real_vnpt_ca_certificate(shared_fixture):
    data = shared_fixture(BAK).read_bytes().replace(JMETER_PLACEHOLDER, b"")

    signature = parse_edoc(data, now=NOW).signature

    assert signature is not None and signature.in_xmldsig_namespace
    (der,) = signature.certificates_der
    certificate = x509.load_der_x509_certificate(der)
    assert "CN=TRẦN ANH TUẤN" in certificate.subject.rfc4514_string()
    assert "VNPT Certification Authority" in certificate.issuer.rfc4514_string()
    assert certificate.not_valid_after_utc == datetime(2018, 10, 19, 16, 55, tzinfo=UTC)


def test_the_sdk_backup_sample_signature_is_reported_expired_then_untrusted_never_valid(
    shared_fixture,
):
    data = shared_fixture(BAK).read_bytes()
    roots = [make_ca().certificate]

    with pytest.raises(SignatureError) as today:
        verify_envelope(data, roots)
    with pytest.raises(SignatureError) as in_2018:
        verify_envelope(data, roots, at=datetime(2018, 6, 20, tzinfo=UTC))

    assert today.value.code == "S.CertificateExpired"
    assert in_2018.value.code == "S.UntrustedCertificate"


def test_the_sdk_new_document_sample_signature_cannot_be_verified_outside_its_namespace(
    shared_fixture,
):
    with pytest.raises(SignatureError) as caught:
        verify_envelope(shared_fixture(NEW).read_bytes(), [make_ca().certificate])

    assert caught.value.code == "S.NotXmlDsig"


# The field dictionaries of edxml-convert (JSON with // comments) ---------------------------------


def _load_jsonc(text: str) -> Any:
    """Drop // comments outside strings, then read the JSON."""
    out, in_string, escaped, i = [], False, False, 0
    while i < len(text):
        char = text[i]
        if in_string:
            out.append(char)
            escaped = char == "\\" and not escaped
            in_string = not (char == '"' and not escaped)
        elif char == '"':
            in_string = True
            out.append(char)
        elif text.startswith("//", i):
            i = text.find("\n", i)
            i = len(text) if i < 0 else i
            continue
        else:
            out.append(char)
        i += 1
    return json.loads("".join(out))


def test_the_field_dictionaries_are_not_strict_json(shared_fixture):
    with pytest.raises(json.JSONDecodeError):
        json.loads(shared_fixture("edxml/edxml-convert_edoc-fields.jsonc").read_text("utf-8"))


def _codes(description: str) -> list[str]:
    return re.findall(r"(\d+)\s*-", description)


def test_the_enumerations_match_the_edoc_field_dictionary(shared_fixture):
    edoc = _load_jsonc(shared_fixture("edxml/edxml-convert_edoc-fields.jsonc").read_text("utf-8"))
    header = edoc["header"]
    bussiness = header["traceheaderlist"]["bussiness"]
    receiver = bussiness["bussinessdocumentinfo"]["receiverlist"]["receiver"][0]

    assert _codes(header["messageheader"]["otherinfo"]["priority"]) == [
        str(p.value) for p in Priority
    ]
    assert _codes(header["messageheader"]["steeringtype"]) == [str(s.value) for s in SteeringType]
    assert _codes(bussiness["bussinessdoctype"]) == [str(b.value) for b in BussinessDocType]
    assert _codes(receiver["receivertype"]) == [str(r.value) for r in ReceiverType]


def test_the_status_codes_match_the_status_field_dictionary(shared_fixture):
    status = _load_jsonc(
        shared_fixture("edxml/edxml-convert_status-fields.jsonc").read_text("utf-8")
    )
    description = status["header"]["status"]["statuscode"]

    assert re.findall(r"(\d{2})\s*-", description) == [code.value for code in StatusCode]
