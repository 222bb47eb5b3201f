"""Exchange demo data: two documents that arrived through the hub for Sở Nội vụ, waiting for
its clerk (vanthu.snv) under "Văn bản điện tử đến"; one from the Government Office, one
urgent from the Ministry of Home Affairs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from egov.documents.testing import make_pdf
from egov.exchange import edxml
from egov.exchange.actions import inbox
from egov.exchange.models import InboxMessage
from egov.exchange.packages import seal
from egov.organisations.models import OrgUnit

_SENDERS = (
    (
        edxml.Organization(organ_id="000.00.00.G22", organ_name="Văn phòng Chính phủ"),
        "7816/VPCP-TCCV",
        "Về việc triển khai Nghị định về tuyển dụng, sử dụng và quản lý công chức",
        "Van ban de nghi trien khai nghi dinh tuyen dung cong chuc",
        edxml.Priority.NORMAL,
    ),
    (
        edxml.Organization(organ_id="000.00.00.G09", organ_name="Bộ Nội vụ"),
        "512/BNV-CQĐP",
        "Về việc báo cáo số lượng cán bộ, công chức cấp xã sau sắp xếp",
        "Bao cao so luong can bo cong chuc cap xa",
        edxml.Priority.URGENT,
    ),
)


def _home_affairs() -> OrgUnit | None:
    """Sở Nội vụ of the demo province (the first root of the tree), as the e-office demo."""
    root = OrgUnit.objects.current().filter(depth=1).order_by("path").first()
    if root is None:
        return None
    unit: OrgUnit | None = (
        OrgUnit.objects.current()
        .filter(abbreviation="SNV", kind="agency", path__startswith=root.path)
        .exclude(organ_code="")
        .first()
    )
    return unit


def loaded() -> bool:
    return InboxMessage.objects.filter(from_code__in=[s[0].organ_id for s in _SENDERS]).exists()


def load(stdout: Any) -> None:
    unit = _home_affairs()
    if unit is None:
        return
    today = timezone.localdate()
    for sender, code, subject, text, priority in _SENDERS:
        number, notation = code.split("/")
        package = edxml.EdocPackage(
            message_header=edxml.MessageHeader(
                from_=sender,
                to=(edxml.Organization(organ_id=unit.organ_code, organ_name=unit.name),),
                document_id=f"{sender.organ_id},{today - dt.timedelta(days=1):%Y/%m/%d},{code}",
                code=edxml.Code(number, notation),
                subject=subject,
                promulgation_info=edxml.PromulgationInfo(
                    place="Hà Nội", promulgation_date=today - dt.timedelta(days=1)
                ),
                document_type=edxml.DocumentType(type=1, type_name="Công văn"),
                signer_info=edxml.SignerInfo(position="Thứ trưởng", full_name="Nguyễn Văn Ký"),
                other_info=edxml.OtherInfo(priority=priority, page_amount=1),
            ),
            trace_header_list=edxml.TraceHeaderList(
                trace_headers=(
                    edxml.TraceHeader(organ_id=sender.organ_id, timestamp=timezone.now()),
                )
            ),
            attachments=(
                edxml.Attachment(
                    attachment_name=f"{number}.pdf",
                    content=make_pdf(text),
                    content_type="application/pdf",
                ),
            ),
        )
        inbox.accept(seal(edxml.build_edoc(package)).body)
    stdout.write("Liên thông: 2 văn bản điện tử chờ vanthu.snv tiếp nhận.\n")
