"""A leader sets a deadline as a number of working days; the calendar decides the date."""

import pytest

from egov.documents.models import Assignment
from egov.documents.tests.test_views_incoming import action_url, error_links, presented
from egov.lib.dates import local_today
from egov.workcalendar.queries import add_working_days

pytestmark = pytest.mark.django_db


def test_a_deadline_in_working_days_skips_weekends_and_holidays(client_for, office):
    document, to_leader = presented(office)
    prefix = f"a{to_leader.pk}-assign"
    response = client_for(office.leader).post(
        action_url("assign", document, to_leader),
        {f"{prefix}-lead": f"user:{office.specialist.pk}", f"{prefix}-due_in_working_days": "5"},
    )
    assert response.status_code == 302
    given = Assignment.objects.get(parent=to_leader)
    assert given.due_date == add_working_days(local_today(), 5)


def test_giving_both_a_date_and_a_number_of_days_is_refused(client_for, office):
    document, to_leader = presented(office)
    prefix = f"a{to_leader.pk}-assign"
    response = client_for(office.leader).post(
        action_url("assign", document, to_leader),
        {
            f"{prefix}-lead": f"user:{office.specialist.pk}",
            f"{prefix}-due_in_working_days": "5",
            f"{prefix}-due_date": local_today().isoformat(),
        },
    )
    assert (
        f"id_{prefix}-due_in_working_days",
        "Chọn một cách đặt hạn: ngày cụ thể hoặc số ngày làm việc.",
    ) in error_links(response)
    assert not Assignment.objects.filter(parent=to_leader).exists()


def test_the_holder_is_offered_to_draft_the_reply(client_for, office):
    from egov.documents.actions import handling
    from egov.documents.actions.handling import Instruction, Target
    from egov.documents.tests.test_views_incoming import detail

    document, to_leader = presented(office)
    handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(lead=Target(user=office.specialist)),
    )
    link = f"/documents/outgoing/new/?reply_to={document.pk}"
    assert link in client_for(office.specialist).get(detail(document)).content.decode()
    assert link not in client_for(office.clerk).get(detail(document)).content.decode()
    form = client_for(office.specialist).get(link).content.decode()
    assert document.subject in form
