"""Test and benchmark helpers: documents of the persona office with real PDFs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from egov.documents.actions import issuing, outgoing
from egov.documents.actions.incoming import register_incoming
from egov.documents.actions.issuing import RecipientSpec
from egov.documents.choices import RecipientKind
from egov.documents.testing import doc_type, make_pdf, upload


def received(
    office: Any,
    subject: str = "Về việc báo cáo biên chế công chức",
    *,
    text: str = "Noi dung van ban den",
    pages: int = 1,
    issued_date: dt.date | None = None,
    with_file: bool = True,
    **extra: Any,
) -> Any:
    """An incoming document registered by the office's clerk, with a PDF of ``pages``."""
    return register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type(extra.pop("type_code", "cong-van")),
        subject=subject,
        issuer_name=extra.pop("issuer_name", "Ủy ban nhân dân tỉnh An Giang"),
        issued_date=issued_date,
        uploads=[upload("van-ban-den.pdf", make_pdf(text, pages))] if with_file else None,
        allow_duplicate=True,
        **extra,
    )


def issued(
    office: Any,
    subject: str = "Về việc tuyển dụng công chức năm 2025",
    *,
    text: str = "Van ban di",
) -> Any:
    """An outgoing document drafted, approved and issued in the office."""
    document = outgoing.create_draft(
        actor=office.specialist,
        drafting_unit=office.civil_service_division,
        document_type=doc_type("cong-van"),
        subject=subject,
        uploads=[upload("van-ban-di.pdf", make_pdf(text))],
    )
    outgoing.submit_for_review(
        actor=office.specialist,
        document=document,
        reviewers=[office.division_head],
        signer=office.leader,
    )
    outgoing.review(actor=office.division_head, document=document, decision="approved")
    outgoing.review(actor=office.leader, document=document, decision="approved")
    document.refresh_from_db()
    return issuing.issue(
        actor=office.clerk,
        document=document,
        recipients=[RecipientSpec(kind=RecipientKind.INTERNAL, unit=office.finance)],
    )
