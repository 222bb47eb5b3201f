"""The year plan: the actions (one cell, many cells all or nothing), bad input located to
the cell, the XLSX round trip, the access matrix of the plan screens, and the plan and
% of plan in the analysis from plans entered on the screen."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.lib.errors import ActionError
from egov.reporting import audit_names
from egov.reporting.actions import plans
from egov.reporting.actions.upload import CellReportError
from egov.reporting.models import PlanTarget
from egov.reporting.testing import approve_fully, fill, month

pytestmark = pytest.mark.django_db

YEAR = 2026


def _cell(ktxh, unit, indicator, raw, actor=None):
    return plans.save_plan_cell(
        actor=actor or ktxh.province_reporter,
        year=YEAR,
        indicator_id=indicator.pk,
        unit_id=unit.pk,
        raw=raw,
    )


def test_a_provincial_reporter_sets_changes_and_takes_off_a_communes_plan(ktxh):
    commune = ktxh.world.commune
    assert _cell(ktxh, commune, ktxh.revenue, "12.500,5") == Decimal("12500.5")
    assert _cell(ktxh, commune, ktxh.revenue, "13000") == 13000
    plan = PlanTarget.objects.get(indicator=ktxh.revenue, unit=commune, year=YEAR)
    assert plan.value == 13000
    events = list(AuditEvent.objects.filter(action=audit_names.PLAN_SET).order_by("pk"))
    assert [(e.after or {})["value"] for e in events] == ["12500.5", "13000"]
    assert events[-1].before == {"value": "12500.500000"}
    assert _cell(ktxh, commune, ktxh.revenue, " ") is None
    assert not PlanTarget.objects.filter(indicator=ktxh.revenue, unit=commune).exists()
    assert AuditEvent.objects.filter(action=audit_names.PLAN_SET).count() == 3


def test_saving_the_same_plan_again_records_nothing(ktxh):
    _cell(ktxh, ktxh.world.province, ktxh.revenue, "500")
    _cell(ktxh, ktxh.world.province, ktxh.revenue, "500,0")
    assert AuditEvent.objects.filter(action=audit_names.PLAN_SET).count() == 1


@pytest.mark.parametrize(
    ("indicator", "raw", "message"),
    [
        ("revenue", "mười nghìn", "không phải là số"),
        ("revenue", "-5", "không nhận số âm"),
        ("poverty", "101", "Tỷ lệ phần trăm phải từ 0 đến 100."),
        ("population", "10,5", "Chỉ tiêu này nhận số nguyên."),
    ],
)
def test_a_bad_plan_is_refused_with_its_reason_and_keeps_the_stored_one(
    ktxh, indicator, raw, message
):
    target = getattr(ktxh, indicator)
    _cell(ktxh, ktxh.world.commune, target, "10")
    with pytest.raises(ActionError) as caught:
        _cell(ktxh, ktxh.world.commune, target, raw)
    assert message in caught.value.messages[0]
    assert PlanTarget.objects.get(indicator=target, unit=ktxh.world.commune).value == 10


def test_a_commune_reporter_plans_only_for_the_commune(ktxh):
    _cell(ktxh, ktxh.world.commune, ktxh.revenue, "10", actor=ktxh.commune_reporter)
    with pytest.raises(ActionError) as caught:
        _cell(ktxh, ktxh.second_commune, ktxh.revenue, "10", actor=ktxh.commune_reporter)
    assert caught.value.code == "unit_out_of_scope"
    assert "không thuộc phạm vi bạn được giao nhập kế hoạch" in caught.value.messages[0]
    with pytest.raises(ActionError):
        _cell(ktxh, ktxh.world.province, ktxh.revenue, "10", actor=ktxh.commune_reporter)
    assert PlanTarget.objects.count() == 1


def test_people_without_a_ktxh_role_cannot_plan_at_all(ktxh):
    with pytest.raises(PermissionDenied):
        _cell(ktxh, ktxh.world.commune, ktxh.revenue, "10", actor=ktxh.world.clerk)


def test_a_year_outside_the_plan_years_is_refused(ktxh):
    with pytest.raises(ActionError) as caught:
        plans.save_plan_cell(
            actor=ktxh.province_reporter,
            year=1990,
            indicator_id=ktxh.revenue.pk,
            unit_id=ktxh.world.commune.pk,
            raw="1",
        )
    assert caught.value.code == "year_out_of_range"


def test_many_plans_are_saved_all_or_nothing_with_each_bad_cell_named(ktxh):
    commune, second = ktxh.world.commune.organ_code, ktxh.second_commune.organ_code
    cells = [
        plans.PlanCell("D8", commune, "THU_NSNN", 1000),
        plans.PlanCell("D9", second, "THU_NSNN", "abc"),
        plans.PlanCell("E9", second, "KHONG_CO", "1"),
        plans.PlanCell("D10", "H99.999", "THU_NSNN", "1"),
    ]
    with pytest.raises(CellReportError) as caught:
        plans.save_plans(actor=ktxh.province_reporter, year=YEAR, cells=cells)
    refs = {p.ref: p.message for p in caught.value.problems}
    assert set(refs) == {"D9", "E9", "D10"}
    assert "không phải là số" in refs["D9"]
    assert refs["E9"] == "Không có chỉ tiêu mã “KHONG_CO”."
    assert refs["D10"] == "Không có đơn vị mang mã “H99.999”."
    assert not PlanTarget.objects.exists()
    changed = plans.save_plans(actor=ktxh.province_reporter, year=YEAR, cells=cells[:1])
    assert changed == 1 and PlanTarget.objects.get().value == 1000
    assert AuditEvent.objects.filter(action=audit_names.PLANS_SAVE).count() == 1


def _workbook(client, params=None):
    response = client.get(f"/ktxh/plans/{YEAR}/xlsx/", params or {})
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _upload(client, workbook, name="kh.xlsx"):
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = name
    return client.post(f"/ktxh/plans/{YEAR}/upload/", {"file": upload}, follow=True)


def test_the_plan_workbook_round_trips_and_a_bad_cell_refuses_the_whole_file(client_for, ktxh):
    client = client_for(ktxh.province_reporter)
    _cell(ktxh, ktxh.world.province, ktxh.revenue, "5000")
    workbook = _workbook(client)
    sheet = workbook["Kế hoạch"]
    codes = {sheet.cell(row=7, column=c).value: c for c in range(4, sheet.max_column + 1)}
    units = {sheet.cell(row=r, column=3).value: r for r in range(8, sheet.max_row + 1)}
    assert list(codes) == ["DANSO", "TY_LE_HO_NGHEO", "THU_NSNN"]  # the form's paper order
    province, commune, second = (
        u.organ_code for u in (ktxh.world.province, ktxh.world.commune, ktxh.second_commune)
    )
    assert next(iter(units)) == province and {commune, second} <= set(units)
    assert sheet.cell(row=units[province], column=codes["THU_NSNN"]).value == 5000
    sheet.cell(row=units[commune], column=codes["THU_NSNN"]).value = 1200
    sheet.cell(row=units[second], column=codes["THU_NSNN"]).value = "không rõ"
    sheet.cell(row=units[second], column=codes["TY_LE_HO_NGHEO"]).value = 150
    body = _upload(client, workbook).content.decode()
    assert "Có 2 ô không hợp lệ; chưa lưu kế hoạch nào." in body
    assert "không phải là số" in body and "Tỷ lệ phần trăm phải từ 0 đến 100." in body
    assert PlanTarget.objects.count() == 1
    sheet.cell(row=units[second], column=codes["THU_NSNN"]).value = 800
    sheet.cell(row=units[second], column=codes["TY_LE_HO_NGHEO"]).value = "3,5"
    body = _upload(client, workbook).content.decode()
    assert "Đã nhận tệp kế hoạch: 3 ô kế hoạch thay đổi." in body
    stored = dict(
        PlanTarget.objects.values_list("unit__organ_code", "value").filter(indicator=ktxh.revenue)
    )
    assert stored == {province: 5000, commune: 1200, second: 800}


def test_a_commune_cannot_upload_plans_for_its_neighbour(client_for, ktxh):
    workbook = _workbook(client_for(ktxh.province_reporter))
    sheet = workbook["Kế hoạch"]
    row = next(r for r in range(8, sheet.max_row + 1) if sheet.cell(r, 3).value == "H01.152")
    sheet.cell(row=row, column=6).value = 900
    client = client_for(ktxh.commune_reporter)
    body = _upload(client, workbook).content.decode()
    assert f"F{row}" in body and "không thuộc phạm vi bạn được giao nhập kế hoạch" in body
    assert not PlanTarget.objects.exists()


def test_a_workbook_of_another_year_or_not_a_plan_is_refused(client_for, ktxh):
    client = client_for(ktxh.province_reporter)
    workbook = _workbook(client)
    workbook["_meta"]["B2"] = 2025
    body = _upload(client, workbook).content.decode()
    assert "Tệp là kế hoạch năm 2025, không phải năm 2026." in body
    other = openpyxl.Workbook()
    other.active["A1"] = "x"
    body = _upload(client, other).content.decode()
    assert "Tệp không phải bảng kế hoạch năm tải về từ hệ thống." in body
    assert not PlanTarget.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in_from_the_plans(client):
    response = client.get(f"/ktxh/plans/{YEAR}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["outsider", "citizen", "clerk"])
def test_people_without_a_ktxh_role_see_no_plan_screen(client_for, ktxh, persona):
    client = client_for(getattr(ktxh.world, persona))
    assert client.get("/ktxh/plans/").status_code == 404
    assert client.get(f"/ktxh/plans/{YEAR}/").status_code == 404
    assert client.get(f"/ktxh/plans/{YEAR}/xlsx/").status_code == 404
    cell = {"indicator": ktxh.revenue.pk, "unit": ktxh.world.commune.pk, "value": "1"}
    assert client.post(f"/ktxh/plans/{YEAR}/cell/", cell).status_code == 404
    assert not PlanTarget.objects.exists()


def test_each_planner_sees_the_units_in_their_scope(client_for, ktxh):
    page = client_for(ktxh.commune_reporter).get(f"/ktxh/plans/{YEAR}/").content.decode()
    assert "Ủy ban nhân dân xã Định Mỹ" in page and "Mỹ Hòa" not in page
    page = client_for(ktxh.province_reporter).get(f"/ktxh/plans/{YEAR}/").content.decode()
    assert "Ủy ban nhân dân xã Định Mỹ" in page and "Ủy ban nhân dân xã Mỹ Hòa" in page
    # A unit outside the scope, asked for by id, is not shown: the first of the scope is.
    page = (
        client_for(ktxh.commune_reporter)
        .get(f"/ktxh/plans/{YEAR}/", {"node": ktxh.world.province.pk})
        .content.decode()
    )
    assert "Mỹ Hòa" not in page
    assert client_for(ktxh.province_reporter).get("/ktxh/plans/1990/").status_code == 404


def test_a_cell_answers_its_error_in_vietnamese_and_a_neighbours_cell_is_refused(client_for, ktxh):
    client = client_for(ktxh.commune_reporter)
    url = f"/ktxh/plans/{YEAR}/cell/"
    bad = client.post(
        url, {"indicator": ktxh.revenue.pk, "unit": ktxh.world.commune.pk, "value": "12a"}
    )
    assert bad.status_code == 422 and "không phải là số" in bad.content.decode()
    assert 'aria-invalid="true"' in bad.content.decode()
    other = client.post(
        url, {"indicator": ktxh.revenue.pk, "unit": ktxh.second_commune.pk, "value": "5"}
    )
    assert other.status_code == 422
    assert "không thuộc phạm vi bạn được giao nhập kế hoạch" in other.content.decode()
    good = client.post(
        url,
        {
            "indicator": ktxh.revenue.pk,
            "unit": ktxh.world.commune.pk,
            f"p-{ktxh.world.commune.pk}-{ktxh.revenue.pk}": "1.500",
        },
    )
    assert good.status_code == 200 and 'value="1.500"' in good.content.decode()
    assert PlanTarget.objects.get().value == 1500


def test_the_grid_posted_whole_saves_all_or_nothing(client_for, ktxh):
    client = client_for(ktxh.province_reporter)
    province, commune = ktxh.world.province.pk, ktxh.world.commune.pk
    url = f"/ktxh/plans/{YEAR}/grid/"
    data = {
        f"p-{province}-{ktxh.revenue.pk}": "9.000",
        f"p-{commune}-{ktxh.revenue.pk}": "-3",
        "node": province,
        "form": "B01-KTXH",
    }
    response = client.post(url, data)
    assert response.status_code == 422
    assert "Có 1 ô không hợp lệ; chưa lưu kế hoạch nào." in response.content.decode()
    assert 'value="-3"' in response.content.decode()
    assert not PlanTarget.objects.exists()
    data[f"p-{commune}-{ktxh.revenue.pk}"] = "3"
    response = client.post(url, data)
    assert response.status_code == 302 and f"node={province}" in response["Location"]
    assert PlanTarget.objects.count() == 2


def test_plans_entered_on_the_screen_show_in_the_analysis_with_the_share_done(client_for, ktxh):
    approve_fully(ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 1)))
    approve_fully(
        ktxh,
        fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 2), revenue="1800"),
    )
    client = client_for(ktxh.province_reporter)
    for unit, raw in ((ktxh.world.province, "30.000"), (ktxh.world.commune, "10.000")):
        response = client.post(
            f"/ktxh/plans/{YEAR}/cell/",
            {"indicator": ktxh.revenue.pk, "unit": unit.pk, "value": raw},
        )
        assert response.status_code == 200
    leader = client_for(ktxh.province_leader)
    params = {"period": "2026-M02", "indicator": "THU_NSNN", "export": "csv"}
    lines = leader.get("/ktxh/analysis/", params).content.decode("utf-8-sig").splitlines()
    province = next(line for line in lines if line.startswith("Ủy ban nhân dân tỉnh"))
    commune = next(line for line in lines if line.startswith("Ủy ban nhân dân xã Định Mỹ"))
    # Year to date 1200 + 1800 = 3000: 10 % of the province's plan, 30 % of the commune's.
    assert province.endswith(",3000.0,,30000.0,10.0")
    assert commune.endswith(",3000.0,,10000.0,30.0")
    page = leader.get("/ktxh/analysis/", {"period": "2026-M02", "indicator": "THU_NSNN"})
    assert "30.000" in page.content.decode() and "10,0" in page.content.decode()
