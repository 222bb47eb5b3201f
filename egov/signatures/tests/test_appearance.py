"""Phụ lục I: the images' colours and transparency, the boxes' geometry."""

import io

import pytest
from PIL import Image

from egov.lib.errors import ActionError
from egov.signatures import appearance
from egov.signatures.actions.keys import register_pkcs12_key
from egov.signatures.testing import PASSWORD


def test_the_sample_signature_is_blue_and_the_seal_red_on_transparent_backgrounds():
    signature, seal = appearance.sample_signature_png(), appearance.sample_seal_png()
    r, _g, b = appearance.dominant_colour(signature)
    assert b > 150 and r < 80
    r, _g, b = appearance.dominant_colour(seal)
    assert r > 150 and b < 80
    assert appearance.is_transparent_png(signature)
    assert appearance.is_transparent_png(seal)


def test_the_seal_box_covers_a_third_of_the_signer_box_on_its_left():
    signer = appearance.signer_box(appearance.A4)
    seal = appearance.seal_box(signer)
    assert seal[0] < signer[0]
    assert appearance.overlap_share(signer, seal) == pytest.approx(1 / 3)
    assert seal[2] - seal[0] == pytest.approx(36 * 72 / 25.4)  # 36 mm, real size


def test_the_text_line_sits_at_the_top_right_of_the_page():
    x1, _y1, x2, y2 = appearance.text_box(appearance.A4)
    assert x2 == pytest.approx(appearance.A4.width - appearance.TEXT_MARGIN)
    assert y2 == pytest.approx(appearance.A4.height - appearance.TEXT_MARGIN)
    assert x1 > appearance.A4.width / 2


@pytest.mark.django_db
def test_an_opaque_or_non_png_image_is_refused(office, pki):
    jpeg = io.BytesIO()
    Image.new("RGB", (40, 20), (0, 0, 255)).save(jpeg, format="JPEG")
    opaque = io.BytesIO()
    Image.new("RGB", (40, 20), (0, 0, 255)).save(opaque, format="PNG")
    for image, code in (
        (jpeg.getvalue(), "image_invalid"),
        (opaque.getvalue(), "image_not_transparent"),
    ):
        with pytest.raises(ActionError) as error:
            register_pkcs12_key(
                actor=office.leader,
                data=pki.files["signer"].read_bytes(),
                password=PASSWORD,
                image=image,
            )
        assert error.value.code in (code, "image_invalid", "image_not_transparent")
        assert "PNG" in error.value.messages[0]


@pytest.mark.django_db
def test_a_file_that_is_not_pkcs12_is_told_apart_from_a_wrong_password(office):
    with pytest.raises(ActionError) as error:
        register_pkcs12_key(actor=office.leader, data=b"not a key file", password="x")
    assert error.value.code == "pkcs12_invalid"
