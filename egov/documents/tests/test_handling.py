import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from egov.accounts.models import Notification
from egov.documents import queries
from egov.documents.actions import handling
from egov.documents.actions.handling import Instruction, Target
from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import AssignmentRole, AssignmentStatus, IncomingStatus, Urgency
from egov.documents.models import Assignment, IncomingDocument
from egov.documents.testing import doc_type
from egov.lib.dates import local_today
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db


def received(office, **extra):
    return register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Về việc báo cáo biên chế",
        issuer_name="Bộ Nội vụ",
        **extra,
    )


def presented(office, **extra):
    document = received(office, **extra)
    return document, handling.present(actor=office.clerk, document=document, leader=office.leader)


def test_the_whole_chain_clerk_leader_division_head_specialist(office):
    document, to_leader = presented(office)
    due = local_today() + dt.timedelta(days=10)
    [to_division, informed] = handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(
            lead=Target(unit=office.civil_service_division),
            informed=[Target(user=office.clerk)],
            due_date=due,
            text="Giao phòng CCVC chủ trì",
        ),
    )
    assert informed.role == AssignmentRole.INFO and informed.due_date is None
    assert to_division.role == AssignmentRole.LEAD and to_division.due_date == due
    assert queries.open_assignments_for(office.division_head).get() == to_division
    [to_specialist] = handling.assign(
        actor=office.division_head,
        parent=to_division,
        instruction=Instruction(lead=Target(user=office.specialist), text="Anh Chuyên xử lý"),
    )
    assert to_specialist.due_date == due  # inherits the deadline
    handling.start(actor=office.specialist, assignment=to_specialist)
    assert IncomingDocument.objects.get(pk=document.pk).status == IncomingStatus.IN_PROGRESS
    handling.finish(actor=office.specialist, assignment=to_specialist, result="Đã báo cáo")
    document.refresh_from_db()
    assert document.status == IncomingStatus.DONE and document.done_at is not None
    handling_chain = Assignment.objects.filter(document=document).exclude(role="info")
    assert set(handling_chain.values_list("status", flat=True)) == {AssignmentStatus.DONE}
    informed.refresh_from_db()
    assert informed.status == AssignmentStatus.PENDING  # still to be read by the clerk
    transitions = list(document.transitions.values_list("action", flat=True))
    assert transitions[0] == "register" and "finish" in transitions
    assert Notification.objects.filter(
        user=office.leader, text__startswith="Đã xử lý xong"
    ).exists()


def test_only_the_holder_of_an_assignment_acts_on_it(office):
    _document, to_leader = presented(office)
    for user in (office.clerk, office.specialist, office.outsider):
        with pytest.raises(PermissionDenied):
            handling.assign(
                actor=user,
                parent=to_leader,
                instruction=Instruction(lead=Target(user=office.specialist)),
            )


def test_work_cannot_be_given_outside_the_agency(office):
    _document, to_leader = presented(office)
    with pytest.raises(ActionError) as error:
        handling.assign(
            actor=office.leader,
            parent=to_leader,
            instruction=Instruction(lead=Target(user=office.outsider)),
        )
    assert error.value.code == "target_outside_scope"
    with pytest.raises(ActionError):
        handling.assign(
            actor=office.leader,
            parent=to_leader,
            instruction=Instruction(lead=Target(unit=office.finance)),
        )
    assert not Assignment.objects.exclude(pk=to_leader.pk).exists()


@pytest.mark.parametrize(
    ("due", "code"),
    [(dt.date(2020, 1, 1), "due_in_past")],
)
def test_a_deadline_in_the_past_is_refused(office, due, code):
    _document, to_leader = presented(office)
    with pytest.raises(ActionError) as error:
        handling.assign(
            actor=office.leader,
            parent=to_leader,
            instruction=Instruction(lead=Target(user=office.specialist), due_date=due),
        )
    assert error.value.code == code


def test_a_deadline_after_the_one_given_from_above_is_refused(office):
    _document, to_leader = presented(office)
    due = local_today() + dt.timedelta(days=5)
    [to_division] = handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(lead=Target(unit=office.civil_service_division), due_date=due),
    )
    with pytest.raises(ActionError) as error:
        handling.assign(
            actor=office.division_head,
            parent=to_division,
            instruction=Instruction(
                lead=Target(user=office.specialist), due_date=due + dt.timedelta(days=1)
            ),
        )
    assert error.value.code == "due_after_parent"


def test_returning_reopens_the_assigners_part(office):
    _document, to_leader = presented(office)
    [to_specialist] = handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(lead=Target(user=office.specialist)),
    )
    with pytest.raises(ActionError):
        handling.return_to_assigner(actor=office.specialist, assignment=to_specialist, reason=" ")
    handling.return_to_assigner(
        actor=office.specialist, assignment=to_specialist, reason="Không thuộc lĩnh vực"
    )
    to_leader.refresh_from_db()
    assert to_leader.status == AssignmentStatus.PENDING
    assert queries.open_assignments_for(office.leader).filter(pk=to_leader.pk).exists()
    assert Notification.objects.filter(user=office.leader, text__contains="trả lại").exists()


def test_a_leader_files_a_document_for_reference(office):
    document, to_leader = presented(office)
    handling.finish(actor=office.leader, assignment=to_leader, result="Lưu tham khảo")
    document.refresh_from_db()
    assert document.status == IncomingStatus.FILED


def test_an_extension_is_requested_and_approved(office):
    _document, to_leader = presented(office)
    due = local_today() + dt.timedelta(days=3)
    [to_specialist] = handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(lead=Target(user=office.specialist), due_date=due),
    )
    with pytest.raises(ActionError) as error:
        handling.request_extension(
            actor=office.specialist, assignment=to_specialist, requested_due=due, reason="x"
        )
    assert error.value.code == "extension_not_later"
    request = handling.request_extension(
        actor=office.specialist,
        assignment=to_specialist,
        requested_due=due + dt.timedelta(days=7),
        reason="Chờ số liệu của các xã",
    )
    with pytest.raises(PermissionDenied):
        handling.decide_extension(actor=office.specialist, request=request, approve=True)
    handling.decide_extension(actor=office.leader, request=request, approve=True)
    to_specialist.refresh_from_db()
    assert to_specialist.due_date == due + dt.timedelta(days=7)


def test_urgent_work_comes_first_in_the_queue(office):
    plain, _ = presented(office)
    urgent, _ = presented(office, urgency=Urgency.VERY_URGENT)
    queue = queries.work_queues(office.leader)
    assert [a.document_id for a in queue.assigned[:2]] == [urgent.pk, plain.pk]


def test_specialists_see_only_what_was_given_to_them(office):
    document, to_leader = presented(office)
    visible = queries.incoming_visible_to
    assert not visible(office.specialist).filter(pk=document.pk).exists()
    assert not visible(office.outsider).filter(pk=document.pk).exists()
    handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(lead=Target(user=office.specialist)),
    )
    assert visible(office.specialist).filter(pk=document.pk).exists()
    assert visible(office.leader).filter(pk=document.pk).exists()
    assert not visible(office.outsider).filter(pk=document.pk).exists()
