"""Registers (Phụ lục IV) and reports (Phụ lục VI §V) printed to A4 PDF and XLSX: text with
diacritics, totals matching the database, the printed-by watermark, secret documents only
for those cleared."""

import datetime as dt
import io
import re

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from egov.audit.models import AuditEvent
from egov.documents.actions.copies import make_copy
from egov.documents.actions.registers import grant_clearance
from egov.documents.choices import CopyForm, IncomingStatus, Secrecy
from egov.documents.models import IncomingDocument
from egov.records import reports
from egov.records.actions.exports import print_report
from egov.records.choices import Report
from egov.records.testing import issued, received

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR_START = dt.date(TODAY.year, 1, 1)


def norm(text):
    return re.sub(r"\s+", " ", text.replace("-\n", "-"))


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    assert reader.pages[0].mediabox.width == pytest.approx(842, abs=1)  # A4 landscape
    return reader, norm("\n".join(p.extract_text() for p in reader.pages))


@pytest.fixture
def busy(office):
    """Five incoming documents in four states, two issued, one copy, one secret."""
    docs = [
        received(office, f"Về việc tổ chức hội nghị số {n}", issuer_name="Sở Tài chính")
        for n in range(1, 6)
    ]
    yesterday = TODAY - dt.timedelta(days=1)
    IncomingDocument.objects.filter(pk=docs[0].pk).update(
        status=IncomingStatus.DONE, due_date=TODAY, done_at=timezone.now()
    )
    IncomingDocument.objects.filter(pk=docs[1].pk).update(
        status=IncomingStatus.DONE,
        due_date=yesterday - dt.timedelta(days=3),
        done_at=timezone.now(),
    )
    IncomingDocument.objects.filter(pk=docs[2].pk).update(
        status=IncomingStatus.IN_PROGRESS, due_date=yesterday
    )
    IncomingDocument.objects.filter(pk=docs[3].pk).update(
        status=IncomingStatus.IN_PROGRESS, due_date=TODAY + dt.timedelta(days=5)
    )
    grant_clearance(
        actor=office.unit_admin, user=office.clerk, unit=office.home_affairs, level=Secrecy.SECRET
    )
    received(office, "Kế hoạch bảo vệ bí mật nhà nước", secrecy=Secrecy.SECRET)
    issued(office, "Về việc cử cán bộ đi học lớp bồi dưỡng")
    issued(office, "Về việc góp ý dự thảo quy chế")
    make_copy(
        actor=office.clerk, unit=office.home_affairs, form=CopyForm.SY, incoming=docs[0], amount=3
    )
    return docs


def printed(office, kind, fmt, user=None):
    return print_report(
        actor=user or office.clerk,
        kind=kind,
        unit=office.home_affairs,
        start=YEAR_START,
        end=TODAY,
        fmt=fmt,
    )


def test_the_incoming_register_lists_every_document_with_its_arrival_number(office, busy):
    _reader, text = pdf_text(printed(office, Report.INCOMING_REGISTER, "pdf", user=office.leader))
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in text.upper()
    assert "Sở Nội vụ".upper() in text.upper()
    for n in range(1, 6):
        assert f"Về việc tổ chức hội nghị số {n}" in text
    assert "bí mật nhà nước" not in text  # the leader holds no clearance
    assert "Tổng số văn bản đến: 5" in text
    assert "In bởi Nguyễn Văn Lãnh lúc" in text


def test_a_cleared_clerk_sees_the_secret_document_in_the_register(office, busy):
    _reader, text = pdf_text(printed(office, Report.INCOMING_REGISTER, "pdf"))
    assert "Kế hoạch bảo vệ bí mật nhà nước" in text
    assert "Tổng số văn bản đến: 6" in text


def test_the_incoming_report_totals_match_the_database(office, busy):
    sheet = reports.build(Report.INCOMING_REPORT, office.home_affairs, YEAR_START, TODAY)
    assert sheet.totals is not None
    total = IncomingDocument.objects.filter(unit=office.home_affairs, secrecy=0).count()
    assert sheet.totals[1] == total == 5
    # on time, late, open in time, overdue, no deadline, recalled
    assert sheet.totals[2:] == [1, 1, 1, 1, 1, 0]
    _reader, text = pdf_text(printed(office, Report.INCOMING_REPORT, "pdf", user=office.leader))
    assert "Đã giải quyết đúng hạn" in text
    assert "Tổng cộng 5 1 1 1 1 1 0" in text


