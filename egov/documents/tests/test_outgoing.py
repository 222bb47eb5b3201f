import pytest
from django.core.exceptions import PermissionDenied

from egov.documents.actions import issuing, outgoing
from egov.documents.actions.issuing import RecipientSpec
from egov.documents.choices import OutgoingStatus, RecipientKind, ReviewDecision
from egov.documents.models import OutgoingDocument, Recipient
from egov.documents.testing import doc_type, upload
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db


def draft(office, code="cong-van", **extra):
    return outgoing.create_draft(
        actor=office.specialist,
        drafting_unit=office.civil_service_division,
        document_type=doc_type(code),
        subject="Về việc tuyển dụng công chức",
        uploads=[upload("du-thao.pdf")],
        **extra,
    )


def approved(office, **extra):
    document = draft(office, **extra)
    outgoing.submit_for_review(
        actor=office.specialist,
        document=document,
        reviewers=[office.division_head],
        signer=office.leader,
    )
    outgoing.review(actor=office.division_head, document=document, decision="approved")
    outgoing.review(actor=office.leader, document=document, decision="approved")
    document.refresh_from_db()
    return document


def internal(office):
    return [RecipientSpec(kind=RecipientKind.INTERNAL, unit=office.finance)]


def test_a_letter_is_numbered_with_the_agency_and_drafting_unit(office):
    document = approved(office)
    assert document.unit == office.home_affairs  # the division's agency issues it
    issued = issuing.issue(actor=office.clerk, document=document, recipients=internal(office))
    assert issued.status == OutgoingStatus.ISSUED
    assert issued.number_and_notation == "01/SNV-CCVC"
    second = issuing.issue(
        actor=office.clerk, document=approved(office), recipients=internal(office)
    )
    assert second.number_and_notation == "02/SNV-CCVC"


def test_other_types_carry_their_abbreviation_and_legal_ones_the_year(office):
    directive = issuing.issue(
        actor=office.clerk, document=approved(office, code="chi-thi"), recipients=internal(office)
    )
    assert directive.number_and_notation == "01/CT-SNV"
    legal = issuing.issue(
        actor=office.clerk,
        document=approved(office, code="quyet-dinh", is_legal=True),
        recipients=internal(office),
    )
    year = legal.year
    assert legal.number_and_notation == f"01/{year}/QĐ-SNV"  # its own series
    assert legal.register != directive.register


def test_the_review_chain_runs_in_order_and_can_be_returned(office):
    document = draft(office)
    outgoing.submit_for_review(
        actor=office.specialist,
        document=document,
        reviewers=[office.division_head],
        signer=office.leader,
    )
    with pytest.raises(PermissionDenied):  # not the signer's turn yet
        outgoing.review(actor=office.leader, document=document, decision="approved")
    with pytest.raises(ActionError):
        outgoing.review(actor=office.division_head, document=document, decision="returned")
    outgoing.review(
        actor=office.division_head, document=document, decision="returned", comment="Sửa đoạn 2"
    )
    document.refresh_from_db()
    assert document.status == OutgoingStatus.RETURNED
    outgoing.add_version(
        actor=office.specialist, document=document, uploads=[upload("v2.pdf")], note="Đã sửa"
    )
    outgoing.submit_for_review(
        actor=office.specialist,
        document=document,
        reviewers=[office.division_head],
        signer=office.leader,
    )
    steps = document.review_steps.filter(round=2).order_by("order")
    assert [s.decision for s in steps] == [ReviewDecision.PENDING, ReviewDecision.WAITING]
    assert steps[0].version.number == 2


def test_a_reviewer_may_ask_someone_else_first(office):
    document = draft(office)
    outgoing.submit_for_review(
        actor=office.specialist,
        document=document,
        reviewers=[office.division_head],
        signer=office.leader,
    )
    outgoing.review(
        actor=office.division_head, document=document, decision="forwarded", forward_to=office.clerk
    )
    outgoing.review(
        actor=office.clerk, document=document, decision="approved", comment="Đúng thể thức"
    )
    outgoing.review(actor=office.division_head, document=document, decision="approved")
    outgoing.review(actor=office.leader, document=document, decision="approved")
    document.refresh_from_db()
    assert document.status == OutgoingStatus.APPROVED


def test_only_a_clerk_of_the_agency_issues_an_approved_document(office):
    document = draft(office)
    with pytest.raises(PermissionDenied):
        issuing.issue(actor=office.specialist, document=document, recipients=internal(office))
    with pytest.raises(ActionError) as error:
        issuing.issue(actor=office.clerk, document=document, recipients=internal(office))
    assert error.value.code == "not_approved"


def test_the_delivery_rule_of_the_type_is_applied(office):
    letter = approved(office)  # công văn: electronic only
    with pytest.raises(ActionError) as error:
        issuing.issue(
            actor=office.clerk,
            document=letter,
            recipients=[RecipientSpec(kind=RecipientKind.POST, name="Công ty A")],
        )
    assert error.value.code == "type_electronic_only"
    assert OutgoingDocument.objects.get(pk=letter.pk).number is None  # nothing numbered
    decision = approved(office, code="quyet-dinh")  # parallel
    issued = issuing.issue(
        actor=office.clerk,
        document=decision,
        recipients=[
            *internal(office),
            RecipientSpec(kind=RecipientKind.ORGAN, organ_code="000.00.00.G09", name="Bộ Nội vụ"),
        ],
    )
    assert issued.electronic and issued.on_paper
    assert set(Recipient.objects.filter(document=issued).values_list("on_paper", flat=True)) == {
        True
    }


def test_a_bad_organ_code_refuses_the_issue(office):
    with pytest.raises(ActionError) as error:
        issuing.issue(
            actor=office.clerk,
            document=approved(office),
            recipients=[RecipientSpec(kind=RecipientKind.ORGAN, organ_code="H01-151", name="X")],
        )
    assert error.value.code == "organ_code_invalid"


def test_recall_and_replace_keep_both_versions(office):
    first = issuing.issue(
        actor=office.clerk, document=approved(office), recipients=internal(office)
    )
    with pytest.raises(ActionError):
        issuing.recall(actor=office.clerk, document=first, reason="")
    replacement = approved(office, replaces=first, change_reason="Sai số liệu biên chế")
    issued = issuing.issue(actor=office.clerk, document=replacement, recipients=internal(office))
    first.refresh_from_db()
    assert first.status == OutgoingStatus.REPLACED and first.number == 1
    assert issued.replaces == first and issued.number == 2


def test_drafts_are_seen_by_their_chain_not_by_clerks_or_outsiders(office):
    from egov.documents.queries import outgoing_visible_to

    document = draft(office)
    assert outgoing_visible_to(office.specialist).filter(pk=document.pk).exists()
    assert not outgoing_visible_to(office.clerk).filter(pk=document.pk).exists()
    assert not outgoing_visible_to(office.outsider).filter(pk=document.pk).exists()
    approved_doc = approved(office)
    assert outgoing_visible_to(office.clerk).filter(pk=approved_doc.pk).exists()
