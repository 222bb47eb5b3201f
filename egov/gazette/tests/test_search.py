"""Searching published documents: with or without diacritics, by number/notation, filters,
"in force on date D"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from egov.gazette import queries
from egov.gazette.actions import relations as rel_actions
from egov.gazette.choices import DocType, LegalField, RelationKind
from egov.gazette.testing import make_document

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def docs(gazette: Any) -> dict[str, Any]:
    province, council = gazette.world.province, gazette.council
    fees = make_document(
        council,
        number=15,
        year=2023,
        doc_type=DocType.NQ_HDND_TINH,
        title="Quy định mức thu học phí đối với cơ sở giáo dục công lập",
        issue_date=D(2023, 7, 20),
        effective_date=D(2023, 9, 1),
        expiry_date=D(2024, 9, 1),
        fields=(LegalField.EDUCATION, LegalField.FEES),
    )
    waste = make_document(
        province,
        number=25,
        year=2024,
        title="Quy định về quản lý chất thải rắn sinh hoạt",
        issue_date=D(2024, 6, 20),
        effective_date=D(2024, 7, 1),
        fields=(LegalField.ENVIRONMENT,),
        body_text="Điều 5. Phân loại rác tại nguồn ở hộ gia đình.",
    )
    draft = make_document(province, publish=False, title="Quy định học phí bản nháp")
    return {"fees": fees, "waste": waste, "draft": draft}


def found(**kwargs: Any) -> list[Any]:
    return list(queries.search_documents(queries.SearchFilters(**kwargs)))


def test_a_search_without_diacritics_finds_the_document_written_with_them(docs: Any) -> None:
    assert found(text="hoc phi") == [docs["fees"]]
    assert found(text="học phí") == [docs["fees"]]
    assert found(text="HOC PHI co so giao duc") == [docs["fees"]]


def test_the_last_word_may_be_a_prefix_and_the_full_text_is_searched(docs: Any) -> None:
    assert found(text="chat thai ra") == [docs["waste"]]
    assert found(text="phan loai rac tai nguon") == [docs["waste"]]


def test_numbers_and_notations_match_however_they_are_typed(docs: Any) -> None:
    for typed in ("25/2024/QĐ-UBND", "25/2024/qd-ubnd", "25 / 2024 / QD-UBND", "2024/qđ"):
        assert found(text=typed) == [docs["waste"]], typed
    assert found(text="15/2023/NQ-HDND") == [docs["fees"]]


def test_drafts_are_never_found(docs: Any) -> None:
    assert docs["draft"] not in found(text="ban nhap")
    assert docs["draft"] not in found()


def test_filters_by_type_issuer_field_and_year(docs: Any, gazette: Any) -> None:
    assert found(doc_type=DocType.NQ_HDND_TINH) == [docs["fees"]]
    assert found(issuer_id=gazette.world.province.pk) == [docs["waste"]]
    assert found(legal_field=LegalField.FEES) == [docs["fees"]]
    assert found(year=2024) == [docs["waste"]]


def test_in_force_on_a_date_uses_the_status_of_that_day(docs: Any) -> None:
    assert set(found(validity="applying", on=D(2024, 1, 1))) == {docs["fees"]}
    assert set(found(validity="applying", on=D(2025, 1, 1))) == {docs["waste"]}
    assert found(validity="expired", on=D(2025, 1, 1)) == [docs["fees"]]
    assert found(validity="not_yet", on=D(2023, 8, 1)) == [docs["fees"]]


def test_a_replacement_moves_the_replaced_document_out_of_force(docs: Any, gazette: Any) -> None:
    newer = make_document(
        gazette.world.province,
        number=30,
        year=2025,
        issue_date=D(2025, 5, 1),
        effective_date=D(2025, 6, 1),
    )
    rel_actions.add_relation(
        actor=gazette.editor, source=newer, kind=RelationKind.REPLACES, target=docs["waste"]
    )
    assert docs["waste"] in queries.in_force_on(D(2025, 5, 31))
    assert docs["waste"] not in queries.in_force_on(D(2025, 6, 1))
    assert found(validity="expired", on=D(2025, 6, 1), year=2024) == [docs["waste"]]


def test_latest_documents_for_the_portal_are_the_newest_published(docs: Any) -> None:
    latest = queries.latest_documents(5)
    assert latest[0] == docs["waste"]
    assert docs["draft"] not in latest
    assert hasattr(latest[0], "validity")


def test_the_issuer_filter_lists_bodies_with_published_documents_and_follows_publication(
    gazette: Any,
) -> None:
    make_document(gazette.world.province, number=1, year=2025)
    assert queries.issuers_with_documents() == [
        (gazette.world.province.pk, "Ủy ban nhân dân tỉnh An Giang")
    ]
    make_document(gazette.council, number=2, year=2025, doc_type=DocType.NQ_HDND_TINH)
    assert [pk for pk, _name in queries.issuers_with_documents()] == [
        gazette.council.pk,
        gazette.world.province.pk,
    ]
