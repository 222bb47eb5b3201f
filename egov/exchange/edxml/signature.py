"""XML-DSig of an edXML package: an enveloped signature over the whole document.

``sign_envelope`` puts a ``ds:Signature`` at the end of ``edXMLHeader`` (where the SDK puts
it); its single reference has ``URI=""``, so the header, the manifest and the attachments
outside the envelope are all covered. RSA or ECDSA with SHA-256, Canonical XML 1.0 (the SDK
samples' canonicalisation), the certificate chain in ``X509Data``.

``verify_envelope`` checks, in this order, and stops at the first failure with a specific
``SignatureError`` code: the signature block is there, once, in the XML-DSig namespace and
covers the whole document; its certificate decodes, is within its validity period and chains
to one of the trusted roots; the algorithms are acceptable; the XML is namespace-well-formed;
the digest matches the content (``S.DigestMismatch``: changed after signing) and the
signature value matches the signed info.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509 import verification
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml.algorithms import DigestAlgorithm, SignatureMethod

from . import xmldsig
from .constants import XMLDSIG_NS
from .limits import DEFAULT_LIMITS, Limits
from .problems import ValidationFailure
from .safe_xml import child, load, local_name, namespace, precheck

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey

_STRONG_SIGNATURE_METHODS: Final = frozenset(
    {
        SignatureMethod.RSA_SHA256,
        SignatureMethod.RSA_SHA384,
        SignatureMethod.RSA_SHA512,
        SignatureMethod.ECDSA_SHA256,
        SignatureMethod.ECDSA_SHA384,
        SignatureMethod.ECDSA_SHA512,
    }
)
_STRONG_DIGESTS: Final = frozenset(
    {DigestAlgorithm.SHA256, DigestAlgorithm.SHA384, DigestAlgorithm.SHA512}
)
_ENVELOPED: Final = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"

# code: (English, Vietnamese)
_MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "S.AlreadySigned": (
        "The package already carries a signature.",
        "Gói tin đã có chữ ký số.",
    ),
    "S.NotAnEnvelope": (
        "The document is not an edXML package with an edXMLHeader.",
        "Tài liệu không phải gói edXML có edXMLHeader.",
    ),
    "S.Missing": (
        "The package is not signed.",
        "Gói tin không có chữ ký số.",
    ),
    "S.NotXmlDsig": (
        "The Signature element is not in the XML-DSig namespace, so it cannot be verified.",
        "Phần tử Signature không thuộc không gian tên XML-DSig nên không thể xác thực.",
    ),
    "S.Multiple": (
        "The package carries more than one signature.",
        "Gói tin có nhiều hơn một chữ ký số.",
    ),
    "S.PartialReference": (
        'The signature does not cover the whole package (one reference with URI="").',
        'Chữ ký số không bao trùm toàn bộ gói tin (cần một tham chiếu URI="").',
    ),
    "S.NoCertificate": (
        "The signature carries no X.509 certificate.",
        "Chữ ký số không kèm chứng thư số X.509.",
    ),
    "S.BadCertificate": (
        "The signature's certificate cannot be decoded.",
        "Không giải mã được chứng thư số của chữ ký.",
    ),
    "S.CertificateExpired": (
        "The signer's certificate had expired at the time of verification.",
        "Chứng thư số của người ký đã hết hạn tại thời điểm xác thực.",
    ),
    "S.CertificateNotYetValid": (
        "The signer's certificate was not yet valid at the time of verification.",
        "Chứng thư số của người ký chưa có hiệu lực tại thời điểm xác thực.",
    ),
    "S.UntrustedCertificate": (
        "The signer's certificate does not chain to a trusted root.",
        "Chứng thư số của người ký không được cấp bởi tổ chức chứng thực tin cậy.",
    ),
    "S.WeakAlgorithm": (
        "The signature uses an algorithm that is not accepted.",
        "Chữ ký số dùng thuật toán không được chấp nhận.",
    ),
    "S.MalformedXml": (
        "The signed package is not namespace-well-formed XML, so it cannot be verified.",
        "Gói tin đã ký không phải XML hợp lệ về không gian tên nên không thể xác thực.",
    ),
    "S.DigestMismatch": (
        "The package was changed after it was signed (digest mismatch).",
        "Gói tin đã bị thay đổi sau khi ký (giá trị băm không khớp).",
    ),
    "S.InvalidSignature": (
        "The signature value does not match (wrong key or altered signed info).",
        "Giá trị chữ ký không khớp (sai khóa hoặc thông tin ký bị thay đổi).",
    ),
}


class SignatureError(Exception):
    """A signature could not be made or did not verify; ``code`` says which check failed."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.message, self.message_vi = _MESSAGES[code]
        self.detail = detail
        super().__init__(f"{code}: {self.message}" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True)
