"""The trust list: which roots a signature must chain to, which intermediate certificates and
CRLs are known locally, and whether the verifier may fetch revocation data over the network.

All of it is configuration (``settings.py``, from the environment; decision 0012):

- ``EGOV_SIGNATURE_TRUST_ROOTS``: PEM files of the trusted roots (in production the official-
  use root of Ban Cơ yếu Chính phủ and the public roots of NEAC);
- ``EGOV_SIGNATURE_INTERMEDIATES``: PEM files of intermediate CAs, for chains a signature
  does not carry in full;
- ``EGOV_SIGNATURE_CRL_FILES``: CRLs kept locally (DER or PEM), refreshed by the operator;
- ``EGOV_SIGNATURE_FETCH_REVOCATION``: let the verifier fetch CRLs and OCSP answers named in
  the certificates (off in tests: nothing is reachable, and the verifier says "not checked").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from asn1crypto import crl as asn1_crl  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.serialization import Encoding
from django.conf import settings
from pyhanko_certvalidator import ValidationContext


def _files(setting: str) -> list[Path]:
    """The configured files that exist (the demo's defaults exist only once it ran)."""
    paths = [Path(p) for p in getattr(settings, setting, []) if str(p).strip()]
    return [p for p in paths if p.is_file()]


def _load_certificates(path: Path) -> list[x509.Certificate]:
    data = path.read_bytes()
    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def roots() -> list[x509.Certificate]:
    return [c for path in _files("EGOV_SIGNATURE_TRUST_ROOTS") for c in _load_certificates(path)]


def intermediates() -> list[x509.Certificate]:
    return [c for path in _files("EGOV_SIGNATURE_INTERMEDIATES") for c in _load_certificates(path)]


def chain_certificates() -> list[x509.Certificate]:
    """Intermediates then roots: what a signature embeds so a recipient can build the chain."""
    return [*intermediates(), *roots()]


def crls() -> list[x509.CertificateRevocationList]:
    lists = []
    for path in _files("EGOV_SIGNATURE_CRL_FILES"):
        data = path.read_bytes()
        if b"-----BEGIN" in data:
            lists.append(x509.load_pem_x509_crl(data))
        else:
            lists.append(x509.load_der_x509_crl(data))
    return lists


def fetching_allowed() -> bool:
    return bool(getattr(settings, "EGOV_SIGNATURE_FETCH_REVOCATION", False))


def revoked_at(certificate: x509.Certificate) -> dt.datetime | None:
    """When the certificate was revoked, by a known CRL of its issuer whose signature checks
    out against a known CA certificate; None if no known CRL lists it."""
    issuers = {c.subject.rfc4514_string(): c for c in chain_certificates()}
    for revocation_list in crls():
        if revocation_list.issuer != certificate.issuer:
            continue
        issuer = issuers.get(revocation_list.issuer.rfc4514_string())
        if issuer is None or not revocation_list.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
            continue
        entry = revocation_list.get_revoked_certificate_by_serial_number(certificate.serial_number)
        if entry is not None:
            return entry.revocation_date_utc
    return None


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(Encoding.DER))


def context_kwargs(*, hard_fail: bool, extra_crls: list[Any] | None = None) -> dict[str, Any]:
    """Keyword arguments for pyHanko's ``ValidationContext`` from the configuration."""
    known_crls = [asn1_crl.CertificateList.load(c.public_bytes(Encoding.DER)) for c in crls()]
    return {
        "trust_roots": [_asn1(c) for c in roots()],
        "other_certs": [_asn1(c) for c in intermediates()],
        "crls": [*known_crls, *(extra_crls or [])],
        "allow_fetching": fetching_allowed(),
        "revocation_mode": "hard-fail" if hard_fail else "soft-fail",
    }


def validation_context(*, for_signing: bool = False) -> ValidationContext | None:
    """The context the signer embeds revocation data from (None without a trust list)."""
    kwargs = context_kwargs(hard_fail=False)
    if not kwargs["trust_roots"]:
        return None
    if for_signing and not kwargs["crls"] and not kwargs["allow_fetching"]:
        return None
    return ValidationContext(**kwargs)


def chains_to_roots(
    certificate: x509.Certificate, extra: list[x509.Certificate] | None = None
) -> bool | None:
    """Whether the certificate leads, issuer by checked issuer, to a configured root (with
    the configured intermediates and ``extra`` ones, e.g. those a PKCS#12 file carries);
    None when no root is configured (nothing to check against)."""
    trusted = roots()
    if not trusted:
        return None
    known = {c.subject.rfc4514_string(): c for c in [*(extra or []), *intermediates(), *trusted]}
    current = certificate
    for _depth in range(8):
        if current in trusted:
            return True
        issuer = known.get(current.issuer.rfc4514_string())
        if issuer is None or issuer == current:
            return False
        try:
            current.verify_directly_issued_by(issuer)
        except (ValueError, TypeError, InvalidSignature):
            return False
        current = issuer
    return False
