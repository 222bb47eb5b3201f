import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from egov.audit.models import AuditEvent
from egov.organisations import actions, queries
from egov.organisations.choices import StaffStatus, UnitKind
from egov.organisations.models import OrgUnit, Person
from egov.organisations.testing import person_of, refresh

pytestmark = pytest.mark.django_db

D2025 = dt.date(2025, 7, 1)


def test_it_creates_a_unit_with_a_version_and_an_audit_record(world):
    unit = actions.create_unit(
        actor=world.admin,
        parent=world.province,
        name="Sở Xây dựng",
        kind=UnitKind.AGENCY,
        valid_from=dt.date(2021, 1, 1),
        abbreviation="sxd",
        organ_code="000.00.09.H01",
    )
    assert unit.abbreviation == "SXD"
    assert OrgUnit.objects.get_parent(refresh(unit)).pk == world.province.pk
    version = unit.versions.get()
    assert version.parent_id == world.province.pk and version.valid_to is None
    event = AuditEvent.objects.filter(action="organisations.unit.create", object_id=str(unit.pk))
    assert (event.get().after or {})["organ_code"] == "000.00.09.H01"


@pytest.mark.parametrize("code", ["H01-151", "000.00.H01", "X01.1", "h01.151", "H01." + "1" * 40])
def test_it_rejects_a_malformed_organ_code(world, code):
    with pytest.raises(ValidationError) as exc:
        actions.create_unit(
            actor=world.admin,
            parent=world.province,
            name="Sở A",
            kind=UnitKind.AGENCY,
            valid_from=dt.date(2021, 1, 1),
            organ_code=code,
        )
    assert "organ_code" in exc.value.message_dict
    assert not OrgUnit.objects.filter(name="Sở A").exists()


@pytest.mark.parametrize("code", ["000.00.00.H01", "H01.151", "H01.151.01", "G09.01"])
def test_it_accepts_both_organ_code_forms(code):
    from egov.organisations.validators import validate_organ_code

    validate_organ_code(code)


def test_it_refuses_an_organ_code_already_used_by_a_current_unit(world):
    with pytest.raises(ValidationError) as exc:
        actions.create_unit(
            actor=world.admin,
            parent=world.province,
            name="Sở B",
            kind=UnitKind.AGENCY,
            valid_from=dt.date(2021, 1, 1),
            organ_code="000.00.02.H01",
        )
    assert exc.value.code == "organ_code_taken"


def test_a_unit_admin_cannot_create_units_outside_their_subtree(world):
    with pytest.raises(PermissionDenied):
        actions.create_unit(
            actor=world.unit_admin,
            parent=world.finance,
            name="Phòng X",
            kind=UnitKind.DIVISION,
            valid_from=dt.date(2021, 1, 1),
        )
    unit = actions.create_unit(
        actor=world.unit_admin,
        parent=world.home_affairs,
        name="Phòng Y",
        kind=UnitKind.DIVISION,
        valid_from=dt.date(2021, 1, 1),
    )
    assert unit.pk


def test_it_refuses_to_move_a_unit_under_its_own_descendant(world):
    with pytest.raises(ValidationError) as exc:
        actions.move_unit(
            actor=world.admin,
            unit=world.home_affairs,
            new_parent=world.civil_service_division,
            effective_date=dt.date(2022, 1, 1),
        )
    assert exc.value.code == "tree_cycle"
    assert (
        OrgUnit.objects.get_parent(refresh(world.civil_service_division)).pk
        == world.home_affairs.pk
    )


def test_a_rename_keeps_the_old_name_in_the_tree_as_of_an_earlier_date(world):
    actions.rename_unit(
        actor=world.admin,
        unit=world.finance,
        effective_date=dt.date(2023, 3, 1),
        name="Sở Tài chính - Kế hoạch",
        decision_ref="12/QĐ-UBND",
    )
    before = {
        n.unit_id: n.name for r in queries.tree_as_of(dt.date(2022, 1, 1)) for _, n in r.walk()
    }
    after = {
        n.unit_id: n.name for r in queries.tree_as_of(dt.date(2024, 1, 1)) for _, n in r.walk()
    }
    assert before[world.finance.pk] == "Sở Tài chính"
    assert after[world.finance.pk] == "Sở Tài chính - Kế hoạch"


