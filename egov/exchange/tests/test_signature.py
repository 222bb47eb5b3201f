"""Enveloped XML-DSig with a throw-away test CA made inside the tests."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml.algorithms import CanonicalizationMethod, DigestAlgorithm, SignatureMethod
from signxml.signer import XMLSigner
from signxml.verifier import SignatureConfiguration, XMLVerifier

from egov.exchange.edxml import (
    Attachment,
    EdocPackage,
    SignatureError,
    build_edoc,
    build_status,
    parse_edoc,
    parse_status,
    sign_envelope,
    verify_envelope,
    xmldsig,
)
from egov.exchange.pki import make_ca, make_installation_certificate

from .factories import NOW, make_package, make_status

XMLDSIG = "http://www.w3.org/2000/09/xmldsig#"


@pytest.fixture(scope="module")
def ca():
    return make_ca("Test Root CA")


@pytest.fixture(scope="module")
def installation(ca):
    return make_installation_certificate(ca, "Văn thư UBND tỉnh thử nghiệm")


@pytest.fixture(scope="module")
def signed(installation):
    return sign_envelope(
        build_edoc(make_package(), now=NOW), installation.key, [installation.certificate]
    )


def test_a_signed_package_verifies_and_names_its_signer(signed, ca, installation):
    signer = verify_envelope(signed, [ca.certificate])

    assert signer.common_name == "Văn thư UBND tỉnh thử nghiệm"
    assert signer.serial_number == installation.certificate.serial_number
    assert signer.certificate_der == installation.certificate.public_bytes(
        serialization.Encoding.DER
    )
    assert signer.signature_method == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    assert signer.digest_method == "http://www.w3.org/2001/04/xmlenc#sha256"
    assert "Test Root CA" in signer.issuer


def test_the_signature_sits_at_the_end_of_the_edxml_header_and_covers_the_whole_package(signed):
    header_end = signed.index(b"</edXML:edXMLHeader>")
    signature_start = signed.index(b"<ds:Signature")

    assert signed.index(b"</edXML:TraceHeaderList>") < signature_start < header_end
    assert b'<ds:Reference URI="">' in signed
    assert b"enveloped-signature" in signed


def test_a_signed_package_still_parses_to_the_same_data_without_warnings(signed):
    parsed = parse_edoc(signed, now=NOW)

    assert parsed.package == make_package()
    assert parsed.warnings == ()
    assert parsed.signature is not None and parsed.signature.in_xmldsig_namespace
    assert len(parsed.signature.certificates_der) == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("triển khai kế hoạch", "hủy bỏ kế hoạch"),  # the subject
        ("<edXML:Priority>1<", "<edXML:Priority>3<"),  # the urgency
        (
            "JVBERi0xLjcKJSB0ZXN0Cg==",
            "JVBERi0xLjcKJSB0ZXN1Cg==",
        ),  # the attachment, outside the envelope
        ("<edXML:OrganId>H41.12<", "<edXML:OrganId>H41.13<"),  # the recipient
    ],
    ids=["subject", "priority", "attachment", "recipient"],
)
def test_a_package_changed_after_signing_fails_with_a_digest_mismatch(signed, ca, old, new):
    tampered = signed.replace(old.encode(), new.encode(), 1)
    assert tampered != signed

    with pytest.raises(SignatureError) as caught:
        verify_envelope(tampered, [ca.certificate])

    assert caught.value.code == "S.DigestMismatch"
    assert caught.value.message_vi == "Gói tin đã bị thay đổi sau khi ký (giá trị băm không khớp)."


def test_a_forged_signature_value_fails_as_an_invalid_signature(signed, ca):
    start = signed.index(b"<ds:SignatureValue>") + len(b"<ds:SignatureValue>")
    forged = (
        signed[:start] + (b"A" if signed[start : start + 1] != b"A" else b"B") + signed[start + 1 :]
    )

    with pytest.raises(SignatureError) as caught:
        verify_envelope(forged, [ca.certificate])

    assert caught.value.code == "S.InvalidSignature"


def test_a_signature_from_another_ca_is_untrusted(signed):
    with pytest.raises(SignatureError) as caught:
        verify_envelope(signed, [make_ca("Some Other CA").certificate])

    assert caught.value.code == "S.UntrustedCertificate"


def test_no_trusted_roots_means_nothing_verifies(signed):
    with pytest.raises(SignatureError) as caught:
        verify_envelope(signed, [])

    assert caught.value.code == "S.UntrustedCertificate"


def test_the_certificate_must_be_valid_at_the_moment_of_verification(signed, ca, installation):
    after = installation.certificate.not_valid_after_utc + timedelta(days=1)
    before = installation.certificate.not_valid_before_utc - timedelta(days=1)

    with pytest.raises(SignatureError) as expired:
        verify_envelope(signed, [ca.certificate], at=after)
    with pytest.raises(SignatureError) as early:
        verify_envelope(signed, [ca.certificate], at=before)

    assert expired.value.code == "S.CertificateExpired"
    assert early.value.code == "S.CertificateNotYetValid"


def test_an_archived_package_verifies_at_its_time_of_receipt_after_the_certificate_expired():
    start = datetime.now(UTC) - timedelta(days=800)
    old_ca = make_ca("Test Root CA 2024", not_before=start - timedelta(days=1))
    old = make_installation_certificate(old_ca, not_before=start, days=365)
    signed = sign_envelope(build_edoc(make_package(), now=NOW), old.key, [old.certificate])

    with pytest.raises(SignatureError) as today:
        verify_envelope(signed, [old_ca.certificate])
    at_receipt = verify_envelope(signed, [old_ca.certificate], at=start + timedelta(days=10))

    assert today.value.code == "S.CertificateExpired"
    assert at_receipt.serial_number == old.certificate.serial_number


def test_a_chain_through_an_intermediate_ca_verifies(ca):
    intermediate = make_ca("Test Issuing CA", issuer=ca)
    leaf = make_installation_certificate(intermediate)

    signed = sign_envelope(
        build_edoc(make_package(), now=NOW), leaf.key, [leaf.certificate, intermediate.certificate]
    )

    assert verify_envelope(signed, [ca.certificate]).serial_number == leaf.certificate.serial_number


def test_an_elliptic_curve_installation_key_signs_with_ecdsa(ca):
    leaf = make_installation_certificate(ca, key_kind="ec")

    signed = sign_envelope(build_edoc(make_package(), now=NOW), leaf.key, [leaf.certificate])

    assert verify_envelope(signed, [ca.certificate]).signature_method.endswith("ecdsa-sha256")


def test_a_status_message_is_signed_and_verified_the_same_way(ca, installation):
    signed = sign_envelope(
        build_status(make_status(), now=NOW), installation.key, [installation.certificate]
    )

    assert verify_envelope(signed, [ca.certificate]).common_name == "Văn thư UBND tỉnh thử nghiệm"
    assert parse_status(signed, now=NOW).status == make_status()


def test_an_unsigned_package_is_reported_as_unsigned(ca):
    with pytest.raises(SignatureError) as caught:
        verify_envelope(build_edoc(make_package(), now=NOW), [ca.certificate])

    assert caught.value.code == "S.Missing"


def test_a_package_is_signed_only_once(signed, installation):
    with pytest.raises(SignatureError) as caught:
        sign_envelope(signed, installation.key, [installation.certificate])

    assert caught.value.code == "S.AlreadySigned"


def test_sha1_is_refused_unless_the_deployment_allows_it(signed, ca):
    downgraded = signed.replace(
        b"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        b"http://www.w3.org/2000/09/xmldsig#rsa-sha1",
    )

    with pytest.raises(SignatureError) as refused:
        verify_envelope(downgraded, [ca.certificate])
    with pytest.raises(SignatureError) as allowed_but_altered:
        verify_envelope(downgraded, [ca.certificate], allow_sha1=True)

    assert refused.value.code == "S.WeakAlgorithm"
    # Allowed, the algorithm passes, and the changed SignedInfo is caught by the signature value.
    assert allowed_but_altered.value.code == "S.InvalidSignature"


def test_a_signature_over_part_of_the_package_is_refused(signed, ca):
    partial = signed.replace(b'<ds:Reference URI="">', b'<ds:Reference URI="#header">')

    with pytest.raises(SignatureError) as caught:
        verify_envelope(partial, [ca.certificate])

    assert caught.value.code == "S.PartialReference"


def test_a_second_signature_is_refused(signed, ca):
    start = signed.index(b"<ds:Signature")
    end = signed.index(b"</ds:Signature>") + len(b"</ds:Signature>")
    doubled = signed[:end] + signed[start:end] + signed[end:]

    with pytest.raises(SignatureError) as caught:
        verify_envelope(doubled, [ca.certificate])

    assert caught.value.code == "S.Multiple"


def test_a_certificate_that_is_not_a_certificate_is_reported_as_such(signed, ca):
    start = signed.index(b"<ds:X509Certificate>") + len(b"<ds:X509Certificate>")
    end = signed.index(b"</ds:X509Certificate>")
    broken = signed[:start] + b"bm90IGEgY2VydGlmaWNhdGU=" + signed[end:]

    with pytest.raises(SignatureError) as caught:
        verify_envelope(broken, [ca.certificate])

    assert caught.value.code == "S.BadCertificate"


def test_a_certificate_without_a_signing_key_usage_is_untrusted(ca):
    from cryptography.hazmat.primitives import hashes

    from egov.exchange.pki import new_key

    key = new_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "Máy chủ web")]))
        .issuer_name(ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime.now(UTC) - timedelta(hours=1))
        .not_valid_after(datetime.now(UTC) + timedelta(days=30))
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
        )
        .sign(ca.key, hashes.SHA256())
    )
    signed = sign_envelope(build_edoc(make_package(), now=NOW), key, [certificate])

    with pytest.raises(SignatureError) as caught:
        verify_envelope(signed, [ca.certificate])

    assert caught.value.code == "S.UntrustedCertificate"


def test_a_document_that_is_not_an_edxml_package_cannot_be_signed(installation):
    with pytest.raises(SignatureError) as caught:
        sign_envelope(b"<other/>", installation.key, [installation.certificate])

    assert caught.value.code == "S.NotAnEnvelope"


def _signxml_sign(xml: bytes, issued, c14n) -> bytes:
    """Sign the way the codec did before it computed signatures itself (signxml)."""
    root = etree.fromstring(xml)
    header = root.find("{*}edXMLEnvelope/{*}edXMLHeader")
    assert header is not None
    etree.SubElement(header, f"{{{XMLDSIG}}}Signature", Id="placeholder", nsmap={"ds": XMLDSIG})
    method = (
        SignatureMethod.ECDSA_SHA256 if key_kind(issued) == "ec" else SignatureMethod.RSA_SHA256
    )
    signer = XMLSigner(
        signature_algorithm=method, digest_algorithm=DigestAlgorithm.SHA256, c14n_algorithm=c14n
    )
    signed = signer.sign(root, key=issued.key, cert=[issued.certificate])
    return etree.tostring(signed, encoding="UTF-8")


def key_kind(issued) -> str:
    return "ec" if isinstance(issued.key, ec.EllipticCurvePrivateKey) else "rsa"


@pytest.mark.parametrize("kind", ["rsa", "ec"])
@pytest.mark.parametrize(
    "c14n",
    [
        CanonicalizationMethod.CANONICAL_XML_1_0,
        CanonicalizationMethod.EXCLUSIVE_XML_CANONICALIZATION_1_0,
    ],
)
def test_signatures_made_by_signxml_verify_and_ours_verify_with_signxml(ca, kind, c14n):
    leaf = make_installation_certificate(ca, key_kind=kind)
    package = replace(
        make_package(),
        attachments=(
            Attachment(
                attachment_name="van-ban.pdf",
                content=b"%PDF-1.4\n" + bytes(range(256)) * 400,
                content_type="application/pdf",
            ),
        ),
    )
    built = build_edoc(package, now=NOW)

    theirs = _signxml_sign(built, leaf, c14n)
    ours = sign_envelope(built, leaf.key, [leaf.certificate])

    assert verify_envelope(theirs, [ca.certificate]).serial_number == leaf.certificate.serial_number
    XMLVerifier().verify(
        ours,
        x509_cert=leaf.certificate,
        expect_config=SignatureConfiguration(
            signature_methods=frozenset(SignatureMethod),
            digest_algorithms=frozenset(DigestAlgorithm),
        ),
    )
    with pytest.raises(SignatureError) as changed:
        verify_envelope(theirs.replace(b"van-ban.pdf", b"van-ban.PDF"), [ca.certificate])
    assert changed.value.code == "S.DigestMismatch"


def test_the_whitespace_after_the_signature_stays_in_the_signed_document(ca, installation):
    # A peer that pretty-prints puts a line break after ds:Signature; the enveloped transform
    # removes the element, not that text, so moving it is a change to the signed document.
    signed = sign_envelope(
        build_edoc(make_package(), now=NOW), installation.key, [installation.certificate]
    )
    pretty = etree.tostring(etree.fromstring(signed), encoding="UTF-8")
    end = pretty.index(b"</ds:Signature>") + len(b"</ds:Signature>")
    with_tail = pretty[:end] + b"\n    " + pretty[end:]

    with pytest.raises(SignatureError) as caught:
        verify_envelope(with_tail, [ca.certificate])

    assert caught.value.code == "S.DigestMismatch"
    assert (
        verify_envelope(pretty, [ca.certificate]).common_name
        == installation.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    )


def _with_large_attachment() -> EdocPackage:
    return replace(
        make_package(),
        attachments=(
            Attachment(
                attachment_name="van-ban.pdf",
                content=b"%PDF-1.4\n" + bytes(range(256)) * 400,
                content_type="application/pdf",
            ),
        ),
    )


def test_the_digest_of_a_long_attachment_hashed_as_it_is_equals_the_canonical_one(ca, installation):
    # Long base64 texts are hashed without going through the canonicaliser; the digest must
    # be the one of the whole canonical document all the same.
    signed = sign_envelope(
        build_edoc(_with_large_attachment(), now=NOW),
        installation.key,
        [installation.certificate],
    )
    root = etree.fromstring(signed)
    signature = root.find(f".//{{{XMLDSIG}}}Signature")
    whole = xmldsig._canonical(root, signature, False, None)
    before = etree.tostring(root)

    digest = xmldsig.document_digest(root, signature, None, xmldsig.SHA256)

    assert digest == hashlib.sha256(whole).digest()
    assert etree.tostring(root) == before
    assert verify_envelope(signed, [ca.certificate]).common_name


def test_one_character_changed_in_a_long_attachment_is_a_digest_mismatch(ca, installation):
    signed = sign_envelope(
        build_edoc(_with_large_attachment(), now=NOW),
        installation.key,
        [installation.certificate],
    )
    start = signed.index(b"ContentTransferEncoded>") + 5000
    flipped = b"B" if signed[start : start + 1] != b"B" else b"C"
    changed = signed[:start] + flipped + signed[start + 1 :]

    with pytest.raises(SignatureError) as caught:
        verify_envelope(changed, [ca.certificate])

    assert caught.value.code == "S.DigestMismatch"


def test_a_long_text_that_canonicalisation_rewrites_is_signed_and_verified_whole(ca, installation):
    # An ampersand and a "<" are escaped by canonicalisation: such a text is not hashed as
    # it is but canonicalised like the rest (the signature does not judge the content).
    root = etree.fromstring(build_edoc(_with_large_attachment(), now=NOW))
    payload = next(el for el in root.iter() if el.text and len(el.text) > 20000)
    payload.text = f"{payload.text} A & B <C>"
    signed = sign_envelope(
        etree.tostring(root, encoding="UTF-8"), installation.key, [installation.certificate]
    )

    assert verify_envelope(signed, [ca.certificate]).common_name
    with pytest.raises(SignatureError) as caught:
        verify_envelope(signed.replace(b"A &amp; B", b"A &amp; D", 1), [ca.certificate])
    assert caught.value.code == "S.DigestMismatch"
