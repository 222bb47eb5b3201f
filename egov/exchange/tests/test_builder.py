"""The strict builder: what it writes, and everything it refuses to write."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from lxml import etree

from egov.exchange.edxml import (
    EDXML_NS,
    Attachment,
    Bussiness,
    Code,
    Limits,
    OtherInfo,
    PromulgationInfo,
    TraceHeader,
    TraceHeaderList,
    ValidationFailure,
    build_edoc,
    build_status,
)
from egov.exchange.edxml.limits import MAX_ATTACHMENT_BYTES_CEILING

from .factories import NOW, RECIPIENT, SECOND_RECIPIENT, make_package, make_status

NS = {"e": EDXML_NS, "xlink": "http://www.w3.org/1999/xlink"}


def _failure(package, **kwargs) -> ValidationFailure:
    with pytest.raises(ValidationFailure) as caught:
        build_edoc(package, now=NOW, **kwargs)
    return caught.value


def test_it_writes_the_envelope_in_the_edxml_namespace_with_attachments_outside_it():
    root = etree.fromstring(build_edoc(make_package(), now=NOW))

    assert root.tag == f"{{{EDXML_NS}}}edXML"
    assert root.xpath(
        "e:edXMLEnvelope/e:edXMLHeader/e:MessageHeader/e:Subject/text()", namespaces=NS
    ) == ["V/v triển khai kế hoạch chuyển đổi số năm 2027"]
    assert root.xpath("e:edXMLEnvelope//e:AttachmentEncoded", namespaces=NS) == []
    assert len(root.xpath("e:AttachmentEncoded/e:Attachment", namespaces=NS)) == 1


def test_it_encodes_attachments_in_base64_and_binds_them_to_the_manifest_by_content_id():
    root = etree.fromstring(build_edoc(make_package(), now=NOW))

    payload = root.xpath(
        "e:AttachmentEncoded/e:Attachment/e:ContentTransferEncoded/text()", namespaces=NS
    )
    assert base64.b64decode(payload[0]) == b"%PDF-1.7\n% test\n"
    reference = root.xpath(
        "e:edXMLEnvelope/e:edXMLBody/e:edXMLManifest/e:Reference", namespaces=NS
    )[0]
    assert reference.get(f"{{{NS['xlink']}}}href") == "cid:1"
    assert reference.findtext("e:ContentId", namespaces=NS) == "cid:1"


def test_it_writes_dates_and_timestamps_as_the_sdk_does_in_vietnamese_local_time():
    utc_hop = TraceHeader(
        organ_id="000.00.00.H41", timestamp=datetime(2026, 11, 30, 1, 2, 3, tzinfo=NOW.tzinfo)
    )
    package = replace(make_package(), trace_header_list=TraceHeaderList(trace_headers=(utc_hop,)))
    root = etree.fromstring(build_edoc(package, now=NOW))

    assert root.xpath("//e:PromulgationDate/text()", namespaces=NS) == ["2026/11/28"]
    assert root.xpath("//e:TraceHeader/e:Timestamp/text()", namespaces=NS) == [
        "2026/11/30 01:02:03"
    ]


def test_it_lists_every_problem_at_once_with_english_and_vietnamese_messages():
    package = make_package(
        to=(),
        code=Code(code_number="", code_notation=""),
        subject="",
        other_info=OtherInfo(priority=7),
    )

    failure = _failure(package)

    assert set(failure.codes) == {
        "N.MessageHeader.To",
        "N.MessageHeader.Code.CodeNumber",
        "N.MessageHeader.Code.CodeNotation",
        "N.MessageHeader.Subject",
        "R.MessageHeader.OtherInfo.Priority",
    }
    subject = next(p for p in failure.problems if p.code == "N.MessageHeader.Subject")
    assert subject.message == "MessageHeader.Subject is required."
    assert subject.message_vi == "Thiếu trích yếu (MessageHeader.Subject)."
    assert "5 problems" in str(failure)


@pytest.mark.parametrize(
    "organ_id",
    [
        "UBND-NGHEAN",
        "000.00.00.H4",  # old form, one character short
        "h41.12",  # new form in lower case
        "H41..12",
        " H41.12",
        "vxp.saas.03",  # a test code seen on real hubs: tolerated on input, never sent
        "28.22.H17",
        "H" + ".1" * 20,  # longer than 35 characters
    ],
)
def test_it_refuses_a_recipient_whose_organ_code_is_in_neither_form(organ_id):
    failure = _failure(make_package(to=(replace(RECIPIENT, organ_id=organ_id),)))

    assert failure.codes == ("T.MessageHeader.To.OrganId",)


@pytest.mark.parametrize(
    "organ_id", ["000.00.00.H41", "001.00.20.JB2", "H01.151", "H01.151.01", "G09.01", "H41"]
)
def test_it_accepts_organ_codes_in_the_old_and_the_new_form(organ_id):
    build_edoc(make_package(to=(replace(RECIPIENT, organ_id=organ_id),)), now=NOW)


def test_it_refuses_priority_seven():
    failure = _failure(make_package(other_info=OtherInfo(priority=7)))

    assert failure.codes == ("R.MessageHeader.OtherInfo.Priority",)
    assert "0, 1, 2, 3, 4" in failure.problems[0].message


def test_it_refuses_the_same_recipient_twice():
    failure = _failure(
        make_package(to=(RECIPIENT, SECOND_RECIPIENT, replace(RECIPIENT, organ_name="again")))
    )

    assert failure.codes == ("M.MessageHeader.To.OrganId",)
    assert "H41.12" in failure.problems[0].message


def test_it_refuses_an_attachment_over_the_configured_limit():
    package = replace(
        make_package(),
        attachments=(
            Attachment(
                attachment_name="big.pdf", content=b"x" * 1001, content_type="application/pdf"
            ),
        ),
    )

    failure = _failure(package, limits=Limits(max_attachment_bytes=1000))

    assert failure.codes == ("R.AttachmentEncoded.Attachment.ContentTransferEncoded",)
    assert "1001 bytes" in failure.problems[0].message
    build_edoc(package, now=NOW, limits=Limits(max_attachment_bytes=1001))


def test_the_attachment_limit_cannot_exceed_what_the_parser_will_read():
    with pytest.raises(ValueError, match="huge-tree"):
        Limits(max_attachment_bytes=MAX_ATTACHMENT_BYTES_CEILING + 1)


def test_it_refuses_a_file_type_outside_the_allowed_list_unless_the_list_is_lifted():
    package = replace(
        make_package(),
        attachments=(
            Attachment(
                attachment_name="run.exe", content=b"MZ", content_type="application/x-msdownload"
            ),
        ),
    )

    assert _failure(package).codes == ("T.AttachmentEncoded.Attachment.ContentType",)
    build_edoc(package, now=NOW, limits=Limits(allowed_content_types=None))


def test_it_refuses_a_promulgation_date_in_the_future_and_a_due_date_before_it():
    package = make_package(
        promulgation_info=PromulgationInfo(promulgation_date=NOW.date() + timedelta(days=1)),
        due_date=NOW.date(),
    )

    assert set(_failure(package).codes) == {
        "R.MessageHeader.PromulgationInfo.PromulgationDate",
        "R.MessageHeader.DueDate",
    }


def test_it_refuses_a_naive_timestamp_and_one_from_the_future():
    naive = TraceHeader(organ_id="000.00.00.H41", timestamp=datetime(2026, 11, 30, 9, 0))
    future = TraceHeader(organ_id="000.00.00.H41", timestamp=NOW + timedelta(hours=1))
    package = replace(
        make_package(), trace_header_list=TraceHeaderList(trace_headers=(naive, future))
    )

    failure = _failure(package)

    assert [p.path for p in failure.problems] == [
        "TraceHeaderList.TraceHeader[1].Timestamp",
        "TraceHeaderList.TraceHeader[2].Timestamp",
    ]
    assert failure.codes == (
        "T.TraceHeaderList.TraceHeader.Timestamp",
        "R.TraceHeaderList.TraceHeader.Timestamp",
    )


def test_it_refuses_text_that_is_too_long_counting_characters_not_bytes():
    exactly = "Đ" * 500
    build_edoc(make_package(subject=exactly), now=NOW)

    failure = _failure(make_package(subject=exactly + "ệ"))

    assert failure.codes == ("R.MessageHeader.Subject",)
    assert "501 characters" in failure.problems[0].message


def test_it_refuses_control_characters_and_surrounding_spaces_which_would_not_come_back():
    failure = _failure(make_package(subject="Trích\x07yếu", content=" nội dung "))

    assert failure.codes == ("T.MessageHeader.Subject", "T.MessageHeader.Content")


def test_it_refuses_a_code_number_that_is_not_written_in_digits():
    failure = _failure(make_package(code=Code(code_number="74fass22", code_notation="VPCP-TTĐT")))

    assert failure.codes == ("T.MessageHeader.Code.CodeNumber",)


@pytest.mark.parametrize(
    ("bussiness", "codes"),
    [
        (
            Bussiness(bussiness_doc_type=1),
            {
                "N.TraceHeaderList.Bussiness.DocumentId",
                "N.TraceHeaderList.Bussiness.BussinessDocReason",
            },
        ),
        (
            Bussiness(
                bussiness_doc_type=2, document_id="doc-1", bussiness_doc_reason="Sửa trích yếu"
            ),
            {"N.TraceHeaderList.Bussiness.BussinessDocumentInfo"},
        ),
        (
            Bussiness(bussiness_doc_type=3, document_id="doc-1", bussiness_doc_reason="Thay thế"),
            {"N.TraceHeaderList.Bussiness.ReplacementInfoList"},
        ),
        (Bussiness(bussiness_doc_type=4), {"R.TraceHeaderList.Bussiness.BussinessDocType"}),
    ],
)
def test_it_refuses_a_revocation_update_or_replacement_without_what_it_concerns(bussiness, codes):
    package = replace(make_package(), trace_header_list=TraceHeaderList(bussiness=bussiness))

    assert set(_failure(package).codes) == codes


def test_it_refuses_steering_type_zero_that_only_old_samples_use():
    assert _failure(make_package(steering_type=0)).codes == ("R.MessageHeader.SteeringType",)


def test_it_refuses_an_unknown_status_code_and_a_rejection_without_reason():
    with pytest.raises(ValidationFailure) as unknown:
        build_status(make_status(status_code="07"), now=NOW)
    with pytest.raises(ValidationFailure) as silent:
        build_status(make_status(status_code="02", description=""), now=NOW)

    assert unknown.value.codes == ("R.Status.StatusCode",)
    assert "01, 02, 03, 04, 05, 06, 13, 15, 16" in unknown.value.problems[0].message
    assert silent.value.codes == ("N.Status.Description",)


@pytest.mark.parametrize("code", ["01", "02", "03", "04", "05", "06", "13", "15", "16"])
def test_it_builds_a_status_for_every_documented_code(code):
    data = build_status(make_status(status_code=code, description="Lý do"), now=NOW)

    assert f"<edXML:StatusCode>{code}</edXML:StatusCode>".encode() in data


def test_it_refuses_a_status_that_names_no_document():
    message = make_status()
    message = replace(message, response_for=replace(message.response_for, document_id=""))

    with pytest.raises(ValidationFailure) as caught:
        build_status(message, now=NOW)

    assert caught.value.codes == ("N.Status.ResponseFor.DocumentId",)


def test_it_refuses_a_package_larger_than_the_package_limit():
    with pytest.raises(ValidationFailure) as caught:
        build_edoc(make_package(), now=NOW, limits=Limits(max_package_bytes=1000))

    assert caught.value.codes == ("X.PackageTooLarge",)


def test_today_is_the_vietnamese_calendar_day_whatever_the_zone_of_now():
    just_after_midnight_in_hanoi = datetime(2026, 11, 29, 17, 30, tzinfo=UTC)  # 00:30 on the 30th
    package = make_package(
        promulgation_info=PromulgationInfo(promulgation_date=date(2026, 11, 30)),
        due_date=date(2026, 12, 15),
    )
    package = replace(package, trace_header_list=TraceHeaderList())

    build_edoc(package, now=just_after_midnight_in_hanoi)