def test_it_refuses_an_effective_date_that_would_overlap_the_previous_version(world):
    with pytest.raises(ValidationError) as exc:
        actions.rename_unit(
            actor=world.admin, unit=world.finance, effective_date=dt.date(2019, 1, 1), name="X"
        )
    assert exc.value.code in {"unit_not_yet_valid", "effective_date_before_last_change"}
    assert refresh(world.finance).name == "Sở Tài chính"


def test_a_merger_moves_children_and_staff_and_ends_the_sources(world):
    actions.merge_units(
        actor=world.admin,
        sources=[(world.home_affairs, None)],
        target=world.finance,
        effective_date=D2025,
        decision_ref="1/NQ-HĐND",
    )
    home_affairs = refresh(world.home_affairs)
    assert home_affairs.valid_to == D2025
    assert OrgUnit.objects.get_parent(refresh(world.civil_service_division)).pk == world.finance.pk
    clerk = person_of(world.clerk)
    assert clerk.unit_id == world.finance.pk
    assert [e.unit_id for e in clerk.employments.order_by("valid_from")] == [
        world.home_affairs.pk,
        world.finance.pk,
    ]
    old_tree = {
        n.unit_id: n.parent_id for r in queries.tree_as_of(dt.date(2024, 1, 1)) for _, n in r.walk()
    }
    new_tree = {n.unit_id: n.parent_id for r in queries.tree_as_of(D2025) for _, n in r.walk()}
    assert old_tree[world.civil_service_division.pk] == world.home_affairs.pk
    assert new_tree[world.civil_service_division.pk] == world.finance.pk
    assert world.home_affairs.pk not in new_tree


def test_it_refuses_a_merger_into_a_dissolved_unit(world):
    gone = actions.create_unit(
        actor=world.admin,
        parent=world.province,
        name="Ban Tạm",
        kind=UnitKind.AGENCY,
        valid_from=dt.date(2021, 1, 1),
    )
    actions.dissolve_unit(actor=world.admin, unit=gone, effective_date=dt.date(2022, 1, 1))
    with pytest.raises(ValidationError) as exc:
        actions.merge_units(
            actor=world.admin,
            sources=[(world.finance, None)],
            target=gone,
            effective_date=D2025,
        )
    assert exc.value.code == "unit_dissolved"
    assert refresh(world.finance).valid_to is None


def test_a_partial_merger_keeps_the_source_and_records_the_weight(world):
    event = actions.merge_units(
        actor=world.admin,
        sources=[(world.finance, Decimal("0.4"))],
        target=world.office,
        effective_date=D2025,
    )
    assert refresh(world.finance).valid_to is None
    assert event.links.get(unit=world.finance).weight == Decimal("0.4")


def test_a_split_requires_shares_adding_up_to_one_when_the_source_ends(world):
    a = actions.create_unit(
        actor=world.admin,
        parent=world.province,
        name="Xã A",
        kind=UnitKind.COMMUNE_COMMITTEE,
        valid_from=D2025,
    )
    b = actions.create_unit(
        actor=world.admin,
        parent=world.province,
        name="Xã B",
        kind=UnitKind.COMMUNE_COMMITTEE,
        valid_from=D2025,
    )
    source = actions.create_unit(
        actor=world.admin,
        parent=world.province,
        name="Xã Cũ",
        kind=UnitKind.COMMUNE_COMMITTEE,
        valid_from=dt.date(2021, 1, 1),
    )
    with pytest.raises(ValidationError) as exc:
        actions.split_unit(
            actor=world.admin,
            source=source,
            targets=[(a, Decimal("0.5")), (b, Decimal("0.3"))],
            effective_date=D2025,
            dissolve_source=True,
        )
    assert exc.value.code == "weights_must_sum_to_one"
    actions.split_unit(
        actor=world.admin,
        source=source,
        targets=[(a, Decimal("0.5")), (b, Decimal("0.5"))],
        effective_date=D2025,
        dissolve_source=True,
    )
    assert refresh(source).valid_to == D2025


def test_dissolving_a_unit_with_staff_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        actions.dissolve_unit(actor=world.admin, unit=world.finance, effective_date=D2025)
    assert exc.value.code == "unit_has_staff"
    assert Person.objects.filter(unit=world.finance, status=StaffStatus.ACTIVE).exists()
