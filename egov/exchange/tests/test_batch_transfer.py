"""Batches between our own installations: the worker sends what is due for the hub in one
request and marks each message by its own result; the poller takes a batch in in one
transaction, and when anything but a refusal breaks it, takes each package on its own so
that one package cannot hold back the others."""

import pytest
from django.db import DatabaseError, connection

from egov.exchange import edxml, queries
from egov.exchange.actions import delivery
from egov.exchange.actions.outbox import enqueue
from egov.exchange.choices import InboxState, Kind, OutboxState
from egov.exchange.models import HubMailbox, InboxMessage, Organ, OutboxMessage, Peer
from egov.exchange.packages import seal

from .factories import make_package
from .test_bad_input import package_for_finance

HUB_ORGAN = "H41.12"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _numbered(number, **changes):
    return seal(
        edxml.build_edoc(
            package_for_finance(
                document_id=f"000.00.00.H41,2026/11/28,{number}/UBND-TTTH", **changes
            )
        )
    ).body


@pytest.mark.django_db
def test_a_batch_taken_in_together_keeps_a_refusal_apart(world):
    hub = Peer.objects.create(name="Trục", code="hub", is_hub=True)
    good = _numbered(501)
    done: list[int] = []

    delivery._take_in(hub, [(11, good), (12, b"<not-a-package")], done)

    assert done == [11, 12]  # the refused one is recorded: fetching it again changes nothing
    assert InboxMessage.objects.get(kind="edoc", state=InboxState.WAITING).sha256
    assert InboxMessage.objects.filter(state=InboxState.REJECTED).count() == 1


@pytest.mark.django_db
def test_a_package_that_breaks_the_batch_holds_back_only_itself(world):
    hub = Peer.objects.create(name="Trục", code="hub", is_hub=True)
    first, poisoned, last = _numbered(601), _numbered(602), _numbered(603)
    with connection.cursor() as cursor:  # the database refuses one package's row
        cursor.execute(
            "CREATE FUNCTION test_refuse_602() RETURNS trigger LANGUAGE plpgsql AS $$"
            " BEGIN IF NEW.document_id LIKE '%,602/%' THEN RAISE EXCEPTION 'disk full'; END IF;"
            " RETURN NEW; END $$;"
            " CREATE TRIGGER test_refuse_602 BEFORE INSERT ON exchange_inboxmessage"
            " FOR EACH ROW EXECUTE FUNCTION test_refuse_602()"
        )
    done: list[int] = []

    with pytest.raises(DatabaseError, match="disk full"):
        delivery._take_in(hub, [(1, first), (2, poisoned), (3, last)], done)

    # The batch was rolled back and taken again one by one: the first is in and will be
    # acknowledged; the poisoned one and what follows stay at the hub for the next poll.
    assert done == [1]
    assert list(InboxMessage.objects.values_list("document_id", flat=True)) == [
        "000.00.00.H41,2026/11/28,601/UBND-TTTH"
    ]


def hub_served_by(url):
    """This installation's hub at ``url``, which knows this installation as its member by
    the same token (``t-1``)."""
    return Peer.objects.create(
        name="Trục",
        code="hub",
        is_hub=True,
        base_url=url,
        outbound_token="t-1",
        inbound_token_sha256=Peer.hash_token("t-1"),
    )


@pytest.mark.django_db(transaction=True)
def test_due_messages_for_the_hub_go_in_one_request_each_marked_by_its_result(world, live_server):
    # This installation's hub is served by the live server (the same database plays both
    # sides, and the hub knows this installation as its member by the same token): it
    # routes H41.12 to this member's mailbox.
    hub = hub_served_by(live_server.url)
    Organ.objects.create(code=HUB_ORGAN, name="Sở Nội vụ", peer=hub)
    to_hub = edxml.Organization(organ_id=HUB_ORGAN, organ_name="Sở Nội vụ")
    nowhere = edxml.Organization(organ_id="G09.99", organ_name="Không có")
    for number, to in ((701, to_hub), (702, nowhere), (703, to_hub)):
        package = make_package(to=(to,), document_id=f"000.00.00.H41,2026/11/28,{number}/X")
        enqueue(
            kind=Kind.EDOC,
            sealed=seal(edxml.build_edoc(package)),
            document_id=package.message_header.document_id,
            from_code="000.00.00.H41",
            to_code=to.organ_id,
        )

    assert delivery.deliver_due() == 3

    states = dict(OutboxMessage.objects.values_list("to_code", "state").distinct())
    assert states == {HUB_ORGAN: OutboxState.SENT, "G09.99": OutboxState.DEAD}
    refused = OutboxMessage.objects.get(to_code="G09.99")
    assert refused.last_error.startswith("unknown_recipient") and refused.attempts == 1
    assert sorted(HubMailbox.objects.values_list("document_id", flat=True)) == [
        "000.00.00.H41,2026/11/28,701/X",
        "000.00.00.H41,2026/11/28,703/X",
    ]
    # The member fetches both in one request.
    fetched = delivery._fetch(
        hub, list(HubMailbox.objects.order_by("id").values_list("id", flat=True))
    )
    assert len(fetched) == 2 and all(body.startswith(b"<?xml") for _pk, body in fetched)


@pytest.mark.django_db
def test_a_batch_reads_each_agency_once_and_outside_a_batch_every_call_reads(
    world, django_assert_num_queries
):
    code = world.finance.organ_code
    with django_assert_num_queries(2), queries.batch_lookups():
        assert queries.local_unit(code) == world.finance
        assert queries.local_unit(code) == world.finance
        assert queries.local_unit("G09.99") is None
        assert queries.local_unit("G09.99") is None
    with django_assert_num_queries(2):
        assert queries.local_unit(code) == world.finance
        assert queries.local_unit(code) == world.finance
