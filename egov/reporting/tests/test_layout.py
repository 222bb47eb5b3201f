"""Editing a form's layout: sections added, renamed, moved and taken off, rows added,
moved and taken off, numbered down the form; refused with what to do once the form has
submitted data; the screens' access matrix."""

import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.lib.errors import ActionError
from egov.reporting import audit_names
from egov.reporting.actions import catalogue, layout
from egov.reporting.actions.workflow import submit
from egov.reporting.models import FormRow, FormSection
from egov.reporting.testing import fill, month

pytestmark = pytest.mark.django_db


def _shape(form):
    return [
        (s.title, [(r.number, r.indicator.code) for r in s.rows.order_by("order")])
        for s in form.sections.order_by("order")
    ]


@pytest.fixture
def households(ktxh):
    return catalogue.create_indicator(
        actor=None, code="SO_HO", name="Số hộ", unit_of_measure="hộ", skip_access_check=True
    )


def test_the_statistics_office_reshapes_a_form_without_data(ktxh, households):
    actor, form = ktxh.province_reporter, ktxh.form
    third = layout.add_section(actor=actor, form=form, title="  III. Hộ dân cư ")
    layout.add_row(actor=actor, section=third, indicator=households, required=False)
    layout.move_section(actor=actor, section=third, step=-1)
    budget = form.sections.get(title="II. Ngân sách")
    layout.rename_section(actor=actor, section=budget, title="II. Thu, chi ngân sách")
    poverty = FormRow.objects.get(form=form, indicator=ktxh.poverty)
    layout.move_row(actor=actor, row=poverty, step=-1)
    assert _shape(form) == [
        ("I. Dân số", [("1", "TY_LE_HO_NGHEO"), ("2", "DANSO")]),
        ("III. Hộ dân cư", [("3", "SO_HO")]),
        ("II. Thu, chi ngân sách", [("4", "THU_NSNN")]),
    ]
    assert not FormRow.objects.get(indicator=households).required
    layout.remove_row(actor=actor, row=FormRow.objects.get(indicator=households))
    layout.remove_section(actor=actor, section=form.sections.get(title="III. Hộ dân cư"))
    assert [s for s, _rows in _shape(form)] == ["I. Dân số", "II. Thu, chi ngân sách"]
    events = AuditEvent.objects.filter(action=audit_names.FORM_LAYOUT).order_by("pk")
    assert events.count() == 7
    last = events.last()
    assert last is not None and last.after is not None and last.before is not None
    assert len(last.before["layout"]) == 3 and len(last.after["layout"]) == 2


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda k, a: layout.add_section(actor=a, form=k.form, title="  "), "empty_title"),
        (
            lambda k, a: layout.add_row(
                actor=a, section=k.form.sections.first(), indicator=k.revenue_per_person
            ),
            "derived_on_form",
        ),
        (
            lambda k, a: layout.add_row(
                actor=a, section=k.form.sections.first(), indicator=k.revenue
            ),
            "already_on_form",
        ),
        (
            lambda k, a: layout.remove_row(
                actor=a, row=FormRow.objects.get(form=k.form, indicator=k.revenue)
            ),
            "used_by_rule",
        ),
        (
            lambda k, a: layout.remove_section(
                actor=a, section=FormSection.objects.get(form=k.form, title="II. Ngân sách")
            ),
            "section_not_empty",
        ),
        (
            lambda k, a: layout.move_section(
                actor=a, section=k.form.sections.order_by("order").first(), step=-1
            ),
            "cannot_move",
        ),
    ],
)
def test_a_bad_layout_change_is_refused_and_changes_nothing(ktxh, change, code):
    before = _shape(ktxh.form)
    with pytest.raises(ActionError) as caught:
        change(ktxh, ktxh.province_reporter)
    assert caught.value.code == code and caught.value.messages[0]
    assert _shape(ktxh.form) == before
    assert not AuditEvent.objects.filter(action=audit_names.FORM_LAYOUT).exists()


def test_a_form_with_submitted_data_is_not_reshaped_and_says_what_to_do(ktxh, households):
    draft = fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 3))
    with pytest.raises(ActionError) as caught:
        layout.add_row(
            actor=ktxh.province_reporter, section=ktxh.form.sections.first(), indicator=households
        )
    message = caught.value.messages[0]
    assert caught.value.code == "form_has_data"
    assert "đã có số liệu báo cáo nên không sửa được bố cục" in message
    assert "Hãy tạo biểu mới (ví dụ B01-KTXH-V2)" in message and "thôi giao biểu cũ" in message
    submit(actor=ktxh.commune_reporter, submission=draft)
    assert layout.has_submitted_data(ktxh.form)
    assert not FormRow.objects.filter(indicator=households).exists()


def test_only_the_statistics_office_edits_a_layout(ktxh):
    for person in (ktxh.commune_reporter, ktxh.province_leader, ktxh.world.clerk):
        with pytest.raises(PermissionDenied):
            layout.add_section(actor=person, form=ktxh.form, title="III. Khác")
    layout.add_section(actor=ktxh.world.admin, form=ktxh.form, title="III. Khác")


