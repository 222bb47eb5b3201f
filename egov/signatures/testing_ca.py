"""A throw-away certification authority for tests and the demo: a root, an intermediate, a
signer's personal certificate and an organisation's certificate, with an expired and a
revoked signer for the bad-input tests and a CRL from the intermediate that lists the revoked
one. The certificates name a CRL distribution point on a host that does not exist, so a
verifier that fetches finds nothing there and must say so; the CRL itself is written next to
the certificates for the trust configuration (``EGOV_SIGNATURE_CRL_FILES``).

Nothing here is secret or ever committed: ``make_test_pki(directory)`` writes fresh keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CRL_URL = "http://crl.ca-thu-nghiem.invalid/trung-gian.crl"
ROOT_NAME = "CA gốc thử nghiệm (Ban Cơ yếu giả lập)"
INTERMEDIATE_NAME = "CA chuyên dùng thử nghiệm"


@dataclass(frozen=True)
class Issued:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def pkcs12(self, password: str, chain: list[x509.Certificate], name: str = "") -> bytes:
        """The key and certificate with ``chain`` as a PKCS#12 file under ``password``."""
        return pkcs12.serialize_key_and_certificates(
            name=(name or "khoa").encode(),
            key=self.key,
            cert=self.certificate,
            cas=chain,
            encryption_algorithm=serialization.BestAvailableEncryption(password.encode()),
        )


@dataclass(frozen=True)
class TestPKI:
    """Everything a test or the demo needs; ``files`` maps a role to the file written."""

    root: Issued
    intermediate: Issued
    signer: Issued
    organisation: Issued
    expired_signer: Issued
    revoked_signer: Issued
    other_root: Issued
    stranger: Issued
    crl: x509.CertificateRevocationList
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def chain(self) -> list[x509.Certificate]:
        """The intermediate then the root: what a PKCS#12 file carries with the signer."""
        return [self.intermediate.certificate, self.root.certificate]


def _name(common_name: str, organisation: str = "Tỉnh thử nghiệm") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _key_usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def issue(
    subject: x509.Name,
    *,
    issuer: Issued | None,
    ca: bool,
    start: datetime,
    days: int,
    with_crl_point: bool = False,
) -> Issued:
    """One certificate; ``issuer=None`` makes a self-signed root."""
    key = _key()
    signing_key = issuer.key if issuer else key
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.certificate.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(_key_usage(ca=ca), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signing_key.public_key()),
            critical=False,
        )
    )
    if not ca:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
    if with_crl_point:
        builder = builder.add_extension(
            x509.CRLDistributionPoints(
                [
                    x509.DistributionPoint(
                        full_name=[x509.UniformResourceIdentifier(CRL_URL)],
                        relative_name=None,
                        reasons=None,
                        crl_issuer=None,
                    )
                ]
            ),
            critical=False,
        )
    return Issued(key=key, certificate=builder.sign(signing_key, hashes.SHA256()))


def make_crl(
    issuer: Issued, revoked: list[Issued], *, now: datetime
) -> x509.CertificateRevocationList:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.certificate.subject)
        .last_update(now - timedelta(hours=1))
        .next_update(now + timedelta(days=365))
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
        .add_extension(x509.CRLNumber(1), critical=False)
    )
    for item in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(item.certificate.serial_number)
            .revocation_date(now - timedelta(minutes=30))
            .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), critical=False)
            .build()
        )
    return builder.sign(issuer.key, hashes.SHA256())


def make_test_pki(
    directory: Path | None = None,
    *,
    signer_name: str = "Nguyễn Văn Ký",
    organisation_name: str = "UBND tỉnh thử nghiệm",
    password: str = "123456",  # noqa: S107 - a throw-away test PKI's password
) -> TestPKI:
    """A fresh PKI; with ``directory``, also its files: ``root.pem``, ``intermediate.pem``,
    ``intermediate.crl`` (DER), and one PKCS#12 file per holder under ``password``."""
    now = datetime.now(UTC)
    start = now - timedelta(days=1)
    root = issue(_name(ROOT_NAME), issuer=None, ca=True, start=start, days=3650)
    intermediate = issue(_name(INTERMEDIATE_NAME), issuer=root, ca=True, start=start, days=1825)

    def personal(common_name: str, begin: datetime, days: int) -> Issued:
        return issue(
            _name(common_name, organisation_name),
            issuer=intermediate,
            ca=False,
            start=begin,
            days=days,
            with_crl_point=True,
        )

    signer = personal(signer_name, start, 730)
    organisation = personal(organisation_name, start, 730)
    expired = personal(f"{signer_name} (hết hạn)", now - timedelta(days=400), 30)
    revoked = personal(f"{signer_name} (bị thu hồi)", start, 730)
    other_root = issue(
        _name("CA ngoài danh sách tin cậy"), issuer=None, ca=True, start=start, days=3650
    )
    stranger = issue(_name("Người ký lạ"), issuer=other_root, ca=False, start=start, days=365)
    crl = make_crl(intermediate, [revoked], now=now)
    pki = TestPKI(
        root=root,
        intermediate=intermediate,
        signer=signer,
        organisation=organisation,
        expired_signer=expired,
        revoked_signer=revoked,
        other_root=other_root,
        stranger=stranger,
        crl=crl,
    )
    if directory is not None:
        write_files(pki, directory, password=password)
    return pki


def write_files(pki: TestPKI, directory: Path, *, password: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    files = {
        "root": directory / "root.pem",
        "intermediate": directory / "intermediate.pem",
        "crl": directory / "intermediate.crl",
    }
    files["root"].write_bytes(pki.root.pem)
    files["intermediate"].write_bytes(pki.intermediate.pem)
    files["crl"].write_bytes(pki.crl.public_bytes(serialization.Encoding.DER))
    holders = {
        "signer": pki.signer,
        "organisation": pki.organisation,
        "expired_signer": pki.expired_signer,
        "revoked_signer": pki.revoked_signer,
    }
    for role, holder in holders.items():
        path = directory / f"{role}.p12"
        path.write_bytes(holder.pkcs12(password, pki.chain, name=role))
        path.chmod(0o600)
        files[role] = path
    stranger = directory / "stranger.p12"
    stranger.write_bytes(pki.stranger.pkcs12(password, [pki.other_root.certificate]))
    files["stranger"] = stranger
    pki.files.update(files)
