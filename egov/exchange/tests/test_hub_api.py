"""The hub's endpoints for its members: a member authenticates with its token; the hub
routes what it sends, lists what waits for it, hands it over and takes "done"."""

import base64
import datetime as dt
import json
from dataclasses import replace

import pytest
from django.urls import reverse
from django.utils import timezone

from egov.exchange import edxml, framing
from egov.exchange.models import HubMailbox, InboxMessage, Organ, Peer
from egov.exchange.packages import seal

from .factories import SENDER, make_package
from .test_bad_input import FINANCE, fresh

pytestmark = pytest.mark.django_db
MEMBER_ORGAN = "000.00.00.H41"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def member(world):
    peer = Peer.objects.create(
        name="Hệ thống Nghệ An", code="nghean", inbound_token_sha256=Peer.hash_token("secret-1")
    )
    Organ.objects.create(code=MEMBER_ORGAN, name=SENDER.organ_name, peer=peer)
    return peer


@pytest.fixture
def other(world):
    peer = Peer.objects.create(
        name="Hệ thống khác", code="khac", inbound_token_sha256=Peer.hash_token("secret-2")
    )
    Organ.objects.create(code="H41.12", name="Sở Nội vụ tỉnh Nghệ An", peer=peer)
    return peer


def auth(token="secret-1"):  # noqa: S107 - a test token
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def send(client, body, token="secret-1"):  # noqa: S107 - a test token
    return client.post(
        reverse("exchange:hub_send"), body, content_type="application/xml", **auth(token)
    )


def test_without_a_valid_token_every_endpoint_answers_401(client, member):
    for name, args in (
        ("hub_send", []),
        ("hub_received", []),
        ("hub_agencies", []),
        ("hub_package", [1]),
        ("hub_status", [1]),
        ("hub_statuses", []),
        ("hub_sent", []),
    ):
        response = client.get(reverse(f"exchange:{name}", args=args), **auth("wrong"))
        assert response.status_code == 401, name
        assert response.json()["code"] == "unauthorised"


def test_a_package_for_the_hubs_own_agency_goes_into_its_inbox(client, member):
    body = seal(edxml.build_edoc(fresh(make_package(to=(FINANCE,))))).body
    response = send(client, body)
    assert response.status_code == 200 and response.json() == {"local": 1, "mailboxes": 0}
    assert InboxMessage.objects.get(kind="edoc").to_code == FINANCE.organ_id


def test_a_package_for_another_member_waits_in_its_mailbox_until_it_says_done(
    client, member, other
):
    body = seal(edxml.build_edoc(fresh(make_package()))).body
    assert send(client, body).json() == {"local": 0, "mailboxes": 1}
    assert send(client, body).json() == {"local": 0, "mailboxes": 0}  # sent twice, kept once
    listed = client.get(reverse("exchange:hub_received"), **auth("secret-2")).json()["packages"]
    [item] = listed
    assert client.get(reverse("exchange:hub_received"), **auth("secret-1")).json() == {
        "packages": []
    }
    fetched = client.get(reverse("exchange:hub_package", args=[item["id"]]), **auth("secret-2"))
    assert fetched.content == body and fetched["X-Content-SHA256"] == item["sha256"]
    assert (
        client.get(
            reverse("exchange:hub_package", args=[item["id"]]), **auth("secret-1")
        ).status_code
        == 404
    )
    done = client.post(
        reverse("exchange:hub_status", args=[item["id"]]),
        json.dumps({"status": "done"}),
        content_type="application/json",
        **auth("secret-2"),
    )
    assert done.status_code == 200
    assert client.get(reverse("exchange:hub_received"), **auth("secret-2")).json() == {
        "packages": []
    }
    sent = client.get(reverse("exchange:hub_sent"), **auth("secret-1")).json()["packages"]
    assert [(p["to_code"], p["state"]) for p in sent] == [("H41.12", "done")]


def test_an_unknown_recipient_is_refused_with_its_code(client, member):
    nowhere = edxml.Organization(organ_id="G09.99", organ_name="Không có")
    body = seal(edxml.build_edoc(fresh(make_package(to=(nowhere,))))).body
    response = send(client, body)
    assert response.status_code == 422 and response.json()["code"] == "unknown_recipient"
    assert not HubMailbox.objects.exists()


def test_a_forged_package_is_refused(client, member, other):
    body = seal(edxml.build_edoc(fresh(make_package()))).body
    forged = body.replace(b"459", b"460", 1)
    response = send(client, forged)
    assert response.status_code == 422 and response.json()["code"].startswith("S.")


