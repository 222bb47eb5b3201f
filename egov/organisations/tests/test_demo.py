"""The demo province: An Giang from the agencies of 2005 to the two-level government of 2025."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory

from egov.organisations.choices import Role, UnitKind
from egov.organisations.demo import DEMO_PASSWORD, DEMO_USERS, Demo, areas, demo_loaded, load_demo
from egov.organisations.demo import catalogue as cat
from egov.organisations.models import OrgUnit, Person, RoleAssignment
from egov.organisations.queries import TreeNode, tree_as_of

SEED_FILE = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "000_13581a7f0b4b3f2d.txt"


def seed_units() -> list[str]:
    """The numbered list attached to Chỉ thị 26/2005/CT-UBND, in order."""
    if not SEED_FILE.is_file():
        pytest.fail(f"shared seed missing: {SEED_FILE}")
    text = SEED_FILE.read_text(encoding="utf-8").split("DANH SÁCH", 1)[1]
    pairs = re.findall(r"^\t(\d+)\s*\n\t(.+?)\s*$", text, flags=re.MULTILINE)
    return [name for _number, name in sorted(pairs, key=lambda p: int(p[0]))]


def counts() -> tuple[int, int, int, int]:
    return (
        OrgUnit.objects.count(),
        Person.objects.count(),
        get_user_model().objects.count(),
        RoleAssignment.objects.count(),
    )


def test_the_demo_loads_without_the_shared_fixtures_leaving_areas_unlinked(
    db: None, monkeypatch: Any, tmp_path: Path
) -> None:
    # Runs first, before the module's shared demo (below) opens its transaction.
    monkeypatch.setattr(areas, "FIXTURES_DIR", tmp_path / "absent")
    load_demo(stdout=io.StringIO())
    assert demo_loaded()
    assert not OrgUnit.objects.filter(area__isnull=False).exists()
    communes = OrgUnit.objects.filter(kind=UnitKind.COMMUNE_COMMITTEE, valid_to__isnull=True)
    assert communes.count() == 102  # An Giang's list from the vietnam-provinces package


@pytest.fixture(scope="module")
def loaded(django_db_setup: None, django_db_blocker: Any) -> Iterator[Demo]:
    """The demo loaded once for the module (about 30 s with the areas), inside a transaction
    rolled back at the end; each test's transaction nests inside it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load_demo(stdout=io.StringIO())
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(loaded: Demo, db: None) -> Demo:
    return loaded


def an_giang_on(day: dt.date, demo: Demo) -> TreeNode:
    (root,) = tree_as_of(day, root_id=demo.units["UBND"].pk)
    return root


def test_the_seed_lists_42_units_and_the_catalogue_covers_each_once() -> None:
    listed = seed_units()
    assert len(listed) == 42
    catalogued = [a.seed for a in (*cat.AGENCIES, *cat.DISTRICTS)] + [cat.RECEPTION_SEED]
    assert sorted(s.strip() for s in catalogued) == sorted(listed)


def test_the_tree_of_31_december_2005_has_the_42_units_of_the_directive(demo: Demo) -> None:
    root = an_giang_on(dt.date(2005, 12, 31), demo)
    assert (root.name, root.organ_code) == (cat.PROVINCE_NAME, "000.00.00.H01")
    nodes = [node for _depth, node in root.walk()][1:]
    seed_nodes = [n for n in nodes if n.kind != UnitKind.DIVISION or n.abbreviation == "PTCD"]
    assert len(seed_nodes) == 42
    names = {n.name for n in seed_nodes}
    assert {a.name for a in (*cat.AGENCIES, *cat.DISTRICTS)} <= names
    assert cat.RECEPTION.name in names
    districts = [n for n in seed_nodes if n.kind == UnitKind.DISTRICT_COMMITTEE]
    assert len(districts) == 11
    office = next(n for n in root.children if n.abbreviation == "VPUBND")
    assert cat.RECEPTION.name in {c.name for c in office.children}
    branches = {n.abbreviation for n in root.children if n.kind == UnitKind.CENTRAL_BRANCH}
    assert branches == {"CTK", "CT", "NHNN", "TAND", "VKSND", "CA", "BCHQS"}


def test_the_2008_reorganisation_shows_in_the_tree_of_2010(demo: Demo) -> None:
    names = {c.name for c in an_giang_on(dt.date(2010, 1, 1), demo).children}
    assert {"Sở Thông tin và Truyền thông", "Sở Công Thương"} <= names
    assert "Sở Văn hóa, Thể thao và Du lịch" in names
    assert not {"Sở Bưu chính, Viễn thông", "Sở Thương mại", "Sở Công nghiệp"} & names
    assert "Ủy ban Dân số, Gia đình và Trẻ em tỉnh" not in names


