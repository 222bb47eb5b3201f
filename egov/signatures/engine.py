"""PAdES signing with pyHanko, and the keys it signs with (decision 0012).

A key is a PKCS#12 file (opened with its password) or a PKCS#11 token (opened with its PIN;
tested with Debian's SoftHSM). Whatever goes wrong with the key or its certificate is an
``ActionError`` with a Vietnamese message and an English code, raised before any byte is
written: a wrong password or PIN, an expired, not yet valid or revoked certificate, a
certificate that does not chain to the trust list, a file that is not a PDF.

Signing always produces new bytes (an incremental update of the input): the input is never
modified, and earlier signatures stay valid.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from asn1crypto import pkcs12 as asn1_pkcs12  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from django.utils import timezone
from django.utils.translation import gettext as _
from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.stamp import StaticStampStyle, TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.signatures import appearance, trust

_DER = Encoding.DER
# pyHanko warns on every signature that embeds revocation data without fetching: that is
# this configuration's intent (the CRLs come from the trust list), not news.
logging.getLogger("pyhanko.sign.signers.pdf_signer").addFilter(
    lambda record: "fetching is not allowed" not in record.getMessage()
)
# pyHanko subsets the font of a text line through fontTools, which logs every table at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)
PKCS12 = "pkcs12"
PKCS11 = "pkcs11"


@dataclass(frozen=True)
class KeySource:
    """Where a key lives: the PKCS#12 bytes, or a PKCS#11 module, token and key label."""

    kind: str
    pkcs12: bytes = b""
    module: str = ""
    token_label: str = ""
    key_label: str = ""


@dataclass(frozen=True)
class Appearance:
    """What the signature shows: an image in a box, a text line in a box, or nothing."""

    image: bytes = b""
    text: str = ""
    box: appearance.Box | None = None
    page: int = -1  # the last page for the signer's and the seal's image; 0 for a text line


def _certificate_facts(certificate: x509.Certificate) -> dict[str, Any]:
    names = certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return {
        "subject": certificate.subject.rfc4514_string(),
        "common_name": str(names[0].value) if names else certificate.subject.rfc4514_string(),
        "serial": format(certificate.serial_number, "x"),
        "not_before": certificate.not_valid_before_utc,
        "not_after": certificate.not_valid_after_utc,
        "issuer": certificate.issuer.rfc4514_string(),
    }


def read_pkcs12(data: bytes, password: str) -> tuple[Any, x509.Certificate, list[x509.Certificate]]:
    """Open a PKCS#12 file: a file that is not PKCS#12 and a wrong password are told apart."""
    try:
        asn1_pkcs12.Pfx.load(data).native  # noqa: B018 - parses the structure, raises if broken
    except Exception as exc:
        raise ActionError(
            _("Tệp khóa không phải tệp PKCS#12 (.p12, .pfx) hợp lệ."), code="pkcs12_invalid"
        ) from exc
    try:
        key, certificate, others = pkcs12.load_key_and_certificates(data, password.encode())
    except ValueError as exc:
        raise ActionError(
            _("Mật khẩu của tệp khóa không đúng."), code="wrong_password", field="secret"
        ) from exc
    if key is None or certificate is None:
        raise ActionError(
            _("Tệp khóa không chứa khóa bí mật và chứng thư số."), code="pkcs12_incomplete"
        )
    return key, certificate, list(others)


def certificate_of(source: KeySource, secret: str) -> x509.Certificate:
    """The key's certificate (opening the key with its secret)."""
    with open_signer(source, secret) as signer:
        return signing_certificate(signer)


def carried_certificates(signer: signers.Signer) -> list[x509.Certificate]:
    """The other certificates the key brings (a PKCS#12 file's chain)."""
    registry = getattr(signer, "cert_registry", None) or []
    return [x509.load_der_x509_certificate(c.dump()) for c in registry]


def signing_certificate(signer: signers.Signer) -> x509.Certificate:
    """The signer's certificate as a ``cryptography`` object."""
    if signer.signing_cert is None:
        raise ActionError(_("Khóa ký số không kèm chứng thư số."), code="certificate_missing")
    return x509.load_der_x509_certificate(signer.signing_cert.dump())


