"""Test helpers of the gazette: the issuing bodies and editors on top of the persona world,
and a document factory."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from egov.gazette.actions import documents as doc_actions
from egov.gazette.choices import DocType, LegalField
from egov.gazette.models import LegalDocument
from egov.organisations import actions as org_actions
from egov.organisations.choices import Role, UnitKind
from egov.organisations.models import OrgUnit
from egov.organisations.testing import START, hire_with_role


@dataclass
class Gazette:
    world: Any
    council: OrgUnit  # HĐND tỉnh
    editor: Any  # portal editor at UBND tỉnh and HĐND tỉnh (Văn phòng UBND tỉnh)


def build_gazette(world: Any) -> Gazette:
    council = org_actions.create_unit(
        actor=None,
        parent=None,
        name="Hội đồng nhân dân tỉnh An Giang",
        kind=UnitKind.PROVINCE_COUNCIL,
        valid_from=START,
        abbreviation="HĐND",
        organ_code="000.00.00.K01",
        short_name="HĐND tỉnh",
        skip_access_check=True,
    )
    editor = hire_with_role("congbao", "Lý Thị Công Báo", world.office, Role.CLERK)
    for unit in (world.province, council):
        org_actions.grant_role(
            actor=None,
            user=editor,
            role=Role.PORTAL_EDITOR,
            unit=unit,
            valid_from=START,
            skip_access_check=True,
        )
    return Gazette(world=world, council=council, editor=editor)


_counter = iter(range(1, 100_000))


def data_for(
    issuer: OrgUnit,
    *,
    number: int | None = None,
    year: int = 2025,
    doc_type: str = DocType.QD_UBND_TINH,
    title: str = "Quy định mức thu học phí trên địa bàn tỉnh",
    issue_date: dt.date | None = None,
    effective_date: dt.date | None = None,
    expiry_date: dt.date | None = None,
    body_text: str = "Điều 1. Phạm vi điều chỉnh.",
    fields: tuple[str, ...] = (LegalField.EDUCATION,),
) -> doc_actions.DocumentData:
    number = number or next(_counter)
    abbreviation = "NQ-HĐND" if doc_type.startswith("nq") else "QĐ-UBND"
    issued = issue_date or dt.date(year, 3, 10)
    return doc_actions.DocumentData(
        issuer=issuer,
        doc_type=doc_type,
        code=f"{number}/{issued.year}/{abbreviation}",
        title=title,
        signer_title="Chủ tịch" if doc_type.startswith("nq") else "Phó Chủ tịch",
        signer_name="Nguyễn Văn Ký",
        issue_date=issued,
        effective_date=effective_date or issued + dt.timedelta(days=10),
        expiry_date=expiry_date,
        fields=list(fields),
        scope="Tỉnh An Giang",
        body_text=body_text,
    )


def make_document(issuer: OrgUnit, *, publish: bool = True, **kwargs: Any) -> LegalDocument:
    document = doc_actions.create_document(
        actor=None, data=data_for(issuer, **kwargs), skip_access_check=True
    )
    if publish:
        document = doc_actions.publish_document(
            actor=None, document=document, skip_access_check=True
        )
    return document
