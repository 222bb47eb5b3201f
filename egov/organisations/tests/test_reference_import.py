"""Importing Vietnam's administrative units from the shared vn_admin fixtures."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from egov.audit.models import AuditEvent
from egov.organisations import audit_names
from egov.organisations.choices import AreaLevel
from egov.organisations.management.commands.import_admin_areas import DEFAULT_DIR
from egov.organisations.models import AdminArea, AdminAreaName, AdminAreaSuccession
from egov.organisations.reference import AdminAreaImportError, ImportReport, import_admin_areas
from egov.organisations.reference.parsing import parse_predecessors, parse_province_list
from egov.organisations.reference.sources import PRE_2025_FILE

PRE = dt.date(2008, 8, 1)
POST = dt.date(2025, 7, 1)


@pytest.fixture
def vn_admin(shared_fixture: Any) -> Path:
    return Path(shared_fixture("ktxh/vn_admin"))


@pytest.fixture(scope="module")
def imported_once(django_db_setup: None, django_db_blocker: Any) -> Iterator[ImportReport]:
    """One import (about 10 s) shared by the module's tests, inside a transaction that is
    rolled back at the end, so nothing leaks into other modules (each test's own
    transaction nests inside it as a savepoint)."""
    if not DEFAULT_DIR.is_dir():
        pytest.fail(f"shared fixture missing: {DEFAULT_DIR}")
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield import_admin_areas(DEFAULT_DIR)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def imported(imported_once: ImportReport, db: None) -> ImportReport:
    return imported_once


def table_sizes() -> tuple[int, int, int]:
    return (
        AdminArea.objects.count(),
        AdminAreaName.objects.count(),
        AdminAreaSuccession.objects.count(),
    )


def name_on(area: AdminArea, day: dt.date) -> AdminAreaName:
    return next(
        n
        for n in area.names.order_by("valid_from")
        if n.valid_from <= day and (n.valid_to is None or day < n.valid_to)
    )


def test_it_imports_63_provinces_696_districts_and_10035_communes_before_the_reform(
    imported: Any,
) -> None:
    before = AdminArea.objects.filter(valid_from=PRE, valid_to=POST)
    assert before.filter(level=AreaLevel.PROVINCE).count() == 63
    assert before.filter(level=AreaLevel.DISTRICT).count() == 696
    assert before.filter(level=AreaLevel.COMMUNE).count() == 10_035
    assert imported.counts["communes_pre_2025"] == 10_035


def test_it_imports_34_provinces_and_3321_communes_from_july_2025(imported: Any) -> None:
    after = AdminArea.objects.filter(valid_from=POST, valid_to__isnull=True)
    assert after.filter(level=AreaLevel.PROVINCE).count() == 34
    assert after.filter(level=AreaLevel.COMMUNE).count() == 3_321
    assert after.filter(level=AreaLevel.COMMUNE, parent__isnull=True).count() == 0


def test_an_island_district_with_a_null_ward_list_has_no_communes(imported: Any) -> None:
    con_dao = AdminArea.objects.get(level=AreaLevel.DISTRICT, name="Côn Đảo")
    assert con_dao.children.count() == 0
    assert con_dao.parent is not None and con_dao.parent.level == AreaLevel.PROVINCE


def test_dong_nai_becomes_a_city_from_30_april_2026_as_an_effective_dated_name(
    imported: Any,
) -> None:
    dong_nai = AdminArea.objects.get(level=AreaLevel.PROVINCE, code="75", valid_from=POST)
    assert (dong_nai.type_name, dong_nai.name) == ("Thành phố", "Đồng Nai")
    early = name_on(dong_nai, dt.date(2026, 1, 1))
    late = name_on(dong_nai, dt.date(2026, 6, 1))
    assert (early.type_name, early.valid_to) == ("Tỉnh", dt.date(2026, 4, 30))
    assert (late.type_name, late.valid_from) == ("Thành phố", dt.date(2026, 4, 30))
    trang_bom = AdminArea.objects.get(level=AreaLevel.COMMUNE, code="26248", valid_from=POST)
    assert name_on(trang_bom, dt.date(2026, 1, 1)).type_name == "Xã"
    assert name_on(trang_bom, dt.date(2026, 6, 1)).type_name == "Phường"
    assert imported.counts["name_changes"] == 11


def test_a_name_differing_only_in_tone_mark_placement_is_not_a_new_version(imported: Any) -> None:
    khanh_hoa = AdminArea.objects.get(level=AreaLevel.PROVINCE, code="56", valid_from=POST)
    assert khanh_hoa.names.count() == 1
    lowercase = AdminArea.objects.get(level=AreaLevel.COMMUNE, code="06325", valid_from=POST)
    assert lowercase.names.count() == 1


def test_every_stored_name_is_nfc(imported: Any) -> None:
    import unicodedata

    names = AdminAreaSuccession.objects.values_list("note", flat=True)
    assert all(unicodedata.is_normalized("NFC", note) for note in names)
    assert all(
        unicodedata.is_normalized("NFC", name)
        for name in AdminAreaName.objects.values_list("name", flat=True)
    )


def test_new_an_giang_succeeds_kien_giang_and_old_an_giang_whole(imported: Any) -> None:
    an_giang = AdminArea.objects.get(level=AreaLevel.PROVINCE, code="91", valid_from=POST)
    links = {
        (s.predecessor.code, s.predecessor.name): (s.weight, s.partial)
        for s in an_giang.successions_in.select_related("predecessor")
    }
    assert links == {
        ("91", "Kiên Giang"): (Decimal(1), False),
        ("89", "An Giang"): (Decimal(1), False),
    }


def test_a_province_kept_as_it_was_is_still_linked_to_its_old_self(imported: Any) -> None:
    hue = AdminArea.objects.get(level=AreaLevel.PROVINCE, code="46", valid_from=POST)
    (link,) = hue.successions_in.select_related("predecessor")
    assert (link.predecessor.code, link.predecessor.valid_from) == ("46", PRE)
    assert link.weight == Decimal(1)


def test_a_commune_taking_the_rest_of_a_split_commune_marks_it_partial(imported: Any) -> None:
    vinh_te = AdminArea.objects.get(level=AreaLevel.COMMUNE, code="30325", valid_from=POST)
    links = {s.predecessor.name: s for s in vinh_te.successions_in.select_related("predecessor")}
    assert set(links) == {"Núi Sam", "Vĩnh Tế", "Vĩnh Châu"}
    assert links["Vĩnh Châu"].partial and links["Vĩnh Châu"].weight is None
    assert not links["Núi Sam"].partial and links["Núi Sam"].weight == 1


def test_a_qualified_predecessor_is_matched_in_the_named_district(imported: Any) -> None:
    dinh_my = AdminArea.objects.get(level=AreaLevel.COMMUNE, code="30709", valid_from=POST)
    vinh_phu = dinh_my.successions_in.select_related("predecessor__parent").get(
        predecessor__name="Vĩnh Phú"
    )
    assert vinh_phu.predecessor.parent is not None
    assert vinh_phu.predecessor.parent.name == "Thoại Sơn"


def test_unmatched_predecessors_are_reported_not_fatal(imported: Any) -> None:
    assert 0 < imported.counts["unmatched"] < 100
    assert imported.counts["successions"] > 10_000


def test_a_second_run_changes_nothing_and_records_no_second_audit_event(
    imported: Any, vn_admin: Path
) -> None:
    before = table_sizes()
    events = AuditEvent.objects.filter(action=audit_names.AREAS_IMPORT)
    assert events.count() == 1
    recorded = events.get().after
    assert recorded is not None and recorded["counts"]["provinces_2025"] == 34
    again = import_admin_areas(vn_admin)
    assert not again.changed
    assert table_sizes() == before
    assert events.count() == 1


def _copy_with(vn_admin: Path, tmp_path: Path, name: str, text: str) -> Path:
    for source in vn_admin.iterdir():
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / name).chmod(0o644)
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_truncated_file_raises_a_specific_error_and_writes_nothing(
    db: None, vn_admin: Path, tmp_path: Path
) -> None:
    before = table_sizes()
    original = (vn_admin / PRE_2025_FILE).read_text(encoding="utf-8")
    broken = _copy_with(vn_admin, tmp_path, PRE_2025_FILE, original[: len(original) // 2])
    with pytest.raises(AdminAreaImportError) as caught:
        import_admin_areas(broken)
    assert caught.value.code == "admin_area_file_not_json"
    assert PRE_2025_FILE in caught.value.messages[0]
    assert table_sizes() == before


def test_a_file_of_the_wrong_shape_raises_a_specific_error_and_writes_nothing(
    db: None, vn_admin: Path, tmp_path: Path
) -> None:
    before = table_sizes()
    wrong = json.dumps([{"Code": "01", "Name": "Hà Nội"}], ensure_ascii=False)
    broken = _copy_with(vn_admin, tmp_path, PRE_2025_FILE, wrong)
    with pytest.raises(AdminAreaImportError) as caught:
        import_admin_areas(broken)
    assert caught.value.code == "admin_area_file_shape"
    assert "FullName" in caught.value.messages[0]
    assert table_sizes() == before


def test_the_command_prints_the_counts(imported: Any, vn_admin: Path, capsys: Any) -> None:
    call_command("import_admin_areas", "--fixtures-dir", str(vn_admin))
    out = capsys.readouterr().out
    assert "communes_2025" in out and "3321" in out


def test_the_parser_reads_partial_markers_and_inherited_types() -> None:
    items = parse_predecessors(
        "Phường Thịnh Quang, một phần diện tích TN, quy mô dân số của các phường "
        "Phường Quang Trung (quận Đống Đa), Láng Hạ"
    )
    assert [(p.type_name, p.name, p.qualifier, p.partial) for p in items] == [
        ("Phường", "Thịnh Quang", "", False),
        ("Phường", "Quang Trung", "quận Đống Đa", True),
        ("Phường", "Láng Hạ", "", True),
    ]
    provinces, later = parse_province_list(
        "tỉnh Bình Phước và tỉnh Đồng Nai. Từ ngày 30%/04%/2026, Tỉnh Đồng Nai mới …"
    )
    assert provinces == [("Bình Phước", "Tỉnh"), ("Đồng Nai", "Tỉnh")]
    assert later == dt.date(2026, 4, 30)