def check_certificate(
    certificate: x509.Certificate,
    *,
    at: dt.datetime | None = None,
    extra: list[x509.Certificate] | None = None,
) -> None:
    """Refuse a certificate that is not valid now, is revoked in the known CRLs, or does not
    chain to the trust list, before anything is signed."""
    now = at or timezone.now()
    facts = _certificate_facts(certificate)
    if trust.chains_to_roots(certificate, extra) is False:
        raise ActionError(
            _(
                "Chứng thư số của “%(name)s” không thuộc danh sách chứng thư số tin cậy "
                "(do “%(issuer)s” cấp)."
            )
            % {"name": facts["common_name"], "issuer": certificate.issuer.rfc4514_string()},
            code="certificate_untrusted",
        )
    if facts["not_after"] < now:
        raise ActionError(
            _("Chứng thư số của “%(name)s” đã hết hạn ngày %(date)s.")
            % {
                "name": facts["common_name"],
                "date": facts["not_after"].astimezone(BUSINESS_TZ).strftime("%d/%m/%Y"),
            },
            code="certificate_expired",
        )
    if facts["not_before"] > now:
        raise ActionError(
            _("Chứng thư số của “%(name)s” chưa đến ngày có hiệu lực (%(date)s).")
            % {
                "name": facts["common_name"],
                "date": facts["not_before"].astimezone(BUSINESS_TZ).strftime("%d/%m/%Y"),
            },
            code="certificate_not_yet_valid",
        )
    revoked_at = trust.revoked_at(certificate)
    if revoked_at is not None:
        raise ActionError(
            _("Chứng thư số của “%(name)s” đã bị thu hồi ngày %(date)s.")
            % {
                "name": facts["common_name"],
                "date": revoked_at.astimezone(BUSINESS_TZ).strftime("%d/%m/%Y"),
            },
            code="certificate_revoked",
        )


@contextmanager
def open_signer(source: KeySource, secret: str) -> Iterator[signers.Signer]:
    """A pyHanko signer for the key, open for the duration of the block."""
    if source.kind == PKCS12:
        key, certificate, others = read_pkcs12(source.pkcs12, secret)
        # The file is decrypted once (its key derivation is the slow part), then handed over.
        # (The ignore: pyhanko-certvalidator's from_certs has no annotations.)
        registry = SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [
                asn1_x509.Certificate.load(c.public_bytes(_DER))
                for c in [*others, *trust.chain_certificates()]
            ]
        )
        yield signers.SimpleSigner(
            signing_key=translate_pyca_cryptography_key_to_asn1(key),
            signing_cert=asn1_x509.Certificate.load(certificate.public_bytes(_DER)),
            cert_registry=registry,
        )
        return
    if source.kind == PKCS11:
        from pkcs11 import exceptions as p11_errors
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11 as p11

        try:
            session = p11.open_pkcs11_session(
                source.module,
                token_criteria=TokenCriteria(label=source.token_label),
                user_pin=secret,
            )
        except p11_errors.PinIncorrect as exc:
            raise ActionError(
                _("Mã PIN của thiết bị ký số không đúng."), code="wrong_pin", field="secret"
            ) from exc
        except p11_errors.PinLocked as exc:
            raise ActionError(
                _("Thiết bị ký số đã bị khóa do nhập sai mã PIN nhiều lần."), code="pin_locked"
            ) from exc
        except p11_errors.PKCS11Error as exc:
            raise ActionError(
                _("Không mở được thiết bị ký số “%(token)s”.") % {"token": source.token_label},
                code="token_unavailable",
            ) from exc
        except Exception as exc:  # the module or the token is missing
            raise ActionError(
                _("Không tìm thấy thiết bị ký số “%(token)s”.") % {"token": source.token_label},
                code="token_missing",
            ) from exc
        try:
            yield p11.PKCS11Signer(
                session,
                key_label=source.key_label,
                cert_label=source.key_label,
                other_certs_to_pull=None,
                ca_chain=[
                    asn1_x509.Certificate.load(c.public_bytes(_DER))
                    for c in trust.chain_certificates()
                ],
            )
        finally:
            session.close()
        return
    raise ActionError(_("Loại khóa không được hỗ trợ."), code="key_kind_unknown")


def page_size(data: bytes, page: int) -> appearance.PageSize:
    """The size of a page (negative: from the end), A4 when it cannot be read."""
    from pypdf import PdfReader

    try:
        box = PdfReader(io.BytesIO(data)).pages[page].mediabox
        return appearance.PageSize(float(box.width), float(box.height))
    except Exception:
        return appearance.A4


