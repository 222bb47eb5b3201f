"""The use of archived copies (Sổ sử dụng bản lưu, Phụ lục IV): lending a document's or a
file's kept copy, taking it back, the register printed from those rows, and the refusals."""

import datetime as dt
import io
import re

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from egov.audit.models import AuditEvent
from egov.documents.actions.incoming import register_incoming
from egov.documents.actions.registers import grant_clearance
from egov.documents.choices import Secrecy
from egov.documents.testing import doc_type
from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.records import queries_loans
from egov.records.actions.exports import print_report
from egov.records.actions.files import add_document, open_case_file
from egov.records.actions.loans import lend_copy, return_copy
from egov.records.choices import Report
from egov.records.models import CopyLoan
from egov.records.testing import issued, received

pytestmark = pytest.mark.django_db

TODAY = local_today()
DAY = dt.timedelta(days=1)


def lend(office, **kwargs):
    defaults = {
        "actor": office.clerk,
        "unit": office.home_affairs,
        "borrower": office.specialist,
        "permitted_by": office.leader,
        "lent_on": TODAY - 3 * DAY,
    }
    return lend_copy(**{**defaults, **kwargs})


def test_the_clerk_lends_a_copy_and_takes_it_back_both_audited(office):
    document = received(office, "Về việc kiểm tra công tác văn thư, lưu trữ")
    loan = lend(office, incoming=document, due_on=TODAY + DAY, note="Phục vụ kiểm tra")
    assert loan.is_out and loan.lent_by == office.clerk
    lent = AuditEvent.objects.get(action="records.loan.lend")
    assert lent.object_id == str(loan.pk) and lent.unit_id == office.home_affairs.pk
    return_copy(actor=office.clerk, loan=loan, returned_on=TODAY)
    loan.refresh_from_db()
    assert loan.returned_on == TODAY and loan.returned_to == office.clerk
    assert AuditEvent.objects.filter(action="records.loan.return", object_id=str(loan.pk)).exists()


def test_a_second_return_is_refused_and_changes_nothing(office):
    loan = lend(office, incoming=received(office))
    return_copy(actor=office.clerk, loan=loan, returned_on=TODAY - DAY)
    with pytest.raises(ActionError) as caught:
        return_copy(actor=office.clerk, loan=loan, returned_on=TODAY)
    assert caught.value.code == "already_returned"
    assert f"đã được trả ngày {(TODAY - DAY):%d/%m/%Y}" in caught.value.messages[0]
    loan.refresh_from_db()
    assert loan.returned_on == TODAY - DAY
    assert AuditEvent.objects.filter(action="records.loan.return").count() == 1


def test_a_return_before_the_lending_date_is_refused(office):
    loan = lend(office, incoming=received(office))
    with pytest.raises(ActionError) as caught:
        return_copy(actor=office.clerk, loan=loan, returned_on=TODAY - 5 * DAY)
    assert caught.value.code == "returned_before_lent"
    assert "không được trước ngày cho sử dụng" in caught.value.messages[0]
    loan.refresh_from_db()
    assert loan.returned_on is None
    assert not AuditEvent.objects.filter(action="records.loan.return").exists()


def test_a_document_of_another_agency_is_refused(office):
    foreign = register_incoming(
        actor=office.commune_clerk,
        unit=office.commune,
        document_type=doc_type("cong-van"),
        subject="Văn bản của xã",
        issuer_name="Ủy ban nhân dân tỉnh An Giang",
        allow_duplicate=True,
    )
    with pytest.raises(ActionError) as caught:
        lend(office, incoming=foreign)
    assert caught.value.code == "outside_agency"
    assert "không thuộc Sở Nội vụ" in caught.value.messages[0]
    assert not CopyLoan.objects.exists()
    assert not AuditEvent.objects.filter(action="records.loan.lend").exists()


def test_only_a_leader_or_the_clerk_may_allow_the_use(office):
    with pytest.raises(ActionError) as caught:
        lend(office, incoming=received(office), permitted_by=office.specialist)
    assert caught.value.code == "permitter_not_allowed"
    assert "không phải lãnh đạo hoặc văn thư" in caught.value.messages[0]
    assert not CopyLoan.objects.exists()


def test_only_the_clerk_records_a_loan(office):
    with pytest.raises(PermissionDenied):
        lend(office, actor=office.specialist, incoming=received(office))
    assert not CopyLoan.objects.exists()


def test_a_copy_already_out_cannot_be_lent_again(office):
    document = received(office)
    lend(office, incoming=document)
    with pytest.raises(ActionError) as caught:
        lend(office, incoming=document, borrower=office.leader)
    assert caught.value.code == "already_out"
    assert CopyLoan.objects.count() == 1


def test_a_secret_document_goes_only_to_someone_cleared(office):
    grant_clearance(
        actor=office.unit_admin, user=office.clerk, unit=office.home_affairs, level=Secrecy.SECRET
    )
    secret = received(office, "Kế hoạch bảo vệ bí mật nhà nước", secrecy=Secrecy.SECRET)
    with pytest.raises(ActionError) as caught:
        lend(office, incoming=secret)
    assert caught.value.code == "borrower_not_cleared"


