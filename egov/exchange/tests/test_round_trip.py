"""Everything we build parses back to the same data, with no warnings."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import replace

import pytest

from egov.exchange.edxml import (
    Attachment,
    build_edoc,
    build_status,
    parse_edoc,
    parse_status,
    unzip_attachment,
    zip_attachment,
)

from .factories import NOW, make_package, random_package, random_status

SEEDS = range(40)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_generated_package_parses_back_to_equal_data(seed):
    package = random_package(random.Random(seed))

    parsed = parse_edoc(build_edoc(package, now=NOW), now=NOW)

    assert parsed.package == package
    assert parsed.warnings == ()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_generated_status_parses_back_to_equal_data(seed):
    message = random_status(random.Random(seed))

    parsed = parse_status(build_status(message, now=NOW), now=NOW)

    assert parsed.status == message
    assert parsed.warnings == ()


def test_the_generator_covers_what_the_round_trip_claims_to_cover():
    packages = [random_package(random.Random(seed)) for seed in SEEDS]
    texts = [p.message_header.subject for p in packages]

    assert any(
        any(ch in text for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
        for text in texts
    )
    assert any(text != unicodedata.normalize("NFC", text) for text in texts)  # decomposed too
    assert any("\r\n" in text or "\n" in text for text in texts)
    assert any("<b>" in text or "&" in text for text in texts)
    assert {
        p.trace_header_list.bussiness.bussiness_doc_type
        for p in packages
        if p.trace_header_list.bussiness
    } == {
        0,
        1,
        2,
        3,
    }
    assert {p.message_header.other_info.priority for p in packages} == {0, 1, 2, 3, 4}
    assert any(len(p.attachments) >= 2 for p in packages)
    assert any(a.content == b"" for p in packages for a in p.attachments)


def test_a_one_megabyte_attachment_with_a_vietnamese_name_survives_the_round_trip():
    content = random.Random(1).randbytes(1024 * 1024)
    attachment = Attachment(
        attachment_name="Quyết định phê duyệt đề án — bản ký số.pdf",
        content=content,
        content_type="application/pdf",
        description="Tệp đính kèm 1 MB",
    )
    package = replace(make_package(), attachments=(attachment, *make_package().attachments))

    parsed = parse_edoc(build_edoc(package, now=NOW), now=NOW)

    assert parsed.package == package
    assert parsed.package.attachments[0].content == content


def test_a_zipped_attachment_as_the_sdk_sends_it_unzips_to_the_original_file():
    original = "Nội dung văn bản".encode() * 1000
    attachment = zip_attachment("Công văn 459.docx", original, description="ZIP như SDK")
    package = replace(make_package(), attachments=(attachment,))

    (received,) = parse_edoc(build_edoc(package, now=NOW), now=NOW).package.attachments
    (member,) = unzip_attachment(received)

    assert received.content_type == "application/zip"
    assert (member.name, member.content) == ("Công văn 459.docx", original)