def _empty_field(writer: IncrementalPdfFileWriter, name: str) -> bool:
    """True when the PDF already carries an empty signature field of that name (a drafting
    template may place the signature block's field itself)."""
    for field_name, value, _ref in fields.enumerate_sig_fields(writer, filled_status=False):
        if field_name == name and value is None:
            return True
    return False


def sign_pdf(
    data: bytes,
    *,
    signer: signers.Signer,
    field_name: str,
    look: Appearance,
    reason: str,
    location: str,
) -> bytes:
    """Sign ``data`` as PAdES (B-LT when the trust list has the CRLs: the revocation data
    goes into the document's security store) and return the new bytes."""
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except (PdfError, ValueError, KeyError) as exc:
        raise ActionError(_("Tệp không phải PDF hợp lệ, không ký được."), code="not_a_pdf") from exc
    if writer.security_handler is not None:
        raise ActionError(
            _("Tệp PDF được mã hóa: hãy bỏ mật khẩu của tệp trước khi ký."), code="pdf_encrypted"
        )
    style: Any = None
    spec = None
    if look.image:
        style = StaticStampStyle(
            background=PdfImage(_rgba(look.image)), background_opacity=1.0, border_width=0
        )
    elif look.text:
        style = TextStampStyle(
            stamp_text=look.text.replace("%", "%%"),
            text_box_style=TextBoxStyle(
                font=GlyphAccumulatorFactory(str(appearance.text_font()), font_size=10)
            ),
            border_width=0,
            background=None,
        )
    if not _empty_field(writer, field_name):
        box = None
        if look.box is not None and (look.image or look.text):
            x1, y1, x2, y2 = (round(v) for v in look.box)
            box = (x1, y1, x2, y2)
        spec = fields.SigFieldSpec(field_name, on_page=look.page, box=box)
    context = trust.validation_context(for_signing=True)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        subfilter=fields.SigSeedSubFilter.PADES,
        embed_validation_info=context is not None,
        validation_context=context,
        md_algorithm="sha256",
    )
    pdf_signer = signers.PdfSigner(meta, signer, stamp_style=style, new_field_spec=spec)
    # Room for the CMS container, so pyHanko need not build a dummy signature to measure it:
    # the signature, the signer's certificate and the chain (hex doubles the bytes).
    chain_bytes = sum(len(c.public_bytes(_DER)) for c in trust.chain_certificates())
    reserved = 2 * (12_288 + 2 * chain_bytes)
    try:
        output = outside_event_loop(lambda: pdf_signer.sign_pdf(writer, bytes_reserved=reserved))
    except ActionError:
        raise
    except Exception as exc:
        raise ActionError(
            _("Không ký được tệp: %(reason)s") % {"reason": str(exc)[:200]}, code="signing_failed"
        ) from exc
    return bytes(output.getvalue())


def outside_event_loop[T](call: Callable[[], T]) -> T:
    """Run ``call`` (which uses pyHanko's synchronous wrappers, i.e. ``asyncio.run``) on
    this thread, or on a helper thread when this one already runs an event loop (an ASGI
    server, a Playwright test session), where ``asyncio.run`` would refuse."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return call()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result()


def _rgba(png: bytes) -> Any:
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGBA")


def iso_time(moment: dt.datetime) -> str:
    """ISO 8601 in Vietnam time, to the second: ``2026-03-05T14:07:09+07:00``."""
    return moment.astimezone(BUSINESS_TZ).replace(microsecond=0).isoformat()


def certificate_facts(certificate: x509.Certificate) -> dict[str, Any]:
    return _certificate_facts(certificate)


def field_box(data: bytes, name: str) -> appearance.Box | None:
    """The rectangle of a signature field's widget (to put the seal against the signer's
    image), or None."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        for field_name, _value, ref in fields.enumerate_sig_fields(reader):
            if field_name == name:
                rect = ref.get_object().get("/Rect")
                if rect is None:
                    kids = ref.get_object().get("/Kids") or []
                    rect = kids[0].get_object().get("/Rect") if kids else None
                if rect is None:
                    return None
                x1, y1, x2, y2 = (float(v) for v in rect)
                return (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
    except Exception:
        return None
    return None
