"""The KT-XH screens through the test client: access matrix, cell saving with errors,
XLSX round trip, review and analysis."""

import io
from decimal import Decimal

import openpyxl
import pytest

from egov.reporting.choices import SubmissionState
from egov.reporting.models import DataValue, DataValueRevision, Submission
from egov.reporting.queries import value_history
from egov.reporting.testing import approve_fully, fill, month

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(ktxh):
    return fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 5))


def test_anonymous_visitors_are_sent_to_log_in(client, ktxh):
    response = client.get("/ktxh/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["outsider", "citizen", "clerk"])
def test_people_without_a_ktxh_role_see_nothing(client_for, ktxh, draft, persona):
    client = client_for(getattr(ktxh.world, persona))
    assert client.get("/ktxh/").status_code == 404
    assert client.get(f"/ktxh/s/{draft.pk}/").status_code == 404
    assert client.get("/ktxh/analysis/").status_code == 404


def test_a_reporter_of_another_commune_cannot_read_or_write_the_report(client_for, ktxh, draft):
    client = client_for(ktxh.second_reporter)
    assert client.get(f"/ktxh/s/{draft.pk}/").status_code == 404
    cell = {"indicator": ktxh.revenue.pk, "combo": ktxh.combo(ktxh.revenue).pk, "value": "1"}
    assert client.post(f"/ktxh/s/{draft.pk}/cell/", cell).status_code == 404
    assert DataValue.objects.get(indicator=ktxh.revenue, unit=ktxh.world.commune).value == 1200


def test_the_work_page_lists_the_form_to_fill_and_opens_it(client_for, ktxh):
    client = client_for(ktxh.commune_reporter)
    page = client.get("/ktxh/").content.decode()
    assert "B01-KTXH" in page and "Nhập số liệu" in page
    response = client.post(
        "/ktxh/open/", {"form": ktxh.form.pk, "unit": ktxh.world.commune.pk, "period": "2026-M06"}
    )
    submission = Submission.objects.get(unit=ktxh.world.commune, period__code="2026-M06")
    assert response["Location"] == f"/ktxh/s/{submission.pk}/"
    grid = client.get(response["Location"]).content.decode()
    assert "I. Dân số" in grid and 'aria-label="Dân số trung bình — Nữ"' in grid


def test_a_form_for_a_unit_not_assigned_to_it_is_refused(client_for, ktxh):
    from egov.reporting.testing import grant

    grant(ktxh.commune_reporter, "reporter", ktxh.world.finance)
    client = client_for(ktxh.commune_reporter)
    response = client.post(
        "/ktxh/open/",
        {"form": ktxh.form.pk, "unit": ktxh.world.finance.pk, "period": "2026-M06"},
        follow=True,
    )
    assert "không được giao báo cáo biểu B01-KTXH" in response.content.decode()
    assert not Submission.objects.filter(unit=ktxh.world.finance).exists()


def test_a_period_outside_the_regime_is_refused(client_for, ktxh):
    client = client_for(ktxh.commune_reporter)
    response = client.post(
        "/ktxh/open/",
        {"form": ktxh.form.pk, "unit": ktxh.world.commune.pk, "period": "2026-Q1"},
        follow=True,
    )
    assert "không thuộc chế độ báo cáo Hằng tháng" in response.content.decode()
    assert not Submission.objects.exists()


def test_text_in_a_number_cell_is_refused_and_the_stored_value_kept(client_for, ktxh, draft):
    client = client_for(ktxh.commune_reporter)
    combo = ktxh.combo(ktxh.revenue)
    response = client.post(
        f"/ktxh/s/{draft.pk}/cell/",
        {"indicator": ktxh.revenue.pk, "combo": combo.pk, "value": "một nghìn"},
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "“một nghìn” không phải là số" in body and 'aria-invalid="true"' in body
    assert DataValue.objects.get(indicator=ktxh.revenue, unit=ktxh.world.commune).value == 1200


def test_a_cell_saves_in_vietnamese_format_and_keeps_its_revisions(client_for, ktxh, draft):
    client = client_for(ktxh.commune_reporter)
    combo = ktxh.combo(ktxh.revenue)
    response = client.post(
        f"/ktxh/s/{draft.pk}/cell/",
        {
            "indicator": ktxh.revenue.pk,
            "combo": combo.pk,
            "value": "1.234,5",
            "status": "preliminary",
        },
    )
    assert response.status_code == 200
    assert 'value="1.234,5"' in response.content.decode()
    assert 'id="issues"' in response.content.decode()  # the panel, out of band
    value = DataValue.objects.get(indicator=ktxh.revenue, unit=ktxh.world.commune)
    assert value.value == Decimal("1234.5") and value.status == "preliminary"
    assert [v.value for v in value_history(value)] == [Decimal(1200), Decimal("1234.5")]
    assert DataValueRevision.objects.filter(data_value=value).count() == 1


def test_a_percentage_above_100_is_a_specific_error(client_for, ktxh, draft):
    response = client_for(ktxh.commune_reporter).post(
        f"/ktxh/s/{draft.pk}/cell/",
        {"indicator": ktxh.poverty.pk, "combo": ktxh.combo(ktxh.poverty).pk, "value": "120"},
    )
    assert response.status_code == 422
    assert "Tỷ lệ phần trăm phải từ 0 đến 100." in response.content.decode()


def test_the_review_journey_through_the_screens(client_for, ktxh, draft):
    def as_(user):
        return client_for(user)  # one test client, logged in as each person in turn

    as_(ktxh.commune_reporter).post(f"/ktxh/s/{draft.pk}/submit/")
    draft.refresh_from_db()
    assert draft.state == SubmissionState.SUBMITTED
    assert "B01-KTXH" in as_(ktxh.province_reporter).get("/ktxh/").content.decode()
    as_(ktxh.province_reporter).post(f"/ktxh/s/{draft.pk}/return/", {"reason": ""})
    draft.refresh_from_db()
    assert draft.state == SubmissionState.SUBMITTED  # a return needs a reason
    cell_key = f"r-{ktxh.revenue.pk}-{ktxh.combo(ktxh.revenue).pk}"
    as_(ktxh.province_reporter).post(
        f"/ktxh/s/{draft.pk}/return/", {"reason": "Kiểm tra số thu", cell_key: "Thiếu thu phí"}
    )
    draft.refresh_from_db()
    assert draft.state == SubmissionState.RETURNED
    page = as_(ktxh.commune_reporter).get(f"/ktxh/s/{draft.pk}/").content.decode()
    assert "Thiếu thu phí" in page and "Kiểm tra số thu" in page
    as_(ktxh.commune_reporter).post(f"/ktxh/s/{draft.pk}/submit/")
    as_(ktxh.province_reporter).post(f"/ktxh/s/{draft.pk}/accept/")
    # The province's reporter may accept but not approve; its leader approves.
    assert as_(ktxh.province_reporter).post(f"/ktxh/s/{draft.pk}/approve/").status_code == 404
    draft.refresh_from_db()
    assert draft.state == SubmissionState.ACCEPTED
    as_(ktxh.province_leader).post(f"/ktxh/s/{draft.pk}/approve/")
    draft.refresh_from_db()
    assert draft.state == SubmissionState.LOCKED
    assert (
        "Đã duyệt, khóa số liệu"
        in as_(ktxh.commune_reporter).get(f"/ktxh/s/{draft.pk}/").content.decode()
    )


def test_the_xlsx_form_round_trips_and_a_bad_cell_refuses_the_whole_file(client_for, ktxh, draft):
    client = client_for(ktxh.commune_reporter)
    response = client.get(f"/ktxh/s/{draft.pk}/xlsx/")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook["Biểu"]
    rows = {sheet.cell(row=r, column=4).value: r for r in range(8, sheet.max_row + 1)}
    sheet.cell(row=rows["THU_NSNN"], column=5, value=2500)
    sheet.cell(row=rows["DANSO"], column=5, value="nhiều")
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "b01.xlsx"
    response = client.post(f"/ktxh/s/{draft.pk}/upload/", {"file": upload})
    assert response.status_code == 422
    body = response.content.decode()
    assert f"E{rows['DANSO']}" in body and "“nhiều” không phải là số" in body
    assert DataValue.objects.get(indicator=ktxh.revenue, unit=ktxh.world.commune).value == 1200
    sheet.cell(row=rows["DANSO"], column=5, value=5100)
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "b01.xlsx"
    client.post(f"/ktxh/s/{draft.pk}/upload/", {"file": upload})
    assert DataValue.objects.get(indicator=ktxh.revenue, unit=ktxh.world.commune).value == 2500


def test_an_xlsx_of_another_period_or_a_tampered_layout_is_refused(client_for, ktxh, draft):
    client = client_for(ktxh.commune_reporter)
    other = fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 6))
    content = client.get(f"/ktxh/s/{other.pk}/xlsx/").content
    upload = io.BytesIO(content)
    upload.name = "b01.xlsx"
    body = client.post(
        f"/ktxh/s/{draft.pk}/upload/", {"file": upload}, follow=True
    ).content.decode()
    assert "Tệp là kỳ báo cáo khác (2026-M06), không phải 2026-M05." in body
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/ktxh/s/{draft.pk}/xlsx/").content))
    sheet = workbook["Biểu"]
    sheet.cell(row=9, column=4, value="THU_NSNN")
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "b01.xlsx"
    body = client.post(
        f"/ktxh/s/{draft.pk}/upload/", {"file": upload}, follow=True
    ).content.decode()
    assert "Ô D9 phải là mã chỉ tiêu “DANSO”: bố cục biểu đã bị thay đổi." in body


