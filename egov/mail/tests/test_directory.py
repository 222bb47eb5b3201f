"""The public directory publishes agency addresses and contact points only, and no address
appears in the page's HTML as text a harvester could match."""

from __future__ import annotations

import base64
import html
import re

import pytest
from django.urls import reverse

from egov.lib.errors import ActionError
from egov.mail import actions
from egov.mail.models import Mailbox
from egov.mail.testing import agency_mailbox, approve_pending

pytestmark = pytest.mark.django_db


def test_only_agency_addresses_and_contact_points_are_published_hidden_from_harvesters(
    world, client, client_for
):
    shared = agency_mailbox(world.home_affairs, "snv")
    approve_pending()
    leader = Mailbox.objects.get(person__user=world.leader)
    specialist = Mailbox.objects.get(person__user=world.specialist)
    actions.set_public_role(actor=world.admin, mailbox=leader, role="Người phát ngôn")

    page = client.get(reverse("mail:directory"))

    assert page.status_code == 200
    raw = page.content.decode()
    assert "@angiang.gov.vn" not in raw and "angiang.gov.vn" not in raw
    text = html.unescape(raw)
    assert "snv a còng angiang.gov.vn" in re.sub(r"<[^>]+>", "", text).replace("  ", " ")
    assert "Người phát ngôn" in text
    published = {base64.b64decode(m).decode()[::-1] for m in re.findall(r'data-m="([^"]+)"', raw)}
    assert published == {shared.address, leader.address}
    assert specialist.address not in text

    # Withdrawn: gone from the page; agency addresses cannot be withdrawn; outsiders may
    # not publish anyone.
    actions.set_public_role(actor=world.admin, mailbox=leader, role="")
    assert "Người phát ngôn" not in html.unescape(
        client.get(reverse("mail:directory")).content.decode()
    )
    with pytest.raises(ActionError):
        actions.set_public_role(actor=world.admin, mailbox=shared, role="x")
    response = client_for(world.outsider).post(
        reverse("mail:public_role", args=[leader.pk]), {"role": "Đầu mối"}
    )
    assert response.status_code == 404
    leader.refresh_from_db()
    assert leader.public_role == ""
