"""Verification of a signed PDF (Nghị định 30, Điều 21.2.a: check the authenticity and the
integrity of an electronic document when it arrives), with pyHanko.

Per signature: the bytes it covers are intact and the CMS signature checks out; nothing but
allowed changes (later signatures, revocation data) was added after it; the signer's
certificate chains to the configured trust list; it is not revoked (by the CRLs the document
carries in its security store, the locally configured CRLs, or, when allowed, fetched ones);
and the time the signer's software reported. When no revocation data is available the result
says so ("revocation not checked") instead of passing silently or failing for a reason that is
not the document's.

``verify_pdf(data)`` is the query other apps call; it touches no database.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from egov.signatures import trust
from egov.signatures.choices import Outcome
from egov.signatures.engine import outside_event_loop

#: Outcomes that flag a document: never silently accepted.
FAILING = frozenset({Outcome.INVALID, Outcome.UNTRUSTED, Outcome.UNREADABLE})


@dataclass(frozen=True)
class SignatureCheck:
    """One signature's verdict; ``problems`` are English machine codes."""

    field_name: str
    signer: str
    subject: str
    issuer: str
    serial: str
    signing_time: dt.datetime | None
    intact: bool
    trusted: bool
    revoked: bool
    revocation_checked: bool
    unchanged_after: bool
    outcome: str
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class VerificationResult:
    """The verdict on a whole PDF: the worst of its signatures' (unsigned and unreadable
    files have none)."""

    outcome: str
    signatures: tuple[SignatureCheck, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return self.outcome in FAILING

    @property
    def signers(self) -> list[str]:
        return [s.signer for s in self.signatures]

    def as_json(self) -> dict[str, Any]:
        def plain(check: SignatureCheck) -> dict[str, Any]:
            data = asdict(check)
            data["signing_time"] = check.signing_time.isoformat() if check.signing_time else None
            return data

        return {
            "outcome": self.outcome,
            "problems": list(self.problems),
            "signatures": [plain(s) for s in self.signatures],
        }


def _name(certificate: Any) -> str:
    try:
        return str(
            certificate.subject.native.get("common_name") or certificate.subject.human_friendly
        )
    except Exception:
        return ""


def _context(dss: DocumentSecurityStore | None, *, hard_fail: bool) -> ValidationContext:
    kwargs = trust.context_kwargs(hard_fail=hard_fail)
    if dss is not None:
        return dss.as_validation_context(kwargs)
    return ValidationContext(**kwargs)


def _check(embedded: Any, dss: DocumentSecurityStore | None) -> SignatureCheck:
    problems: list[str] = []
    status = outside_event_loop(
        lambda: validate_pdf_signature(embedded, _context(dss, hard_fail=True))
    )
    revocation_checked = bool(status.bottom_line)
    if not status.bottom_line and status.intact and status.valid and not status.revoked:
        softer = outside_event_loop(
            lambda: validate_pdf_signature(embedded, _context(dss, hard_fail=False))
        )
        if softer.trusted:
            status = softer
    certificate = status.signing_cert
    unchanged = bool(status.docmdp_ok) if status.docmdp_ok is not None else True
    if not status.intact:
        problems.append("digest_mismatch")
    if not status.valid:
        problems.append("signature_invalid")
    if status.revoked:
        problems.append("certificate_revoked")
    elif not status.trusted:
        problems.append("chain_untrusted")
    if not unchanged:
        problems.append("modified_after_signing")
    if status.trusted and not status.revoked and not revocation_checked:
        problems.append("revocation_not_checked")
    if not status.intact or not status.valid or status.revoked or not unchanged:
        outcome = Outcome.INVALID
    elif not status.trusted:
        outcome = Outcome.UNTRUSTED
    elif not revocation_checked:
        outcome = Outcome.VALID_UNCHECKED
    else:
        outcome = Outcome.VALID
    return SignatureCheck(
        field_name=str(embedded.field_name),
        signer=_name(certificate),
        subject=certificate.subject.human_friendly if certificate is not None else "",
        issuer=certificate.issuer.human_friendly if certificate is not None else "",
        serial=format(certificate.serial_number, "x") if certificate is not None else "",
        signing_time=status.signer_reported_dt,
        intact=bool(status.intact),
        trusted=bool(status.trusted),
        revoked=bool(status.revoked),
        revocation_checked=revocation_checked,
        unchanged_after=unchanged,
        outcome=outcome,
        problems=problems,
    )


_ORDER: list[str] = [
    Outcome.UNREADABLE,
    Outcome.INVALID,
    Outcome.UNTRUSTED,
    Outcome.VALID_UNCHECKED,
    Outcome.VALID,
]


def verify_pdf(data: bytes) -> VerificationResult:
    """Verify every signature of a PDF. Never raises for a bad file: an unreadable file is
    an outcome like the others."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:
        return VerificationResult(outcome=Outcome.UNREADABLE, problems=("pdf_unreadable",))
    if not embedded:
        return VerificationResult(outcome=Outcome.UNSIGNED)
    try:
        dss: DocumentSecurityStore | None = DocumentSecurityStore.read_dss(reader)
    except Exception:  # no security store: only the configured CRLs apply
        dss = None
    checks = []
    for signature in embedded:
        try:
            checks.append(_check(signature, dss))
        except Exception as exc:  # a malformed signature dictionary or CMS blob
            checks.append(
                SignatureCheck(
                    field_name=str(getattr(signature, "field_name", "")),
                    signer="",
                    subject="",
                    issuer="",
                    serial="",
                    signing_time=None,
                    intact=False,
                    trusted=False,
                    revoked=False,
                    revocation_checked=False,
                    unchanged_after=False,
                    outcome=Outcome.INVALID,
                    problems=["signature_malformed", type(exc).__name__],
                )
            )
    worst = min((c.outcome for c in checks), key=lambda outcome: _ORDER.index(outcome))
    return VerificationResult(outcome=worst, signatures=tuple(checks))


def describe(result: VerificationResult) -> str:
    """One sentence for the document page."""
    names = ", ".join(s.signer for s in result.signatures if s.signer)
    if result.outcome == Outcome.VALID:
        return _("Chữ ký số hợp lệ, ký bởi %(names)s.") % {"names": names}
    if result.outcome == Outcome.VALID_UNCHECKED:
        return _(
            "Chữ ký số còn nguyên vẹn và thuộc danh sách tin cậy, ký bởi %(names)s; chưa kiểm "
            "tra được tình trạng thu hồi chứng thư số."
        ) % {"names": names}
    if result.outcome == Outcome.UNSIGNED:
        return _("Tệp không có chữ ký số.")
    if result.outcome == Outcome.UNREADABLE:
        return _("Không đọc được tệp PDF để kiểm tra chữ ký số.")
    if result.outcome == Outcome.UNTRUSTED:
        return _("Chữ ký số của %(names)s không thuộc danh sách chứng thư số tin cậy.") % {
            "names": names or _("người ký không rõ")
        }
    problems = {p for s in result.signatures for p in s.problems}
    if "certificate_revoked" in problems:
        return _("Chứng thư số của người ký đã bị thu hồi: chữ ký số không hợp lệ.")
    if "modified_after_signing" in problems or "digest_mismatch" in problems:
        return _("Tệp đã bị sửa đổi sau khi ký: chữ ký số không hợp lệ.")
    return _("Chữ ký số không hợp lệ.")