def test_the_analysis_shows_the_vietnamese_columns_and_exports(client_for, ktxh):
    last_year = fill(
        ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2025, 5), revenue="1000"
    )
    approve_fully(ktxh, last_year)
    approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 4), revenue="1100")
    )
    approve_fully(
        ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 5), revenue="1200")
    )
    client = client_for(ktxh.province_leader)
    page = client.get(
        "/ktxh/analysis/", {"period": "2026-M05", "indicator": "THU_NSNN"}
    ).content.decode()
    assert "Cùng kỳ năm trước" in page and "So với cùng kỳ (%)" in page
    assert "1.200" in page and "120,0" in page  # this period, and 1200 / 1000
    csv = client.get(
        "/ktxh/analysis/", {"period": "2026-M05", "indicator": "THU_NSNN", "export": "csv"}
    )
    lines = csv.content.decode("utf-8-sig").splitlines()
    province_line = next(line for line in lines if line.startswith("Ủy ban nhân dân tỉnh"))
    assert ",1100.0,1200.0,1000.0," in province_line and ",2300.0," in province_line


def test_only_system_administrators_reach_the_exchange_page(client_for, ktxh):
    assert client_for(ktxh.province_leader).get("/ktxh/exchange/").status_code == 404
    client = client_for(ktxh.world.admin)
    assert client.get("/ktxh/exchange/").status_code == 200


