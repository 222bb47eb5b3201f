"""Entering, correcting, publishing documents; the signed PDF; the override; and the bad
input each is refused with a clear Vietnamese message."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.documents.testing import make_pdf
from egov.gazette import audit_names
from egov.gazette.actions import documents as doc_actions
from egov.gazette.actions import relations as rel_actions
from egov.gazette.choices import DocState, DocType, RelationKind, Validity
from egov.gazette.models import DocumentTransition
from egov.gazette.testing import data_for, make_document
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db
D = dt.date


def refused(call: Any, code: str) -> str:
    with pytest.raises(ActionError) as caught:
        call()
    assert caught.value.code == code
    return str(caught.value.message)


def test_an_editor_enters_a_draft_then_publishes_it_with_transitions_and_audit(
    gazette: Any,
) -> None:
    data = data_for(gazette.world.province, number=12, year=2025)
    document = doc_actions.create_document(actor=gazette.editor, data=data)
    assert document.state == DocState.DRAFT
    assert document.code == "12/2025/QĐ-UBND"
    assert (document.number, document.year) == (12, 2025)
    assert document.issuer_name == "Ủy ban nhân dân tỉnh An Giang"
    doc_actions.publish_document(actor=gazette.editor, document=document)
    document.refresh_from_db()
    assert document.state == DocState.PUBLISHED
    assert document.published_at is not None
    states = list(DocumentTransition.objects.filter(document=document).values_list("to_state"))
    assert states == [("draft",), ("published",)]
    actions = set(
        AuditEvent.objects.filter(object_id=str(document.pk)).values_list("action", flat=True)
    )
    assert {audit_names.DOCUMENT_CREATE, audit_names.DOCUMENT_PUBLISH} <= actions


def test_it_refuses_an_expiry_that_precedes_the_effective_date(gazette: Any) -> None:
    data = data_for(
        gazette.world.province,
        issue_date=D(2025, 3, 1),
        effective_date=D(2025, 4, 1),
        expiry_date=D(2025, 3, 15),
    )
    message = refused(
        lambda: doc_actions.create_document(actor=gazette.editor, data=data),
        "expiry_before_effect",
    )
    assert message == "Ngày hết hiệu lực (15/03/2025) phải sau ngày có hiệu lực (01/04/2025)."


def test_it_refuses_an_effective_date_before_the_issue_date(gazette: Any) -> None:
    data = data_for(gazette.world.province, issue_date=D(2025, 3, 10), effective_date=D(2025, 3, 1))
    message = refused(
        lambda: doc_actions.create_document(actor=gazette.editor, data=data),
        "effective_before_issue",
    )
    assert "không được trước ngày ban hành (10/03/2025)" in message


def test_it_refuses_a_number_already_used_by_the_same_issuer_that_year(gazette: Any) -> None:
    make_document(gazette.world.province, number=7, year=2025)
    again = data_for(gazette.world.province, number=7, year=2025, title="Khác")
    message = refused(
        lambda: doc_actions.create_document(actor=gazette.editor, data=again), "code_taken"
    )
    assert "7/2025/QĐ-UBND" in message and "năm 2025" in message


def test_the_same_number_is_fine_for_another_issuer_or_spelled_with_spaces(
    gazette: Any,
) -> None:
    make_document(gazette.world.province, number=8, year=2025)
    commune = data_for(gazette.world.commune, number=8, year=2025, doc_type=DocType.QD_UBND_XA)
    assert doc_actions.create_document(actor=None, data=commune, skip_access_check=True).pk
    spaced = dataclasses.replace(
        data_for(gazette.world.province, number=8, year=2025), code="8 / 2025 / qđ-ubnd"
    )
    refused(lambda: doc_actions.create_document(actor=gazette.editor, data=spaced), "code_taken")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"doc_type": "chi_thi"}, "type_unknown"),
        ({"doc_type": DocType.NQ_HDND_TINH}, "type_issuer_mismatch"),
        ({"code": "12/QĐ-UBND"}, "code_invalid"),
        ({"code": "12/2024/QĐ-UBND"}, "code_year_mismatch"),
        ({"code": "12/2025/NQ-UBND"}, "code_type_mismatch"),
        ({"title": "  "}, "title_required"),
        ({"signer_name": ""}, "signer_required"),
        ({"fields": ["astrology"]}, "field_unknown"),
    ],
)
def test_it_refuses_bad_metadata(gazette: Any, change: dict[str, Any], code: str) -> None:
    data = dataclasses.replace(data_for(gazette.world.province, year=2025), **change)
    refused(lambda: doc_actions.create_document(actor=gazette.editor, data=data), code)


def test_an_official_without_the_role_cannot_enter_a_document(gazette: Any) -> None:
    data = data_for(gazette.world.province)
    for user in (gazette.world.clerk, gazette.world.outsider, gazette.world.citizen):
        with pytest.raises(PermissionDenied):
            doc_actions.create_document(actor=user, data=data)


def test_a_commune_clerk_enters_only_the_communes_documents(gazette: Any) -> None:
    clerk = gazette.world.commune_clerk
    own = data_for(gazette.world.commune, doc_type=DocType.QD_UBND_XA)
    assert doc_actions.create_document(actor=clerk, data=own).issuer == gazette.world.commune
    with pytest.raises(PermissionDenied):
        doc_actions.create_document(actor=clerk, data=data_for(gazette.world.province))


def test_a_signed_pdf_is_kept_with_its_signature_verdict_and_its_text_searchable(
    gazette: Any,
) -> None:
    document = make_document(gazette.world.province, publish=False, body_text="")
    upload = doc_actions.upload_from_bytes(make_pdf("Quy dinh thu gom rac thai", 2), "qd.pdf")
    document = doc_actions.attach_signed_pdf(actor=gazette.editor, document=document, upload=upload)
    assert document.signed_pdf is not None and document.signed_pdf.page_count == 2
    assert document.signature_outcome == "unsigned"
    assert document.signature_summary == "Tệp không có chữ ký số."
    assert "thu gom rac thai" in document.search_text


def test_a_file_that_is_not_a_pdf_is_refused(gazette: Any) -> None:
    document = make_document(gazette.world.province, publish=False)
    fake = doc_actions.upload_from_bytes(b"PK\x03\x04 this is a zip", "van-ban.pdf")
    message = refused(
        lambda: doc_actions.attach_signed_pdf(actor=gazette.editor, document=document, upload=fake),
        "not_a_pdf",
    )
    assert message.startswith("Tệp “van-ban.pdf” không phải là tệp PDF")
    broken = doc_actions.upload_from_bytes(b"%PDF-1.7 truncated", "hong.pdf")
    refused(
        lambda: doc_actions.attach_signed_pdf(
            actor=gazette.editor, document=document, upload=broken
        ),
        "pdf_unreadable",
    )


def test_publishing_needs_a_text_and_happens_once(gazette: Any) -> None:
    empty = make_document(gazette.world.province, publish=False, body_text="")
    refused(
        lambda: doc_actions.publish_document(actor=gazette.editor, document=empty),
        "text_required",
    )
    done = make_document(gazette.world.province)
    refused(
        lambda: doc_actions.publish_document(actor=gazette.editor, document=done),
        "already_published",
    )


def test_a_correction_is_audited_with_before_and_after(gazette: Any) -> None:
    document = make_document(gazette.world.province, number=40, year=2025)
    data = dataclasses.replace(
        data_for(gazette.world.province, number=40, year=2025), title="Trích yếu đã sửa"
    )
    doc_actions.update_document(actor=gazette.editor, document=document, data=data)
    event = AuditEvent.objects.filter(action=audit_names.DOCUMENT_UPDATE).latest("pk")
    assert event.after == {"title": "Trích yếu đã sửa"}
    assert (
        event.before is not None
        and event.before["title"] == "Quy định mức thu học phí trên địa bàn tỉnh"
    )


def test_the_override_keeps_its_reason_and_is_audited_and_can_be_lifted(gazette: Any) -> None:
    document = make_document(gazette.world.province)
    refused(
        lambda: doc_actions.set_validity_override(
            actor=gazette.editor,
            document=document,
            status=Validity.SUSPENDED,
            start=D(2025, 6, 1),
            reason=" ",
        ),
        "reason_required",
    )
    doc_actions.set_validity_override(
        actor=gazette.editor,
        document=document,
        status=Validity.SUSPENDED,
        start=D(2025, 6, 1),
        reason="Quyết định 99/QĐ-UBND tạm ngưng thi hành",
    )
    document.refresh_from_db()
    assert document.override_reason == "Quyết định 99/QĐ-UBND tạm ngưng thi hành"
    assert document.override_by == gazette.editor
    event = AuditEvent.objects.filter(action=audit_names.DOCUMENT_OVERRIDE).latest("pk")
    assert event.after is not None and event.after["status"] == "suspended"
    doc_actions.set_validity_override(
        actor=gazette.editor, document=document, status="", start=D(2025, 6, 1), reason="Hết ngưng"
    )
    document.refresh_from_db()
    assert (document.override_status, document.override_from) == ("", None)
    assert document.transitions.filter(to_state="override:-").exists()


def test_a_relation_to_itself_is_refused(gazette: Any) -> None:
    document = make_document(gazette.world.province)
    message = refused(
        lambda: rel_actions.add_relation(
            actor=gazette.editor, source=document, kind=RelationKind.AMENDS, target=document
        ),
        "relation_to_itself",
    )
    assert "chính nó" in message


def test_a_cycle_of_replacements_is_refused(gazette: Any) -> None:
    a, b, c = (make_document(gazette.world.province) for _ in range(3))
    rel_actions.add_relation(actor=gazette.editor, source=a, kind=RelationKind.REPLACES, target=b)
    rel_actions.add_relation(actor=gazette.editor, source=b, kind=RelationKind.REPLACES, target=c)
    message = refused(
        lambda: rel_actions.add_relation(
            actor=gazette.editor, source=c, kind=RelationKind.REPLACES, target=a
        ),
        "replaces_cycle",
    )
    assert "vòng tròn" in message
    # Another kind of relation between the same documents is not a cycle of replacements.
    rel_actions.add_relation(actor=gazette.editor, source=c, kind=RelationKind.GUIDES, target=a)


def test_the_same_relation_twice_and_an_external_replacement_are_refused(gazette: Any) -> None:
    a, b = make_document(gazette.world.province), make_document(gazette.world.province)
    rel_actions.add_relation(actor=gazette.editor, source=a, kind=RelationKind.AMENDS, target=b)
    refused(
        lambda: rel_actions.add_relation(
            actor=gazette.editor, source=a, kind=RelationKind.AMENDS, target=b
        ),
        "relation_exists",
    )
    refused(
        lambda: rel_actions.add_relation(
            actor=gazette.editor,
            source=a,
            kind=RelationKind.REPLACES,
            target_label="Nghị định 42/2022/NĐ-CP",
        ),
        "external_not_allowed",
    )
    grounds = rel_actions.add_relation(
        actor=gazette.editor,
        source=a,
        kind=RelationKind.BASED_ON,
        target_label="Luật Tổ chức chính quyền địa phương",
    )
    assert grounds.target is None
