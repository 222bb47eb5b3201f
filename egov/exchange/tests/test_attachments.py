"""ZIP attachments as the SDK sends them, opened without trusting them."""

from __future__ import annotations

import io
import zipfile

import pytest

from egov.exchange.edxml import (
    Attachment,
    Limits,
    ValidationFailure,
    unzip_attachment,
    zip_attachment,
)


def _zip(entries: dict[str, bytes]) -> Attachment:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return Attachment(
        attachment_name="gói.zip", content=buffer.getvalue(), content_type="application/zip"
    )


def _refused(attachment: Attachment, **kwargs) -> ValidationFailure:
    with pytest.raises(ValidationFailure) as caught:
        unzip_attachment(attachment, **kwargs)
    return caught.value


def test_a_zipped_file_comes_back_with_its_vietnamese_name():
    (member,) = unzip_attachment(zip_attachment("Quyết định 12.pdf", b"%PDF"))

    assert (member.name, member.content) == ("Quyết định 12.pdf", b"%PDF")


@pytest.mark.parametrize(
    "name", ["../../etc/cron.d/x", "/etc/passwd", "a/../../b", "..\\..\\windows\\x"]
)
def test_an_entry_that_climbs_out_of_its_folder_is_refused(name):
    failure = _refused(_zip({name: b"x"}))

    assert failure.codes == ("M.AttachmentEncoded.Attachment.ContentTransferEncoded",)
    assert "unsafe" in failure.problems[0].message


def test_a_zip_bomb_is_stopped_at_the_uncompressed_limit_whatever_its_headers_say():
    bomb = _zip({"zeros.bin": b"\0" * 5_000_000})
    assert len(bomb.content) < 10_000

    failure = _refused(bomb, limits=Limits(max_unzipped_bytes=1_000_000))

    assert "uncompressed size over the limit" in failure.problems[0].message


def test_a_zip_whose_headers_understate_the_size_is_still_stopped():
    content = bytearray(_zip({"small.txt": b"A" * 100_000}).content)
    # Rewrite the declared uncompressed size (local and central headers) to 10 bytes.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = content.index(signature)
        content[at + offset : at + offset + 4] = (10).to_bytes(4, "little")
    lying = Attachment(
        attachment_name="lying.zip", content=bytes(content), content_type="application/zip"
    )

    failure = _refused(lying, limits=Limits(max_unzipped_bytes=50_000))

    assert failure.codes[0].endswith("AttachmentEncoded.Attachment.ContentTransferEncoded")


def test_too_many_entries_are_refused():
    failure = _refused(
        _zip({f"{i}.txt": b"x" for i in range(11)}), limits=Limits(max_zip_entries=10)
    )

    assert "11 entries" in failure.problems[0].message


def test_bytes_that_are_not_a_zip_fail_cleanly():
    failure = _refused(
        Attachment(attachment_name="x.zip", content=b"not a zip", content_type="application/zip")
    )

    assert failure.codes == ("T.AttachmentEncoded.Attachment.ContentTransferEncoded",)
    assert failure.problems[0].message_vi.endswith("là tệp ZIP hỏng hoặc không đầy đủ.")
