"""The exchange's reception goes through the same hook: a signed PDF that arrives as an edXML
package from another agency is verified when the receiving clerk registers it, and an altered
one is flagged."""

import pytest

from egov.documents.testing import doc_type, upload
from egov.exchange.actions import reception
from egov.exchange.actions.delivery import deliver_due
from egov.exchange.models import InboxMessage
from egov.exchange.tests.test_internal_delivery import issue_letter
from egov.signatures.choices import Outcome
from egov.signatures.queries import verifications_of
from egov.signatures.tests.test_verify import signed_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver(world):
    from egov.exchange.testing import build_receiver

    return build_receiver(world)


def deliver():
    while deliver_due() > 0:
        pass


@pytest.mark.parametrize("altered", [False, True])
def test_a_signed_pdf_received_through_the_exchange_is_verified(office, receiver, pki, altered):
    data = signed_by(pki)
    if altered:
        data = bytearray(data)
        index = data.find(b"Van ban da ky")
        data[index : index + 3] = b"ZZZ"
        data = bytes(data)
    issue_letter(
        drafter=office.specialist,
        drafting_unit=office.civil_service_division,
        reviewers=[],
        signer=office.leader,
        clerk=office.clerk,
        to=office.finance,
        document_type=doc_type("ke-hoach"),
        subject="Kế hoạch đã ký số",
        uploads=[upload("ke-hoach.pdf", data)],
    )
    deliver()
    incoming = reception.register(
        actor=receiver.clerk, message=InboxMessage.objects.get(kind="edoc")
    )
    [check] = verifications_of(incoming)
    assert check.outcome == (Outcome.INVALID if altered else Outcome.VALID)
    assert check.failed is altered
