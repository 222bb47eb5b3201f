"""The clerk's screen of archived copies in use: who may open it, lending from a document's
page, refusals shown on the form with nothing written, returns, overdue copies first."""

import datetime as dt

import pytest
from django.urls import reverse

from egov.lib.dates import local_today
from egov.records.actions.loans import lend_copy
from egov.records.models import CopyLoan
from egov.records.testing import received

pytestmark = pytest.mark.django_db

TODAY = local_today()
DAY = dt.timedelta(days=1)
URL = reverse("records:loans")


def lent(office, subject, due_on):
    return lend_copy(
        actor=office.clerk,
        unit=office.home_affairs,
        borrower=office.specialist,
        permitted_by=office.leader,
        lent_on=TODAY - 5 * DAY,
        due_on=due_on,
        incoming=received(office, subject),
    )


def test_access_matrix(client, client_for, office):
    assert client.get(URL).status_code == 302  # to the login page
    assert client_for(office.specialist).get(URL).status_code == 404
    assert client_for(office.outsider).get(URL).status_code == 404
    leader = client_for(office.leader).get(URL)
    assert leader.status_code == 200 and "Ghi vào sổ" not in leader.content.decode()
    clerk = client_for(office.clerk).get(URL)
    assert clerk.status_code == 200 and "Ghi vào sổ" in clerk.content.decode()


def test_the_list_puts_overdue_copies_first(client_for, office, django_assert_max_num_queries):
    lent(office, "Văn bản chưa đến hạn", TODAY + 3 * DAY)
    lent(office, "Văn bản quá hạn trả", TODAY - DAY)
    for n in range(4):
        lent(office, f"Văn bản khác số {n}", None)
    client = client_for(office.clerk)
    client.get(URL)  # warm the session and caches
    with django_assert_max_num_queries(14):  # 13 with 6 copies out: not one per row
        html = client.get(URL).content.decode()
    table = html.split('id="copies-out"')[1]
    assert table.index("Văn bản quá hạn trả") < table.index("Văn bản chưa đến hạn")
    assert table.count("Quá hạn</strong>") == 1


def test_the_clerk_lends_from_the_documents_page_and_takes_it_back(client_for, office):
    document = received(office, "Về việc thanh tra công vụ")
    client = client_for(office.clerk)
    page = client.get(reverse("documents:incoming_detail", args=[document.pk])).content.decode()
    link = f"{URL}?unit={office.home_affairs.pk}&amp;incoming={document.pk}"
    assert link in page
    form = client.get(link.replace("&amp;", "&")).content.decode()
    assert "Về việc thanh tra công vụ" in form
    data = {
        "unit": office.home_affairs.pk,
        "incoming": document.pk,
        "borrower": office.specialist.pk,
        "permitted_by": office.leader.pk,
        "lent_on": TODAY.isoformat(),
        "due_on": (TODAY + DAY).isoformat(),
        "note": "Phục vụ thanh tra",
    }
    response = client.post(URL, data)
    assert response.status_code == 302
    loan = CopyLoan.objects.get()
    assert loan.incoming == document and loan.permitted_by == office.leader
    back = client.post(
        reverse("records:loan_return", args=[loan.pk]),
        {"returned_on": (TODAY - 2 * DAY).isoformat()},
        follow=True,
    )
    assert "không được trước ngày cho sử dụng" in back.content.decode()
    client.post(reverse("records:loan_return", args=[loan.pk]), {"returned_on": TODAY})
    loan.refresh_from_db()
    assert loan.returned_on == TODAY
    again = client.post(
        reverse("records:loan_return", args=[loan.pk]), {"returned_on": TODAY}, follow=True
    )
    assert "đã được trả ngày" in again.content.decode()


def test_a_refusal_is_shown_on_the_form_and_nothing_is_written(client_for, office):
    document = received(office)
    response = client_for(office.clerk).post(
        URL,
        {
            "unit": office.home_affairs.pk,
            "incoming": document.pk,
            "borrower": office.specialist.pk,
            "permitted_by": office.leader.pk,
            "lent_on": TODAY.isoformat(),
            "due_on": (TODAY - 3 * DAY).isoformat(),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hạn trả không được trước ngày cho sử dụng" in html
    assert "error-summary" in html
    assert not CopyLoan.objects.exists()
    other = client_for(office.clerk).post(
        URL,
        {
            "unit": office.home_affairs.pk,
            "borrower": office.specialist.pk,
            "permitted_by": office.specialist.pk,
            "lent_on": TODAY.isoformat(),
        },
    )
    assert "không phải lãnh đạo hoặc văn thư" in other.content.decode()


def test_strangers_cannot_return_a_copy(client_for, office):
    loan = lent(office, "Văn bản A", None)
    response = client_for(office.leader).post(
        reverse("records:loan_return", args=[loan.pk]), {"returned_on": TODAY}
    )
    assert response.status_code == 404
    loan.refresh_from_db()
    assert loan.returned_on is None
