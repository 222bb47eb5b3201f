"""Outgoing documents at the stage a test needs, through the e-office's own actions."""

from __future__ import annotations

from typing import Any

from egov.documents.actions import issuing, outgoing
from egov.documents.actions.issuing import RecipientSpec
from egov.documents.choices import RecipientKind
from egov.documents.models import OutgoingDocument
from egov.documents.testing import doc_type, make_pdf, upload


def approved(office: Any, *, attachments: int = 0) -> OutgoingDocument:
    files = [upload("du-thao.pdf", make_pdf("Cong van so ... ve viec tuyen dung", pages=2))]
    files += [
        upload(f"phu-luc-{i + 1}.pdf", make_pdf(f"Phu luc {i + 1}")) for i in range(attachments)
    ]
    document = outgoing.create_draft(
        actor=office.specialist,
        drafting_unit=office.civil_service_division,
        document_type=doc_type("cong-van"),
        subject="Về việc tuyển dụng công chức năm 2026",
        uploads=files,
    )
    outgoing.submit_for_review(
        actor=office.specialist, document=document, reviewers=[], signer=office.leader
    )
    outgoing.review(actor=office.leader, document=document, decision="approved")
    document.refresh_from_db()
    return document


def issue(office: Any, document: OutgoingDocument) -> OutgoingDocument:
    return issuing.issue(
        actor=office.clerk,
        document=document,
        recipients=[RecipientSpec(kind=RecipientKind.INTERNAL, unit=office.finance)],
    )
