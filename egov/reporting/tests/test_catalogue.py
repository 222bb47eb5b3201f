"""The catalogue screens of the statistics office: who reaches them, creating and changing
indicators, breakdowns, forms and rules in the browser's forms, and bad input refused at
its field with nothing written."""

import pytest

from egov.audit.models import AuditEvent
from egov.reporting import audit_names
from egov.reporting.choices import Aggregation
from egov.reporting.models import (
    CategoryCombo,
    FormAssignment,
    Indicator,
    OptionCombo,
    ReportForm,
    ValidationRule,
)
from egov.reporting.testing import approve_fully, fill, month

pytestmark = pytest.mark.django_db


def _indicator(**changes):
    data = {
        "code": "SO_HO",
        "name": "Số hộ dân cư",
        "unit_of_measure": "hộ",
        "value_type": "integer",
        "aggregation": "sum",
        "combo": "",
        "weight_indicator": "",
        "formula": "",
        "decimals": "0",
        "sector_unit": "",
        "description": "",
    }
    return {**data, **changes}


def test_only_the_statistics_office_and_administrators_reach_the_catalogue(
    client, client_for, ktxh
):
    assert client.get("/ktxh/catalogue/").status_code == 302
    for person in (ktxh.commune_reporter, ktxh.province_leader, ktxh.world.outsider):
        assert client_for(person).get("/ktxh/catalogue/").status_code == 404
        assert (
            client_for(person).post("/ktxh/catalogue/indicator/new/", _indicator()).status_code
            == 404
        )
    assert not Indicator.objects.filter(code="SO_HO").exists()
    # The province's KT-XH reporters compile the provincial reports: the statistics office.
    page = client_for(ktxh.province_reporter).get("/ktxh/catalogue/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "B01-KTXH" in text and "THU_NSNN" in text and "Danh mục KT-XH" in text
    assert client_for(ktxh.world.admin).get("/ktxh/catalogue/").status_code == 200


def test_an_indicator_is_added_and_a_bad_code_or_formula_is_refused_at_its_field(client_for, ktxh):
    client = client_for(ktxh.province_reporter)
    response = client.post("/ktxh/catalogue/indicator/new/", _indicator(code="SỐ HỘ"))
    assert response.status_code == 422
    assert "Mã chỉ gồm chữ cái không dấu" in response.content.decode()
    response = client.post(
        "/ktxh/catalogue/indicator/new/",
        _indicator(code="HO_BQ", formula="[SO_HO] / [KHONG_CO]"),
    )
    assert response.status_code == 422
    assert "Công thức dùng mã chỉ tiêu chưa có: KHONG_CO, SO_HO." in response.content.decode()
    response = client.post(
        "/ktxh/catalogue/indicator/new/", _indicator(code="HO_BQ", formula="[DANSO] / (")
    )
    assert response.status_code == 422
    assert 'href="#id_formula"' in response.content.decode()
    assert not Indicator.objects.filter(code__in=["SO_HO", "HO_BQ"]).exists()

    response = client.post("/ktxh/catalogue/indicator/new/", _indicator())
    assert response.status_code == 302
    made = Indicator.objects.get(code="SO_HO")
    assert (made.aggregation, made.combo.code, made.value_type) == ("sum", "default", "integer")
    assert AuditEvent.objects.filter(
        action=audit_names.INDICATOR_SAVE, actor=ktxh.province_reporter
    ).exists()


def test_an_indicator_with_values_keeps_its_shape_but_may_be_renamed(client_for, ktxh):
    approve_fully(ktxh, fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 2)))
    client = client_for(ktxh.province_reporter)
    url = f"/ktxh/catalogue/indicator/{ktxh.revenue.pk}/"
    assert "THU_NSNN" in client.get(url).content.decode()
    current = _indicator(
        code="THU_NSNN",
        name="Thu ngân sách trên địa bàn",
        unit_of_measure="triệu đồng",
        value_type="non_negative",
        sector_unit=str(ktxh.world.finance.pk),
    )
    response = client.post(url, {**current, "aggregation": Aggregation.AVERAGE})
    assert response.status_code == 422
    assert "Chỉ tiêu đã có số liệu: không đổi được “cách tổng hợp”." in response.content.decode()
    ktxh.revenue.refresh_from_db()
    assert ktxh.revenue.aggregation == Aggregation.SUM
    # The code field is disabled: a posted code is ignored, the name changes.
    response = client.post(url, {**current, "code": "DOI_MA"})
    assert response.status_code == 302
    ktxh.revenue.refresh_from_db()
    assert (ktxh.revenue.code, ktxh.revenue.name) == ("THU_NSNN", "Thu ngân sách trên địa bàn")


