"""verify_pdf on every kind of input, and the e-office's incoming path recording the verdict."""

import io

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from egov.audit.models import AuditEvent
from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import Channel
from egov.documents.testing import doc_type, make_pdf, upload
from egov.signatures import audit_names
from egov.signatures.choices import Outcome
from egov.signatures.engine import outside_event_loop
from egov.signatures.models import Verification
from egov.signatures.queries import failing_incoming_ids, verifications_of
from egov.signatures.testing import PASSWORD
from egov.signatures.verify import describe, verify_pdf


def signed_by(pki, role="signer", *, data=None, embed=True):
    signer = signers.SimpleSigner.load_pkcs12(str(pki.files[role]), passphrase=PASSWORD.encode())
    writer = IncrementalPdfFileWriter(io.BytesIO(data or make_pdf("Van ban da ky")))
    meta = signers.PdfSignatureMetadata(
        field_name="NguoiKy", subfilter=fields.SigSeedSubFilter.PADES
    )
    pdf_signer = signers.PdfSigner(meta, signer)
    return outside_event_loop(lambda: pdf_signer.sign_pdf(writer).getvalue())


def test_a_document_signed_by_a_trusted_signer_is_valid(pki):
    result = verify_pdf(signed_by(pki))
    assert result.outcome == Outcome.VALID
    [check] = result.signatures
    assert check.signer == "Nguyễn Văn Ký"
    assert check.intact and check.trusted and check.revocation_checked
    assert check.signing_time is not None
    assert "Nguyễn Văn Ký" in describe(result)


def test_a_pdf_altered_after_signing_is_detected(pki):
    data = bytearray(signed_by(pki))
    index = data.find(b"Van ban da ky")
    data[index : index + 3] = b"XYZ"  # inside the signed byte range
    result = verify_pdf(bytes(data))
    assert result.outcome == Outcome.INVALID
    assert "digest_mismatch" in result.signatures[0].problems
    assert result.failed
    assert "bị sửa đổi sau khi ký" in describe(result)


def test_a_revision_added_after_signing_is_detected(pki):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_by(pki)))
    writer.root["/Lang"] = generic.TextStringObject("vi")  # a change no signature allows
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    result = verify_pdf(out.getvalue())
    assert result.outcome == Outcome.INVALID
    assert result.signatures[0].intact  # the signed bytes themselves are untouched
    assert "modified_after_signing" in result.signatures[0].problems


def test_a_signer_outside_the_trust_list_is_untrusted(pki):
    result = verify_pdf(signed_by(pki, "stranger"))
    assert result.outcome == Outcome.UNTRUSTED
    assert result.failed
    assert "không thuộc danh sách" in describe(result)


def test_a_revoked_signer_is_invalid(pki):
    result = verify_pdf(signed_by(pki, "revoked_signer"))
    assert result.outcome == Outcome.INVALID
    assert result.signatures[0].revoked
    assert "thu hồi" in describe(result)


def test_without_revocation_data_the_result_says_not_checked(pki, settings):
    settings.EGOV_SIGNATURE_CRL_FILES = []  # no CRL here, and the CRL's host is unreachable
    result = verify_pdf(signed_by(pki))
    assert result.outcome == Outcome.VALID_UNCHECKED
    assert not result.failed
    assert result.signatures[0].revocation_checked is False
    assert "chưa kiểm tra được tình trạng thu hồi" in describe(result)


def test_the_crl_embedded_at_signing_time_is_used_offline(pki, settings, office):
    from egov.signatures.actions.signing import sign_as_signer
    from egov.signatures.testing import personal_key
    from egov.signatures.tests.helpers import approved

    personal_key(office.leader, pki)
    signature = sign_as_signer(actor=office.leader, document=approved(office), secret=PASSWORD)
    with signature.signed.content.open("rb") as stream:
        data = stream.read()
    settings.EGOV_SIGNATURE_CRL_FILES = []  # the verifier knows no CRL: the document carries it
    result = verify_pdf(data)
    assert result.outcome == Outcome.VALID
    assert result.signatures[0].revocation_checked


def test_an_unsigned_or_unreadable_file_is_said_so(pki):
    assert verify_pdf(make_pdf()).outcome == Outcome.UNSIGNED
    assert not verify_pdf(make_pdf()).failed
    broken = verify_pdf(b"%PDF-1.4\nnot really a pdf")
    assert broken.outcome in (Outcome.UNREADABLE, Outcome.UNSIGNED)
    assert verify_pdf(b"\x00\x01garbage").outcome in (Outcome.UNREADABLE, Outcome.UNSIGNED)


@pytest.mark.django_db
def test_an_uploaded_incoming_document_is_verified_and_a_failing_one_flagged(office, pki):
    good = signed_by(pki)
    bad = bytearray(signed_by(pki, data=make_pdf("Phu luc da ky")))
    index = bad.find(b"Phu luc da ky")
    bad[index : index + 3] = b"ABC"
    document = register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Về việc kiểm tra chữ ký số",
        issuer_name="Ủy ban nhân dân tỉnh An Giang",
        channel=Channel.ELECTRONIC,
        uploads=[upload("cong-van.pdf", good), upload("phu-luc.pdf", bytes(bad))],
    )
    checks = list(verifications_of(document))
    assert [(c.name, c.outcome) for c in checks] == [
        ("cong-van.pdf", Outcome.VALID),
        ("phu-luc.pdf", Outcome.INVALID),
    ]
    assert checks[0].details["signatures"][0]["signer"] == "Nguyễn Văn Ký"
    assert document.pk in set(failing_incoming_ids())
    event = AuditEvent.objects.get(action=audit_names.VERIFY_INCOMING)
    assert event.object_id == str(document.pk)
    from egov.accounts.models import Notification

    alert = Notification.objects.get(user=office.clerk, urgent=True)
    assert "không qua được kiểm tra chữ ký số" in alert.text
    assert alert.url.endswith(f"/{document.pk}/#kiem-tra-chu-ky")


@pytest.mark.django_db
def test_a_paper_scan_without_files_records_no_verification(office):
    document = register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Văn bản giấy",
        issuer_name="Bộ Nội vụ",
    )
    assert not Verification.objects.filter(incoming=document).exists()
