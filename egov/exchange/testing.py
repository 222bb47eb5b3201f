"""Test helpers of the exchange: an installation identity made by a test CA, the receiving
agency's staff, an issued document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from egov.exchange.pki import Issued, make_ca, make_installation_certificate


def write_identity(directory: Path, ca: Issued, common_name: str) -> dict[str, str]:
    """Key, chain and trust files for one installation signed by ``ca``; the settings that
    point at them."""
    leaf = make_installation_certificate(ca, common_name)
    directory.mkdir(parents=True, exist_ok=True)
    pem = serialization.Encoding.PEM
    (directory / "key.pem").write_bytes(
        leaf.key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    (directory / "chain.pem").write_bytes(
        leaf.certificate.public_bytes(pem) + ca.certificate.public_bytes(pem)
    )
    (directory / "trust.pem").write_bytes(ca.certificate.public_bytes(pem))
    return {
        "EGOV_EXCHANGE_KEY_FILE": str(directory / "key.pem"),
        "EGOV_EXCHANGE_CERT_FILE": str(directory / "chain.pem"),
        "EGOV_EXCHANGE_TRUST_FILE": str(directory / "trust.pem"),
    }


def new_ca(name: str = "Test exchange CA") -> Issued:
    return make_ca(name)


@dataclass
class Receiver:
    """Staff of the receiving agency (Sở Tài chính in the persona world)."""

    clerk: Any
    leader: Any
    specialist: Any


def build_receiver(world: Any) -> Receiver:
    from egov.organisations.choices import Role
    from egov.organisations.testing import hire_with_role

    return Receiver(
        clerk=hire_with_role("fin.clerk", "Đỗ Thị Văn Thư", world.finance, Role.CLERK),
        leader=hire_with_role("fin.leader", "Hoàng Văn Giám Đốc", world.finance, Role.LEADER),
        specialist=hire_with_role(
            "fin.specialist", "Vũ Thị Chuyên Viên", world.finance, Role.SPECIALIST
        ),
    )