def test_dates_in_the_future_or_a_due_date_before_lending_are_refused(office):
    with pytest.raises(ActionError) as caught:
        lend(office, incoming=received(office), lent_on=TODAY + DAY)
    assert caught.value.code == "lent_in_future"
    with pytest.raises(ActionError) as caught:
        lend(office, incoming=received(office), due_on=TODAY - 10 * DAY)
    assert caught.value.code == "due_before_lent"


def test_copies_out_list_overdue_first(office):
    a = lend(office, incoming=received(office, "Văn bản A"), due_on=TODAY + 5 * DAY)
    b = lend(office, incoming=received(office, "Văn bản B"), due_on=TODAY - DAY)
    c = lend(office, incoming=received(office, "Văn bản C"))
    d = lend(office, incoming=received(office, "Văn bản D"), due_on=TODAY - 2 * DAY)
    return_copy(actor=office.clerk, loan=a, returned_on=TODAY)
    out = queries_loans.copies_out(office.home_affairs, clearance=0, today=TODAY)
    assert [loan.pk for loan in out] == [d.pk, b.pk, c.pk]
    assert [loan.is_overdue_on(TODAY) for loan in out] == [True, True, False]


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))


def test_the_register_prints_every_use_with_its_file_and_the_watermark(office):
    outgoing = issued(office, "Về việc cử cán bộ đi học lớp bồi dưỡng")
    case_file = open_case_file(
        actor=office.clerk,
        unit=office.home_affairs,
        code="05.TCCB",
        title="Hồ sơ bồi dưỡng cán bộ năm 2026",
        owner=office.clerk,
        retention_years=10,
    )
    add_document(actor=office.clerk, case_file=case_file, outgoing=outgoing)
    first = lend(office, outgoing=outgoing, note="Tra cứu")
    return_copy(actor=office.clerk, loan=first, returned_on=TODAY - DAY)
    lend(office, case_file=case_file, borrower=office.leader, permitted_by=office.clerk)
    before = lend(office, incoming=received(office, "Văn bản cũ"), lent_on=dt.date(2020, 1, 2))
    data = print_report(
        actor=office.leader,
        kind=Report.COPY_USE_REGISTER,
        unit=office.home_affairs,
        start=dt.date(TODAY.year, 1, 1),
        end=TODAY,
        fmt="pdf",
    )
    text = pdf_text(data)
    assert "SỔ SỬ DỤNG BẢN LƯU" in text
    assert "Họ tên người sử dụng" in text and "Người cho phép sử dụng" in text
    assert "Về việc cử cán bộ đi học lớp bồi dưỡng" in text
    assert text.count("05.TCCB") == 2  # the document's file, and the file itself
    assert "Tổng số lượt sử dụng: 2; chưa trả: 1" in text
    assert "In bởi Nguyễn Văn Lãnh lúc" in text
    assert "Văn bản cũ" not in text and before.lent_on.year == 2020

    book = openpyxl.load_workbook(
        io.BytesIO(
            print_report(
                actor=office.clerk,
                kind=Report.COPY_USE_REGISTER,
                unit=office.home_affairs,
                start=dt.date(2020, 1, 1),
                end=TODAY,
                fmt="xlsx",
            )
        )
    )
    sheet = book.active
    assert sheet["A2"].value == "SỔ SỬ DỤNG BẢN LƯU"
    header = [cell.value for cell in sheet[6]]
    assert len(header) == 9 and header[6] == "Ngày trả"
    rows = [r for r in sheet.iter_rows(min_row=7, values_only=True) if r[1]]
    assert [r[1] for r in rows] == ["Võ Minh Chuyên", "Võ Minh Chuyên", "Nguyễn Văn Lãnh"]
    assert rows[1][6] is not None and rows[1][7] == "Nguyễn Văn Lãnh"
    assert rows[2][7] == "Phạm Thị Thư" and rows[2][4] == "05.TCCB"
    assert sheet.oddFooter.left.text.startswith("In bởi Phạm Thị Thư")


def test_a_secret_documents_use_is_printed_only_for_the_cleared(office):
    grant_clearance(
        actor=office.unit_admin, user=office.clerk, unit=office.home_affairs, level=Secrecy.SECRET
    )
    grant_clearance(
        actor=office.unit_admin, user=office.leader, unit=office.home_affairs, level=Secrecy.SECRET
    )
    secret = received(office, "Kế hoạch bảo vệ bí mật nhà nước", secrecy=Secrecy.SECRET)
    lend(office, incoming=secret, borrower=office.leader, permitted_by=office.leader)
    for user, seen in ((office.clerk, True), (office.unit_admin, False)):
        from egov.documents import access as doc_access
        from egov.records import reports

        sheet = reports.build(
            Report.COPY_USE_REGISTER,
            office.home_affairs,
            dt.date(TODAY.year, 1, 1),
            TODAY,
            clearance=doc_access.clearance_level(user, office.home_affairs),
        )
        assert (len(sheet.rows) == 1) is seen


def test_permitters_are_the_agencys_leaders_and_clerks(office, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = {u.username for u in queries_loans.permitters(office.home_affairs)}
    assert names == {"leader", "clerk"}
    below = {u.username for u in queries_loans.permitters(office.civil_service_division)}
    assert below == {"leader", "divhead"}  # the leader's role covers the subtree