@pytest.mark.parametrize("persona", ["commune_reporter", "province_leader"])
def test_the_layout_screen_is_closed_to_everyone_but_the_statistics_office(
    client_for, ktxh, persona
):
    client = client_for(getattr(ktxh, persona))
    url = f"/ktxh/catalogue/form/{ktxh.form.pk}/layout/"
    assert client.post(url, {"op": "add_section", "title": "III"}).status_code == 404
    assert ktxh.form.sections.count() == 2


def test_anonymous_visitors_are_sent_to_log_in_from_the_layout_screen(client, ktxh):
    response = client.post(f"/ktxh/catalogue/form/{ktxh.form.pk}/layout/", {"op": "add_section"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_layout_screen_adds_and_moves_rows_and_shows_refusals(client_for, ktxh, households):
    client = client_for(ktxh.province_reporter)
    url = f"/ktxh/catalogue/form/{ktxh.form.pk}/layout/"
    section = ktxh.form.sections.get(title="II. Ngân sách")
    response = client.post(
        url, {"op": "add_row", "section": section.pk, "indicator": "SO_HO", "required": "1"}
    )
    assert response.status_code == 302 and response["Location"].endswith("#layout")
    row = FormRow.objects.get(indicator=households)
    client.post(url, {"op": "move_row", "row": row.pk, "step": "up"})
    assert _shape(ktxh.form)[1] == ("II. Ngân sách", [("3", "SO_HO"), ("4", "THU_NSNN")])
    page = client.post(url, {"op": "add_section", "title": ""}, follow=True).content.decode()
    assert "Hãy nhập tiêu đề mục." in page and "Tiêu đề mục mới" in page
    other = client.post(url, {"op": "move_row", "row": 999999, "step": "up"})
    assert other.status_code == 404


def test_the_form_page_explains_why_a_used_layout_cannot_change(client_for, ktxh):
    fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 3))
    page = client_for(ktxh.province_reporter).get(f"/ktxh/catalogue/form/{ktxh.form.pk}/")
    body = page.content.decode()
    assert "đã có số liệu báo cáo nên không sửa được bố cục" in body
    assert "Thêm mục" not in body and "Bỏ dòng" not in body


def test_a_form_with_data_is_copied_into_a_new_form_whose_layout_can_change(
    client_for, ktxh, households
):
    import datetime as dt

    from egov.reporting.models import ReportForm

    fill(ktxh, ktxh.world.commune, ktxh.commune_reporter, month(2026, 3))
    client = client_for(ktxh.province_reporter)
    page = client.get(f"/ktxh/catalogue/form/{ktxh.form.pk}/").content.decode()
    assert 'value="B01-KTXH-V2"' in page
    response = client.post(
        f"/ktxh/catalogue/form/{ktxh.form.pk}/copy/",
        {"code": "B01-KTXH-V2", "name": "", "valid_from": "2027-01-01"},
    )
    copy = ReportForm.objects.get(code="B01-KTXH-V2")
    assert response["Location"] == f"/ktxh/catalogue/form/{copy.pk}/"
    assert _shape(copy) == _shape(ktxh.form) and copy.name == ktxh.form.name
    assert sorted(copy.rules.values_list("code", flat=True)) == ["R_DANSO_DUONG", "R_THU_GIAM"]
    assert set(copy.assignments.values_list("unit_id", "valid_from")) == {
        (ktxh.world.commune.pk, dt.date(2027, 1, 1)),
        (ktxh.second_commune.pk, dt.date(2027, 1, 1)),
    }
    layout.add_row(
        actor=ktxh.province_reporter,
        section=copy.sections.order_by("order")[1],
        indicator=households,
    )
    assert _shape(copy)[1][1][-1] == ("4", "SO_HO")
    assert not FormRow.objects.filter(form=ktxh.form, indicator=households).exists()
    again = client.post(
        f"/ktxh/catalogue/form/{ktxh.form.pk}/copy/",
        {"code": "B01-KTXH-V2", "valid_from": "2027-01-01"},
        follow=True,
    )
    assert "Biểu mẫu có Ký hiệu biểu đã tồn tại." in again.content.decode()
    assert ReportForm.objects.filter(code__startswith="B01-KTXH").count() == 2
    bad = client.post(
        f"/ktxh/catalogue/form/{ktxh.form.pk}/copy/",
        {"code": "B01-V3", "valid_from": "31/12/2026"},
        follow=True,
    )
    assert "Ngày áp dụng “31/12/2026” không hợp lệ." in bad.content.decode()
    assert (
        client_for(ktxh.commune_reporter)
        .post(
            f"/ktxh/catalogue/form/{ktxh.form.pk}/copy/", {"code": "X", "valid_from": "2027-01-01"}
        )
        .status_code
        == 404
    )


def test_a_copy_given_from_a_later_date_is_not_on_the_work_page_before_it(client_for, ktxh):
    import datetime as dt

    layout.copy_form(
        actor=ktxh.province_reporter,
        form=ktxh.form,
        code="B01-KTXH-V2",
        valid_from=dt.date.today() + dt.timedelta(days=40),
    )
    page = client_for(ktxh.commune_reporter).get("/ktxh/").content.decode()
    assert "B01-KTXH —" in page and "B01-KTXH-V2" not in page
