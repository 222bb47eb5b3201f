"""Mail demo data, made without a running mail server: Sở Nội vụ's official mailbox and its
clerk's and leader's mailboxes applied to the server tables, and mail as the worker would
have read it: a document waiting for the clerk, citizens' messages (one answered), an old
client's TCVN3 subject, a forged sender, an import that failed because the antivirus was not
running (the demo has none), and a document sent by mail. Raw messages are kept like real
ones; the one waiting document is recorded directly (in production only a clean clamd scan
lets mail with attachments through)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from egov.documents.testing import make_pdf
from egov.mail import actions
from egov.mail.actions import ingest
from egov.mail.choices import (
    DkimResult,
    InboundKind,
    InboundState,
    MailboxKind,
    MailboxState,
    OutboundKind,
)
from egov.mail.inbound.parse import parse
from egov.mail.models import InboundMail, Mailbox, MailboxChange, OutboundMail
from egov.mail.testing import message
from egov.organisations.models import OrgUnit

LOCAL_PART = "snv"


def _home_affairs() -> OrgUnit | None:
    root = OrgUnit.objects.current().filter(depth=1).order_by("path").first()
    if root is None:
        return None
    unit: OrgUnit | None = (
        OrgUnit.objects.current()
        .filter(abbreviation="SNV", kind="agency", path__startswith=root.path)
        .first()
    )
    return unit


def loaded() -> bool:
    return InboundMail.objects.filter(mailbox__local_part=LOCAL_PART).exists()


def _agency_mailbox(unit: OrgUnit) -> Mailbox:
    box = Mailbox.objects.filter(kind=MailboxKind.SHARED, unit=unit).first()
    if box is None:
        actions.provision_shared_mailbox(
            actor=None, unit=unit, local_part=LOCAL_PART, skip_access_check=True
        )
        box = Mailbox.objects.get(local_part=LOCAL_PART)
    # Apply the pending changes of the agency's own mailboxes (the rest wait for review).
    for change in (
        MailboxChange.objects.pending()
        .filter(Q(mailbox=box) | Q(mailbox__unit=unit, mailbox__kind=MailboxKind.PERSONAL))
        .order_by("pk")[:20]
    ):
        actions.approve_change(actor=None, change=change, skip_access_check=True)
    box.refresh_from_db()
    return box


def _import(box: Mailbox, uid: int, raw: bytes, when: dt.datetime) -> InboundMail | None:
    return ingest.import_message(
        mailbox=box, folder="INBOX", uidvalidity=1, uid=uid, internal_date=when, raw=raw
    )


def load(stdout: Any) -> None:
    unit = _home_affairs()
    if unit is None:
        return
    box = _agency_mailbox(unit)
    if box.state != MailboxState.ACTIVE:
        return
    now = timezone.now()
    scanner = settings.EGOV_MAIL_CLAMD_SOCKET
    settings.EGOV_MAIL_CLAMD_SOCKET = ""  # the demo runs no antivirus
    try:
        _load_messages(box, now)
    finally:
        settings.EGOV_MAIL_CLAMD_SOCKET = scanner
    stdout.write(f"mail: demo messages in {box.address}\n")


def _load_messages(box: Mailbox, now: dt.datetime) -> None:
    pdf = make_pdf("Cong van 245/STC-NS ve quyet toan ngan sach", pages=2)
    _id, citizen = message(
        sender="Nguyễn Văn An <an.nguyen@gmail.com>",
        to=box.address,
        subject="Hỏi về hồ sơ thi tuyển công chức năm 2026",
        body="Kính gửi Sở Nội vụ,\nTôi muốn hỏi hồ sơ dự thi gồm những giấy tờ gì?\nXin cảm ơn.",
    )
    _id, answered = message(
        sender="Lê Thị Hoa <hoa.le@yahoo.com>",
        to=box.address,
        subject="Xin lịch tiếp công dân tháng này",
        body="Xin cho biết lịch tiếp công dân của Sở trong tháng.",
    )
    _id, legacy = message(
        sender="vanthu@ubnd.chauphu.angiang.gov.vn",
        to=box.address,
        raw_subject="=?x-viet-tcvn3?Q?Gi=CAy_m=EAi_h=E4p_giao_ban?=",
        body="Kính mời đại diện Sở dự họp giao ban.",
    )
    _id, forged = message(
        sender="Giám đốc Sở <giamdoc@angiang.gov.vn>",
        to=box.address,
        subject="Chuyển khoản gấp trong hôm nay",
        body="Em chuyển giúp anh khoản này nhé.",
    )
    _id, with_file = message(
        sender="Sở Tài chính <vanthu@stc.dongthap.gov.vn>",
        to=box.address,
        subject="Công văn 245/STC-NS về quyết toán ngân sách năm 2025",
        attachments=[("cv-245-stc.pdf", "application/pdf", pdf)],
    )
    hours = dt.timedelta(hours=1)
    for uid, raw, age in ((1, citizen, 30), (2, answered, 50), (3, legacy, 20), (4, forged, 5)):
        _import(box, uid, raw, now - age * hours)
    _import(box, 5, with_file, now - 2 * hours)  # no antivirus here: a failed import
    _waiting_document(box, now - 26 * hours, pdf)
    _sent_document(box, now - 3 * hours)
    hoa = InboundMail.objects.filter(mailbox=box, from_address="hoa.le@yahoo.com").first()
    if hoa is not None:
        _answer(box, hoa, hoa.internal_date + 6 * hours)


def _waiting_document(box: Mailbox, when: dt.datetime, pdf: bytes) -> None:
    _id, raw = message(
        sender="Văn phòng UBND tỉnh <vanthu@vpubnd.angiang.gov.vn>",
        to=box.address,
        subject="Công văn 1024/VP-TH về báo cáo sử dụng thư điện tử công vụ",
        attachments=[("cv-1024-vp.pdf", "application/pdf", pdf)],
    )
    parsed = parse(raw)
    path, sha = ingest.keep_raw(raw)
    InboundMail.objects.create(
        mailbox=box,
        folder="INBOX",
        uidvalidity=1,
        uid=6,
        message_id=parsed.message_id,
        internal_date=when,
        header_date=parsed.header_date,
        from_address=parsed.from_address,
        from_name=parsed.from_name,
        subject=parsed.subject,
        body_text=parsed.body_text,
        kind=InboundKind.DOCUMENT,
        state=InboundState.WAITING,
        dkim=DkimResult.NONE,
        flags=parsed.flags,
        attachments=[a.summary() for a in parsed.attachments],
        raw=path,
        raw_sha256=sha,
        size=len(raw),
    )


def _answer(box: Mailbox, inbound: InboundMail, at: dt.datetime) -> None:
    OutboundMail.objects.create(
        kind=OutboundKind.ANSWER,
        message_id=f"<demo-answer-{inbound.pk}@{settings.EGOV_MAIL_DOMAIN}>",
        unit=box.unit,
        from_address=box.address,
        to_addresses=[inbound.from_address],
        subject=f"Re: {inbound.subject}"[:500],
        answers=inbound,
        sent_at=at,
        accepted=True,
    )
    inbound.answered_at = at
    inbound.state = InboundState.ANSWERED
    inbound.save(update_fields=["answered_at", "state"])


def _sent_document(box: Mailbox, at: dt.datetime) -> None:
    """The demo's issued document, as if the clerk had mailed it to two agencies."""
    from egov.documents.models import OutgoingDocument

    document = OutgoingDocument.objects.filter(unit=box.unit, status="issued").first()
    if document is None or document.is_secret:
        return
    OutboundMail.objects.create(
        kind=OutboundKind.DOCUMENT,
        message_id=f"<demo-vb{document.pk}@{settings.EGOV_MAIL_DOMAIN}>",
        unit=box.unit,
        from_address=box.address,
        to_addresses=["vanthu@stc.angiang.gov.vn", "vanthu@sokhdt.angiang.gov.vn"],
        subject=f"[{document.number_and_notation}] {document.subject}"[:500],
        outgoing_document=document,
        attachment_names=["van-ban.pdf"],
        sent_at=at,
        accepted=True,
    )
