"""Test helpers for signatures: a PKI per test session, trust settings pointing at it, keys
registered for the personas, and outgoing documents at the stage a test needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from egov.signatures import appearance
from egov.signatures.actions.keys import register_pkcs12_key
from egov.signatures.models import SigningKey
from egov.signatures.testing_ca import TestPKI

PASSWORD = "123456"  # noqa: S105 - the test PKI's throw-away password


def trust_settings(settings: Any, pki: TestPKI) -> None:
    settings.EGOV_SIGNATURE_TRUST_ROOTS = [str(pki.files["root"])]
    settings.EGOV_SIGNATURE_INTERMEDIATES = [str(pki.files["intermediate"])]
    settings.EGOV_SIGNATURE_CRL_FILES = [str(pki.files["crl"])]
    settings.EGOV_SIGNATURE_FETCH_REVOCATION = False


def personal_key(user: Any, pki: TestPKI, role: str = "signer") -> SigningKey:
    return register_pkcs12_key(
        actor=user,
        data=Path(pki.files[role]).read_bytes(),
        password=PASSWORD,
        image=appearance.sample_signature_png(),
    )


def organisation_key(clerk: Any, unit: Any, pki: TestPKI) -> SigningKey:
    return register_pkcs12_key(
        actor=clerk,
        data=Path(pki.files["organisation"]).read_bytes(),
        password=PASSWORD,
        image=appearance.sample_seal_png(),
        unit=unit,
    )
