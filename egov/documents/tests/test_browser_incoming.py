"""An incoming document's handling in real Chromium: the clerk registers it from a PDF (a
refused empty subject first) and presents it to the director; the director gives the lead to
the civil-service division with a deadline; the head of division passes it to the
specialist, who starts, comments and finishes it; the director sees it counted on the
dashboard. axe-core runs on every page, and on a 375px-wide phone nothing scrolls sideways."""

import datetime as dt

import pytest

from egov.documents.choices import AssignmentStatus, IncomingStatus
from egov.documents.models import Assignment, IncomingDocument
from egov.documents.testing import doc_type, make_pdf
from egov.lib.dates import local_today
from egov.lib.testing.browser import assert_accessible, log_in
from egov.organisations.testing import PERSONA_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Về việc rà soát vị trí việc làm công chức năm 2026"
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def check_page(page):
    """axe on the page as it is, then the same page on a phone: neither the page nor its
    main content scrolls sideways."""
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px at 375px"
    main = page.evaluate(
        "(() => { const m = document.querySelector('main');"
        " return m.scrollWidth - m.clientWidth; })()"
    )
    assert main <= 0, f"the main content of {page.url} is {main}px too wide at 375px"
    page.set_viewport_size(DESKTOP)


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state("networkidle")


def submit(page, scope, name):
    scope.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("networkidle")


def status_text(page):
    return page.get_by_role("status").inner_text()


