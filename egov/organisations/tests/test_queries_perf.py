"""The registry's read paths that bench/organisations measures: what they return is what the
simple versions returned, and the indexes they were shaped for stay usable."""

import datetime as dt

import pytest
from django.db import connection

from egov.organisations import actions, queries
from egov.organisations.models import Person
from egov.organisations.testing import person_of

pytestmark = pytest.mark.django_db

D2024 = dt.date(2024, 1, 1)
D2025 = dt.date(2025, 7, 1)


def _shape(nodes):
    return [(d, n.unit_id, n.parent_id, n.name) for root in nodes for d, n in root.walk()]


def _subtree_of(nodes, unit_id):
    return next([n] for root in nodes for _, n in root.walk() if n.unit_id == unit_id)


def _plan(queryset, *priced_out):
    """EXPLAIN of ``queryset`` with sequential scans (and any ``priced_out`` plan types, e.g.
    ``"sort"``) disabled for the planner, as on a table too big for them."""
    switches = ["enable_seqscan", *(f"enable_{name}" for name in priced_out)]
    with connection.cursor() as cursor:
        for switch in switches:
            cursor.execute(f"SET LOCAL {switch} = off")
    try:
        return queryset.explain()
    finally:
        with connection.cursor() as cursor:
            for switch in switches:
                cursor.execute(f"RESET {switch}")


def test_an_email_typed_in_capitals_finds_its_owner(world):
    assert list(Person.objects.search("  CLERK@AnGiang.gov.vn ")) == [person_of(world.clerk)]


def test_the_beginning_of_an_email_finds_every_address_starting_so(world):
    found = set(Person.objects.search("CLERK@").values_list("email", flat=True))
    assert found == {"clerk@angiang.gov.vn"}
    assert Person.objects.search("admin@").count() == 1
    assert not Person.objects.search("lerk@").exists()  # a beginning, not any part


def test_like_wildcards_typed_in_an_email_match_only_themselves(world):
    Person.objects.filter(pk=person_of(world.clerk).pk).update(email="vanxthu@angiang.gov.vn")
    assert Person.objects.search("vanxthu@").count() == 1
    assert not Person.objects.search("van_thu@").exists()
    assert not Person.objects.search("%@").exists()


def test_email_search_compares_lower_case_and_can_use_its_index(world):
    people = Person.objects.search("Clerk@AnGiang.gov.vn")
    sql = str(people.query)
    assert "LOWER(" in sql and "UPPER(" not in sql
    assert "org_person_email_prefix" in _plan(people)


def test_the_directory_order_can_be_read_from_the_name_index(world):
    assert "org_person_name_order" in _plan(Person.objects.all()[:50], "sort")


def test_one_unit_read_alone_is_its_subtree_of_the_whole_tree(world):
    for day in (D2024, dt.date.today()):
        whole = queries.tree_as_of(day)
        for unit in (world.province, world.home_affairs, world.civil_service_division):
            alone = queries.tree_as_of(day, root_id=unit.pk)
            assert _shape(alone) == _shape(_subtree_of(whole, unit.pk))


def test_a_unit_read_alone_has_the_children_it_had_then_not_its_current_ones(world):
    actions.move_unit(
        actor=world.admin,
        unit=world.civil_service_division,
        new_parent=world.finance,
        effective_date=D2025,
    )
    division = world.civil_service_division.pk
    before = _shape(queries.tree_as_of(D2024, root_id=world.home_affairs.pk))
    after = _shape(queries.tree_as_of(D2025, root_id=world.home_affairs.pk))
    assert division in {unit_id for _, unit_id, _, _ in before}
    assert division not in {unit_id for _, unit_id, _, _ in after}
    finance_then = _shape(queries.tree_as_of(D2024, root_id=world.finance.pk))
    assert division not in {unit_id for _, unit_id, _, _ in finance_then}


def test_a_unit_that_did_not_exist_on_the_day_gives_an_empty_tree(world):
    assert queries.tree_as_of(dt.date(2000, 1, 1), root_id=world.province.pk) == []
    assert queries.tree_as_of(dt.date(2000, 1, 1)) == []


def test_the_tree_of_a_day_shows_a_rename_recorded_after_it_was_read(world):
    day = dt.date.today()
    assert queries.tree_as_of(day)  # read once: now kept by this process
    actions.rename_unit(
        actor=world.admin, unit=world.finance, effective_date=D2025, name="Sở Tài chính mới"
    )
    names = {n.unit_id: n.name for root in queries.tree_as_of(day) for _, n in root.walk()}
    assert names[world.finance.pk] == "Sở Tài chính mới"


def test_the_tree_of_a_day_drops_a_unit_dissolved_after_it_was_read(world):
    day = dt.date.today()
    gone = actions.create_unit(
        actor=world.admin,
        parent=world.province,
        name="Ban Tạm",
        kind="agency",
        valid_from=dt.date(2021, 1, 1),
    )
    assert gone.pk in {n.unit_id for root in queries.tree_as_of(day) for _, n in root.walk()}
    actions.dissolve_unit(actor=world.admin, unit=gone, effective_date=D2024)
    assert gone.pk not in {n.unit_id for root in queries.tree_as_of(day) for _, n in root.walk()}


def test_changing_a_tree_a_caller_got_does_not_change_the_next_callers(world):
    day = dt.date.today()
    first = queries.tree_as_of(day)
    expected = _shape(first)
    first[0].children.clear()
    first[0].name = "changed"
    assert _shape(queries.tree_as_of(day)) == expected


def test_a_search_of_several_words_lists_people_in_name_order(world):
    for name in ["Phạm Thị Yến", "Phạm Thị An", "Lê Phạm Thị", "Phạm Thị An", "Phạm Văn Thi"]:
        Person.objects.create(full_name=name)
    found = list(Person.objects.search("pham thi"))
    assert [(p.full_name_folded, p.pk) for p in found] == sorted(
        (p.full_name_folded, p.pk) for p in found
    )
    assert len(found) == 6  # with the clerk, Phạm Thị Thư


def test_a_search_keeps_an_order_the_caller_chose(world):
    people = Person.objects.order_by("-full_name_folded").search("pham thi")
    assert "ORDER BY" in str(people.query)
    assert "|| ''" not in str(people.query).split("ORDER BY")[1]
