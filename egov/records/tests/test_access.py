"""Who sees and changes a file, screen by screen: anonymous, no role, a role elsewhere in
the tree, the owner, the agency's clerk and leader; secret documents stay in their scope."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from egov.documents.actions.registers import grant_clearance
from egov.documents.choices import Secrecy
from egov.records import queries
from egov.records.actions import files
from egov.records.testing import received

pytestmark = pytest.mark.django_db


def clerk_file(office, code="01.TCCB"):
    return files.open_case_file(
        actor=office.clerk,
        unit=office.home_affairs,
        code=code,
        title="Hồ sơ về công tác cán bộ",
        owner=office.clerk,
        retention_years=None,
    )


def test_the_file_page_answers_by_role(client, client_for, office):
    case_file = clerk_file(office)
    url = reverse("records:file_detail", args=[case_file.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    for user in (office.citizen, office.outsider, office.commune_clerk, office.specialist):
        assert client_for(user).get(url).status_code == 404
    for user in (office.clerk, office.leader, office.admin):
        assert client_for(user).get(url).status_code == 200


def test_writes_answer_404_to_viewers_who_may_not_change(client_for, office):
    case_file = clerk_file(office)
    document = received(office)
    url = reverse("records:file_add", args=[case_file.pk])
    for user in (office.leader, office.outsider):
        response = client_for(user).post(url, {"kind": "incoming", "document": document.pk})
        assert response.status_code == 404
    assert not case_file.items.exists()
    response = client_for(office.clerk).post(url, {"kind": "incoming", "document": document.pk})
    assert response.status_code == 302
    assert case_file.items.count() == 1


def test_the_owner_sees_their_file_and_no_one_elses(client_for, office):
    own = files.open_case_file(
        actor=office.specialist,
        unit=office.home_affairs,
        code="05.CCVC",
        title="Hồ sơ của chuyên viên",
        owner=office.specialist,
        retention_years=5,
    )
    clerk_file(office)
    assert [f.pk for f in queries.files_visible_to(office.specialist)] == [own.pk]
    assert {f.code for f in queries.files_visible_to(office.leader)} == {"05.CCVC", "01.TCCB"}
    assert not queries.files_visible_to(office.outsider).exists()


def test_a_secret_document_is_hidden_from_file_viewers_without_clearance(client_for, office):
    grant_clearance(
        actor=office.unit_admin, user=office.clerk, unit=office.home_affairs, level=Secrecy.SECRET
    )
    secret = received(office, "Về công tác bảo vệ bí mật nhà nước", secrecy=Secrecy.SECRET)
    plain = received(office, "Về việc tổ chức hội nghị")
    case_file = clerk_file(office)
    files.add_document(actor=office.clerk, case_file=case_file, incoming=secret)
    files.add_document(actor=office.clerk, case_file=case_file, incoming=plain)
    clerk_view = queries.contents(case_file, office.clerk)
    assert len(clerk_view.entries) == 2 and clerk_view.hidden == 0
    leader_view = queries.contents(case_file, office.leader)
    assert [e.subject for e in leader_view.entries] == ["Về việc tổ chức hội nghị"]
    assert leader_view.hidden == 1
    page = client_for(office.leader).get(reverse("records:file_detail", args=[case_file.pk]))
    text = page.content.decode()
    assert "bảo vệ bí mật" not in text
    assert "1 văn bản mật ngoài phạm vi bạn được xem không hiển thị." in text
    xml = client_for(office.leader).get(reverse("records:file_export", args=[case_file.pk, "xml"]))
    assert "bảo vệ bí mật" not in xml.content.decode()


def test_a_clerk_without_clearance_cannot_add_a_secret_document(office):
    from egov.organisations.choices import Role
    from egov.organisations.testing import hire_with_role

    grant_clearance(
        actor=office.unit_admin, user=office.clerk, unit=office.home_affairs, level=Secrecy.SECRET
    )
    secret = received(office, "Tài liệu mật", secrecy=Secrecy.SECRET)
    second_clerk = hire_with_role("clerk2", "Đoàn Thị Văn", office.home_affairs, Role.CLERK)
    case_file = clerk_file(office)
    with pytest.raises(PermissionDenied):
        files.add_document(actor=second_clerk, case_file=case_file, incoming=secret)
    assert not case_file.items.exists()


def test_the_list_costs_a_fixed_number_of_queries(client_for, office):
    for n in range(12):
        clerk_file(office, code=f"{n:02d}.HC")
    client = client_for(office.clerk)
    url = reverse("records:file_list")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    clerk_file(office, code="99.HC")
    with CaptureQueriesContext(connection) as more:
        response = client.get(url)
    assert "99.HC" in response.content.decode()
    assert len(more) == len(few)


def test_reports_are_for_the_agencys_clerks_and_leaders(client, client_for, office):
    url = reverse("records:reports")
    assert client.get(url).status_code == 302
    for user in (office.specialist, office.citizen):
        assert client_for(user).get(url).status_code == 403
    query = {
        "kind": "incoming",
        "unit": office.home_affairs.pk,
        "date_from": "2026-01-01",
        "date_to": "2026-12-31",
        "fmt": "pdf",
    }
    outsider = client_for(office.commune_clerk).get(url, query)
    assert outsider.status_code == 200  # the form again: the agency is not among their choices
    assert "nằm ngoài phạm vi" in outsider.content.decode()
    assert client_for(office.leader).get(url, query)["Content-Type"] == "application/pdf"


def test_opening_for_a_user_outside_the_agency_is_refused(office):
    with pytest.raises(Exception) as error:
        files.open_case_file(
            actor=office.clerk,
            unit=office.home_affairs,
            code="07",
            title="Hồ sơ",
            owner=office.outsider,
            retention_years=None,
        )
    assert getattr(error.value, "code", None) == "owner_outside_agency"
    assert not isinstance(error.value, PermissionDenied)


def test_the_file_plan_is_offered_to_the_office_only(client_for, office):
    url = reverse("records:file_list")
    assert "Danh mục hồ sơ" in client_for(office.clerk).get(url).content.decode()
    assert "Danh mục hồ sơ" not in client_for(office.specialist).get(url).content.decode()


def test_a_document_page_names_its_files_and_files_it_into_an_open_one(client_for, office):
    document = received(office, "Về việc tổ chức hội nghị tổng kết")
    first = clerk_file(office, code="01.HC")
    second = clerk_file(office, code="02.HC")
    files.add_document(actor=office.clerk, case_file=first, incoming=document)
    client = client_for(office.clerk)
    page_url = reverse("documents:incoming_detail", args=[document.pk])
    page = client.get(page_url).content.decode()
    assert "01.HC — Hồ sơ về công tác cán bộ" in page
    assert 'name="file"' in page and f'value="{second.pk}"' in page  # the other open file
    response = client.post(
        reverse("records:add_to_file"),
        {"file": second.pk, "kind": "incoming", "document": document.pk, "next": page_url},
    )
    assert response.status_code == 302 and response["Location"] == page_url
    assert second.items.filter(incoming=document).exists()
    outsider = client_for(office.outsider).post(
        reverse("records:add_to_file"),
        {"file": second.pk, "kind": "incoming", "document": document.pk},
    )
    assert outsider.status_code == 404
