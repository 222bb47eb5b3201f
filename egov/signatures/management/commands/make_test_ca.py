"""Make a throw-away CA and keys for trying the signatures out (never for production):
``manage.py make_test_ca DIR [--password P]`` writes root.pem, intermediate.pem,
intermediate.crl and one PKCS#12 file per holder (signer, organisation, expired_signer,
revoked_signer, stranger). Point EGOV_SIGNATURE_TRUST_ROOTS, EGOV_SIGNATURE_INTERMEDIATES
and EGOV_SIGNATURE_CRL_FILES at the first three."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from egov.signatures.testing_ca import make_test_pki


class Command(BaseCommand):
    help = "Make a throw-away test CA with signer and organisation keys (PKCS#12)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument("--password", default="123456")
        parser.add_argument("--signer", default="Nguyễn Văn Ký")
        parser.add_argument("--organisation", default="UBND tỉnh thử nghiệm")

    def handle(self, *args: Any, **options: Any) -> None:
        pki = make_test_pki(
            options["directory"],
            signer_name=options["signer"],
            organisation_name=options["organisation"],
            password=options["password"],
        )
        for role, path in sorted(pki.files.items()):
            self.stdout.write(f"{role}: {path}")