def test_an_oversized_package_is_refused_before_it_is_read(client, member, settings):
    settings.EGOV_EXCHANGE_MAX_PACKAGE_BYTES = 1000
    response = send(client, b"<" + b"x" * 5000)
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_members_register_their_agencies_and_read_the_directory(client, member, world):
    created = client.post(
        reverse("exchange:hub_agencies"),
        json.dumps({"code": "H41.20", "name": "Sở Tài chính tỉnh Nghệ An"}),
        content_type="application/json",
        **auth(),
    )
    assert created.status_code == 201
    taken = client.post(
        reverse("exchange:hub_agencies"),
        json.dumps({"code": world.finance.organ_code, "name": "Giả mạo"}),
        content_type="application/json",
        **auth(),
    )
    assert taken.status_code == 422 and taken.json()["code"] == "code_taken"
    codes = {
        a["code"] for a in client.get(reverse("exchange:hub_agencies"), **auth()).json()["agencies"]
    }
    assert {"H41.20", MEMBER_ORGAN, world.finance.organ_code} <= codes


def test_a_leased_package_is_listed_to_one_worker_until_the_lease_runs_out(client, member, other):
    body = seal(edxml.build_edoc(fresh(make_package()))).body
    send(client, body)
    received = reverse("exchange:hub_received")
    first = client.get(received, {"lease": 60}, **auth("secret-2")).json()["packages"]
    second = client.get(received, {"lease": 60}, **auth("secret-2")).json()["packages"]
    assert len(first) == 1 and second == []
    HubMailbox.objects.update(leased_until=timezone.now() - dt.timedelta(seconds=1))
    again = client.get(received, {"lease": 60}, **auth("secret-2")).json()["packages"]
    assert [p["id"] for p in again] == [first[0]["id"]]


def test_a_merged_agency_keeps_its_old_code_and_packages_to_it_reach_the_successor(
    client, member, other
):
    merged = client.post(
        reverse("exchange:hub_agencies"),
        json.dumps({"code": "H41.30", "name": "Sở Nội vụ (sau sáp nhập)", "replaces": "H41.12"}),
        content_type="application/json",
        **auth("secret-2"),
    )
    assert merged.status_code == 201
    old = Organ.objects.get(code="H41.12")
    assert not old.active and old.valid_to is not None
    assert old.replaced_by is not None and old.replaced_by.code == "H41.30"
    listed = {
        a["code"]: a
        for a in client.get(reverse("exchange:hub_agencies"), **auth()).json()["agencies"]
    }
    assert listed["H41.12"]["replaced_by"] == "H41.30" and listed["H41.12"]["active"] is False
    # A sender with the old address still reaches the agency that carries its work.
    body = seal(edxml.build_edoc(fresh(make_package()))).body  # addressed to H41.12
    assert send(client, body).json() == {"local": 0, "mailboxes": 1}
    assert HubMailbox.objects.get().peer == other


def test_a_member_cannot_retire_another_members_agency(client, member, other):
    response = client.post(
        reverse("exchange:hub_agencies"),
        json.dumps({"code": "H41.31", "name": "Giả mạo", "replaces": "H41.12"}),
        content_type="application/json",
        **auth("secret-1"),
    )
    assert response.status_code == 422 and response.json()["code"] == "unknown_predecessor"
    assert Organ.objects.get(code="H41.12").active
    assert not Organ.objects.filter(code="H41.31").exists()


def test_small_packages_come_inline_and_a_batch_is_acknowledged_in_one_call(client, member, other):
    status = seal(
        edxml.build_status(
            edxml.StatusMessage(
                from_=edxml.Organization(organ_id=MEMBER_ORGAN, organ_name=SENDER.organ_name),
                to=(edxml.Organization(organ_id="H41.12", organ_name="Sở Nội vụ"),),
                response_for=edxml.ResponseFor(
                    organ_id="H41.12",
                    code="12/SNV-VP",
                    promulgation_date=dt.date(2026, 11, 27),
                    document_id="H41.12,2026/11/27,12/SNV-VP",
                ),
                status_code=edxml.StatusCode.ARRIVED,
                description="Đã đến",
                timestamp=timezone.now(),
            )
        )
    ).body
    scan = edxml.Attachment(
        attachment_name="ban-chup.pdf",
        content=b"%PDF-1.4\n" + bytes(range(256)) * 200,
        content_type="application/pdf",
    )
    edoc = seal(edxml.build_edoc(replace(fresh(make_package()), attachments=(scan,)))).body
    send(client, status)
    send(client, edoc)
    url = reverse("exchange:hub_received")

    listed = client.get(url, {"inline": 32768}, **auth("secret-2")).json()["packages"]

    by_kind = {item["kind"]: item for item in listed}
    assert base64.b64decode(by_kind["status"]["body"]) == status
    assert "body" not in by_kind["edoc"]  # too big to inline: fetched on its own
    assert HubMailbox.objects.get(pk=by_kind["status"]["id"]).fetched_at is not None
    batch = reverse("exchange:hub_statuses")
    others = client.post(
        batch,
        json.dumps({"ids": [item["id"] for item in listed], "status": "done"}),
        content_type="application/json",
        **auth("secret-1"),
    )
    assert others.status_code == 404  # not that member's packages: nothing changes
    assert HubMailbox.objects.filter(state="done").count() == 0
    done = client.post(
        batch,
        json.dumps({"ids": [item["id"] for item in listed], "status": "done"}),
        content_type="application/json",
        **auth("secret-2"),
    )
    assert done.json() == {"ok": True, "count": 2}
    assert client.get(url, **auth("secret-2")).json() == {"packages": []}