def test_an_exchange_import_with_an_unknown_code_lists_the_problem_and_writes_nothing(
    client_for, ktxh
):
    client = client_for(ktxh.world.admin)
    upload = io.BytesIO(
        b'{"dataValues": [{"dataElement": "KHONG_CO", "period": "202601",'
        b' "orgUnit": "H01.151", "value": "5"}]}'
    )
    upload.name = "x.json"
    response = client.post("/ktxh/exchange/", {"format": "dxf2-json", "file": upload})
    assert response.status_code == 422
    assert "dataValues[1]: mã chỉ tiêu “KHONG_CO” không có." in response.content.decode()
    assert not DataValue.objects.exists()


def test_an_exchange_export_downloads_approved_values(client_for, ktxh):
    approve_fully(ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 1)))
    body = (
        client_for(ktxh.world.admin).get("/ktxh/exchange/", {"export": "dxf2-csv"}).content.decode()
    )
    assert "THU_NSNN,202601,H01.151,default,,1200" in body


def test_the_work_page_costs_the_same_queries_for_many_units(
    client_for, ktxh, django_assert_max_num_queries
):
    from egov.reporting.testing import grant

    reporter = ktxh.province_reporter
    grant(reporter, "reporter", ktxh.world.commune)
    client = client_for(reporter)
    client.get("/ktxh/")  # periods created on first use
    with django_assert_max_num_queries(20) as one:
        client.get("/ktxh/")
    grant(reporter, "reporter", ktxh.second_commune)
    from egov.organisations.access import forget_cached_assignments

    forget_cached_assignments(reporter)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get("/ktxh/").content.decode()
    assert page.count("Nhập số liệu<span") == 6  # two communes × three months
