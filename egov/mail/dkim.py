"""DKIM (RFC 6376) with dkimpy: sign what the platform sends, verify what it reads.

The signing key is a PEM file (``EGOV_MAIL_DKIM_KEY_FILE``); its public half is what the
province publishes at ``<selector>._domainkey.<domain>`` (:func:`dns_record`). Verifying our
own domain's signatures uses that key directly (the platform knows it; no DNS round trip);
any other domain's key comes from DNS, and an unreachable DNS is ``temperror``, never
``pass``.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import dkim
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings

from egov.mail.choices import DkimResult

#: Headers signed (RFC 6376 §5.4.1's recommendation, minus the ones MTAs rewrite).
SIGNED_HEADERS = (
    b"from",
    b"to",
    b"cc",
    b"subject",
    b"date",
    b"message-id",
    b"in-reply-to",
    b"references",
    b"mime-version",
    b"content-type",
)


def new_private_key_pem(bits: int = 2048) -> bytes:
    """A fresh RSA key in PKCS#8 PEM (tests and the demo make theirs)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


@cache
def _private_key(path: str) -> bytes:
    return Path(path).read_bytes()


def forget_keys() -> None:
    _private_key.cache_clear()


def signing_enabled() -> bool:
    return bool(settings.EGOV_MAIL_DKIM_KEY_FILE)


def public_record(private_pem: bytes) -> bytes:
    """The TXT record's value for this key: ``v=DKIM1; k=rsa; p=<base64 DER>``."""
    key = serialization.load_pem_private_key(private_pem, password=None)
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)


def dns_record() -> tuple[str, bytes]:
    """(name, value) of the TXT record the province publishes for the current key."""
    name = f"{settings.EGOV_MAIL_DKIM_SELECTOR}._domainkey.{settings.EGOV_MAIL_DOMAIN}"
    return name, public_record(_private_key(settings.EGOV_MAIL_DKIM_KEY_FILE))


def sign(message: bytes, *, domain: str | None = None) -> bytes:
    """``message`` with a ``DKIM-Signature`` header prepended (relaxed/relaxed, rsa-sha256)."""
    if not signing_enabled():
        return message
    signature = dkim.sign(
        message,
        settings.EGOV_MAIL_DKIM_SELECTOR.encode(),
        (domain or settings.EGOV_MAIL_DOMAIN).encode(),
        _private_key(settings.EGOV_MAIL_DKIM_KEY_FILE),
        canonicalize=(b"relaxed", b"relaxed"),
        include_headers=list(SIGNED_HEADERS),
    )
    return bytes(signature) + message


def _dns_txt(name: bytes, timeout: int = 5) -> bytes | None:
    wanted = f"{settings.EGOV_MAIL_DKIM_SELECTOR}._domainkey.{settings.EGOV_MAIL_DOMAIN}."
    if signing_enabled() and name.decode().lower().rstrip(".") + "." == wanted.lower():
        return dns_record()[1]
    txt = dkim.dnsplug.get_txt(name, timeout=timeout)
    return bytes(txt) if txt is not None else None


@dataclass(frozen=True)
class Verification:
    result: str
    domain: str


def verify(message: bytes) -> Verification:
    """The first DKIM signature's result and its ``d=`` domain."""
    checker = dkim.DKIM(message)
    try:
        headers = [v for k, v in checker.headers if k.lower() == b"dkim-signature"]
        if not headers:
            return Verification(DkimResult.NONE, "")
        ok = checker.verify(dnsfunc=_dns_txt)
    except dkim.DNSError:
        return Verification(DkimResult.TEMPERROR, _domain_of(checker))
    except dkim.DKIMException:
        return Verification(DkimResult.FAIL, _domain_of(checker))
    return Verification(DkimResult.PASS if ok else DkimResult.FAIL, _domain_of(checker))


def _domain_of(checker: dkim.DKIM) -> str:
    domain = getattr(checker, "domain", None)
    if isinstance(domain, bytes):
        return str(domain.decode(errors="replace")).lower()
    for key, value in checker.headers:
        if key.lower() == b"dkim-signature":
            for part in value.split(b";"):
                name, _sep, val = part.strip().partition(b"=")
                if name.strip() == b"d":
                    return str(val.strip().decode(errors="replace")).lower()
    return ""
