"""``python -m bench.signatures``: time per document to sign (the signer's PAdES signature
with its image, then the organisation's seal on top), with a PKCS#12 key and with a key on a
SoftHSM token, and time to verify a document carrying both signatures. A 3-page document and
a 1 MB one. Figures as JSON lines on stdout, progress on stderr.

Peer: the same signature without the revocation data (PAdES B-B instead of B-LT), which is
what most e-office products embed; the ratio shows what carrying the CRL costs.

No database: the signing engine and ``verify_pdf`` are measured on their own, with a fresh
test CA and the trust list pointing at it.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from functools import partial
from pathlib import Path

from bench._common import Report, log, time_ms

PASSWORD = "123456"  # noqa: S105 - the throw-away test CA's password
SIGN_TARGET_MS = 500.0
VERIFY_TARGET_MS = 500.0


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark of digital signatures")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    return parser.parse_args()


def main() -> None:
    args = _args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.utils import translation

    from egov.documents.testing import make_pdf
    from egov.signatures import appearance, engine, softhsm
    from egov.signatures.choices import KeyKind, Outcome
    from egov.signatures.testing_ca import make_test_pki
    from egov.signatures.verify import verify_pdf

    translation.activate("vi")
    repeat = 8 if args.quick else 40
    report = Report()
    workdir = Path(tempfile.mkdtemp(prefix="bench-signatures-"))
    pki = make_test_pki(workdir / "ca", password=PASSWORD)
    settings.EGOV_SIGNATURE_TRUST_ROOTS = [str(pki.files["root"])]
    settings.EGOV_SIGNATURE_INTERMEDIATES = [str(pki.files["intermediate"])]
    settings.EGOV_SIGNATURE_CRL_FILES = [str(pki.files["crl"])]
    settings.EGOV_SIGNATURE_FETCH_REVOCATION = False
    signature_png = appearance.sample_signature_png()
    seal_png = appearance.sample_seal_png()

    def source(role: str) -> engine.KeySource:
        return engine.KeySource(kind=KeyKind.PKCS12, pkcs12=pki.files[role].read_bytes())

    def sign(data: bytes, key: engine.KeySource, secret: str) -> bytes:
        box = appearance.signer_box(engine.page_size(data, -1))
        with engine.open_signer(key, secret) as signer:
            return engine.sign_pdf(
                data,
                signer=signer,
                field_name="NguoiKy",
                look=engine.Appearance(image=signature_png, box=box),
                reason="Ký ban hành",
                location="Bench",
            )

    def seal(data: bytes) -> bytes:
        box = appearance.seal_box(engine.field_box(data, "NguoiKy") or (0, 0, 100, 50))
        with engine.open_signer(source("organisation"), PASSWORD) as signer:
            return engine.sign_pdf(
                data,
                signer=signer,
                field_name="CoQuan",
                look=engine.Appearance(image=seal_png, box=box),
                reason="Ban hành",
                location="Bench",
            )

    documents = {
        "3_pages": make_pdf("Cong van ve viec tuyen dung", pages=3),
        # 1 MB: the bytes in one stream object, as a scanned page's image would be.
        "1mb": make_pdf("Van ban lon", padding=b"x" * (1 << 20)),
    }
    signer_key = source("signer")
    for label, document in documents.items():
        log(f"{label}: {len(document):,} bytes, {repeat} runs each")
        report.latency(
            f"sign_signer_pkcs12_{label}",
            time_ms(partial(sign, document, signer_key, PASSWORD), repeat=repeat),
            target=SIGN_TARGET_MS,
        )
        signed = sign(document, signer_key, PASSWORD)
        report.latency(
            f"seal_organisation_{label}",
            time_ms(partial(seal, signed), repeat=repeat),
            target=SIGN_TARGET_MS,
        )
        both = seal(signed)
        result = verify_pdf(both)
        if result.outcome != Outcome.VALID:
            raise SystemExit(f"the signed document does not verify: {result.as_json()}")
        report.latency(
            f"verify_two_signatures_{label}",
            time_ms(partial(verify_pdf, both), repeat=repeat),
            target=VERIFY_TARGET_MS,
        )

    # Peer: the same signature as PAdES B-B (no revocation data carried).
    document = documents["3_pages"]
    with_crl = time_ms(lambda: sign(document, signer_key, PASSWORD), repeat=repeat)
    settings.EGOV_SIGNATURE_CRL_FILES = []
    without_crl = time_ms(lambda: sign(document, signer_key, PASSWORD), repeat=repeat)
    settings.EGOV_SIGNATURE_CRL_FILES = [str(pki.files["crl"])]
    report.latency("sign_signer_bb_peer_3_pages", without_crl, target=None)
    from bench._common import percentile

    report.emit(
        "b_lt_over_b_b_ratio",
        percentile(with_crl, 0.5) / max(percentile(without_crl, 0.5), 0.001),
        "x",
        target=None,
    )

    if softhsm.available():
        token = softhsm.make_token(workdir / "softhsm", pki.signer)
        key = engine.KeySource(
            kind=KeyKind.PKCS11,
            module=token.module,
            token_label=token.label,
            key_label=token.key_label,
        )
        report.latency(
            "sign_signer_pkcs11_softhsm_3_pages",
            time_ms(lambda: sign(document, key, token.pin), repeat=repeat),
            target=SIGN_TARGET_MS,
        )
    else:
        log("softhsm2 missing: the PKCS#11 figure is left out")
    scans = ocr_figures(report, count=5 if args.quick else 20)
    report.summary(
        runs_per_figure=repeat, documents={k: len(v) for k, v in documents.items()}, scans=scans
    )


FIELDS = ("issuer_name", "code_number", "code_notation", "issued_date", "document_type", "subject")


def ocr_figures(report: Report, *, count: int) -> int:
    """OCR of generated 200 dpi scans (``egov.signatures.scans``): seconds per page and, per
    suggested field, the share of scans where it equals what the scan shows."""
    from egov.signatures import ocr
    from egov.signatures.scans import make_scans

    if not ocr.available():
        log("ocrmypdf or tesseract missing: the OCR figures are left out")
        return 0
    log(f"OCR: {count} generated scans at 200 dpi")
    right = dict.fromkeys(FIELDS, 0)
    seconds = []
    for truth, data in make_scans(count):
        result = ocr.run_ocr(data)
        seconds.append(1000 * result.seconds / result.pages)
        got = {name: s.value for name, s in result.suggestions.items()}
        expected = {
            "issuer_name": truth.issuer,
            "code_number": truth.number,
            "code_notation": truth.notation,
            "issued_date": truth.issued_date.isoformat(),
            "document_type": truth.type_name,
            "subject": truth.subject,
        }
        for name in FIELDS:
            if got.get(name, "").casefold() == expected[name].casefold():
                right[name] += 1
    report.latency("ocr_per_page", seconds, target=10_000)
    for name in FIELDS:
        report.emit(f"accuracy_{name}", 100 * right[name] / count, "%", target=90, better="higher")
    return count


if __name__ == "__main__":
    main()
