import pytest

from egov.lib.text import clean, fold


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("Đặng Văn Ngoài", "dang van ngoai"),
        ("Thanh Hóa", "thanh hoa"),
        ("Thanh Hoá", "thanh hoa"),
        ("  Sở   Nội vụ ", "so noi vu"),
    ],
)
def test_folding_drops_diacritics_case_and_extra_spaces(raw, folded):
    assert fold(raw) == folded


def test_the_two_tone_mark_placements_fold_to_the_same_key():
    assert fold("Khánh Hòa") == fold("Khánh Hoà")


def test_cleaning_normalises_decomposed_text_to_nfc():
    decomposed = "Ca\u0300 Mau"
    assert clean(decomposed) == "Cà Mau"
    assert len(clean(decomposed)) == len("Cà Mau")