def test_a_document_goes_from_the_clerk_to_the_specialist_and_onto_the_dashboard(
    page, office, tmp_path
):
    doc_type("cong-van")
    scan = tmp_path / "cong-van-459.pdf"
    scan.write_bytes(make_pdf("Ra soat vi tri viec lam", pages=2))
    due = local_today() + dt.timedelta(days=14)
    page.set_viewport_size(DESKTOP)

    # The clerk registers the document; an empty subject is refused first.
    log_in(page, "clerk", PERSONA_PASSWORD)
    page.get_by_role("link", name="Văn bản đến", exact=True).click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    page.get_by_role("link", name="Vào sổ văn bản đến").click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    page.get_by_label("Loại văn bản").select_option(label="Công văn")
    page.get_by_label("Số", exact=True).fill("459")
    page.get_by_label("Ký hiệu").fill("UBND-TTTH")
    page.get_by_label("Ngày văn bản").fill((local_today() - dt.timedelta(days=2)).isoformat())
    page.get_by_label("Cơ quan ban hành", exact=True).fill("Ủy ban nhân dân tỉnh An Giang")
    page.get_by_label("Mã định danh cơ quan ban hành").fill("000.00.00.H01")
    page.get_by_label("Chức vụ người ký").fill("Phó Chủ tịch")
    page.get_by_label("Họ tên người ký").fill("Nguyễn Văn An")
    page.get_by_label("Khẩn", exact=True).check()
    page.get_by_label("Điện tử (tải lên)").check()
    page.get_by_label("Tệp văn bản").set_input_files(str(scan))
    submit(page, page, "Vào sổ")
    summary = page.get_by_role("alert")
    assert "Chưa vào sổ được văn bản" in summary.inner_text()
    assert "Trích yếu không được để trống." in summary.inner_text()
    check_page(page)
    summary.get_by_role("link", name="Trích yếu không được để trống.").click()
    assert page.evaluate("document.activeElement.id") == "id_subject"
    # Choices are kept; the file must be chosen again (a browser never resends it).
    assert page.get_by_label("Ký hiệu").input_value() == "UBND-TTTH"
    assert "hãy chọn lại tệp văn bản" in page.content()
    page.get_by_label("Trích yếu nội dung").fill(SUBJECT)
    page.get_by_label("Tệp văn bản").set_input_files(str(scan))
    submit(page, page, "Vào sổ")
    assert "Đã vào sổ văn bản đến, số đến 1/" in status_text(page)
    assert page.get_by_role("heading", level=1).inner_text() == SUBJECT
    document = IncomingDocument.objects.get()
    assert document.attachments.get().name == "cong-van-459.pdf" and document.page_amount == 2
    check_page(page)

    # ... and presents it to the director.
    present = page.locator("#present")
    present.get_by_label("Nguyễn Văn Lãnh").check()
    present.get_by_label("Ghi chú khi trình").fill("Kính trình Giám đốc")
    submit(page, present, "Trình")
    assert "Đã trình văn bản tới Nguyễn Văn Lãnh." in status_text(page)
    check_page(page)
    log_out(page)

    # The director gives the lead to the division with a deadline.
    log_in(page, "leader", PERSONA_PASSWORD)
    page.get_by_role("link", name="Văn bản cần xử lý").click()
    page.wait_for_load_state("networkidle")
    check_page(page)
    page.get_by_role("link", name=SUBJECT).click()
    page.wait_for_load_state("networkidle")
    to_leader = Assignment.objects.get(document=document)
    box = page.locator(f"#assignment-{to_leader.pk}")
    box.get_by_label("Chủ trì xử lý").select_option(label="Phòng Công chức, viên chức")
    box.get_by_label("Hạn xử lý").fill(due.isoformat())
    box.get_by_label("Ý kiến chỉ đạo").fill("Giao phòng CCVC chủ trì, báo cáo trước hạn")
    check_page(page)
    submit(page, box, "Giao xử lý")
    assert "Đã giao Phòng Công chức, viên chức chủ trì xử lý." in status_text(page)
    handling_tree = page.locator("#handling")
    assert "Phòng Công chức, viên chức" in handling_tree.inner_text()
    assert due.strftime("%d/%m/%Y") in handling_tree.inner_text()
    check_page(page)
    log_out(page)

    # The head of division passes it to the specialist.
    log_in(page, "divhead", PERSONA_PASSWORD)
    page.goto("/documents/work/")
    check_page(page)
    page.get_by_role("link", name=SUBJECT).click()
    page.wait_for_load_state("networkidle")
    to_division = Assignment.objects.get(document=document, assignee_unit__isnull=False)
    box = page.locator(f"#assignment-{to_division.pk}")
    box.get_by_text("Giao tiếp cho đơn vị, cá nhân").click()
    box.get_by_label("Chủ trì xử lý").select_option(
        label="Võ Minh Chuyên — Chuyên viên, Phòng Công chức, viên chức"
    )
    box.get_by_label("Ý kiến chỉ đạo").fill("Anh Chuyên xử lý")
    check_page(page)
    submit(page, box, "Giao xử lý")
    assert "Đã giao Võ Minh Chuyên chủ trì xử lý." in status_text(page)
    check_page(page)
    log_out(page)

    # The specialist starts, comments and finishes.
    log_in(page, "specialist", PERSONA_PASSWORD)
    page.goto("/documents/work/")
    assert SUBJECT in page.locator("main").inner_text()
    check_page(page)
    page.get_by_role("link", name=SUBJECT).click()
    page.wait_for_load_state("networkidle")
    to_specialist = Assignment.objects.get(document=document, assignee_user=office.specialist)
    box = page.locator(f"#assignment-{to_specialist.pk}")
    submit(page, box, "Bắt đầu xử lý")
    assert "Đã ghi nhận bắt đầu xử lý." in status_text(page)
    comments = page.locator("#comments")
    comments.get_by_label("Ý kiến của bạn").fill("Đã lấy số liệu của các phòng")
    submit(page, comments, "Gửi ý kiến")
    assert "Đã lấy số liệu của các phòng" in page.locator("#comments").inner_text()
    box = page.locator(f"#assignment-{to_specialist.pk}")
    box.get_by_text("Báo cáo hoàn thành").click()
    submit(page, box, "Hoàn thành")
    assert "Hãy ghi kết quả xử lý." in page.get_by_role("alert").inner_text()
    check_page(page)
    box = page.locator(f"#assignment-{to_specialist.pk}")
    box.get_by_label("Kết quả xử lý").fill("Đã có báo cáo số 20/BC-SNV")
    submit(page, box, "Hoàn thành")
    assert "Đã hoàn thành phần việc được giao." in status_text(page)
    assert "Đã hoàn thành" in page.locator("h1 + p").inner_text()
    check_page(page)
    log_out(page)
    document.refresh_from_db()
    assert document.status == IncomingStatus.DONE
    assert to_specialist_status(to_specialist) == AssignmentStatus.DONE

    # The director sees it counted on the dashboard, chart and table alike.
    log_in(page, "leader", PERSONA_PASSWORD)
    page.get_by_role("link", name="Thống kê văn bản").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#incoming-total").inner_text() == "1"
    page.wait_for_selector("[data-chart] canvas")
    month = local_today().strftime("%m/%Y")
    months = page.get_by_role("table", name="Số văn bản đến và đi theo tháng")
    assert month in months.inner_text()
    assert "100.0%" in page.locator("main").inner_text() or "100,0%" in page.content()
    check_page(page)
    # Nothing is left open in the director's units.
    page.goto("/documents/work/team/")
    assert "Không có việc nào đang mở." in page.locator("main").inner_text()
    check_page(page)


def to_specialist_status(assignment):
    assignment.refresh_from_db()
    return assignment.status
