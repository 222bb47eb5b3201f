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


def test_a_document_signed_by_its_signer_leaves_only_once_sealed_with_both_signatures(
    office, receiver, pki
):
    from egov.exchange import edxml
    from egov.exchange.models import OutboxMessage
    from egov.signatures.actions.signing import seal_as_organisation, sign_as_signer
    from egov.signatures.testing import PASSWORD, organisation_key, personal_key
    from egov.signatures.tests.helpers import approved, issue
    from egov.signatures.verify import verify_pdf

    personal_key(office.leader, pki)
    organisation_key(office.clerk, office.home_affairs, pki)
    document = approved(office)
    sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)

    issued = issue(office, document)
    assert not OutboxMessage.objects.exists()  # held: the organisation has not signed yet
    assert issued.recipients.get().status == "waiting"

    [sealed] = seal_as_organisation(actor=office.clerk, document=issued, secret=PASSWORD)
    [message] = OutboxMessage.objects.all()
    [attachment] = edxml.parse_edoc(bytes(message.body)).package.attachments
    with sealed.signed.content.open("rb") as stream:
        assert attachment.content == stream.read()
    assert verify_pdf(attachment.content).signers == ["Nguyễn Văn Ký", "UBND tỉnh thử nghiệm"]
    deliver()
    incoming = reception.register(
        actor=receiver.clerk, message=InboxMessage.objects.get(kind="edoc")
    )
    [check] = verifications_of(incoming)
    assert check.outcome == Outcome.VALID and not check.failed


def test_a_document_without_a_digital_signer_signature_leaves_on_issue(office, receiver, pki):
    from egov.exchange.models import OutboxMessage
    from egov.signatures.testing import organisation_key
    from egov.signatures.tests.helpers import approved, issue

    organisation_key(office.clerk, office.home_affairs, pki)
    issue(office, approved(office))  # signed on paper and scanned: nothing to wait for

    assert OutboxMessage.objects.count() == 1


def test_a_document_waiting_for_its_seal_cannot_be_mailed_either(office, pki):
    from egov.documents.actions import issuing
    from egov.documents.actions.issuing import RecipientSpec
    from egov.documents.choices import RecipientKind
    from egov.lib.errors import ActionError
    from egov.mail.actions import sending
    from egov.mail.models import OutboundMail
    from egov.signatures.actions.signing import sign_as_signer
    from egov.signatures.testing import PASSWORD, organisation_key, personal_key
    from egov.signatures.tests.helpers import approved

    personal_key(office.leader, pki)
    organisation_key(office.clerk, office.home_affairs, pki)
    document = approved(office)
    sign_as_signer(actor=office.leader, document=document, secret=PASSWORD)
    issued = issuing.issue(
        actor=office.clerk,
        document=document,
        recipients=[RecipientSpec(kind=RecipientKind.EMAIL, email="stc@angiang.gov.vn")],
    )

    with pytest.raises(ActionError) as refused:
        sending.send_document_by_mail(
            actor=office.clerk, document=issued, addresses="stc@angiang.gov.vn"
        )

    assert refused.value.code == "awaiting_seal"
    assert "chưa có chữ ký số của cơ quan" in str(refused.value)
    assert not OutboundMail.objects.exists()
