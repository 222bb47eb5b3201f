"""Usage figures: messages sent and received, documents by mail versus paper, response
time to citizens in working hours from the server's delivery time, last logins from
Dovecot's last_login plugin; as a page with a chart and as XLSX."""

from __future__ import annotations

import datetime as dt
import imaplib
import io
import time

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from egov.lib.dates import BUSINESS_TZ
from egov.mail import actions, testing
from egov.mail.actions import ingest, sending
from egov.mail.adapters import get_adapter
from egov.mail.adapters.base import MailboxRecord
from egov.mail.models import InboundMail, LastLogin, Mailbox
from egov.mail.testing import message
from egov.mail.usage import usage_for, working_hours_between

PASSWORD = "Thu-Cong-Vu-2026!"


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=BUSINESS_TZ)


@pytest.mark.django_db  # the working calendar (holidays, make-up days) is read from the database
def test_working_hours_skip_nights_lunch_and_weekends():
    assert working_hours_between(_at(6, 16), _at(9, 8, 30)) == 2.0  # Friday → Monday
    assert working_hours_between(_at(3, 11), _at(3, 14)) == 1.0  # across lunch
    assert working_hours_between(_at(3, 20), _at(4, 6)) == 0.0  # overnight
    assert working_hours_between(_at(4, 9), _at(3, 9)) == 0.0


@pytest.mark.mail
@pytest.mark.django_db(transaction=True)
def test_an_agency_sees_its_usage_with_response_times_and_last_logins(
    office, mail_traffic, client_for
):
    box = testing.agency_mailbox(office.home_affairs, "vt.usage")
    testing.approve_pending()
    leader_box = Mailbox.objects.get(person__user=office.leader)
    actions.set_mailbox_password(
        actor=None, mailbox=leader_box, password=PASSWORD, skip_access_check=True
    )
    client = imaplib.IMAP4("127.0.0.1", mail_traffic.imap_port, timeout=10)
    client.login(leader_box.address, PASSWORD)
    client.logout()
    # The citizen's own mailbox at a (test) provider the same server hosts.
    get_adapter().provision(
        MailboxRecord(
            address="binh@nguoidan.vn",
            local_part="binh",
            domain="nguoidan.vn",
            display_name="Trần Thị Bình",
            quota_mb=10,
        )
    )
    citizen_id, raw = message(
        sender="Trần Thị Bình <binh@nguoidan.vn>",
        to=box.address,
        subject="Xin hỏi lịch tiếp dân",
    )
    testing.deliver(mail_traffic, sender="binh@nguoidan.vn", recipients=[box.address], raw=raw)
    testing.wait_for_count(mail_traffic, box.address, 1)
    ingest.ingest_mailbox(box)
    citizen = InboundMail.objects.get(message_id=citizen_id)
    sending.answer_citizen(
        actor=office.clerk, inbound=citizen, text="Lịch tiếp dân vào sáng thứ Năm hằng tuần."
    )
    citizen.refresh_from_db()
    assert citizen.answered_at is not None and citizen.state == "answered"
    answer = testing.wait_for_header(mail_traffic, "binh@nguoidan.vn", "In-Reply-To", citizen_id)
    assert "tiếp dân vào sáng thứ Năm".encode() in answer or b"Subject: Re:" in answer

    for _attempt in range(50):  # the dict process writes asynchronously
        if LastLogin.objects.filter(username=leader_box.address).exists():
            break
        time.sleep(0.1)
    login = LastLogin.objects.get(username=leader_box.address)
    assert abs(login.last_login - dt.datetime.now(dt.UTC).timestamp()) < 120

    today = dt.datetime.now(BUSINESS_TZ).date()
    figures = usage_for(office.world.admin, today - dt.timedelta(days=1), today)
    [agency] = [a for a in figures.agencies if a.unit_id == office.home_affairs.pk]
    assert (agency.sent, agency.received, agency.citizen_messages, agency.answered) == (1, 1, 1, 1)
    assert agency.response_hours == [
        working_hours_between(citizen.internal_date, citizen.answered_at)
    ]
    [leader_row] = [p for p in figures.people if p.address == leader_box.address]
    assert leader_row.last_login is not None

    admin = client_for(office.world.admin)
    page = admin.get(reverse("mail:usage"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "mail-usage-data" in html and "echarts.min.js" in html and leader_box.address in html
    export = admin.get(reverse("mail:usage") + "?format=xlsx")
    book = load_workbook(io.BytesIO(export.content))
    rows = list(book["Co quan"].iter_rows(values_only=True))
    [row] = [r for r in rows if r[0] == office.home_affairs.name]
    assert row[2:4] == (1, 1) and row[7:9] == (1, 1)
    bad = admin.get(reverse("mail:usage") + "?from=31-31-2026")
    assert bad.status_code == 400 and "Ngày không hợp lệ" in bad.content.decode()
    assert client_for(office.clerk).get(reverse("mail:usage")).status_code == 404


@pytest.mark.mail
@pytest.mark.django_db(transaction=True)
def test_an_answer_filed_in_the_sent_folder_by_a_mail_client_stops_the_clock(office, mail_traffic):
    box = testing.agency_mailbox(office.home_affairs, "vt.sent")
    citizen_id, raw = message(sender="dan@example.org", to=box.address, subject="Xin hỏi")
    testing.deliver(mail_traffic, sender="dan@example.org", recipients=[box.address], raw=raw)
    testing.wait_for_count(mail_traffic, box.address, 1)
    ingest.ingest_mailbox(box)
    citizen = InboundMail.objects.get(message_id=citizen_id)
    assert citizen.answered_at is None

    # A clerk answers from Thunderbird: the answer is filed in "Sent" with its own date.
    _id, answer = message(
        sender=box.address, to="dan@example.org", subject="Re: Xin hỏi", in_reply_to=citizen_id
    )
    client = testing.imap_as(mail_traffic, box.address)
    client.create("Sent")
    answered_at = dt.datetime(2026, 11, 30, 9, 15, tzinfo=BUSINESS_TZ)
    client.append("Sent", "(\\Seen)", imaplib.Time2Internaldate(answered_at.timestamp()), answer)
    client.logout()

    report = ingest.ingest_mailbox(box)

    assert report.answered_from_sent == 1
    citizen.refresh_from_db()
    assert citizen.answered_at == answered_at and citizen.state == "answered"
    assert ingest.ingest_mailbox(box).answered_from_sent == 0  # taken once