def test_a_breakdown_is_typed_one_category_a_line_and_a_bad_line_is_located(client_for, ktxh):
    client = client_for(ktxh.province_reporter)
    bad = "KHU_VUC | Khu vực | TT=Thành thị, NT=Nông thôn\nNHOM_TUOI | Nhóm tuổi | 0-14"
    response = client.post(
        "/ktxh/catalogue/breakdown/new/",
        {"code": "KV_TUOI", "name": "Khu vực, nhóm tuổi", "categories": bad},
    )
    assert response.status_code == 422
    assert "Dòng 2: giá trị “0-14” cần dạng mã=tên." in response.content.decode()
    assert not CategoryCombo.objects.filter(code="KV_TUOI").exists()
    good = (
        "KHU_VUC | Khu vực | TT=Thành thị, NT=Nông thôn\n"
        "NHOM_TUOI | Nhóm tuổi | A=0-14, B=15-64, C=65+"
    )
    response = client.post(
        "/ktxh/catalogue/breakdown/new/",
        {"code": "KV_TUOI", "name": "Khu vực, nhóm tuổi", "categories": good},
    )
    assert response.status_code == 302
    cells = OptionCombo.objects.filter(combo__code="KV_TUOI").order_by("order")
    assert [c.code for c in cells] == ["TT_A", "TT_B", "TT_C", "NT_A", "NT_B", "NT_C"]


def _form(ktxh, **changes):
    data = {
        "code": "B02-KTXH",
        "name": "Biểu dân số quý",
        "frequency": "quarter",
        "receiving_unit": str(ktxh.world.province.pk),
        "line": "admin",
        "sector_unit": "",
        "cutoff_start_day": "15",
        "cutoff_end_day": "14",
        "deadline_days": "10",
        "legal_basis": "Nghị định 09/2019/NĐ-CP",
        "sections": "I. Dân số: DANSO\nII. Ngân sách: THU_NSNN",
        "units": "",
        "all_communes": "on",
    }
    return {**data, **changes}


def test_a_form_with_its_regime_layout_and_units_is_set_up_and_an_unknown_code_refused(
    client_for, ktxh
):
    client = client_for(ktxh.province_reporter)
    response = client.post(
        "/ktxh/catalogue/form/new/", _form(ktxh, sections="I. Dân số: DANSO, KHONG_CO")
    )
    assert response.status_code == 422
    assert "Không có chỉ tiêu mã “KHONG_CO”." in response.content.decode()
    response = client.post(
        "/ktxh/catalogue/form/new/", _form(ktxh, all_communes="", units="H01.152, X99")
    )
    assert response.status_code == 422
    assert "Không có đơn vị mang mã: X99." in response.content.decode()
    response = client.post("/ktxh/catalogue/form/new/", _form(ktxh, sections="I. Dân số"))
    assert "Dòng 1: cần dạng “tiêu đề: mã chỉ tiêu, …”." in response.content.decode()
    assert not ReportForm.objects.filter(code="B02-KTXH").exists()

    response = client.post("/ktxh/catalogue/form/new/", _form(ktxh))
    assert response.status_code == 302
    form = ReportForm.objects.get(code="B02-KTXH")
    assert [r.indicator.code for r in form.rows.order_by("section__order", "order")] == [
        "DANSO",
        "THU_NSNN",
    ]
    assigned = set(FormAssignment.objects.filter(form=form).values_list("unit_id", flat=True))
    assert assigned == {ktxh.world.commune.pk, ktxh.second_commune.pk}
    page = client.get(response["Location"]).content.decode()
    assert "II. Ngân sách" in page and "Ủy ban nhân dân xã Mỹ Hòa" in page