def test_the_outgoing_register_and_report(office, busy):
    _reader, text = pdf_text(printed(office, Report.OUTGOING_REGISTER, "pdf"))
    assert "Về việc cử cán bộ đi học lớp bồi dưỡng" in text
    assert "01/SNV-CCVC" in text and "02/SNV-CCVC" in text
    assert "Nguyễn Văn Lãnh" in text  # the signer
    assert "Tổng số văn bản đi: 2" in text
    sheet = reports.build(Report.OUTGOING_REPORT, office.home_affairs, YEAR_START, TODAY)
    assert sheet.totals == ["Tổng cộng", 2, 2, 0, 2, 0, 0, 0]


def test_follow_up_copies_and_file_index_print(office, busy):
    _reader, text = pdf_text(printed(office, Report.INCOMING_FOLLOW_UP, "pdf"))
    assert "Đang giải quyết, quá hạn" in text
    _reader, text = pdf_text(printed(office, Report.COPY_REGISTER, "pdf"))
    assert "01/SY-SNV" in text and "Sao y" in text
    copies = reports.build(Report.COPY_REGISTER, office.home_affairs, YEAR_START, TODAY)
    assert copies.totals is not None and copies.totals[4] == 3
    _reader, text = pdf_text(printed(office, Report.FILE_INDEX, "pdf"))
    assert "MỤC LỤC HỒ SƠ" in text.upper()


def test_the_xlsx_carries_the_same_rows_and_the_watermark(office, busy):
    book = openpyxl.load_workbook(io.BytesIO(printed(office, Report.INCOMING_REGISTER, "xlsx")))
    sheet = book.active
    assert sheet["A2"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"
    assert sheet["A4"].value.startswith("In bởi Phạm Thị Thư lúc ")
    assert sheet.oddFooter.left.text.startswith("In bởi Phạm Thị Thư")
    header = [c.value for c in sheet[6]]
    assert header[:3] == ["Ngày đến", "Số đến", "Tác giả"]
    rows = list(sheet.iter_rows(min_row=7, values_only=True))
    numbers = [r[1] for r in rows if isinstance(r[1], int)]
    assert numbers == [1, 2, 3, 4, 5, 1]  # the secret register's own series follows
    assert ("Công văn: Về việc tổ chức hội nghị số 3",) in [(r[5],) for r in rows]
    assert sheet.page_setup.orientation == "landscape"
    report = openpyxl.load_workbook(io.BytesIO(printed(office, Report.INCOMING_REPORT, "xlsx")))
    totals = next(r for r in report.active.iter_rows(values_only=True) if r[0] == "Tổng cộng")
    assert totals[1] == IncomingDocument.objects.filter(unit=office.home_affairs).count()


def test_printing_is_recorded_and_served_from_the_screen(client_for, office, busy):
    client = client_for(office.clerk)
    response = client.get(
        reverse("records:reports"),
        {
            "kind": "outgoing",
            "unit": office.home_affairs.pk,
            "date_from": YEAR_START.isoformat(),
            "date_to": TODAY.isoformat(),
            "fmt": "xlsx",
        },
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    event = AuditEvent.objects.filter(action="records.report.print").latest("pk")
    assert event.object_id == "outgoing" and event.unit_id == office.home_affairs.pk
    bad = client.get(
        reverse("records:reports"),
        {
            "kind": "incoming",
            "unit": office.home_affairs.pk,
            "date_from": "2026-05-01",
            "date_to": "2026-04-01",
            "fmt": "pdf",
        },
    )
    assert "Ngày kết thúc kỳ phải từ ngày bắt đầu trở đi." in bad.content.decode()


def test_a_long_register_repeats_its_header_on_every_page(office):
    for n in range(60):
        received(office, f"Văn bản thứ {n:02d} về công tác thi đua khen thưởng")
    reader, _text = pdf_text(printed(office, Report.INCOMING_REGISTER, "pdf"))
    assert len(reader.pages) >= 3
    for page in reader.pages:
        assert "Số đến" in norm(page.extract_text())
        assert "In bởi Phạm Thị Thư" in norm(page.extract_text())