def test_the_hub_routes_on_the_header_and_leaves_the_content_rules_to_the_receiver(
    client, member, other
):
    # An attachment of a type the rules do not allow: the receiver refuses the package with
    # 02 and the list of problems; the hub, which does not open attachments, passes it on.
    package = replace(
        fresh(make_package()),
        attachments=(
            edxml.Attachment(
                attachment_name="van-ban.pdf",
                content=b"%PDF-1.4\n%%EOF\n",
                content_type="application/pdf",
            ),
        ),
    )
    built = edxml.build_edoc(package).replace(b"application/pdf", b"application/x-msdownload")
    body = seal(built).body
    with pytest.raises(edxml.ValidationFailure) as refused:
        edxml.parse_edoc(body)
    assert "ContentType" in str(refused.value)

    assert send(client, body).json() == {"local": 0, "mailboxes": 1}


def send_batch(client, bodies, token="secret-1"):  # noqa: S107 - a test token
    return client.post(
        reverse("exchange:hub_send_batch"),
        b"".join(framing.pack(enumerate(bodies))),
        content_type=framing.CONTENT_TYPE,
        **auth(token),
    )


def test_a_batch_is_routed_package_by_package_and_a_refusal_refuses_only_its_own(
    client, member, other
):
    nowhere = edxml.Organization(organ_id="G09.99", organ_name="Không có")
    first = seal(edxml.build_edoc(fresh(make_package()))).body
    lost = seal(edxml.build_edoc(fresh(make_package(to=(nowhere,))))).body
    mine = seal(edxml.build_edoc(fresh(make_package(to=(FINANCE,))))).body

    response = send_batch(client, [first, lost, mine])

    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0] == {"local": 0, "mailboxes": 1}
    assert results[1]["code"] == "unknown_recipient" and "G09.99" in results[1]["detail"]
    assert results[2] == {"local": 1, "mailboxes": 0}
    assert HubMailbox.objects.get().peer == other
    assert InboxMessage.objects.get(kind="edoc").to_code == FINANCE.organ_id
    # Sent again after a lost answer: nothing is stored twice.
    assert send_batch(client, [first, mine]).json()["results"] == [
        {"local": 0, "mailboxes": 0},
        {"local": 1, "mailboxes": 0},
    ]
    assert HubMailbox.objects.count() == 1
    assert InboxMessage.objects.filter(kind="edoc").count() == 1


def test_a_damaged_or_anonymous_batch_stores_nothing(client, member, other):
    body = seal(edxml.build_edoc(fresh(make_package()))).body
    cut = b"".join(framing.pack([(0, body)]))[:-10]
    response = client.post(
        reverse("exchange:hub_send_batch"), cut, content_type=framing.CONTENT_TYPE, **auth()
    )
    assert response.status_code == 400 and response.json()["code"] == "bad_batch"
    assert send_batch(client, [body], token="wrong").status_code == 401
    assert not HubMailbox.objects.exists()


def test_a_member_fetches_its_packages_in_one_request_as_many_as_fit(
    client, member, other, monkeypatch
):
    bodies = [
        seal(
            edxml.build_edoc(
                fresh(make_package(document_id=f"000.00.00.H41,2026/11/28,{n}/UBND-TTTH"))
            )
        ).body
        for n in (460, 461, 462)
    ]
    send_batch(client, bodies)
    mine = [
        p["id"]
        for p in client.get(reverse("exchange:hub_received"), **auth("secret-2")).json()["packages"]
    ]
    url = reverse("exchange:hub_packages")

    fetched = client.get(url, {"ids": ",".join(map(str, mine))}, **auth("secret-2"))

    assert fetched["Content-Type"] == framing.CONTENT_TYPE
    assert framing.unpack(fetched.content) == list(zip(mine, bodies, strict=True))
    assert all(m.fetched_at is not None for m in HubMailbox.objects.all())
    # Another member's token: none of them.
    theirs = client.get(url, {"ids": ",".join(map(str, mine))}, **auth("secret-1"))
    assert framing.unpack(theirs.content) == []
    # A batch answer holds what fits (at least one); the member asks again for the rest.
    monkeypatch.setattr(framing, "BATCH_BYTES", len(bodies[0]) + len(bodies[1]) - 1)
    part = client.get(url, {"ids": ",".join(map(str, mine))}, **auth("secret-2"))
    assert [pk for pk, _body in framing.unpack(part.content)] == mine[:1]
    bad = client.get(url, {"ids": "1,x"}, **auth("secret-2"))
    assert bad.status_code == 400 and bad.json()["code"] == "bad_parameter"


def test_a_batch_over_its_size_is_refused_before_anything_is_taken(
    client, member, other, monkeypatch
):
    body = seal(edxml.build_edoc(fresh(make_package()))).body
    monkeypatch.setattr(framing, "BATCH_BYTES", len(body) // 2)
    response = send_batch(client, [body])
    assert response.status_code == 413 and response.json()["code"] == "too_large"
    assert not HubMailbox.objects.exists()
