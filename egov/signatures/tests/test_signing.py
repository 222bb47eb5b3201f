import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from egov.audit.models import AuditEvent
from egov.documents.models import Attachment, StoredFile
from egov.lib.errors import ActionError
from egov.signatures import appearance, audit_names
from egov.signatures.actions.signing import seal_as_organisation, sign_as_signer
from egov.signatures.choices import Outcome, SignatureRole
from egov.signatures.models import Signature
from egov.signatures.testing import PASSWORD, organisation_key, personal_key
from egov.signatures.tests.helpers import approved, issue
from egov.signatures.verify import verify_pdf

pytestmark = pytest.mark.django_db


def read(stored: StoredFile) -> bytes:
    with stored.content.open("rb") as stream:
        return bytes(stream.read())


def widgets(data: bytes) -> dict[str, appearance.Box]:
    reader = PdfReader(io.BytesIO(data))
    found = {}
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/FT") == "/Sig" or annot.get("/Parent"):
                name = annot.get("/T") or annot["/Parent"].get_object().get("/T")
                x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
                found[str(name)] = (x1, y1, x2, y2)
    return found


def test_the_signer_then_the_clerk_sign_and_both_signatures_verify(office, pki):
    personal_key(office.leader, pki)
    organisation_key(office.clerk, office.home_affairs, pki)
    document = approved(office, attachments=1)
    original = document.versions.get().attachments.get(is_main=True).file
    original_bytes = read(original)

    signed = sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)
    assert signed.role == SignatureRole.SIGNER
    assert read(original) == original_bytes  # never modify the original
    assert signed.signed.sha256 != original.sha256
    first = verify_pdf(read(signed.signed))
    assert first.outcome == Outcome.VALID, first.as_json()
    assert first.signers == ["Nguyễn Văn Ký"]

    issued = issue(office, document)
    sealed = seal_as_organisation(actor=office.clerk, document=issued, secret=PASSWORD)
    assert [s.role for s in sealed] == [SignatureRole.ORGANISATION, SignatureRole.ATTACHMENT]
    main = read(sealed[0].signed)
    assert read(signed.signed) == main[: len(read(signed.signed))]  # an incremental update
    result = verify_pdf(main)
    assert result.outcome == Outcome.VALID, result.as_json()
    assert result.signers == ["Nguyễn Văn Ký", "UBND tỉnh thử nghiệm"]
    attachment = verify_pdf(read(sealed[1].signed))
    assert attachment.outcome == Outcome.VALID
    finals = list(Attachment.objects.filter(outgoing=issued).order_by("ordering"))
    assert [a.file_id for a in finals] == [s.signed_id for s in sealed]
    assert finals[0].is_main
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {audit_names.SIGN_AS_SIGNER, audit_names.SEAL_AS_ORGANISATION} <= actions


def _fonts_in(xobject: Any) -> list[Any]:
    """Type0 fonts used by an appearance stream and the forms it draws."""
    resources = xobject.get("/Resources")
    found: list[Any] = []
    if resources is None:
        return found
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        if font.get_object().get("/Subtype") == "/Type0":
            found.append(font)
    for inner in (resources.get("/XObject") or {}).values():
        found.extend(_fonts_in(inner.get_object()))
    return found


def test_the_seal_overlaps_a_third_of_the_signers_image_on_its_left(office, pki):
    personal_key(office.leader, pki)
    organisation_key(office.clerk, office.home_affairs, pki)
    document = approved(office)
    sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)
    [sealed] = seal_as_organisation(
        actor=office.clerk, document=issue(office, document), secret=PASSWORD
    )
    boxes = widgets(read(sealed.signed))
    signer, seal = boxes["NguoiKy"], boxes["CoQuan"]
    assert seal[0] < signer[0] < seal[2]  # the seal sits on the left edge of the signature
    assert appearance.overlap_share(signer, seal) == pytest.approx(1 / 3, abs=0.02)
    assert seal[2] - seal[0] == pytest.approx(appearance.SEAL_DIAMETER, abs=1)


def test_an_attachment_carries_the_number_and_iso_time_at_the_top_right(office, pki):
    personal_key(office.leader, pki)
    organisation_key(office.clerk, office.home_affairs, pki)
    document = approved(office, attachments=1)
    sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)
    issued = issue(office, document)
    sealed = seal_as_organisation(actor=office.clerk, document=issued, secret=PASSWORD)
    data = read(sealed[1].signed)
    rect = widgets(data)["CoQuanPhuLuc"]
    assert rect[2] > 500 and rect[3] > 780  # top right of an A4 page
    annots: Any = PdfReader(io.BytesIO(data)).pages[0]["/Annots"]
    stream = annots[0].get_object()["/AP"]["/N"].get_object()
    assert stream.get_data()  # the line is drawn
    fonts = [f.get_object() for f in _fonts_in(stream)]
    assert fonts, "the text line embeds its font"
    for font in fonts:
        widths = font["/DescendantFonts"][0].get_object()["/W"]
        advances = [float(w) for chunk in widths[1::2] for w in chunk]
        assert advances and max(advances) < 1000  # thousandths of an em, not 2048ths
    assert issued.number_and_notation  # what the line shows
    import re

    stamp = Signature.objects.get(role=SignatureRole.ATTACHMENT)
    assert stamp.name == "phu-luc-1.ky-so.pdf"
    assert re.match(r"\d{2}/", issued.number_and_notation)


