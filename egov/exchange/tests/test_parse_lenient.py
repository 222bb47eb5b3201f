"""Defects real packages have, which the parser tolerates and reports as warnings."""

from __future__ import annotations

import base64
import textwrap
from dataclasses import replace
from datetime import date, datetime

import pytest

from egov.exchange.edxml import (
    EDXML_NS,
    build_edoc,
    build_status,
    parse_edoc,
    parse_status,
)
from egov.exchange.edxml.constants import VIETNAM_TZ

from .factories import NOW, RECIPIENT, make_package, make_status

ATTACHMENT_BLOCK_START = "  <AttachmentEncoded>"


def _built(**changes) -> str:
    return build_edoc(make_package(**changes), now=NOW).decode("utf-8")


def _parse(text: str):
    return parse_edoc(text.encode("utf-8"), now=NOW)


def _codes(parsed) -> set[str]:
    return {w.code for w in parsed.warnings}


def test_our_own_package_parses_back_without_a_single_warning():
    assert _parse(_built()).warnings == ()


@pytest.mark.parametrize(
    ("written", "form"),
    [("28/11/2026", "dd/MM/yyyy"), ("2026-11-28", "yyyy-MM-dd"), ("2026/11/28", None)],
)
def test_it_reads_a_promulgation_date_in_each_form_seen_in_real_packages(written, form):
    text = _built().replace(
        "<edXML:PromulgationDate>2026/11/28<", f"<edXML:PromulgationDate>{written}<"
    )

    parsed = _parse(text)

    assert parsed.package.message_header.promulgation_info.promulgation_date == date(2026, 11, 28)
    if form is None:
        assert parsed.warnings == ()
    else:
        (warning,) = parsed.warnings
        assert warning.code == "W.DateForm.MessageHeader.PromulgationInfo.PromulgationDate"
        assert form in warning.message and "2026-11-28" in warning.message


@pytest.mark.parametrize(
    "written",
    [
        "30/11/2026 09:25:00",
        "2026-11-30 09:25:00",
        "2026-11-30T02:25:00Z",
        "2026-11-30T09:25:00+07:00",
    ],
)
def test_it_reads_trace_timestamps_in_the_forms_of_other_builders(written):
    text = _built().replace("<edXML:Timestamp>2026/11/30 09:25:00<", f"<edXML:Timestamp>{written}<")

    parsed = _parse(text)

    (hop,) = parsed.package.trace_header_list.trace_headers
    assert hop.timestamp == datetime(2026, 11, 30, 9, 25, tzinfo=VIETNAM_TZ)
    assert _codes(parsed) == {"W.DateForm.TraceHeaderList.TraceHeader.Timestamp"}


def test_it_reads_attachments_written_with_the_edxml_prefix_as_well_as_without():
    declared = (
        _built()
        .replace("<AttachmentEncoded>", f'<edXML:AttachmentEncoded xmlns:edXML="{EDXML_NS}">')
        .replace("</AttachmentEncoded>", "</edXML:AttachmentEncoded>")
        .replace("<Attachment>", "<edXML:Attachment>")
        .replace("</Attachment>", "</edXML:Attachment>")
    )

    parsed = _parse(declared)

    assert parsed.package == make_package()
    assert parsed.warnings == ()


def test_it_reads_attachments_whose_edxml_prefix_is_never_declared_as_the_sdk_backup_sample_does():
    body = _built()
    head, tail = body.split(ATTACHMENT_BLOCK_START)
    tail = (
        tail.replace("<Attachment>", "<edXML:Attachment>")
        .replace("</Attachment>", "</edXML:Attachment>")
        .replace("<ContentId>", "<edXML:ContentId>")
        .replace("</ContentId>", "</edXML:ContentId>")
    )

    parsed = _parse(head + ATTACHMENT_BLOCK_START + tail)

    assert parsed.package == make_package()
    assert [w.message for w in parsed.warnings] == [
        "The prefix 'edXML' is used without being declared; read by its local name."
    ]


def test_it_reads_attachments_in_no_namespace_and_says_so():
    text = _built().replace("<AttachmentEncoded>", '<AttachmentEncoded xmlns="">')

    parsed = _parse(text)

    assert parsed.package == make_package()
    assert "W.NoNamespace.AttachmentEncoded" in _codes(parsed)


def test_it_reads_the_business_block_before_the_trace_headers():
    text = _built()
    start, end = text.index("        <edXML:TraceHeader>"), text.index("        <edXML:Bussiness>")
    trace = text[start:end]
    bussiness_end = text.index("</edXML:Bussiness>\n") + len("</edXML:Bussiness>\n")
    reordered = text[:start] + text[end:bussiness_end] + trace + text[bussiness_end:]
    assert reordered.index("<edXML:Bussiness>") < reordered.index("<edXML:TraceHeader>")

    parsed = _parse(reordered)

    assert parsed.package == make_package()
    assert parsed.warnings == ()


def test_it_skips_stray_bytes_before_the_xml_declaration():
    parsed = _parse("1212" + _built())

    assert parsed.package == make_package()
    assert [w.code for w in parsed.warnings] == ["W.LeadingGarbage"]


