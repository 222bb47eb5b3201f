"""Correcting a case file's details (records.file.update): the owner or the agency's clerk,
a code still unique in the agency's year, audited with the fields that changed; a handed-over
file refuses it through the action and the screen."""

import pytest
from django.urls import reverse

from egov.audit.models import AuditEvent
from egov.lib.errors import ActionError
from egov.records import audit_names
from egov.records.actions import files, handover
from egov.records.choices import Rights
from egov.records.tests.test_files import opened
from egov.records.tests.test_handover import closed_file

pytestmark = pytest.mark.django_db


def details(case_file, **changes):
    values = {
        "code": case_file.code,
        "title": case_file.title,
        "retention_years": case_file.retention_years,
        "rights": case_file.rights,
        "description": case_file.description,
    }
    return {**values, **changes}


def test_the_owner_corrects_the_title_and_retention_and_the_audit_names_them(office):
    case_file = opened(office)
    files.update_case_file(
        actor=office.specialist,
        case_file=case_file,
        **details(case_file, title="  Hồ sơ tuyển dụng  công chức 2026 ", retention_years=None),
    )
    case_file.refresh_from_db()
    assert case_file.title == "Hồ sơ tuyển dụng công chức 2026"
    assert case_file.retention_years is None
    event = AuditEvent.objects.get(action=audit_names.FILE_UPDATE)
    assert event.before == {
        "title": "Hồ sơ tuyển dụng công chức năm 2025",
        "retention_years": 20,
    }
    assert event.after == {"title": "Hồ sơ tuyển dụng công chức 2026", "retention_years": None}


def test_saving_unchanged_details_writes_nothing(office):
    case_file = opened(office)
    files.update_case_file(actor=office.specialist, case_file=case_file, **details(case_file))
    assert not AuditEvent.objects.filter(action=audit_names.FILE_UPDATE).exists()


def test_a_code_another_file_uses_this_year_is_refused_whatever_the_case(office):
    opened(office, code="02.TCCB")
    case_file = opened(office)
    with pytest.raises(ActionError) as error:
        files.update_case_file(
            actor=office.specialist, case_file=case_file, **details(case_file, code="02.tccb")
        )
    assert error.value.code == "code_taken" and error.value.field == "code"
    assert "“02.tccb” đã dùng trong năm" in error.value.messages[0]
    case_file.refresh_from_db()
    assert case_file.code == "01.TCCB"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title": "  "}, "title_required"),
        ({"code": ""}, "code_required"),
        ({"retention_years": 0}, "retention_invalid"),
        ({"rights": "everyone"}, "rights_invalid"),
    ],
)
def test_bad_details_are_refused_and_nothing_changes(office, changes, code):
    case_file = opened(office)
    with pytest.raises(ActionError) as error:
        files.update_case_file(
            actor=office.specialist, case_file=case_file, **details(case_file, **changes)
        )
    assert error.value.code == code
    assert not AuditEvent.objects.filter(action=audit_names.FILE_UPDATE).exists()


def test_a_handed_over_file_refuses_the_correction(office):
    case_file = closed_file(office)
    handover.hand_over(actor=office.clerk, case_file=case_file)
    case_file.refresh_from_db()
    with pytest.raises(ActionError) as error:
        files.update_case_file(
            actor=office.clerk, case_file=case_file, **details(case_file, title="Đổi tên")
        )
    assert error.value.code == "file_frozen"
    case_file.refresh_from_db()
    assert case_file.title != "Đổi tên"


def test_the_clerk_edits_a_file_through_its_page(client_for, office):
    case_file = opened(office)
    client = client_for(office.clerk)
    page = client.get(reverse("records:file_detail", args=[case_file.pk])).content.decode()
    edit = reverse("records:file_edit", args=[case_file.pk])
    assert edit in page
    form = client.get(edit)
    assert form.status_code == 200 and 'value="01.TCCB"' in form.content.decode()
    response = client.post(
        edit,
        {
            "code": "01.TCCB-2",
            "title": "Hồ sơ tuyển dụng công chức năm 2026",
            "retention_years": "",
            "rights": Rights.RESTRICTED,
            "description": "Sửa theo danh mục",
        },
        follow=True,
    )
    assert "Đã lưu thông tin hồ sơ 01.TCCB-2." in response.content.decode()
    case_file.refresh_from_db()
    assert (case_file.code, case_file.rights) == ("01.TCCB-2", Rights.RESTRICTED)
    assert case_file.retention_years is None and case_file.description == "Sửa theo danh mục"


def test_a_taken_code_comes_back_on_the_form_with_its_message(client_for, office):
    opened(office, code="02.TCCB")
    case_file = opened(office)
    response = client_for(office.specialist).post(
        reverse("records:file_edit", args=[case_file.pk]),
        details(case_file, code="02.TCCB", retention_years=20, description=""),
    )
    assert response.status_code == 200
    assert "“02.TCCB” đã dùng trong năm" in response.content.decode()
    case_file.refresh_from_db()
    assert case_file.code == "01.TCCB"


def test_the_edit_form_of_a_frozen_file_does_not_open(client_for, office):
    case_file = closed_file(office)
    handover.hand_over(actor=office.clerk, case_file=case_file)
    client = client_for(office.clerk)
    edit = reverse("records:file_edit", args=[case_file.pk])
    page = client.get(reverse("records:file_detail", args=[case_file.pk])).content.decode()
    assert edit not in page
    response = client.post(edit, {"code": "X", "title": "Đổi", "rights": "public"}, follow=True)
    assert "không được sửa, xóa hay thay đổi văn bản" in response.content.decode()
    case_file.refresh_from_db()
    assert case_file.code == "01.HC"


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("leader", 404), ("clerk", 200)])
def test_only_the_owner_and_the_agencys_clerk_open_the_edit_form(client_for, office, who, status):
    case_file = opened(office)
    response = client_for(getattr(office, who)).get(
        reverse("records:file_edit", args=[case_file.pk])
    )
    assert response.status_code == status


def test_an_anonymous_visitor_is_sent_to_log_in(client, office):
    case_file = opened(office)
    response = client.get(reverse("records:file_edit", args=[case_file.pk]))
    assert response.status_code == 302 and "login" in response["Location"]
