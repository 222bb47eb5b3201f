"""The mail demo loads without a mail server, shows every kind of message, loads once."""

import io

import pytest
from django.urls import reverse

from egov.mail import demo
from egov.mail.choices import InboundKind, InboundState
from egov.mail.models import InboundMail, OutboundMail


@pytest.mark.django_db
def test_the_mail_demo_has_every_kind_of_message_and_loads_once(world, client_for, settings):
    settings.EGOV_MAIL_SMTP_HOST = settings.EGOV_MAIL_IMAP_HOST = ""  # no mail server
    assert not demo.loaded()
    demo.load(io.StringIO())
    assert demo.loaded()
    states = set(InboundMail.objects.values_list("kind", "state"))
    assert (InboundKind.DOCUMENT, InboundState.WAITING) in states
    assert (InboundKind.FEEDBACK, InboundState.OPEN) in states
    assert (InboundKind.FEEDBACK, InboundState.ANSWERED) in states
    assert any(state == InboundState.FAILED for _kind, state in states)
    assert InboundMail.objects.filter(flags__contains=["legacy_subject"]).exists()
    assert InboundMail.objects.filter(flags__contains=["spoofed"]).exists()

    page = client_for(world.clerk).get(reverse("mail:inbox") + "?tab=all")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Hỏi về hồ sơ thi tuyển công chức năm 2026" in html
    assert "Giấy mời họp giao ban" in html
    usage = client_for(world.admin).get(reverse("mail:usage"))
    assert usage.status_code == 200 and "Sở Nội vụ" in usage.content.decode()
    assert OutboundMail.objects.filter(kind="answer").count() == 1


@pytest.mark.django_db
def test_the_agency_mail_list_reads_in_a_fixed_number_of_queries(
    world, client_for, django_assert_max_num_queries
):
    demo.load(io.StringIO())
    client = client_for(world.clerk)
    client.get(reverse("mail:inbox") + "?tab=all")  # warm the session and caches
    for n in range(30):
        InboundMail.objects.create(
            mailbox=InboundMail.objects.first().mailbox,  # type: ignore[union-attr]
            uidvalidity=2,
            uid=n + 1,
            internal_date="2026-03-02T08:00:00+07:00",
            from_address=f"dan{n}@example.org",
            subject=f"Câu hỏi {n}",
            kind=InboundKind.FEEDBACK,
            state=InboundState.OPEN,
        )
    with django_assert_max_num_queries(15):
        page = client.get(reverse("mail:inbox") + "?tab=all")
    assert page.status_code == 200 and "Câu hỏi 29" in page.content.decode()
