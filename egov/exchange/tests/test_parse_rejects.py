"""Packages the parser must refuse: hostile XML, broken XML, and packages that break the rules."""

from __future__ import annotations

import base64
import time
from dataclasses import replace

import pytest
from lxml import etree

from egov.exchange.edxml import (
    Limits,
    OtherInfo,
    ValidationFailure,
    build_edoc,
    build_status,
    parse_edoc,
    parse_status,
    safe_xml,
)

from .factories import NOW, RECIPIENT, SECOND_RECIPIENT, make_package, make_status

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE edXML [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&lol9;</edXML>"""

QUADRATIC_BLOWUP = (
    b'<?xml version="1.0"?>\n<!DOCTYPE edXML [<!ENTITY a "'
    + b"A" * 50_000
    + b'">]>\n<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">'
    + b"&a;" * 50_000
    + b"</edXML>"
)

XXE_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE edXML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><Subject>&secret;</Subject></edXML>"""

XXE_PARAMETER_ENTITY_OVER_NETWORK = b"""<?xml version="1.0"?>
<!-- a comment first, to get past naive checks -->
<!DOCTYPE edXML [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>"""


def _refused(data: bytes, **kwargs) -> ValidationFailure:
    with pytest.raises(ValidationFailure) as caught:
        parse_edoc(data, now=NOW, **kwargs)
    return caught.value


@pytest.mark.parametrize(
    "attack",
    [BILLION_LAUGHS, QUADRATIC_BLOWUP, XXE_FILE, XXE_PARAMETER_ENTITY_OVER_NETWORK],
    ids=["billion-laughs", "quadratic-blowup", "xxe-file", "xxe-parameter-entity-over-network"],
)
def test_it_refuses_a_dtd_before_the_parser_ever_sees_the_document(attack, monkeypatch):
    def parser_must_not_run(*args, **kwargs):
        raise AssertionError("the document reached the XML parser")

    monkeypatch.setattr(etree, "fromstring", parser_must_not_run)
    started = time.perf_counter()

    failure = _refused(attack)

    assert failure.codes == ("X.Doctype",)
    assert "DTD" in failure.problems[0].message
    assert time.perf_counter() - started < 1


def test_a_dtd_in_another_encoding_is_still_refused_after_parsing_without_being_expanded():
    utf16 = (
        XXE_FILE.replace(b'version="1.0"', b'version="1.0" encoding="UTF-16"')
        .decode()
        .encode("utf-16")
    )

    failure = _refused(utf16)

    assert failure.codes == ("X.Doctype",)
    assert "root:" not in str(failure)


def test_the_parser_itself_expands_no_entity_and_reads_no_file():
    try:
        root = etree.fromstring(XXE_FILE, safe_xml.safe_parser(recover=False))
    except etree.XMLSyntaxError:
        return  # refusing outright is as good
    text = etree.tostring(root).decode()
    assert "root:" not in text
    assert "&secret;" in text


def test_the_parser_itself_does_not_amplify_a_billion_laughs():
    started = time.perf_counter()
    try:
        root = etree.fromstring(BILLION_LAUGHS, safe_xml.safe_parser(recover=False))
    except etree.XMLSyntaxError:
        root = None
    assert time.perf_counter() - started < 1
    if root is not None:
        assert len(etree.tostring(root)) < 1000


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not xml at all",
        b"<edXML><unclosed></edXML>",
        b'<?xml version="1.0"?><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">',
    ],
    ids=["empty", "text", "mismatched-tags", "unterminated"],
)
def test_it_refuses_malformed_xml_with_a_clear_error(data):
    failure = _refused(data)

    assert failure.codes == ("X.MalformedXml",)
    assert failure.problems[0].message_vi.startswith("Gói tin không phải XML hợp lệ")


