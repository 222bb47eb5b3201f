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
    from egov.organisations import actions
    from egov.organisations.choices import Role
    from egov.organisations.testing import START, make_user

    def staff(username: str, name: str, role: str) -> Any:
        user = make_user(username, name, email=f"{username}@angiang.gov.vn")
        actions.hire_person(
            actor=None,
            full_name=name,
            unit=world.finance,
            effective_date=START,
            email=f"{username}@angiang.gov.vn",
            user=user,
            skip_access_check=True,
        )
        actions.grant_role(
            actor=None,
            user=user,
            role=role,
            unit=world.finance,
            valid_from=START,
            skip_access_check=True,
        )
        return user

    return Receiver(
        clerk=staff("fin.clerk", "Đỗ Thị Văn Thư", Role.CLERK),
        leader=staff("fin.leader", "Hoàng Văn Giám Đốc", Role.LEADER),
        specialist=staff("fin.specialist", "Vũ Thị Chuyên Viên", Role.SPECIALIST),
    )