def test_the_tree_of_31_december_2025_has_no_districts_and_the_merged_departments(
    demo: Demo,
) -> None:
    root = an_giang_on(dt.date(2025, 12, 31), demo)
    assert root.organ_code == "H01"
    nodes = [node for _depth, node in root.walk()]
    assert not [n for n in nodes if n.kind == UnitKind.DISTRICT_COMMITTEE]
    names = {c.name for c in root.children}
    assert {"Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Sở Nội vụ", "Sở Xây dựng"} <= names
    gone = {
        "Sở Kế hoạch và Đầu tư",
        "Sở Tài nguyên và Môi trường",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Thông tin và Truyền thông",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Giao thông vận tải",
    }
    assert not gone & names
    finance = next(c for c in root.children if c.name == "Sở Tài chính")
    assert finance.organ_code == "H01.03"
    assert {"Phòng Đăng ký kinh doanh"} <= {c.name for c in finance.children}
    communes = [c for c in root.children if c.kind == UnitKind.COMMUNE_COMMITTEE]
    assert len(communes) == 102
    dinh_my = next(c for c in communes if c.name == "Ủy ban nhân dân xã Định Mỹ")
    assert dinh_my.organ_code == "H01.151"
    assert any(c.kind == UnitKind.SERVICE_CENTRE for c in root.children)
    assert [r.name for r in tree_as_of(dt.date(2025, 12, 31))].count(cat.KIEN_GIANG_NAME) == 0


def test_kien_giang_is_merged_into_an_giang_with_its_staff(demo: Demo) -> None:
    kien_giang = OrgUnit.objects.get(pk=demo.kien_giang["UBND"].pk)
    assert kien_giang.valid_to == cat.REFORM_2025
    assert [r.name for r in tree_as_of(dt.date(2024, 1, 1))].count(cat.KIEN_GIANG_NAME) == 1
    home_affairs = demo.unit("SNV")
    assert Person.objects.active().filter(unit=home_affairs, email__contains=".snvkg@").exists()


def test_district_committees_are_dissolved_and_their_staff_moved_to_communes(demo: Demo) -> None:
    districts = OrgUnit.objects.filter(kind=UnitKind.DISTRICT_COMMITTEE)
    assert districts.count() == 11
    assert set(districts.values_list("valid_to", flat=True)) == {cat.REFORM_2025}
    assert not Person.objects.active().filter(unit__in=districts).exists()
    long_xuyen = districts.get(organ_code="000.00.31.H01")
    assert long_xuyen.area is not None and long_xuyen.area.name == "Long Xuyên"


def test_the_units_are_linked_to_their_administrative_areas(demo: Demo) -> None:
    root = demo.unit("UBND")
    assert root.area is not None and (root.area.code, root.area.valid_from) == (
        "91",
        cat.REFORM_2025,
    )
    dinh_my = OrgUnit.objects.get(organ_code="H01.151")
    assert dinh_my.area is not None and dinh_my.area.code == "30709"


def test_agencies_have_5_to_15_staff_with_unique_official_addresses(demo: Demo) -> None:
    for key in ("SNV", "STC", "SYT", "SGDĐT", "VPUBND", "SXD"):
        size = Person.objects.active().in_subtree(demo.unit(key)).count()
        assert 5 <= size <= 40, (key, size)  # merged departments carry their sources' staff
    for key in ("CTK", "TTT", "STP"):
        size = Person.objects.active().in_subtree(demo.unit(key)).count()
        assert 5 <= size <= 15, (key, size)
    emails = list(Person.objects.values_list("email", flat=True))
    assert len(emails) == len(set(emails))
    assert all(re.fullmatch(r"[a-z0-9]+\.[a-z0-9]+@angiang\.gov\.vn", e) for e in emails)


def test_the_history_holds_transfers_and_retirements(demo: Demo) -> None:
    from egov.organisations.choices import StaffEventKind
    from egov.organisations.models import StaffEvent

    kinds = set(StaffEvent.objects.values_list("kind", flat=True))
    assert {StaffEventKind.TRANSFER, StaffEventKind.RETIRE, StaffEventKind.POSITION} <= kinds


def test_every_demo_user_can_authenticate_and_holds_the_listed_role(demo: Demo) -> None:
    for row in DEMO_USERS:
        request = RequestFactory().post("/accounts/login/")
        user = authenticate(request, username=row.username, password=DEMO_PASSWORD)
        assert user is not None, row.username
        roles = set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
        assert roles == ({row.role} if row.role else set()), row.username
    citizen = get_user_model().objects.get(username="congdan")
    assert not Person.objects.filter(user=citizen).exists()
    assert {r.role for r in DEMO_USERS if r.username.endswith(".dinhmy")} == set(Role) - {
        Role.SYSTEM_ADMIN
    }


def test_loading_twice_creates_nothing_new(demo: Demo) -> None:
    # The fixture holds the organisation only: the first command adds every app's part.
    call_command("load_demo", stdout=io.StringIO())
    before = counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "already loaded" in out.getvalue()
    assert counts() == before


def test_the_readme_lists_every_demo_login() -> None:
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Demo logins", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([^`]+)` \|", table, flags=re.MULTILINE)
    assert listed == [u.username for u in DEMO_USERS]
    assert DEMO_PASSWORD in table
