"""``python -m bench.records``: export time of a 500-document case file (PDF with its table
of contents and watermark, the hand-over package, the XML metadata) and the time to print a
busy agency's incoming register for a year (PDF and XLSX). Figures as JSON lines on stdout,
progress on stderr; the database ``bench_records`` is dropped and filled by the run.

Full scale: 500 documents of 2 pages in the file, 20,000 incoming documents in the year (a
provincial department's volume); ``--quick``: 100 and 2,000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import tempfile
import time
from typing import Any

from bench._common import Report, fresh_database, log

FILE_DOCUMENTS = 500
YEAR_DOCUMENTS = 20_000
FILE_PDF_TARGET_S = 30.0
SIP_TARGET_S = 30.0
REGISTER_PDF_TARGET_S = 120.0


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark of case files and registers")
    parser.add_argument("--quick", action="store_true", help="100-document file, 2,000 a year")
    parser.add_argument("--database", default="bench_records")
    return parser.parse_args()


def _timed(operation: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = operation()
    return time.perf_counter() - started, result


def build_file(office: Any, count: int) -> Any:
    """A closed-to-be file of ``count`` incoming documents, each with its own 2-page PDF."""
    from egov.records.actions import files
    from egov.records.testing import received

    case_file = files.open_case_file(
        actor=office.clerk,
        unit=office.home_affairs,
        code="01.BENCH",
        title="Hồ sơ thử tải: tổ chức bộ máy và biên chế năm 2026",
        owner=office.clerk,
        retention_years=None,
    )
    for n in range(count):
        document = received(
            office,
            f"Văn bản số {n + 1} về việc sắp xếp tổ chức bộ máy, tinh giản biên chế",
            text=f"Van ban so {n + 1} " + "x" * (n % 7),
            pages=2,
            issued_date=dt.date(2026, 1, 1) + dt.timedelta(days=n % 300),
        )
        files.add_document(actor=office.clerk, case_file=case_file, incoming=document)
        if n and n % 100 == 0:
            log(f"file: {n} documents")
    return case_file


def fill_year(office: Any, count: int, year: int) -> None:
    """``count`` incoming documents over ``year`` in the agency's register (bulk insert
    after one through the action, which opens the register)."""
    from django.utils import timezone

    from egov.documents.models import IncomingDocument
    from egov.documents.testing import doc_type
    from egov.lib.dates import BUSINESS_TZ
    from egov.records.testing import received

    first = received(office, "Văn bản đầu năm", with_file=False)
    base = first.arrival_number
    kind = doc_type("cong-van")
    start = dt.datetime(year, 1, 2, 8, tzinfo=BUSINESS_TZ)
    issuers = ["Ủy ban nhân dân tỉnh An Giang", "Bộ Nội vụ", "Sở Tài chính", "Văn phòng Chính phủ"]
    rows = []
    for n in range(count):
        arrived = start + dt.timedelta(minutes=int(n * 360 * 24 * 60 / count))
        rows.append(
            IncomingDocument(
                unit=office.home_affairs,
                register_id=first.register_id,
                year=first.year,
                arrival_number=base + n + 1,
                arrived_at=arrived,
                channel="electronic",
                issuer_name=issuers[n % len(issuers)],
                document_type=kind,
                code_number=str(n + 1),
                code_notation="UBND-TH",
                issued_date=arrived.date(),
                subject=f"Về việc triển khai nhiệm vụ số {n + 1} về chuyển đổi số, cải cách "
                "hành chính",
                created_at=timezone.now(),
            )
        )
    IncomingDocument.objects.bulk_create(rows, batch_size=2000)


def main() -> None:
    args = _args()
    file_documents = 100 if args.quick else FILE_DOCUMENTS
    year_documents = 2_000 if args.quick else YEAR_DOCUMENTS
    report = Report()
    log(f"database {args.database}: creating and migrating")
    fresh_database(args.database)

    from django.conf import settings
    from pypdf import PdfReader

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="bench-records-")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from egov.documents.testing import build_office
    from egov.organisations.testing import build_world
    from egov.records.exports.casefile import file_pdf, file_xml
    from egov.records.exports.render import Watermark
    from egov.records.exports.sheets import sheet_pdf, sheet_xlsx
    from egov.records.exports.sip import build_package
    from egov.records.reports import build

    office = build_office(build_world())
    log(f"building a file of {file_documents} documents")
    seconds, case_file = _timed(lambda: build_file(office, file_documents))
    report.emit("file_build_s", seconds, "s", better=None)
    mark = Watermark.for_user(office.clerk)

    file_pdf(case_file, office.clerk, mark)  # warm-up: fonts, Pango
    seconds, data = _timed(lambda: file_pdf(case_file, office.clerk, mark))
    pages = len(PdfReader(io.BytesIO(data)).pages)
    report.emit(f"file_pdf_{file_documents}_docs_s", seconds, "s", target=FILE_PDF_TARGET_S)
    report.emit("file_pdf_pages", pages, "pages", better=None)
    report.emit("file_pdf_mb", len(data) / 1048576, "MB", better=None)
    seconds, _data = _timed(lambda: file_pdf(case_file, office.clerk, None))
    report.emit(f"file_pdf_{file_documents}_docs_unstamped_s", seconds, "s", better=None)
    seconds, package = _timed(lambda: build_package(case_file, actor_name="Bench"))
    report.emit(f"sip_{file_documents}_docs_s", seconds, "s", target=SIP_TARGET_S)
    report.emit("sip_mb", len(package.data) / 1048576, "MB", better=None)
    seconds, _xml = _timed(lambda: file_xml(case_file, office.clerk))
    report.emit(f"xml_{file_documents}_docs_ms", seconds * 1000, "ms", better=None)

    log(f"filling a year of {year_documents} incoming documents")
    fill_year(office, year_documents, 2026)
    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    seconds, sheet = _timed(lambda: build("incoming", office.home_affairs, start, end))
    report.emit(f"register_query_{year_documents}_s", seconds, "s", better=None)
    seconds, data = _timed(lambda: sheet_pdf(sheet, mark))
    pages = len(PdfReader(io.BytesIO(data)).pages)
    report.emit(f"register_pdf_{year_documents}_docs_s", seconds, "s", target=REGISTER_PDF_TARGET_S)
    report.emit("register_pdf_pages", pages, "pages", better=None)
    seconds, _data = _timed(lambda: sheet_xlsx(sheet, mark))
    report.emit(f"register_xlsx_{year_documents}_docs_s", seconds, "s", better=None)
    report.summary(file_documents=file_documents, year_documents=year_documents)


if __name__ == "__main__":
    main()
