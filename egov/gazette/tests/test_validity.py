"""The validity status on a day, table-driven over dates and relations; the Python rule and
the SQL expression agree on every row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from egov.gazette import queries
from egov.gazette.actions import documents as doc_actions
from egov.gazette.actions import relations as rel_actions
from egov.gazette.choices import RelationKind, Validity
from egov.gazette.testing import make_document
from egov.gazette.validity import Incoming, status_on

D = dt.date
EFFECTIVE = D(2025, 4, 1)
EXPIRY = D(2027, 1, 1)
SOURCE_EFFECTIVE = D(2026, 1, 1)

# (case, day, expiry, relation kind acting on the document or None, override, expected)
CASES = [
    ("before its effective date", D(2025, 3, 31), None, None, None, Validity.NOT_YET),
    ("on its effective date", EFFECTIVE, None, None, None, Validity.IN_FORCE),
    ("long after, no expiry", D(2030, 1, 1), None, None, None, Validity.IN_FORCE),
    ("the day before expiry", D(2026, 12, 31), EXPIRY, None, None, Validity.IN_FORCE),
    ("on its expiry date", EXPIRY, EXPIRY, None, None, Validity.EXPIRED),
    (
        "replaced, before the replacement applies",
        D(2025, 12, 31),
        None,
        "replaces",
        None,
        Validity.IN_FORCE,
    ),
    (
        "replaced, once the replacement applies",
        SOURCE_EFFECTIVE,
        None,
        "replaces",
        None,
        Validity.EXPIRED,
    ),
    ("wholly repealed", D(2026, 6, 1), None, "repeals", None, Validity.EXPIRED),
    ("partly repealed", D(2026, 6, 1), None, "repeals_part", None, Validity.PARTLY_EXPIRED),
    ("amended", D(2026, 6, 1), None, "amends", None, Validity.PARTLY_EXPIRED),
    (
        "amended, before the amendment applies",
        D(2025, 6, 1),
        None,
        "amends",
        None,
        Validity.IN_FORCE,
    ),
    ("suspended", D(2026, 6, 1), None, "suspends", None, Validity.SUSPENDED),
    ("guided: no change", D(2026, 6, 1), None, "guides", None, Validity.IN_FORCE),
    ("grounds for another: no change", D(2026, 6, 1), None, "based_on", None, Validity.IN_FORCE),
    (
        "overridden, from the override's start",
        D(2025, 8, 1),
        None,
        None,
        (Validity.SUSPENDED, D(2025, 8, 1)),
        Validity.SUSPENDED,
    ),
    (
        "overridden, before the override's start",
        D(2025, 7, 31),
        None,
        None,
        (Validity.SUSPENDED, D(2025, 8, 1)),
        Validity.IN_FORCE,
    ),
    (
        "override wins over a replacement",
        D(2026, 6, 1),
        None,
        "replaces",
        (Validity.PARTLY_EXPIRED, D(2026, 1, 1)),
        Validity.PARTLY_EXPIRED,
    ),
]


@pytest.mark.parametrize(("case", "day", "expiry", "kind", "override", "expected"), CASES)
def test_the_status_follows_dates_relations_and_override(
    case: str,
    day: dt.date,
    expiry: dt.date | None,
    kind: str | None,
    override: Any,
    expected: Validity,
) -> None:
    incoming = [Incoming(kind, SOURCE_EFFECTIVE)] if kind else []
    status, start = override or ("", None)
    assert (
        status_on(
            day,
            effective=EFFECTIVE,
            expiry=expiry,
            incoming=incoming,
            override_status=status,
            override_from=start,
        )
        == expected
    ), case


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "day", "expiry", "kind", "override", "expected"), CASES)
def test_the_database_computes_the_same_status(
    gazette: Any,
    case: str,
    day: dt.date,
    expiry: dt.date | None,
    kind: str | None,
    override: Any,
    expected: Validity,
) -> None:
    province = gazette.world.province
    target = make_document(
        province,
        issue_date=D(2025, 3, 20),
        effective_date=EFFECTIVE,
        expiry_date=expiry,
    )
    if kind:
        source = make_document(
            province, issue_date=D(2025, 12, 15), effective_date=SOURCE_EFFECTIVE
        )
        rel_actions.add_relation(
            actor=gazette.editor,
            source=source,
            kind=kind,
            target=target,
        )
    if override:
        doc_actions.set_validity_override(
            actor=gazette.editor,
            document=target,
            status=override[0],
            start=override[1],
            reason="Theo Quyết định của Tòa án",
        )
        target.refresh_from_db()
    row: Any = queries.with_validity(queries.published(), day).get(pk=target.pk)
    assert row.validity == expected, case
    assert queries.document_status(target, day) == expected, case


def test_a_relation_from_an_unpublished_document_changes_nothing(gazette: Any) -> None:
    province = gazette.world.province
    target = make_document(province, issue_date=D(2025, 3, 20), effective_date=EFFECTIVE)
    draft = make_document(
        province, publish=False, issue_date=D(2025, 12, 15), effective_date=SOURCE_EFFECTIVE
    )
    rel_actions.add_relation(
        actor=gazette.editor, source=draft, kind=RelationKind.REPLACES, target=target
    )
    day = D(2026, 6, 1)
    assert queries.document_status(target, day) == Validity.IN_FORCE
    row: Any = queries.with_validity(queries.published(), day).get(pk=target.pk)
    assert row.validity == Validity.IN_FORCE
    assert target in queries.in_force_on(day)


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "day", "expiry", "kind", "override", "expected"), CASES)
def test_the_in_force_filter_agrees_with_the_status(
    gazette: Any,
    case: str,
    day: dt.date,
    expiry: dt.date | None,
    kind: str | None,
    override: Any,
    expected: Validity,
) -> None:
    province = gazette.world.province
    target = make_document(
        province, issue_date=D(2025, 3, 20), effective_date=EFFECTIVE, expiry_date=expiry
    )
    if kind:
        source = make_document(
            province, issue_date=D(2025, 12, 15), effective_date=SOURCE_EFFECTIVE
        )
        rel_actions.add_relation(actor=gazette.editor, source=source, kind=kind, target=target)
    if override:
        doc_actions.set_validity_override(
            actor=gazette.editor,
            document=target,
            status=override[0],
            start=override[1],
            reason="Theo văn bản của cơ quan có thẩm quyền",
        )
    applying = queries.in_force_on(day).filter(pk=target.pk).exists()
    assert applying == (expected in (Validity.IN_FORCE, Validity.PARTLY_EXPIRED)), case
