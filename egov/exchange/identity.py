"""This installation's exchange identity: the key and certificate chain it signs packages
with, the roots it trusts for the packages it receives, and its system code.

Production points ``EGOV_EXCHANGE_KEY_FILE``, ``EGOV_EXCHANGE_CERT_FILE`` (the chain, leaf
first) and ``EGOV_EXCHANGE_TRUST_FILE`` (the roots: the national CA's, or the province's) at
PEM files. When none is set and the files are absent, ``ensure_development_identity`` makes
a throw-away CA and certificate under ``VAR_DIR/exchange`` so the demo can exchange with
itself; that CA is trusted by this installation only.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings

from egov.exchange.edxml.signature import SigningKey


@dataclass(frozen=True)
class Identity:
    key: SigningKey
    chain: tuple[x509.Certificate, ...]
    trusted_roots: tuple[x509.Certificate, ...]


def _paths() -> tuple[Path, Path, Path]:
    return (
        Path(settings.EGOV_EXCHANGE_KEY_FILE),
        Path(settings.EGOV_EXCHANGE_CERT_FILE),
        Path(settings.EGOV_EXCHANGE_TRUST_FILE),
    )


def ensure_development_identity(common_name: str = "egov demo installation") -> None:
    """Write a CA, a signing key and its certificate where the settings expect them, unless
    they exist. For the demo and development only."""
    from egov.exchange.pki import make_ca, make_installation_certificate

    key_path, cert_path, trust_path = _paths()
    if key_path.exists() and cert_path.exists() and trust_path.exists():
        return
    key_path.parent.mkdir(parents=True, exist_ok=True)
    ca = make_ca(f"{common_name} CA")
    leaf = make_installation_certificate(ca, common_name)
    key_path.write_bytes(
        leaf.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    pem = serialization.Encoding.PEM
    cert_path.write_bytes(leaf.certificate.public_bytes(pem) + ca.certificate.public_bytes(pem))
    trust_path.write_bytes(ca.certificate.public_bytes(pem))
    load_identity.cache_clear()


@functools.cache
def load_identity() -> Identity:
    key_path, cert_path, trust_path = _paths()
    if settings.DEBUG and not key_path.exists():
        ensure_development_identity()
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    if not isinstance(key, SigningKey):
        raise TypeError(f"{key_path}: an RSA or elliptic-curve key is required")
    chain = tuple(x509.load_pem_x509_certificates(cert_path.read_bytes()))
    roots = tuple(x509.load_pem_x509_certificates(trust_path.read_bytes()))
    return Identity(key=key, chain=chain, trusted_roots=roots)
