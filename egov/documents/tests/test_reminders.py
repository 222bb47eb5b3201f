import datetime as dt

import pytest

from egov.accounts.models import Notification
from egov.documents.actions import handling
from egov.documents.actions.handling import Instruction, Target
from egov.documents.actions.incoming import register_incoming
from egov.documents.actions.reminders import send_deadline_reminders
from egov.documents.testing import doc_type
from egov.lib.dates import local_today
from egov.workcalendar.queries import add_working_days

pytestmark = pytest.mark.django_db


def given_to_specialist(office, due):
    document = register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("bao-cao"),
        subject="Báo cáo công tác cải cách hành chính",
        issuer_name="Sở Tư pháp",
    )
    presented = handling.present(actor=office.clerk, document=document, leader=office.leader)
    [lead] = handling.assign(
        actor=office.leader,
        parent=presented,
        instruction=Instruction(lead=Target(user=office.specialist), due_date=due),
    )
    return lead


def reminders_for(user):
    return Notification.objects.filter(user=user, text__contains="hạn xử lý")


def test_the_holder_is_reminded_once_a_day_before_the_deadline(office):
    today = local_today()
    given_to_specialist(office, add_working_days(today, 1))
    assert send_deadline_reminders(today=today) == 1
    assert send_deadline_reminders(today=today) == 0  # once a day
    assert "Sắp đến hạn" in reminders_for(office.specialist).get().text


def test_far_deadlines_are_not_reminded(office):
    given_to_specialist(office, local_today() + dt.timedelta(days=30))
    assert send_deadline_reminders() == 0


def test_an_overdue_assignment_also_tells_the_assigner_once(office):
    today = local_today()
    lead = given_to_specialist(office, today)
    later = today + dt.timedelta(days=3)
    send_deadline_reminders(today=later)
    send_deadline_reminders(today=later + dt.timedelta(days=1))
    assert reminders_for(office.specialist).filter(text__startswith="Quá hạn").count() == 2
    assert reminders_for(office.leader).filter(text__startswith="Quá hạn").count() == 1
    lead.refresh_from_db()
    assert lead.overdue_notified


def test_finished_work_is_not_reminded(office):
    today = local_today()
    lead = given_to_specialist(office, today)
    handling.finish(actor=office.specialist, assignment=lead, result="Xong")
    assert send_deadline_reminders(today=today + dt.timedelta(days=5)) == 0
