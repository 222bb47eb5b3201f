"""E-office demo data for the Department of Home Affairs (Sở Nội vụ): incoming documents in
every state of handling, drafts under review and issued documents, all made through the
actions, as the demo users would make them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model

from egov.documents.actions import handling, issuing, outgoing
from egov.documents.actions.handling import Instruction, Target
from egov.documents.actions.incoming import register_incoming
from egov.documents.actions.registers import grant_clearance
from egov.documents.choices import RecipientKind, Secrecy, Urgency
from egov.documents.models import DocumentType, IncomingDocument
from egov.documents.testing import make_pdf, upload
from egov.lib.dates import BUSINESS_TZ, local_today
from egov.organisations.models import OrgUnit, Person

MARKER_SUBJECT = "Về việc triển khai hệ thống quản lý văn bản và điều hành năm 2026"

#: (days ago, type code, issuer, number, notation, subject, urgency, channel)
INCOMING = [
    (
        1,
        "cong-van",
        "Ủy ban nhân dân tỉnh An Giang",
        "459",
        "UBND-TTTH",
        MARKER_SUBJECT,
        0,
        "exchange",
    ),
    (
        0,
        "cong-dien",
        "Ủy ban nhân dân tỉnh An Giang",
        "12",
        "CĐ-UBND",
        "Về việc chủ động ứng phó với bão số 9",
        Urgency.FLASH,
        "exchange",
    ),
    (
        3,
        "ke-hoach",
        "Bộ Nội vụ",
        "215",
        "KH-BNV",
        "Kế hoạch cải cách hành chính nhà nước giai đoạn 2026-2030",
        0,
        "exchange",
    ),
    (
        8,
        "quyet-dinh",
        "Ủy ban nhân dân tỉnh An Giang",
        "144",
        "2026/QĐ-UBND",
        "Quyết định ban hành quy chế công tác văn thư, lưu trữ",
        0,
        "electronic",
    ),
    (
        15,
        "giay-moi",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "88",
        "GM-VPUBND",
        "Mời dự họp giao ban công tác chuyển đổi số quý IV",
        Urgency.URGENT,
        "exchange",
    ),
    (
        32,
        "bao-cao",
        "Sở Tài chính",
        "301",
        "BC-STC",
        "Báo cáo tình hình thực hiện dự toán ngân sách 9 tháng",
        0,
        "paper",
    ),
    (
        45,
        "thong-bao",
        "Ủy ban nhân dân xã Định Mỹ",
        "20",
        "TB-UBND",
        "Thông báo kết quả tuyển dụng công chức cấp xã",
        0,
        "paper",
    ),
    (
        60,
        "cong-van",
        "Sở Tài chính",
        "1020",
        "STC-NS",
        "Về việc bố trí kinh phí đào tạo, bồi dưỡng cán bộ",
        0,
        "exchange",
    ),
]


def _user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def loaded() -> bool:
    return IncomingDocument.objects.filter(subject=MARKER_SUBJECT).exists()


def load(stdout: Any) -> None:
    from egov.documents.actions.catalogue import ensure_document_types

    ensure_document_types()
    snv = OrgUnit.objects.current().get(
        abbreviation="SNV", kind="agency", path__startswith=_province_path()
    )
    clerk, leader = _user("vanthu.snv"), _user("lanhdao.snv")
    specialist = _user("chuyenvien.snv")
    for user in (clerk, leader):
        grant_clearance(
            actor=None, user=user, unit=snv, level=Secrecy.TOP_SECRET, skip_access_check=True
        )
    now = dt.datetime.now(tz=BUSINESS_TZ).replace(hour=8, minute=30, second=0, microsecond=0)
    registered: dict[int, IncomingDocument] = {}
    # Register oldest first: arrival numbers follow arrival order.
    for index in sorted(range(len(INCOMING)), key=lambda i: -INCOMING[i][0]):
        days, code, issuer, number, notation, subject, urgency, channel = INCOMING[index]
        electronic = channel != "paper"
        registered[index] = register_incoming(
            actor=clerk,
            unit=snv,
            document_type=DocumentType.objects.get(code=code),
            subject=subject,
            issuer_name=issuer,
            code_number=number,
            code_notation=notation,
            issued_date=(now - dt.timedelta(days=days + 1)).date(),
            urgency=urgency,
            channel=channel,
            signer_name="Nguyễn Thanh Bình" if electronic else "",
            uploads=[
                upload(
                    f"{notation.replace('/', '-')}.pdf",
                    make_pdf(subject.encode("ascii", "ignore").decode() or "Van ban"),
                )
            ]
            if electronic
            else [],
            arrived_at=now - dt.timedelta(days=days),
        )
    docs = [registered[i] for i in range(len(INCOMING))]
    today = local_today()
    # Presented, waiting for the leader.
    for document in docs[:3]:
        handling.present(actor=clerk, document=document, leader=leader)
    # Given to the specialist: one in progress, one done, one for information only.
    for index, document in enumerate(docs[3:6]):
        presented = handling.present(actor=clerk, document=document, leader=leader)
        [lead] = handling.assign(
            actor=leader,
            parent=presented,
            instruction=Instruction(
                lead=Target(user=specialist),
                due_date=today + dt.timedelta(days=2 + 5 * index),
                text="Đề nghị chuyên viên tham mưu xử lý, báo cáo kết quả.",
            ),
        )
        if index == 0:
            handling.start(actor=specialist, assignment=lead)
        if index == 1:
            handling.finish(
                actor=specialist, assignment=lead, result="Đã tham mưu văn bản trả lời."
            )
    filed = handling.present(actor=clerk, document=docs[6], leader=leader)
    handling.finish(actor=leader, assignment=filed, result="Lưu tham khảo.")
    # Outgoing: one issued reply, one draft waiting for the leader's review.
    drafting = Person.objects.get(user=specialist).unit or snv
    reply = outgoing.create_draft(
        actor=specialist,
        drafting_unit=drafting,
        document_type=DocumentType.objects.get(code="cong-van"),
        subject="Về việc cử cán bộ tham gia tập huấn chuyển đổi số",
        uploads=[upload("du-thao-cong-van.pdf", make_pdf("Du thao cong van"))],
        in_reply_to=docs[4],
    )
    outgoing.submit_for_review(actor=specialist, document=reply, reviewers=[], signer=leader)
    outgoing.review(actor=leader, document=reply, decision="approved")
    issuing.issue(
        actor=clerk,
        document=reply,
        recipients=[
            issuing.RecipientSpec(kind=RecipientKind.INTERNAL, unit=_agency("VPUBND")),
            issuing.RecipientSpec(
                kind=RecipientKind.EMAIL,
                email="vanphong@angiang.gov.vn",
                name="Văn phòng UBND tỉnh",
            ),
        ],
    )
    pending = outgoing.create_draft(
        actor=specialist,
        drafting_unit=drafting,
        document_type=DocumentType.objects.get(code="ke-hoach"),
        subject="Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2027",
        uploads=[upload("du-thao-ke-hoach.pdf", make_pdf("Ke hoach dao tao boi duong 2027"))],
    )
    outgoing.submit_for_review(actor=specialist, document=pending, reviewers=[], signer=leader)
    stdout.write(f"  e-office: {len(docs)} incoming documents, 2 outgoing documents in Sở Nội vụ")


def _province_path() -> str:
    return str(
        OrgUnit.objects.current().filter(depth=1).order_by("path").values_list("path", flat=True)[0]
    )


def _agency(abbreviation: str) -> OrgUnit:
    unit: OrgUnit = (
        OrgUnit.objects.current().filter(abbreviation=abbreviation).order_by("path").first()
    )
    return unit