class VerifiedSigner:
    """Who signed a package whose signature verified, as their certificate says."""

    subject: str
    common_name: str
    issuer: str
    serial_number: int
    not_valid_before: datetime
    not_valid_after: datetime
    fingerprint_sha256: str
    certificate_der: bytes
    signature_method: str
    digest_method: str

    def __repr__(self) -> str:
        return f"VerifiedSigner(subject={self.subject!r}, serial_number={self.serial_number})"


def _strict_parser() -> etree.XMLParser:
    """Like safe_xml's parser, but forgiving nothing and keeping comments (they are signed)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        recover=False,
    )


def _parse_strict(xml: bytes, *, limits: Limits) -> etree._Element:
    # precheck() refuses oversize packages and DTDs before the parser reads the bytes.
    try:
        precheck(xml, limits=limits)
        root = etree.fromstring(xml, _strict_parser())
    except ValidationFailure as exc:
        raise SignatureError("S.MalformedXml", str(exc)) from None
    except etree.XMLSyntaxError as exc:
        raise SignatureError("S.MalformedXml", str(exc)) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise SignatureError("S.MalformedXml", "a DTD is not allowed")
    return root


def sign_envelope(
    xml: bytes,
    key: SigningKey,
    cert_chain: Sequence[x509.Certificate],
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> bytes:
    """Sign a built package (``build_edoc``/``build_status`` output) with the installation's key.

    ``cert_chain`` starts with the certificate of ``key``; intermediates may follow.
    """
    if not cert_chain:
        raise ValueError("cert_chain needs at least the signing certificate")
    root = _parse_strict(xml, limits=limits)
    header = child(child(root, "edXMLEnvelope"), "edXMLHeader")
    if local_name(root) != "edXML" or header is None:
        raise SignatureError("S.NotAnEnvelope")
    if any(local_name(element) == "Signature" for element in root.iter()):
        raise SignatureError("S.AlreadySigned")
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise TypeError("key must be an RSA or elliptic-curve private key")
    xmldsig.sign(root, header, key, cert_chain)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8")


def _signature_element(root: etree._Element) -> etree._Element:
    found = [el for el in root.iter() if local_name(el) == "Signature"]
    if not found:
        raise SignatureError("S.Missing")
    if any(namespace(el) != XMLDSIG_NS for el in found):
        raise SignatureError("S.NotXmlDsig")
    if len(found) > 1:
        raise SignatureError("S.Multiple")
    return found[0]


def _ds(element: etree._Element, path: str) -> list[etree._Element]:
    return list(element.iterfind(path, namespaces={"ds": XMLDSIG_NS}))


def _certificates(signature: etree._Element) -> list[x509.Certificate]:
    texts = [el.text or "" for el in _ds(signature, "ds:KeyInfo/ds:X509Data/ds:X509Certificate")]
    if not texts:
        raise SignatureError("S.NoCertificate")
    certificates = []
    for text in texts:
        try:
            der = base64.b64decode("".join(text.split()), validate=True)
            certificates.append(x509.load_der_x509_certificate(der))
        except (binascii.Error, ValueError) as exc:
            raise SignatureError("S.BadCertificate", str(exc)) from None
    return certificates


def _is_ca(certificate: x509.Certificate) -> bool:
    try:
        return bool(certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _signing_key_usage(
    _policy: verification.Policy, _certificate: x509.Certificate, usage: x509.KeyUsage | None
) -> None:
    if usage is None or not (usage.digital_signature or usage.content_commitment):
        raise ValueError("certificate KeyUsage allows neither digitalSignature nor nonRepudiation")


def _check_chain(
    leaf: x509.Certificate,
    intermediates: list[x509.Certificate],
    trusted_roots: Sequence[x509.Certificate],
    at: datetime,
) -> None:
    if at < leaf.not_valid_before_utc:
        raise SignatureError("S.CertificateNotYetValid", leaf.not_valid_before_utc.isoformat())
    if at > leaf.not_valid_after_utc:
        raise SignatureError("S.CertificateExpired", leaf.not_valid_after_utc.isoformat())
    if not trusted_roots:
        raise SignatureError("S.UntrustedCertificate", "no trusted roots configured")
    ee_policy = verification.ExtensionPolicy.permit_all().require_present(
        x509.KeyUsage, verification.Criticality.AGNOSTIC, _signing_key_usage
    )
    verifier = (
        verification.PolicyBuilder()
        .store(verification.Store(list(trusted_roots)))
        .time(at)
        .extension_policies(
            ee_policy=ee_policy, ca_policy=verification.ExtensionPolicy.webpki_defaults_ca()
        )
        .build_client_verifier()
    )
    try:
        verifier.verify(leaf, intermediates)
    except verification.VerificationError as exc:
        raise SignatureError("S.UntrustedCertificate", str(exc)) from None


def _name(certificate: x509.Certificate) -> str:
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def verify_envelope(
    xml: bytes,
    trusted_roots: Sequence[x509.Certificate],
    *,
    at: datetime | None = None,
    allow_sha1: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> VerifiedSigner:
    """Verify the package's enveloped signature; return the signer or raise ``SignatureError``.

    ``at`` is the moment the certificate must be valid (default: now; pass the time of
    receipt to re-check an archived package). ``allow_sha1`` admits the SDK's rsa-sha1, which
    older peers still send; it is off unless a deployment decides otherwise.
    """
    moment = (at or datetime.now(UTC)).astimezone(UTC)
    malformed: SignatureError | None = None
    try:
        root = _parse_strict(xml, limits=limits)
    except SignatureError as exc:
        # Report what the lenient reading finds first (unsigned, expired…), as a reader
        # would; a package that passes all of it is refused as malformed below.
        malformed = exc
        try:
            root = load(xml, limits=limits).root
        except ValidationFailure as failure:
            raise SignatureError("S.MalformedXml", str(failure)) from None
    signature = _signature_element(root)

    references = _ds(signature, "ds:SignedInfo/ds:Reference")
    transforms = [
        el.get("Algorithm") for el in _ds(signature, "ds:SignedInfo/ds:Reference/ds:Transforms/*")
    ]
    if len(references) != 1 or references[0].get("URI") != "" or _ENVELOPED not in transforms:
        raise SignatureError("S.PartialReference")

    certificates = _certificates(signature)
    if _is_ca(certificates[0]) and not _is_ca(certificates[-1]):
        certificates.reverse()
    leaf, intermediates = certificates[0], certificates[1:]
    _check_chain(leaf, intermediates, trusted_roots, moment)

    methods = set(_STRONG_SIGNATURE_METHODS)
    digests = set(_STRONG_DIGESTS)
    if allow_sha1:
        methods.add(SignatureMethod.RSA_SHA1)
        digests.add(DigestAlgorithm.SHA1)
    method_elements = _ds(signature, "ds:SignedInfo/ds:SignatureMethod")
    digest_elements = _ds(signature, "ds:SignedInfo/ds:Reference/ds:DigestMethod")
    method_uri = method_elements[0].get("Algorithm", "") if method_elements else ""
    digest_uri = digest_elements[0].get("Algorithm", "") if digest_elements else ""
    if method_uri not in {m.value for m in methods} or digest_uri not in {d.value for d in digests}:
        raise SignatureError("S.WeakAlgorithm", f"{method_uri} / {digest_uri}")

    if malformed is not None:
        raise malformed
    try:
        # The tree was parsed here for this check alone: it need not be left intact.
        xmldsig.verify(root, signature, leaf, keep_tree=False)
    except xmldsig.DsigError as exc:
        code = {"digest": "S.DigestMismatch", "signature": "S.InvalidSignature"}
        raise SignatureError(code.get(exc.code, "S.MalformedXml"), str(exc)) from None

    der = leaf.public_bytes(serialization.Encoding.DER)
    return VerifiedSigner(
        subject=leaf.subject.rfc4514_string(),
        common_name=_name(leaf),
        issuer=leaf.issuer.rfc4514_string(),
        serial_number=leaf.serial_number,
        not_valid_before=leaf.not_valid_before_utc,
        not_valid_after=leaf.not_valid_after_utc,
        fingerprint_sha256=hashlib.sha256(der).hexdigest(),
        certificate_der=der,
        signature_method=method_uri,
        digest_method=digest_uri,
    )
