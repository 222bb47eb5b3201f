"""Packages for the codec tests: one fixed, valid package and a seeded generator of many."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from egov.exchange.edxml import (
    Attachment,
    Bussiness,
    BussinessDocumentInfo,
    Code,
    DocumentType,
    EdocPackage,
    MessageHeader,
    Organization,
    OtherInfo,
    PromulgationInfo,
    Receiver,
    ReplacementInfo,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    StatusMessage,
    TraceHeader,
    TraceHeaderList,
)
from egov.exchange.edxml.constants import MAX_LENGTH, VIETNAM_TZ
from egov.exchange.edxml.limits import DEFAULT_CONTENT_TYPES

#: "Now" for every test: date checks must not depend on the day the suite runs.
NOW = datetime(2026, 11, 30, 9, 30, tzinfo=VIETNAM_TZ)

SENDER = Organization(
    organ_id="000.00.00.H41",
    organ_name="Ủy ban nhân dân tỉnh Nghệ An",
    organ_add="Số 3 đường Trường Thi, thành phố Vinh, Nghệ An",
    email="vanthu@nghean.gov.vn",
    telephone="0238 3844 555",
)
RECIPIENT = Organization(organ_id="H41.12", organ_name="Sở Nội vụ tỉnh Nghệ An")
SECOND_RECIPIENT = Organization(organ_id="G09.01", organ_name="Vụ Chính quyền địa phương")


def make_package(**header_changes: Any) -> EdocPackage:
    """A small valid package; keyword arguments replace fields of its message header."""
    header = MessageHeader(
        from_=SENDER,
        to=(RECIPIENT,),
        document_id="000.00.00.H41,2026/11/28,459/UBND-TTTH",
        code=Code(code_number="459", code_notation="UBND-TTTH"),
        subject="V/v triển khai kế hoạch chuyển đổi số năm 2027",
        promulgation_info=PromulgationInfo(place="Nghệ An", promulgation_date=date(2026, 11, 28)),
        document_type=DocumentType(type=1, type_name="Công văn"),
        content="Đề nghị các sở, ban, ngành triển khai kế hoạch.",
        signer_info=SignerInfo(
            competence="KT. CHỦ TỊCH", position="Phó Chủ tịch", full_name="Lê Văn A"
        ),
        due_date=date(2026, 12, 15),
        to_places=("Như trên", "Lưu: VT, TTTH"),
        other_info=OtherInfo(priority=1, promulgation_amount=3, page_amount=2),
        steering_type=1,
    )
    return EdocPackage(
        message_header=replace(header, **header_changes),
        trace_header_list=TraceHeaderList(
            trace_headers=(
                TraceHeader(organ_id="000.00.00.H41", timestamp=NOW - timedelta(minutes=5)),
            ),
            bussiness=Bussiness(
                bussiness_doc_type=0,
                document_id="000.00.00.H41,2026/11/28,459/UBND-TTTH",
                staff_info=StaffInfo(department="Văn phòng", staff="Nguyễn Thị B"),
            ),
        ),
        attachments=(
            Attachment(
                attachment_name="459-UBND-TTTH.pdf",
                content=b"%PDF-1.7\n% test\n",
                content_type="application/pdf",
                description="Văn bản chính",
                content_id="cid:1",
            ),
        ),
    )


def make_status(**changes: Any) -> StatusMessage:
    message = StatusMessage(
        response_for=ResponseFor(
            organ_id="000.00.00.H41",
            code="459/UBND-TTTH",
            promulgation_date=date(2026, 11, 28),
            document_id="000.00.00.H41,2026/11/28,459/UBND-TTTH",
        ),
        from_=RECIPIENT,
        status_code="01",
        timestamp=NOW - timedelta(minutes=1),
        description="Đã nhận văn bản",
        staff_info=StaffInfo(department="Văn thư", staff="Trần Văn C", mobile="0912000001"),
    )
    return replace(message, **changes)


# Seeded generator ---------------------------------------------------------------------------

_WORDS = (
    "Ủy ban nhân dân",
    "tỉnh",
    "Nghệ An",
    "về việc",
    "triển khai",
    "kế hoạch",
    "năm 2027",
    "Hòa Tiến",
    "Hoà Vang",
    "Thanh Hóa",
    "Sở Nội vụ",
    "quyết định",
    "chỉ thị",
    "đường",
    "Đắk Lắk",
    "Quảng Ngãi",
    "bảo đảm",
    "an toàn",
    "thông tin",
    "số 12/QĐ-UBND",
    "&",
    "<b>",
    '"trích yếu"',
    "'nháy'",
    "—",
    "…",
    "%",
    "§ 3",
    "ngày 01/01",
    "Bà Rịa – Vũng Tàu",
)
_LETTERS = "ABCDEFGHIJK"


def _text(rng: random.Random, limit: int, *, words: int = 8, multiline: bool = False) -> str:
    parts = [rng.choice(_WORDS) for _ in range(rng.randint(1, words))]
    separator = rng.choice(["\n", "\r\n", "\t"]) if multiline and rng.random() < 0.3 else " "
    text = separator.join(parts)
    if rng.random() < 0.2:
        text = unicodedata.normalize("NFD", text)  # decomposed Vietnamese travels too
    return text[:limit].strip() or "x"


def _maybe(rng: random.Random, value: str) -> str:
    return value if rng.random() < 0.7 else ""


def _organ_code(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return (
            f"{rng.randint(0, 999):03d}.{rng.randint(0, 99):02d}.{rng.randint(0, 99):02d}."
            f"{rng.choice(_LETTERS)}{rng.randint(0, 99):02d}"
        )
    levels = "".join(f".{rng.randint(1, 999)}" for _ in range(rng.randint(0, 3)))
    return f"{rng.choice(_LETTERS)}{rng.randint(1, 63):02d}{levels}"


def _organization(rng: random.Random, organ_id: str) -> Organization:
    return Organization(
        organ_id=organ_id,
        organ_name=_maybe(rng, _text(rng, MAX_LENGTH["OrganName"])),
        organization_in_charge=_maybe(rng, _text(rng, MAX_LENGTH["OrganizationInCharge"])),
        organ_add=_maybe(rng, _text(rng, MAX_LENGTH["OrganAdd"])),
        email=_maybe(rng, f"vt{rng.randint(1, 99)}@{rng.choice(['nghean', 'hue'])}.gov.vn"),
        telephone=_maybe(rng, f"0{rng.randint(200, 299)} {rng.randint(1000000, 9999999)}"),
        fax=_maybe(rng, f"0{rng.randint(200, 299)}{rng.randint(1000000, 9999999)}"),
        website=_maybe(rng, "https://nghean.gov.vn"),
    )


def _day(rng: random.Random, *, before: date) -> date:
    return before - timedelta(days=rng.randint(0, 400))


def _bussiness(rng: random.Random, document_id: str) -> Bussiness:
    kind = rng.randint(0, 3)
    staff = (
        StaffInfo(
            department=_maybe(rng, "Văn phòng"),
            staff=_maybe(rng, "Nguyễn Thị Ngọc Trâm"),
            mobile=_maybe(rng, "84912000001"),
            email=_maybe(rng, "vanthu@nghean.gov.vn"),
        )
        if rng.random() < 0.7
        else None
    )
    info = None
    replacements: tuple[ReplacementInfo, ...] = ()
    if kind == 2 or (kind == 0 and rng.random() < 0.1):
        info = BussinessDocumentInfo(
            document_info=_maybe(rng, "1"),
            document_receiver=_maybe(rng, "1"),
            receiver_list=tuple(
                Receiver(receiver_type=rng.randint(0, 1), organ_id=_organ_code(rng))
                for _ in range(rng.randint(0, 3))
            ),
        )
    if kind == 3:
        replacements = tuple(
            ReplacementInfo(
                document_id=f"{_organ_code(rng)},2026/01/0{i + 1},{i + 10}/QĐ-UBND",
                organ_id_list=tuple(_organ_code(rng) for _ in range(rng.randint(0, 2))),
            )
            for i in range(rng.randint(1, 2))
        )
    return Bussiness(
        bussiness_doc_type=kind,
        bussiness_doc_reason=_text(rng, 200) if kind else _maybe(rng, "Văn bản điện tử mới"),
        document_id=document_id if kind == 0 else f"{_organ_code(rng)},2026/01/02,7/UBND-VP",
        paper=rng.random() < 0.5,
        staff_info=staff,
        bussiness_document_info=info,
        replacement_info_list=replacements,
    )


def _file_stem(rng: random.Random) -> str:
    return _text(rng, 60, words=3).replace("/", "-").replace("\\", "-")


def _attachment(rng: random.Random, index: int) -> Attachment:
    size = rng.choice([0, 1, 2, 3, 57, 1024, rng.randint(0, 20_000)])
    return Attachment(
        attachment_name=f"{_file_stem(rng)} {index}.{rng.choice(['pdf', 'docx', 'zip'])}",
        content=rng.randbytes(size),
        content_type=rng.choice(sorted(DEFAULT_CONTENT_TYPES)),
        description=_maybe(rng, _text(rng, 300)),
        content_id=f"cid:{rng.getrandbits(64):016x}-{index}",
    )


def random_package(rng: random.Random, *, attachments: int | None = None) -> EdocPackage:
    """A valid package with a random mix of present and absent optional fields."""
    today = NOW.date()
    issued = _day(rng, before=today) if rng.random() < 0.9 else None
    sender = _organization(rng, _organ_code(rng))
    recipients: dict[str, Organization] = {}
    wanted = rng.randint(1, 4)
    while len(recipients) < wanted:
        code = _organ_code(rng)
        recipients[code] = _organization(rng, code)
    number = str(rng.randint(1, 9999))
    notation = rng.choice(["UBND-TTTH", "QĐ-UBND", "SNV-CCVC", "KH-SKHĐT"])
    document_id = f"{sender.organ_id},{(issued or today):%Y/%m/%d},{number}/{notation}"
    count = rng.randint(0, 3) if attachments is None else attachments
    header = MessageHeader(
        from_=sender,
        to=tuple(recipients.values()),
        document_id=document_id,
        code=Code(code_number=number, code_notation=notation),
        subject=_text(rng, MAX_LENGTH["Subject"], words=20, multiline=True),
        promulgation_info=PromulgationInfo(
            place=_maybe(rng, _text(rng, MAX_LENGTH["Place"], words=2)),
            promulgation_date=issued,
        ),
        document_type=DocumentType(
            type=rng.randint(1, 2),
            type_detail=rng.choice([None, 0, 3]),
            type_name=_maybe(rng, rng.choice(["Công văn", "Quyết định", "Thông báo", "Kế hoạch"])),
        ),
        content=_maybe(rng, _text(rng, MAX_LENGTH["Content"], words=30, multiline=True)),
        signer_info=SignerInfo(
            competence=_maybe(rng, rng.choice(["KT. CHỦ TỊCH", "TL. GIÁM ĐỐC", "TM. UBND"])),
            position=_maybe(rng, "Phó Chủ tịch"),
            full_name=_maybe(rng, "Trương Minh Tuấn"),
        ),
        due_date=(issued or today) + timedelta(days=rng.randint(0, 60))
        if rng.random() < 0.6
        else None,
        to_places=tuple(
            _text(rng, MAX_LENGTH["ToPlace"], words=4) for _ in range(rng.randint(0, 3))
        ),
        other_info=OtherInfo(
            priority=rng.randint(0, 4),
            sphere_of_promulgation=_maybe(rng, _text(rng, 100, words=4)),
            typer_notation=_maybe(rng, rng.choice(["TVC", "NTB", "lvA"])),
            promulgation_amount=rng.choice([None, 0, 5, 120]),
            page_amount=rng.choice([None, 1, 22]),
            direction=rng.choice([None, True, False]),
            appendixes=tuple(_text(rng, 250, words=6) for _ in range(rng.randint(0, 2))),
        ),
        response_for=tuple(
            ResponseFor(
                organ_id=_organ_code(rng),
                code=_maybe(rng, f"{rng.randint(1, 999)}/UBND-VP"),
                promulgation_date=rng.choice([None, _day(rng, before=today)]),
                document_id=f"doc-{rng.getrandbits(32):08x}",
            )
            for _ in range(rng.randint(0, 2))
        ),
        steering_type=rng.choice([None, 1, 2, 3]),
    )
    hops = tuple(
        TraceHeader(
            organ_id=_organ_code(rng),
            timestamp=(
                NOW - timedelta(seconds=rng.randint(0, 10**7), microseconds=rng.randint(0, 999))
            ).astimezone(rng.choice([VIETNAM_TZ, UTC, timezone(timedelta(hours=-5))])),
        )
        for _ in range(rng.randint(0, 3))
    )
    bussiness = _bussiness(rng, document_id) if rng.random() < 0.8 else None
    return EdocPackage(
        message_header=header,
        trace_header_list=TraceHeaderList(trace_headers=hops, bussiness=bussiness),
        attachments=tuple(_attachment(rng, i) for i in range(count)),
    )


def random_status(rng: random.Random) -> StatusMessage:
    code = rng.choice(["01", "02", "03", "04", "05", "06", "13", "15", "16"])
    return StatusMessage(
        response_for=ResponseFor(
            organ_id=_organ_code(rng),
            code=_maybe(rng, f"{rng.randint(1, 999)}/UBND-VP"),
            promulgation_date=rng.choice([None, _day(rng, before=NOW.date())]),
            document_id=f"doc-{rng.getrandbits(32):08x}",
        ),
        from_=_organization(rng, _organ_code(rng)),
        to=tuple(_organization(rng, _organ_code(rng)) for _ in range(rng.randint(0, 1))),
        status_code=code,
        timestamp=NOW - timedelta(seconds=rng.randint(0, 10**6)),
        description=_text(rng, 300) if code in ("02", "16") else _maybe(rng, _text(rng, 300)),
        staff_info=rng.choice([None, StaffInfo(department="Văn thư", staff="Lê Thị D")]),
    )
