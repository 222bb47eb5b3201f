"""A SoftHSM token for tests and the bench (Debian's ``softhsm2``): the PKCS#11 interface of
a USB token or an HSM, with a test key and certificate imported under a known PIN."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from egov.signatures.testing_ca import Issued

MODULE = "/usr/lib/softhsm/libsofthsm2.so"


@dataclass(frozen=True)
class Token:
    module: str
    label: str
    key_label: str
    pin: str


def available() -> bool:
    return Path(MODULE).exists() and shutil.which("softhsm2-util") is not None


def make_token(
    directory: Path,
    holder: Issued,
    *,
    label: str = "egov-test",
    key_label: str = "ky-so",
    pin: str = "1234",
) -> Token:
    """Initialise a token under ``directory`` (SOFTHSM2_CONF points there for this process)
    and import ``holder``'s key and certificate."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    tokens = directory / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    config = directory / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(config)
    tool = shutil.which("softhsm2-util") or "/usr/bin/softhsm2-util"
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            tool,
            "--init-token",
            "--free",
            "--label",
            label,
            "--pin",
            pin,
            "--so-pin",
            "87654321",
        ],
        check=True,
        capture_output=True,
    )
    key_file = directory / f"{key_label}.pem"
    key_file.write_bytes(
        holder.key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    )
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            tool,
            "--import",
            str(key_file),
            "--token",
            label,
            "--label",
            key_label,
            "--id",
            "01",
            "--pin",
            pin,
        ],
        check=True,
        capture_output=True,
    )
    key_file.unlink()
    lib = pkcs11.lib(MODULE)
    lib.reinitialize()
    token = lib.get_token(token_label=label)
    identifier = b"\x01"
    with token.open(rw=True, user_pin=pin) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: key_label,
                Attribute.ID: identifier,
                Attribute.VALUE: holder.certificate.public_bytes(Encoding.DER),
                Attribute.SUBJECT: holder.certificate.subject.public_bytes(),
                Attribute.ISSUER: holder.certificate.issuer.public_bytes(),
            }
        )
    return Token(module=MODULE, label=label, key_label=key_label, pin=pin)