def test_it_refuses_a_package_cut_off_in_the_middle():
    data = build_edoc(make_package(), now=NOW)

    assert _refused(data[: len(data) // 2]).codes == ("X.MalformedXml",)


def test_it_refuses_nesting_deeper_than_libxml2_allows_without_huge_trees():
    deep = b"<edXML>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</edXML>"

    assert _refused(deep).codes == ("X.MalformedXml",)


def test_it_refuses_a_text_node_beyond_libxml2s_limit_rather_than_enabling_huge_trees():
    data = build_edoc(make_package(), now=NOW).replace(
        b"JVBERi0xLjcKJSB0ZXN0Cg==", b"QUFB" * 2_600_000
    )

    failure = _refused(data)

    assert failure.codes == ("X.MalformedXml",)
    assert "XML_PARSE_HUGE" in failure.problems[0].message


def test_it_refuses_a_package_over_the_size_limit_before_reading_it():
    data = build_edoc(make_package(), now=NOW)

    assert _refused(data, limits=Limits(max_package_bytes=len(data) - 1)).codes == (
        "X.PackageTooLarge",
    )


def test_it_refuses_a_document_in_the_wrong_namespace():
    data = build_edoc(make_package(), now=NOW).replace(
        b"http://www.mic.gov.vn/TBT/QCVN_102_2016", b"go.vn/eDoc"
    )

    failure = _refused(data)

    assert failure.codes == ("X.WrongRoot.edXML",)
    assert "go.vn/eDoc" in failure.problems[0].message


def test_it_refuses_a_package_without_its_envelope():
    data = b'<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><MessageHeader/></edXML>'

    assert _refused(data).codes == ("N.edXMLEnvelope",)


def test_it_tells_a_status_from_an_edoc_both_ways():
    with pytest.raises(ValidationFailure) as status_as_edoc:
        parse_edoc(build_status(make_status(), now=NOW), now=NOW)
    with pytest.raises(ValidationFailure) as edoc_as_status:
        parse_status(build_edoc(make_package(), now=NOW), now=NOW)

    assert status_as_edoc.value.codes == ("X.WrongMessageKind.edXMLHeader.MessageHeader",)
    assert edoc_as_status.value.codes == ("X.WrongMessageKind.edXMLHeader.Status",)


SUBJECT_ELEMENT = f"<edXML:Subject>{make_package().message_header.subject}</edXML:Subject>".encode()


def _received(package, old: bytes = b"", new: bytes = b"") -> bytes:
    return build_edoc(package, now=NOW).replace(old, new)


def test_it_refuses_a_sender_code_that_is_no_organ_code_and_keeps_the_header_for_the_reply():
    data = _received(
        make_package(),
        b"<edXML:OrganId>000.00.00.H41</edXML:OrganId>\n          <edXML:OrganName>",
        b"<edXML:OrganId>UBND NGHE AN</edXML:OrganId>\n          <edXML:OrganName>",
    )

    failure = _refused(data)

    assert failure.codes == ("T.MessageHeader.From.OrganId",)
    assert failure.header is not None
    assert failure.header.document_id == make_package().message_header.document_id


def test_it_refuses_a_received_package_with_priority_seven():
    data = _received(make_package(), b"<edXML:Priority>1<", b"<edXML:Priority>7<")

    assert _refused(data).codes == ("R.MessageHeader.OtherInfo.Priority",)


def test_it_refuses_a_received_package_that_names_a_recipient_twice():
    data = _received(make_package(to=(RECIPIENT, SECOND_RECIPIENT)), b">G09.01<", b">H41.12<")

    assert _refused(data).codes == ("M.MessageHeader.To.OrganId",)


def test_it_refuses_a_received_attachment_over_the_configured_limit_without_decoding_it():
    package = replace(
        make_package(), attachments=(replace(make_package().attachments[0], content=b"x" * 3000),)
    )
    data = build_edoc(package, now=NOW)

    failure = _refused(data, limits=Limits(max_attachment_bytes=2000))

    assert failure.codes == ("R.AttachmentEncoded.Attachment.ContentTransferEncoded",)
    assert failure.problems[0].message_vi.startswith("Nội dung tệp đính kèm")


@pytest.mark.parametrize(
    "damage",
    [
        lambda b64: b64[:100] + "é" + b64[101:],  # a letter outside the alphabet (not ASCII)
        lambda b64: b64[:100] + "!" + b64[101:],  # ASCII outside the alphabet
        lambda b64: b64[:-4] + "QQ==" + "QQ==",  # padding in the middle
        lambda b64: b64[:-1],  # cut short: the padding does not add up
        lambda b64: b64[:200] + "\n" + b64[200:-1],  # wrapped into lines and cut short
    ],
    ids=["non-ascii", "bad-character", "padding-inside", "truncated", "wrapped-truncated"],
)
def test_it_refuses_an_attachment_that_is_not_strict_base64(damage):
    content = bytes(range(256)) * 4
    package = replace(
        make_package(), attachments=(replace(make_package().attachments[0], content=content),)
    )
    one_line = base64.b64encode(content).decode("ascii")
    data = build_edoc(package, now=NOW).decode("utf-8").replace(one_line, damage(one_line))

    failure = _refused(data.encode("utf-8"))

    assert failure.codes == ("T.AttachmentEncoded.Attachment.ContentTransferEncoded",)
    assert "not valid base64" in failure.problems[0].message


def test_it_refuses_a_manifest_that_names_an_attachment_the_package_lacks():
    data = _received(
        make_package(), b"<ContentId>cid:1</ContentId>", b"<ContentId>cid:2</ContentId>"
    )

    failure = _refused(data)

    assert "M.edXMLBody.edXMLManifest.Reference" in failure.codes


def test_it_lists_every_problem_of_a_received_package_so_the_rejection_can_name_them_all():
    data = (
        _received(make_package(to=(RECIPIENT, SECOND_RECIPIENT)), b">G09.01<", b">H41.12<")
        .replace(b"<edXML:Priority>1<", b"<edXML:Priority>cao<")
        .replace(b"<edXML:DueDate>2026/12/15<", b"<edXML:DueDate>31/02/2026<")
        .replace(SUBJECT_ELEMENT, b"")
        .replace(b"<edXML:PageAmount>2<", b"<edXML:PageAmount>-2<")
    )

    failure = _refused(data)

    assert set(failure.codes) == {
        "M.MessageHeader.To.OrganId",
        "T.MessageHeader.OtherInfo.Priority",
        "T.MessageHeader.DueDate",
        "N.MessageHeader.Subject",
        "R.MessageHeader.OtherInfo.PageAmount",
    }


def test_it_refuses_a_received_promulgation_date_in_the_future():
    package = make_package()
    data = build_edoc(package, now=NOW)

    with pytest.raises(ValidationFailure) as caught:
        parse_edoc(data, now=NOW.replace(year=2025))

    assert "R.MessageHeader.PromulgationInfo.PromulgationDate" in caught.value.codes


def test_it_refuses_a_received_status_with_an_undocumented_code():
    data = build_status(make_status(), now=NOW).replace(b">01<", b">09<")

    with pytest.raises(ValidationFailure) as caught:
        parse_status(data, now=NOW)

    assert caught.value.codes == ("R.Status.StatusCode",)


def test_priority_seven_is_refused_even_when_the_builder_is_bypassed():
    package = make_package(other_info=OtherInfo(priority=4))
    data = build_edoc(package, now=NOW).replace(b"<edXML:Priority>4<", b"<edXML:Priority>7<")

    assert _refused(data).problems[0].message_vi.startswith("Độ khẩn")
