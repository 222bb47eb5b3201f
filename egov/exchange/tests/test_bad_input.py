"""Packages the exchange must refuse, each with its reason recorded, nothing half-stored,
and a 02 back where the sender can be named."""

from dataclasses import replace

import pytest
from django.utils import timezone
from lxml import etree

from egov.exchange import edxml
from egov.exchange.actions import inbox
from egov.exchange.actions.inbox import Refused
from egov.exchange.choices import InboxState
from egov.exchange.models import InboxMessage, OutboxMessage
from egov.exchange.packages import seal
from egov.exchange.testing import new_ca, write_identity

from .factories import RECIPIENT, make_package, make_status

pytestmark = pytest.mark.django_db
FINANCE = replace(RECIPIENT, organ_id="000.00.03.H01", organ_name="Sở Tài chính")


def fresh(package):
    """The factory's package, dated today: timestamps from the future are refused."""
    now = timezone.now()
    trace = replace(
        package.trace_header_list,
        trace_headers=tuple(
            replace(t, timestamp=now) for t in package.trace_header_list.trace_headers
        ),
    )
    return replace(package, trace_header_list=trace)


def package_for_finance(**changes):
    return fresh(make_package(to=(FINANCE,), **changes))


def signed(package) -> bytes:
    return seal(edxml.build_edoc(package)).body


def refused(body: bytes) -> Refused:
    with pytest.raises(Refused) as caught:
        inbox.accept(body)
    return caught.value


def only_rejection() -> InboxMessage:
    [message] = InboxMessage.objects.all()
    assert message.state == InboxState.REJECTED
    return message


def test_a_valid_package_for_our_agency_is_taken_in_and_answered_01(world):
    message = inbox.accept(signed(package_for_finance()))
    assert message.state == InboxState.WAITING and message.unit == world.finance
    [answer] = OutboxMessage.objects.all()
    assert (answer.kind, answer.status_code, answer.to_code) == ("status", "01", "000.00.00.H41")


def test_malformed_xml_is_refused_and_recorded(world):
    reason = refused(b"<?xml version='1.0'?><edXML><unclosed></edXML>")
    assert reason.code in ("S.MalformedXml", "X.MalformedXml")
    assert "MalformedXml" in only_rejection().note
    assert not OutboxMessage.objects.exists()


def test_an_xml_bomb_is_refused_without_being_expanded(world):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<edXML>&lol2;</edXML>"
    )
    reason = refused(bomb)
    assert "Doctype" in reason.reason
    assert only_rejection().size == len(bomb)


def test_an_external_entity_is_refused_unread(world):
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<edXML>&e;</edXML>"
    )
    refused(xxe)
    assert "root:" not in only_rejection().note


def test_a_package_whose_signature_does_not_verify_is_refused_with_02(world):
    body = signed(package_for_finance())
    tampered = body.replace("triển khai".encode(), "hủy bỏ".encode(), 1)
    reason = refused(tampered)
    assert reason.code.startswith("S.")
    only_rejection()
    [answer] = OutboxMessage.objects.all()
    assert answer.status_code == "02" and answer.to_code == "000.00.00.H41"


def test_a_package_signed_by_an_unknown_authority_is_refused(world, tmp_path, settings):
    from egov.exchange.identity import load_identity

    stranger = write_identity(tmp_path, new_ca("Stranger CA"), "Hệ thống lạ")
    trusted = settings.EGOV_EXCHANGE_TRUST_FILE
    settings.EGOV_EXCHANGE_KEY_FILE = stranger["EGOV_EXCHANGE_KEY_FILE"]
    settings.EGOV_EXCHANGE_CERT_FILE = stranger["EGOV_EXCHANGE_CERT_FILE"]
    load_identity.cache_clear()
    body = signed(package_for_finance())
    settings.EGOV_EXCHANGE_TRUST_FILE = trusted
    load_identity.cache_clear()
    assert refused(body).code.startswith("S.")


def test_an_unsigned_package_is_refused(world):
    assert refused(edxml.build_edoc(package_for_finance())).code.startswith("S.")


def test_a_package_for_an_agency_we_do_not_serve_is_refused(world):
    reason = refused(signed(fresh(make_package())))
    assert reason.code == "unknown_recipient" and "H41.12" in reason.reason
    assert "Không có cơ quan nhận" in reason.reason_vi
    only_rejection()


def test_a_non_conformant_package_is_refused_with_the_list_of_problems(world):
    bad = package_for_finance()
    root = etree.fromstring(edxml.build_edoc(bad))
    subject = next(e for e in root.iter() if etree.QName(e).localname == "Subject")
    subject.text = ""
    body = seal(etree.tostring(root, xml_declaration=True, encoding="UTF-8")).body
    reason = refused(body)
    assert reason.code == "invalid_package" and "Subject" in reason.reason
    [answer] = OutboxMessage.objects.all()
    assert (
        answer.status_code == "02"
        and "Subject" in edxml.parse_status(bytes(answer.body)).status.description
    )


def test_a_package_over_the_size_limit_is_refused_before_parsing(world, settings):
    settings.EGOV_EXCHANGE_MAX_PACKAGE_BYTES = 10_000
    big = signed(package_for_finance()) + b" " * 10_001
    assert refused(big).code == "too_large"
    assert only_rejection().body == b""  # the oversized bytes are not kept


def test_a_status_about_a_document_we_never_sent_is_refused(world):
    status = make_status(timestamp=timezone.now())
    body = seal(edxml.build_status(status)).body
    reason = refused(body)
    assert reason.code == "unknown_document"
    only_rejection()


def test_the_same_package_twice_is_one_message_and_one_acknowledgement(world):
    body = signed(package_for_finance())
    first = inbox.accept(body)
    second = inbox.accept(body)
    assert first.pk == second.pk and InboxMessage.objects.count() == 1
    assert OutboxMessage.objects.count() == 1