def test_a_wrong_password_is_refused_and_nothing_is_stored(office, pki):
    personal_key(office.leader, pki)
    document = approved(office)
    files = StoredFile.objects.count()
    with pytest.raises(ActionError) as error:
        sign_as_signer(actor=office.leader, document=document, secret="sai-mat-khau")
    assert error.value.code == "wrong_password"
    assert "Mật khẩu của tệp khóa không đúng" in error.value.messages[0]
    assert StoredFile.objects.count() == files
    assert not Signature.objects.exists()


def test_an_expired_certificate_cannot_be_registered(office, pki):
    with pytest.raises(ActionError) as error:
        personal_key(office.leader, pki, role="expired_signer")
    assert error.value.code == "certificate_expired"
    assert "đã hết hạn" in error.value.messages[0]


def test_a_revoked_certificate_cannot_be_registered(office, pki):
    with pytest.raises(ActionError) as error:
        personal_key(office.leader, pki, role="revoked_signer")
    assert error.value.code == "certificate_revoked"
    assert "đã bị thu hồi" in error.value.messages[0]


def test_a_key_revoked_after_registration_cannot_sign(office, pki, settings, tmp_path):
    from cryptography.hazmat.primitives import serialization

    from egov.signatures.testing_ca import make_crl

    key = personal_key(office.leader, pki)
    assert key.active
    crl = make_crl(pki.intermediate, [pki.signer], now=key.created_at)
    path = tmp_path / "newer.crl"
    path.write_bytes(crl.public_bytes(serialization.Encoding.DER))
    settings.EGOV_SIGNATURE_CRL_FILES = [str(path)]
    document = approved(office)
    with pytest.raises(ActionError) as error:
        sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)
    assert error.value.code == "certificate_revoked"
    assert not Signature.objects.exists()


def test_only_the_chosen_signer_signs_and_only_a_clerk_seals(office, pki):
    personal_key(office.specialist, pki)
    document = approved(office)
    with pytest.raises(PermissionDenied):
        sign_as_signer(actor=office.specialist, document=document, secret=PASSWORD)
    with pytest.raises(PermissionDenied):
        seal_as_organisation(actor=office.leader, document=document, secret=PASSWORD)


def test_the_clerk_cannot_seal_before_the_signer_signed(office, pki):
    organisation_key(office.clerk, office.home_affairs, pki)
    issued = issue(office, approved(office))
    with pytest.raises(ActionError) as error:
        seal_as_organisation(actor=office.clerk, document=issued, secret=PASSWORD)
    assert error.value.code == "signer_signature_missing"


def test_signing_twice_is_refused(office, pki):
    personal_key(office.leader, pki)
    document = approved(office)
    sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)
    with pytest.raises(ActionError) as error:
        sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)
    assert error.value.code == "already_signed"


def test_a_signer_without_a_key_is_told_to_register_one(office, pki):
    document = approved(office)
    with pytest.raises(ActionError) as error:
        sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)
    assert error.value.code == "no_personal_key"


def test_the_clerk_signs_an_electronic_copy_with_its_form_agency_and_time(office, pki):
    from egov.documents.actions.copies import make_copy
    from egov.signatures.actions.copies import seal_copy

    personal_key(office.leader, pki)
    organisation_key(office.clerk, office.home_affairs, pki)
    document = approved(office)
    sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)
    issued = issue(office, document)
    [sealed] = seal_as_organisation(actor=office.clerk, document=issued, secret=PASSWORD)
    copy = make_copy(actor=office.clerk, unit=office.home_affairs, form="SY", outgoing=issued)
    with pytest.raises(ActionError) as error:
        seal_copy(actor=office.clerk, copy=copy, secret="sai")
    assert error.value.code == "wrong_password"
    seal = seal_copy(actor=office.clerk, copy=copy, secret=PASSWORD)
    assert seal.source == sealed.signed  # the copy reproduces the issued, sealed file
    assert read(sealed.signed) == read(seal.signed)[: len(read(sealed.signed))]
    lines = seal.line.split("\n")
    assert lines[0] == f"SAO Y 01/{copy.notation}" and lines[1] == office.home_affairs.name
    assert lines[2].endswith("+07:00") and "T" in lines[2]  # ISO 8601, Vietnam time
    result = verify_pdf(read(seal.signed))
    assert result.outcome == Outcome.VALID, result.as_json()
    assert len(result.signatures) == 3
    rect = widgets(read(seal.signed))["CoQuanBanSao"]
    assert rect[2] > 500 and rect[3] > 780  # top right of page 1
    with pytest.raises(ActionError) as error:
        seal_copy(actor=office.clerk, copy=copy, secret=PASSWORD)
    assert error.value.code == "copy_already_sealed"


def test_a_certificate_outside_the_trust_list_cannot_be_registered(office, pki):
    with pytest.raises(ActionError) as error:
        personal_key(office.leader, pki, role="stranger")
    assert error.value.code == "certificate_untrusted"
    assert "không thuộc danh sách chứng thư số tin cậy" in error.value.messages[0]