def test_it_finds_a_signature_without_its_namespace_and_warns_that_it_cannot_be_verified():
    signature = textwrap.indent(
        textwrap.dedent(
            """\
            <Signature>
              <SignedInfo>
                <SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1"/>
              </SignedInfo>
              <SignatureValue>AAAA</SignatureValue>
            </Signature>
            """
        ),
        "      ",
    )
    text = _built().replace("    </edXML:edXMLHeader>", signature + "    </edXML:edXMLHeader>")

    parsed = _parse(text)

    assert parsed.signature is not None
    assert parsed.signature.in_xmldsig_namespace is False
    assert parsed.signature.signature_method.endswith("rsa-sha1")
    assert _codes(parsed) == {"W.SignatureNamespace.edXMLHeader.Signature"}


def test_it_reads_base64_broken_into_lines():
    content = bytes(range(256)) * 4
    package = replace(
        make_package(), attachments=(replace(make_package().attachments[0], content=content),)
    )
    one_line = base64.b64encode(content).decode("ascii")
    text = (
        build_edoc(package, now=NOW)
        .decode("utf-8")
        .replace(one_line, base64.encodebytes(content).decode())
    )

    parsed = _parse(text)

    assert parsed.package.attachments[0].content == content
    assert parsed.warnings == ()


@pytest.mark.parametrize("at", [0, 60, 400, -3], ids=["start", "first-line", "further", "end"])
def test_it_reads_base64_with_white_space_anywhere_in_it(at):
    content = bytes(range(256)) * 4
    package = replace(
        make_package(), attachments=(replace(make_package().attachments[0], content=content),)
    )
    one_line = base64.b64encode(content).decode("ascii")
    spaced = one_line[:at] + "\n  \t" + one_line[at:]
    text = build_edoc(package, now=NOW).decode("utf-8").replace(one_line, spaced)

    parsed = _parse(text)

    assert parsed.package.attachments[0].content == content


def test_it_keeps_an_attachment_missing_from_the_manifest_and_warns():
    text = _built()
    start = text.index("        <edXML:Reference")
    end = text.index("</edXML:Reference>\n") + len("</edXML:Reference>\n")

    parsed = _parse(text[:start] + text[end:])

    assert parsed.package == make_package()
    assert _codes(parsed) == {"W.AttachmentWithoutManifest.AttachmentEncoded.Attachment"}


def test_it_takes_a_missing_priority_as_normal_and_says_so():
    text = _built().replace("<edXML:Priority>1</edXML:Priority>", "")

    parsed = _parse(text)

    assert parsed.package.message_header.other_info.priority == 0
    assert _codes(parsed) == {"W.Default.MessageHeader.OtherInfo.Priority"}


@pytest.mark.parametrize("organ_id", ["vxp.saas.03", "28.22.H17", "01.02.G22"])
def test_it_accepts_the_test_organ_codes_seen_on_real_hubs_with_a_warning(organ_id):
    text = _built().replace("<edXML:OrganId>H41.12<", f"<edXML:OrganId>{organ_id}<")

    parsed = _parse(text)

    assert parsed.package.message_header.to == (replace(RECIPIENT, organ_id=organ_id),)
    assert _codes(parsed) == {"W.OrganCode.MessageHeader.To.OrganId"}


def test_it_reads_cdata_and_ignores_comments_inside_values():
    text = _built().replace(
        "<edXML:Subject>V/v triển khai kế hoạch chuyển đổi số năm 2027<",
        "<edXML:Subject><![CDATA[V/v triển khai <kế hoạch>]]><!-- ghi chú --> & more<".replace(
            "&", "&amp;"
        ),
    )

    parsed = _parse(text)

    assert parsed.package.message_header.subject == "V/v triển khai <kế hoạch> & more"


def test_it_reads_a_status_written_by_the_c_sharp_builder_with_its_date_form():
    text = (
        build_status(make_status(), now=NOW)
        .decode("utf-8")
        .replace("<edXML:Timestamp>2026/11/30 09:29:00<", "<edXML:Timestamp>30/11/2026 09:29:00<")
        .replace("<edXML:PromulgationDate>2026/11/28<", "<edXML:PromulgationDate>28/11/2026<")
    )

    parsed = parse_status(text.encode("utf-8"), now=NOW)

    assert parsed.status == make_status()
    assert _codes(parsed) == {
        "W.DateForm.Status.Timestamp",
        "W.DateForm.Status.ResponseFor.PromulgationDate",
    }


def test_it_reads_a_status_the_sdk_way_inside_a_message_header_with_a_one_digit_code():
    text = (
        build_status(make_status(status_code="03"), now=NOW)
        .decode("utf-8")
        .replace("edXML:Status>", "edXML:MessageHeader>")
        .replace(">03<", ">3<")
    )

    parsed = parse_status(text.encode("utf-8"), now=NOW)

    assert parsed.status == make_status(status_code="03")
    assert _codes(parsed) == {"W.Format.Status.StatusCode"}


def test_it_finds_attachments_put_inside_the_envelope_and_says_they_are_misplaced():
    text = _built()
    start = text.index(ATTACHMENT_BLOCK_START)
    end = text.index("</AttachmentEncoded>\n") + len("</AttachmentEncoded>\n")
    block = text[start:end]
    moved = text[:start] + text[end:]
    moved = moved.replace("  </edXML:edXMLEnvelope>", block + "  </edXML:edXMLEnvelope>")

    parsed = _parse(moved)

    assert parsed.package == make_package()
    assert _codes(parsed) == {"W.Misplaced.AttachmentEncoded"}
