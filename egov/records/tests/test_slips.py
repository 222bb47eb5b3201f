"""Phiếu giải quyết văn bản đến (Phụ lục IV): printed from an incoming document's
assignments and remarks, A4 with the watermark, linked from the document's page, only for
those who see the document."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from egov.audit.models import AuditEvent
from egov.documents.actions import handling
from egov.documents.actions.handling import Instruction, Target
from egov.documents.choices import Secrecy
from egov.documents.models import Assignment
from egov.lib.dates import local_today
from egov.records.actions.slips import print_handling_slip
from egov.records.testing import received

pytestmark = pytest.mark.django_db

TODAY = local_today()


def text_of(data):
    reader = PdfReader(io.BytesIO(data))
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=1)  # A4 portrait
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))


@pytest.fixture
def handled(office):
    """Presented to the agency leader, given to the division (finance informed), passed on
    by the division head to a specialist, who remarks and finishes."""
    document = received(office, "Về việc rà soát vị trí việc làm năm 2026")
    present = handling.present(actor=office.clerk, document=document, leader=office.leader)
    handling.assign(
        actor=office.leader,
        parent=present,
        instruction=Instruction(
            lead=Target(unit=office.civil_service_division),
            supports=[Target(user=office.clerk)],
            due_date=TODAY + dt.timedelta(days=10),
            text="Giao Phòng CCVC chủ trì tham mưu",
        ),
    )
    lead = Assignment.objects.get(document=document, role="lead")
    handling.assign(
        actor=office.division_head,
        parent=lead,
        instruction=Instruction(
            lead=Target(user=office.specialist),
            due_date=TODAY + dt.timedelta(days=7),
            text="Đồng chí Chuyên dự thảo báo cáo",
        ),
    )
    mine = Assignment.objects.get(document=document, assignee_user=office.specialist)
    handling.add_comment(
        actor=office.specialist, document=document, text="Đề xuất lấy ý kiến các phòng"
    )
    handling.finish(actor=office.specialist, assignment=mine, result="Đã dự thảo báo cáo")
    return document


def test_the_slip_carries_each_leaders_instruction_and_the_handlers_proposal(office, handled):
    text = text_of(print_handling_slip(actor=office.clerk, document=handled))
    assert "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN" in text
    assert f"Số đến: {handled.arrival_number}" in text
    assert "Về việc rà soát vị trí việc làm năm 2026" in text
    one, rest = text.split("1. Ý kiến của lãnh đạo cơ quan:")[1].split(
        "2. Ý kiến của lãnh đạo đơn vị:"
    )
    two, three = rest.split("3. Ý kiến đề xuất của người giải quyết:")
    assert "chủ trì: Phòng Công chức, viên chức" in one
    assert "phối hợp: Phạm Thị Thư" in one
    assert (TODAY + dt.timedelta(days=10)).strftime("%d/%m/%Y") in one
    assert "Giao Phòng CCVC chủ trì tham mưu" in one
    assert f"Ngày {TODAY:%d/%m/%Y} — Nguyễn Văn Lãnh" in one
    assert "Giao cá nhân: Võ Minh Chuyên" in two
    assert (TODAY + dt.timedelta(days=7)).strftime("%d/%m/%Y") in two
    assert "— Bùi Văn Trưởng" in two
    # in the order they were written: the remark, then the result
    assert three.index("Đề xuất lấy ý kiến các phòng") < three.index("Đã dự thảo báo cáo")
    assert "— Võ Minh Chuyên" in three
    assert "In bởi Phạm Thị Thư lúc" in text
    event = AuditEvent.objects.get(action="records.slip.print")
    assert event.object_id == str(handled.pk) and event.unit_id == office.home_affairs.pk


def test_a_document_not_handled_yet_leaves_dotted_lines_to_fill_in(office):
    document = received(office, "Văn bản mới đến")
    text = text_of(print_handling_slip(actor=office.clerk, document=document))
    assert "Giao cá nhân" not in text and "chủ trì:" not in text
    assert text.count("." * 100) >= 6


def test_the_document_page_links_the_slip_and_strangers_get_404(client_for, office, handled):
    url = reverse("records:incoming_slip", args=[handled.pk])
    page = client_for(office.specialist).get(
        reverse("documents:incoming_detail", args=[handled.pk])
    )
    assert url in page.content.decode()
    response = client_for(office.specialist).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client_for(office.outsider).get(url).status_code == 404


def test_a_secret_documents_slip_only_for_the_cleared(client_for, office):
    from egov.documents.actions.registers import grant_clearance

    grant_clearance(
        actor=office.unit_admin, user=office.clerk, unit=office.home_affairs, level=Secrecy.SECRET
    )
    secret = received(office, "Kế hoạch bảo vệ bí mật nhà nước", secrecy=Secrecy.SECRET)
    url = reverse("records:incoming_slip", args=[secret.pk])
    assert client_for(office.leader).get(url).status_code == 404
    assert client_for(office.clerk).get(url).status_code == 200