def test_the_regime_changes_and_rules_are_added_and_taken_off_on_the_forms_page(client_for, ktxh):
    client = client_for(ktxh.province_reporter)
    url = f"/ktxh/catalogue/form/{ktxh.form.pk}/"
    regime = {
        "part": "regime",
        "name": ktxh.form.name,
        "cutoff_start_day": "20",
        "cutoff_end_day": "19",
        "deadline_days": "3",
        "outlier_share": "0,3",
        "legal_basis": "Quyết định của UBND tỉnh",
        "active": "on",
    }
    response = client.post(url, {**regime, "cutoff_end_day": "31"})
    assert response.status_code == 422
    assert "nhỏ hơn hoặc bằng với 28" in response.content.decode()
    assert client.post(url, regime).status_code == 302
    ktxh.form.refresh_from_db()
    assert (ktxh.form.cutoff_start_day, ktxh.form.deadline_days) == (20, 3)
    assert str(ktxh.form.outlier_share) == "0.30"

    rule = {
        "part": "rule",
        "code": "R_THU",
        "left": "[THU_NSNN]",
        "operator": "<=",
        "right": "[DANSO] * 10 + [KHONG_CO]",
        "severity": "warning",
        "message": "Thu ngân sách quá cao so với dân số",
    }
    response = client.post(url, rule)
    assert response.status_code == 422
    assert "Quy tắc dùng chỉ tiêu không có trên biểu: KHONG_CO." in response.content.decode()
    assert 'href="#id_right"' in response.content.decode()
    assert client.post(url, {**rule, "right": "[DANSO] * 10"}).status_code == 302
    made = ValidationRule.objects.get(form=ktxh.form, code="R_THU")
    assert client.post(f"/ktxh/catalogue/rule/{made.pk}/remove/").status_code == 302
    assert not ValidationRule.objects.filter(pk=made.pk).exists()
    assert AuditEvent.objects.filter(action=audit_names.RULE_REMOVE).count() == 1


def test_a_form_in_use_keeps_its_frequency(ktxh):
    from egov.lib.errors import ActionError
    from egov.reporting.actions.catalogue import update_form

    fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 2))
    with pytest.raises(ActionError) as caught:
        update_form(actor=ktxh.province_reporter, form=ktxh.form, changes={"frequency": "year"})
    assert caught.value.field == "frequency"
    ktxh.form.refresh_from_db()
    assert ktxh.form.frequency == "month"


def test_a_commune_stops_and_resumes_reporting_a_form_with_its_history_kept(client_for, ktxh):
    from egov.lib.dates import local_today

    client = client_for(ktxh.province_reporter)
    url = f"/ktxh/catalogue/form/{ktxh.form.pk}/"
    second = ktxh.second_commune
    response = client.post(url, {"part": "units", "add": "", "remove": "H01.152, X99"})
    assert response.status_code == 422
    assert "Không có đơn vị mang mã: X99." in response.content.decode()
    assert client.post(url, {"part": "units", "remove": "H01.152"}).status_code == 302
    stopped = FormAssignment.objects.get(form=ktxh.form, unit=second)
    assert stopped.valid_to == local_today()
    page = client.get(url).content.decode()
    assert "Ủy ban nhân dân xã Mỹ Hòa" not in page.split('id="layout"')[0]
    response = client.post(url, {"part": "units", "remove": "H01.152"})
    assert response.status_code == 422
    assert "không đang báo cáo biểu này." in response.content.decode()
    assert client.post(url, {"part": "units", "add": "H01.152"}).status_code == 302
    stopped.refresh_from_db()
    assert stopped.valid_to is None
    response = client.post(url, {"part": "units", "add": "", "remove": ""})
    assert "Hãy ghi mã đơn vị cần giao thêm hoặc thôi giao." in response.content.decode()
