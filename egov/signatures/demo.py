"""Signatures demo: a throw-away CA under ``var/signatures/demo-ca`` (the demo's trust list
points there by default), a personal key for Sở Nội vụ's leader and the agency's key for its
clerk, both PKCS#12 under the password ``DEMO_PASSWORD``, with a blue signature image and a
red seal. Nothing here is a real key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model

from egov.organisations.models import OrgUnit
from egov.signatures import appearance
from egov.signatures.actions.keys import register_pkcs12_key
from egov.signatures.models import SigningKey
from egov.signatures.testing_ca import make_test_pki

DEMO_PASSWORD = "123456"  # noqa: S105 - the demo's documented throw-away password


def ca_directory() -> Path:
    return Path(settings.VAR_DIR) / "signatures" / "demo-ca"


def loaded() -> bool:
    return SigningKey.objects.filter(owner__username="lanhdao.snv").exists()


def load(stdout: Any) -> None:
    users = get_user_model().objects
    leader = users.filter(username="lanhdao.snv").first()
    clerk = users.filter(username="vanthu.snv").first()
    unit = OrgUnit.objects.current().filter(abbreviation="SNV", kind="agency").first()
    if leader is None or clerk is None or unit is None:
        return
    directory = ca_directory()
    if not all((directory / name).is_file() for name in ("root.pem", "signer.p12")):
        # A CA already there stays: keys and documents signed with it keep verifying.
        make_test_pki(
            directory,
            signer_name=leader.get_full_name() or "Lãnh đạo Sở Nội vụ",
            organisation_name=unit.name,
            password=DEMO_PASSWORD,
        )
    register_pkcs12_key(
        actor=leader,
        data=(directory / "signer.p12").read_bytes(),
        password=DEMO_PASSWORD,
        image=appearance.sample_signature_png(),
        label="Chữ ký số của lãnh đạo (demo)",
    )
    register_pkcs12_key(
        actor=clerk,
        data=(directory / "organisation.p12").read_bytes(),
        password=DEMO_PASSWORD,
        image=appearance.sample_seal_png(unit.name.upper()),
        unit=unit,
        label="Chữ ký số của cơ quan (demo)",
    )
    stdout.write(f"  signatures: demo CA in {ca_directory()}, keys for lanhdao.snv and {unit.name}")
