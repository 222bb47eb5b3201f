"""Opening a file, adding documents (linked, never copied), closing and reopening it, the
table of contents, and the audit trail of every write."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.records import queries
from egov.records.actions import files
from egov.records.choices import FileStatus
from egov.records.models import CaseFileItem
from egov.records.testing import issued, received

pytestmark = pytest.mark.django_db


def opened(office, code="01.TCCB", owner=None, **extra):
    owner = owner or office.specialist
    return files.open_case_file(
        actor=owner,
        unit=office.home_affairs,
        code=code,
        title="Hồ sơ tuyển dụng công chức năm 2025",
        owner=owner,
        retention_years=extra.pop("retention_years", 20),
        **extra,
    )


def test_a_specialist_opens_a_file_in_their_agency(office):
    case_file = opened(office)
    assert case_file.status == FileStatus.OPEN
    assert case_file.unit == office.home_affairs
    assert case_file.retention == "20 năm"
    assert case_file.transitions.get().to_status == FileStatus.OPEN
    assert AuditEvent.objects.filter(
        action="records.file.open", object_id=str(case_file.pk)
    ).exists()


def test_it_refuses_a_file_code_already_used_this_year_whatever_the_case(office):
    opened(office, code="01.TCCB")
    with pytest.raises(ActionError) as error:
        opened(office, code="01.tccb")
    assert error.value.code == "code_taken"
    assert "đã dùng trong năm" in error.value.messages[0]


def test_only_staff_of_the_agency_open_files_there(office):
    for user in (office.outsider, office.commune_clerk, office.citizen):
        with pytest.raises(PermissionDenied):
            opened(office, owner=user)


def test_a_specialist_cannot_open_a_file_for_someone_else(office):
    with pytest.raises(PermissionDenied):
        files.open_case_file(
            actor=office.specialist,
            unit=office.home_affairs,
            code="02",
            title="Hồ sơ",
            owner=office.division_head,
            retention_years=None,
        )


def test_a_retention_outside_one_to_a_hundred_years_is_refused(office):
    with pytest.raises(ActionError) as error:
        opened(office, retention_years=0)
    assert error.value.code == "retention_invalid"


def test_one_document_sits_in_two_files_without_being_copied(office):
    document = received(office)
    first = opened(office, code="01", owner=office.clerk)
    second = opened(office, code="02", owner=office.clerk)
    files.add_document(actor=office.clerk, case_file=first, incoming=document)
    files.add_document(actor=office.clerk, case_file=second, incoming=document)
    items = CaseFileItem.objects.filter(incoming=document)
    assert items.count() == 2
    assert {i.incoming_id for i in items} == {document.pk}
    assert document.attachments.count() == 1  # the file's bytes were not duplicated either
    assert {f.pk for f in queries.files_of_document(office.clerk, "incoming", document)} == {
        first.pk,
        second.pk,
    }


def test_a_document_is_added_once_per_file(office):
    document = received(office)
    case_file = opened(office, owner=office.clerk)
    files.add_document(actor=office.clerk, case_file=case_file, incoming=document)
    with pytest.raises(ActionError) as error:
        files.add_document(actor=office.clerk, case_file=case_file, incoming=document)
    assert error.value.code == "already_in_file"


def test_the_owner_adds_only_documents_they_can_see(office):
    document = received(office)  # registered, not yet given to the specialist
    case_file = opened(office)
    with pytest.raises(PermissionDenied):
        files.add_document(actor=office.specialist, case_file=case_file, incoming=document)


def test_a_document_of_another_agency_is_refused(office):
    from egov.documents.actions.incoming import register_incoming
    from egov.documents.testing import doc_type
    from egov.organisations.choices import Role
    from egov.organisations.testing import hire_with_role

    finance_clerk = hire_with_role("finclerk", "Lý Thị Tài", office.finance, Role.CLERK)
    elsewhere = register_incoming(
        actor=finance_clerk,
        unit=office.finance,
        document_type=doc_type("cong-van"),
        subject="Về việc quyết toán ngân sách",
        issuer_name="Bộ Tài chính",
    )
    case_file = opened(office, owner=office.admin)
    with pytest.raises(ActionError) as error:
        files.add_document(actor=office.admin, case_file=case_file, incoming=elsewhere)
    assert error.value.code == "document_other_agency"


def test_an_issued_outgoing_document_joins_the_file_and_the_table_runs_by_date(office):
    late = received(office, "Văn bản ngày 10", issued_date=dt.date(2025, 3, 10))
    early = received(office, "Văn bản ngày 02", issued_date=dt.date(2025, 3, 2))
    reply = issued(office, "Công văn trả lời về tuyển dụng")
    case_file = opened(office, owner=office.clerk)
    for document in (late, early):
        files.add_document(actor=office.clerk, case_file=case_file, incoming=document)
    files.add_document(actor=office.clerk, case_file=case_file, outgoing=reply)
    toc = queries.contents(case_file, office.clerk)
    assert [e.subject for e in toc.entries] == [
        "Văn bản ngày 02",
        "Văn bản ngày 10",
        "Công văn trả lời về tuyển dụng",
    ]
    assert [e.ordinal for e in toc.entries] == [1, 2, 3]
    assert toc.entries[2].author == "Sở Nội vụ"
    assert toc.page_total == 3


def test_closing_sets_the_hand_over_due_a_year_later_and_stops_additions(office):
    case_file = opened(office, owner=office.clerk)
    files.add_document(actor=office.clerk, case_file=case_file, incoming=received(office))
    closed = files.close_case_file(actor=office.clerk, case_file=case_file)
    assert closed.status == FileStatus.CLOSED
    assert closed.closed_at is not None
    # The day it was closed is Vietnam's day: from 17:00 UTC on, already the next one.
    closed_on = closed.closed_at.astimezone(BUSINESS_TZ).date()
    assert closed.handover_due == files.handover_due_after(closed_on)
    assert (closed.handover_due - closed_on).days in (365, 366)
    with pytest.raises(ActionError) as error:
        files.add_document(actor=office.clerk, case_file=closed, incoming=received(office, "Khác"))
    assert error.value.code == "file_closed"


def test_an_empty_file_is_not_closed(office):
    with pytest.raises(ActionError) as error:
        files.close_case_file(actor=office.clerk, case_file=opened(office, owner=office.clerk))
    assert error.value.code == "file_empty"


def test_reopening_needs_a_reason_and_clears_the_due_date(office):
    case_file = opened(office, owner=office.clerk)
    files.add_document(actor=office.clerk, case_file=case_file, incoming=received(office))
    files.close_case_file(actor=office.clerk, case_file=case_file)
    with pytest.raises(ActionError) as error:
        files.reopen_case_file(actor=office.clerk, case_file=case_file, reason="  ")
    assert error.value.code == "reason_required"
    reopened = files.reopen_case_file(
        actor=office.clerk, case_file=case_file, reason="Có văn bản bổ sung"
    )
    assert reopened.status == FileStatus.OPEN and reopened.handover_due is None
    assert [t.action for t in reopened.transitions.all()] == ["open", "close", "reopen"]


def test_every_write_is_audited(office):
    document = received(office)
    case_file = opened(office, owner=office.clerk)
    item = files.add_document(actor=office.clerk, case_file=case_file, incoming=document)
    files.remove_document(actor=office.clerk, item=item)
    files.add_document(actor=office.clerk, case_file=case_file, incoming=document)
    files.close_case_file(actor=office.clerk, case_file=case_file)
    files.reopen_case_file(actor=office.clerk, case_file=case_file, reason="Bổ sung")
    actions = list(
        AuditEvent.objects.filter(object_id=str(case_file.pk), action__startswith="records.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "records.file.open",
        "records.file.add_document",
        "records.file.remove_document",
        "records.file.add_document",
        "records.file.close",
        "records.file.reopen",
    ]


def test_only_an_empty_open_file_is_deleted(office):
    case_file = opened(office, owner=office.clerk)
    item = files.add_document(actor=office.clerk, case_file=case_file, incoming=received(office))
    with pytest.raises(ActionError) as error:
        files.delete_case_file(actor=office.clerk, case_file=case_file)
    assert error.value.code == "file_not_empty"
    files.remove_document(actor=office.clerk, item=item)
    files.delete_case_file(actor=office.clerk, case_file=case_file)
    assert not type(case_file).objects.filter(pk=case_file.pk).exists()
    assert AuditEvent.objects.filter(action="records.file.delete").exists()


def test_a_sibling_agency_officer_cannot_change_the_file(office):
    case_file = opened(office, owner=office.clerk)
    with pytest.raises(PermissionDenied):
        files.close_case_file(actor=office.outsider, case_file=case_file)
