"""Subjects written by old Vietnamese mail clients: VNI Windows decoded when every byte fits
the layout, flagged and shown as received when not; TCVN3 as before."""

from __future__ import annotations

import unicodedata

import pytest

from egov.mail.inbound.legacy import decode_subject
from egov.mail.inbound.vni import VNI_TABLE, decode_vni

#: Every Vietnamese letter that is not plain ASCII: 12 vowels × 6 tone forms, less the six
#: plain vowels, and đ; both cases.
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
LETTERS = {
    unicodedata.normalize("NFC", vowel + tone)
    for vowel in _VOWELS + _VOWELS.upper()
    for tone in _TONES
} - set("aeiouyAEIOUY") | {"đ", "Đ"}


def test_the_table_covers_every_vietnamese_letter_once():
    assert len(LETTERS) == 134
    assert sorted(VNI_TABLE.values()) == sorted(LETTERS)


@pytest.mark.parametrize(
    ("letter", "vni"),
    [
        # Bytes from the VNI fonts' layout (see egov.mail.inbound.vni), one of each kind.
        ("á", b"a\xf9"),
        ("à", b"a\xf8"),
        ("ả", b"a\xfb"),
        ("ã", b"a\xf5"),
        ("ạ", b"a\xef"),
        ("â", b"a\xe2"),
        ("ấ", b"a\xe1"),
        ("ầ", b"a\xe0"),
        ("ẩ", b"a\xe5"),
        ("ẫ", b"a\xe3"),
        ("ậ", b"a\xe4"),
        ("ă", b"a\xea"),
        ("ắ", b"a\xe9"),
        ("ằ", b"a\xe8"),
        ("ẳ", b"a\xfa"),
        ("ẵ", b"a\xfc"),
        ("ặ", b"a\xeb"),
        ("ơ", b"\xf4"),
        ("ớ", b"\xf4\xf9"),
        ("ư", b"\xf6"),
        ("ự", b"\xf6\xef"),
        ("í", b"\xed"),
        ("ì", b"\xec"),
        ("ỉ", b"\xe6"),
        ("ĩ", b"\xf3"),
        ("ị", b"\xf2"),
        ("ỵ", b"\xee"),
        ("đ", b"\xf1"),
        ("Ấ", b"A\xc1"),
        ("Ắ", b"A\xc9"),
        ("Ờ", b"\xd4\xd8"),
        ("Ữ", b"\xd6\xd5"),
        ("Ị", b"\xd2"),
        ("Ỵ", b"\xce"),
        ("Đ", b"\xd1"),
    ],
)
def test_each_kind_of_sequence_decodes_to_its_letter(letter, vni):
    assert VNI_TABLE[vni.decode("cp1252")] == letter


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"Gia\xe1y m\xf4\xf8i ho\xefp", "Giấy mời họp"),
        (b"GIA\xc1Y M\xd4\xd8I HO\xcfP", "GIẤY MỜI HỌP"),
        (
            "Thoâng baùo veà vieäc ñieàu chænh keá hoaïch".encode("cp1252"),
            "Thông báo về việc điều chỉnh kế hoạch",
        ),
        ("Quyeát ñònh soá 12/QÑ-UBND".encode("cp1252"), "Quyết định số 12/QĐ-UBND"),
        ("Kính göûi Sôû Noäi vuï".encode("cp1252"), "Kính gửi Sở Nội vụ"),
        ("Baùo caùo keát quaû thaùng 10/2026".encode("cp1252"), "Báo cáo kết quả tháng 10/2026"),
        ("Möôøi ngöôøi khuyeân nhuû".encode("cp1252"), "Mười người khuyên nhủ"),
    ],
)
def test_real_looking_vni_subjects_decode(raw, text):
    assert decode_vni(raw) == text


@pytest.mark.parametrize(
    "raw",
    [
        # A mark byte with no letter under it (â after i), the shape Giấy does not have.
        b"Gi\xe2\xe5y mo\xf9i ho\xe4p",
        # Each byte fits, but “moưi” is no Vietnamese syllable.
        b"Gia\xf9y mo\xf6i",
        # Two tones in one word.
        b"ho\xef\xf9p",
        # Western text in Windows-1252 is not VNI.
        "naïve café".encode("cp1252"),
        # A capital with a small mark: not in the fonts' layout, so not guessed.
        "Uûy ban".encode("cp1252"),
        # A byte Windows-1252 leaves undefined.
        b"Gia\x81y",
    ],
)
def test_bytes_that_do_not_fit_the_layout_are_not_guessed(raw):
    assert decode_vni(raw) is None


def test_a_vni_encoded_word_is_decoded_and_marked_legacy():
    subject = decode_subject("=?VNI?Q?Gia=E1y_m=F4=F8i_ho=EFp?= =?utf-8?Q?_giao_ban?=")
    assert subject.text == "Giấy mời họp giao ban"
    assert subject.flags == ["legacy_subject"]
    assert subject.charsets == ["vni", "utf-8"]


def test_a_vni_word_that_does_not_decode_is_shown_as_received_and_flagged():
    subject = decode_subject("=?x-vni-windows?Q?Gi=E2=E5y_mo=F9i_ho=E4p?=")
    assert subject.text == "Giâåy moùi hoäp"
    assert subject.flags == ["undecoded_subject"]


def test_tcvn3_subjects_still_decode():
    subject = decode_subject("=?x-viet-tcvn3?Q?Gi=CAy_m=EAi_h=E4p?=")
    assert (subject.text, subject.flags) == ("Giấy mời họp", ["legacy_subject"])
