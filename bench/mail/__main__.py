"""``python -m bench.mail``: official mail on the real Postfix, Dovecot and clamd.

Figures: provisioning mailboxes through the staff register (hire → mailbox → change applied
to the server tables; full scale 10,000), IMAP ingestion throughput from one agency mailbox
holding 5,000 messages with a PDF attachment each (read-only, BODY.PEEK, each scanned by
clamd and DKIM-checked), and “send by e-mail” of an issued document to the message being
readable in the recipient's IMAP mailbox (p95). Needs root (Postfix) and Debian's postfix,
dovecot and clamav-daemon packages. JSON lines on stdout, progress on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import smtplib
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._common import Report, fresh_database, log, percentile

FULL_MAILBOXES = 10_000
FULL_MESSAGES = 5_000
FULL_SENDS = 100
QUICK_SCALE = 0.03
PROVISION_TARGET_S = 600.0  # 10,000 mailboxes within ten minutes
INGEST_TARGET = 20.0  # messages per second
SEND_P95_TARGET_MS = 2000.0


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark of official mail")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--quick", action="store_true", help=f"scale {QUICK_SCALE}")
    parser.add_argument("--database", default="bench_mail")
    parser.add_argument(
        "--only", choices=["provision", "import"], help="one figure only (provisioning paths)"
    )
    args = parser.parse_args()
    if args.quick:
        args.scale = QUICK_SCALE
    return args


def _configure(stack: Any, scanner: Any, key_file: str) -> None:
    from django.conf import settings

    settings.EGOV_MAIL_REVIEW_CHANGES = False
    settings.EGOV_MAIL_SMTP_HOST = "127.0.0.1"
    settings.EGOV_MAIL_SMTP_PORT = stack.smtp_port
    settings.EGOV_MAIL_IMAP_HOST = "127.0.0.1"
    settings.EGOV_MAIL_IMAP_PORT = stack.imap_port
    settings.EGOV_MAIL_IMAP_MASTER_USER = stack.master_user
    settings.EGOV_MAIL_IMAP_MASTER_PASSWORD = stack.master_password
    settings.EGOV_MAIL_DKIM_KEY_FILE = key_file
    settings.EGOV_MAIL_CLAMD_SOCKET = scanner.socket


def provision(world: Any, report: Report, count: int) -> None:
    from egov.mail.models import VirtualUser
    from egov.organisations import actions as org_actions

    units = [world.home_affairs, world.civil_service_division, world.finance, world.commune]
    started = time.perf_counter()
    for n in range(count):
        org_actions.hire_person(
            actor=None,
            full_name=f"Nguyễn Văn Thử {n:05d}",
            unit=units[n % len(units)],
            effective_date=dt.date(2026, 3, 2),
            skip_access_check=True,
        )
        if n and n % 1000 == 0:
            log(f"  {n} mailboxes")
    seconds = time.perf_counter() - started
    assert VirtualUser.objects.count() >= count  # noqa: S101 - the server sees them all
    report.emit("provision_mailboxes", count, "mailboxes", better=None)
    report.emit(
        "provision_s",
        round(seconds, 1),
        "s",
        target=PROVISION_TARGET_S * count / FULL_MAILBOXES,
        better="lower",
    )
    report.emit("provision_per_mailbox_ms", round(1000 * seconds / count, 2), "ms", better="lower")


def provision_by_import(world: Any, report: Report, count: int) -> None:
    """The same number of officials in one staff file (``import_staff``: every row checked,
    then one transaction; the mailboxes provisioned together at its end)."""
    from egov.mail.models import Mailbox
    from egov.organisations.importing import import_staff
    from egov.organisations.importing.testing import STAFF_HEADERS, xlsx_upload

    units = ["000.00.02.H01", "000.00.03.H01", "H01.151"]
    rows = [STAFF_HEADERS] + [
        [f"Trần Thị Nhập {n:05d}", f"NH{n:05d}", "", "", units[n % 3], "", "", "", "", ""]
        for n in range(count)
    ]
    upload = xlsx_upload(rows)
    before = Mailbox.objects.count()
    started = time.perf_counter()
    result = import_staff(actor=world.admin, file=upload)
    seconds = time.perf_counter() - started
    assert result.ok and Mailbox.objects.count() - before == count, result.errors[:3]  # noqa: S101
    report.emit("import_provision_mailboxes", count, "mailboxes", better=None)
    report.emit(
        "import_provision_s",
        round(seconds, 1),
        "s",
        target=PROVISION_TARGET_S * count / FULL_MAILBOXES,
        better="lower",
    )


def ingestion(world: Any, stack: Any, report: Report, count: int) -> None:
    from egov.documents.testing import make_pdf
    from egov.mail.actions import ingest
    from egov.mail.testing import agency_mailbox, message

    box = agency_mailbox(world.home_affairs, "vanthu.bench")
    pdf = make_pdf("Cong van thu nghiem", pages=2)
    log(f"delivering {count} messages with a PDF each over LMTP")
    with smtplib.LMTP("127.0.0.1", stack.lmtp_port) as lmtp:
        for n in range(count):
            _id, raw = message(
                sender=f"vanthu{n % 50}@so{n % 7}.dongthap.gov.vn",
                to=box.address,
                subject=f"Công văn số {n}/STC",
                attachments=[(f"cv-{n}.pdf", "application/pdf", pdf)],
            )
            lmtp.sendmail(f"vanthu{n % 50}@so{n % 7}.dongthap.gov.vn", [box.address], raw)
    started = time.perf_counter()
    result = ingest.ingest_mailbox(box)
    seconds = time.perf_counter() - started
    assert result.imported == count, result  # noqa: S101
    report.emit("ingest_messages", count, "messages", better=None)
    report.emit(
        "ingest_rate",
        round(count / seconds, 1),
        "messages/s",
        target=INGEST_TARGET,
        better="higher",
    )


def _issued_document(world: Any) -> Any:
    """An issued invitation with a signed-PDF-sized file, made directly (the e-office's own
    bench measures issuing)."""
    import io

    from egov.documents.actions.files import Upload, check_uploads, store
    from egov.documents.models import Attachment, DocumentType, OutgoingDocument
    from egov.documents.testing import make_pdf

    data = make_pdf("Giay moi hop", pages=3)
    upload = Upload(stream=io.BytesIO(data), name="giay-moi.pdf", size=len(data))
    stored = store(upload, check_uploads([upload])[0], actor=None)
    document = OutgoingDocument.objects.create(
        unit=world.home_affairs,
        drafting_unit=world.home_affairs,
        drafter=world.clerk,
        document_type=DocumentType.objects.get(code="giay-moi"),
        subject="Mời dự họp giao ban",
        status="issued",
        code_number="1",
        code_notation="GM-SNV",
        issued_at=dt.datetime.now(dt.UTC),
    )
    Attachment.objects.create(file=stored, name="giay-moi.pdf", is_main=True, outgoing=document)
    return document


def send_latency(world: Any, stack: Any, report: Report, count: int) -> None:
    from egov.mail.actions import sending
    from egov.mail.testing import agency_mailbox, imap_as

    agency_mailbox(world.home_affairs, "snv")  # the agency sends from its own mailbox
    target = agency_mailbox(world.finance, "stc.bench")
    document = _issued_document(world)
    client = imap_as(stack, target.address)
    samples: list[float] = []
    for _n in range(count):
        started = time.perf_counter()
        sent = sending.send_document_by_mail(
            actor=None, document=document, addresses=[target.address], skip_access_check=True
        )
        while True:
            client.select("INBOX", readonly=True)
            _status, data = client.uid("SEARCH", "HEADER", "Message-ID", sent.message_id)
            if data and data[0]:
                break
            time.sleep(0.005)
        samples.append(1000 * (time.perf_counter() - started))
    client.logout()
    report.emit("send_to_imap_count", count, "messages", better=None)
    report.emit("send_to_imap_p50_ms", round(percentile(samples, 0.5), 1), "ms", better="lower")
    report.emit(
        "send_to_imap_p95_ms",
        round(percentile(samples, 0.95), 1),
        "ms",
        target=SEND_P95_TARGET_MS,
        better="lower",
    )


def main() -> None:
    args = _args()
    load_before = os.getloadavg()
    log(f"preparing database {args.database} (scale {args.scale})")
    report = Report()
    fresh_database(args.database)
    from django.db import connection

    from egov.mail import harness
    from egov.mail.dkim import new_private_key_pem
    from egov.organisations.testing import build_world

    stack = harness.start(dict(connection.settings_dict))
    scanner = harness.start_clamd()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            key = Path(tmp) / "dkim.pem"
            key.write_bytes(new_private_key_pem())
            _configure(stack, scanner, str(key))
            world = build_world()
            mailboxes = max(20, round(FULL_MAILBOXES * args.scale))
            if args.only != "import":
                provision(world, report, mailboxes)
            if args.only != "provision":
                provision_by_import(world, report, mailboxes)
            if not args.only:
                ingestion(world, stack, report, max(20, round(FULL_MESSAGES * args.scale)))
                sends = max(10, round(FULL_SENDS * min(1.0, args.scale * 3)))
                send_latency(world, stack, report, sends)
    finally:
        scanner.stop()
        stack.stop()
    report.summary(
        benchmark="mail",
        scale=args.scale,
        database=args.database,
        cpus=os.cpu_count(),
        load_average_before=[round(v, 2) for v in load_before],
        load_average_after=[round(v, 2) for v in os.getloadavg()],
        note="machine shared with four other agents; load average is the whole machine's",
    )


if __name__ == "__main__":
    main()
