"""Access matrix of the incoming-document screens, "my work", the team view and the
dashboard: anonymous, no role (citizen), a role in another agency (outsider), a role in
another branch of the tree (commune clerk), the people of the agency (clerk, leader,
specialist, head of division), and a system administrator."""

import pytest
from django.urls import reverse

from egov.documents.actions import handling
from egov.documents.actions.handling import Instruction, Target
from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import Secrecy
from egov.documents.models import Assignment, DocumentView
from egov.documents.testing import doc_type, upload

pytestmark = pytest.mark.django_db

PAGES = ["list", "new", "detail", "file", "work", "team", "stats"]
POSTS = ["present", "comment", "assign", "start", "finish", "return", "extension", "decide"]


@pytest.fixture
def case(office):
    """A document presented to the leader, with a file and a pending extension request on
    a second document given to the specialist."""
    document = register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Về việc rà soát vị trí việc làm",
        issuer_name="Bộ Nội vụ",
        uploads=[upload("vb.pdf")],
    )
    to_leader = handling.present(actor=office.clerk, document=document, leader=office.leader)
    return {"document": document, "assignment": to_leader}


def urls(case):
    document, assignment = case["document"], case["assignment"]
    attachment = document.attachments.get()
    pk, apk = document.pk, assignment.pk
    return {
        "list": reverse("documents:incoming_list"),
        "new": reverse("documents:incoming_new"),
        "detail": reverse("documents:incoming_detail", args=[pk]),
        "file": reverse("documents:incoming_file", args=[pk, attachment.pk]),
        "work": reverse("documents:work"),
        "team": reverse("documents:work_team"),
        "stats": reverse("documents:stats"),
        "present": reverse("documents:incoming_present", args=[pk]),
        "comment": reverse("documents:incoming_comment", args=[pk]),
        "assign": reverse("documents:incoming_assign", args=[pk, apk]),
        "start": reverse("documents:incoming_start", args=[pk, apk]),
        "finish": reverse("documents:incoming_finish", args=[pk, apk]),
        "return": reverse("documents:incoming_return", args=[pk, apk]),
        "extension": reverse("documents:incoming_extension_request", args=[pk, apk]),
        "decide": reverse("documents:incoming_extension_decide", args=[pk, 999999]),
    }


@pytest.mark.parametrize("name", PAGES + POSTS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, case, name):
    url = urls(case)[name]
    response = client.post(url) if name in POSTS else client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("list", 403),
        ("new", 403),
        ("work", 403),
        ("team", 403),
        ("stats", 403),
        ("detail", 404),
        ("file", 404),
    ],
)
def test_a_citizen_sees_nothing_of_the_e_office(client_for, office, case, name, status):
    assert client_for(office.citizen).get(urls(case)[name]).status_code == status


@pytest.mark.parametrize("persona", ["citizen", "outsider", "commune_clerk"])
@pytest.mark.parametrize("name", POSTS)
def test_people_outside_the_agency_get_404_for_every_action(
    client_for, office, case, persona, name
):
    response = client_for(getattr(office, persona)).post(urls(case)[name])
    assert response.status_code == 404
    assert Assignment.objects.count() == 1


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (
            "outsider",
            {
                "list": 200,
                "new": 403,
                "detail": 404,
                "file": 404,
                "work": 200,
                "team": 403,
                "stats": 403,
            },
        ),
        (
            "commune_clerk",
            {
                "list": 200,
                "new": 200,
                "detail": 404,
                "file": 404,
                "work": 200,
                "team": 403,
                "stats": 200,
            },
        ),
        (
            "specialist",
            {
                "list": 200,
                "new": 403,
                "detail": 404,
                "file": 404,
                "work": 200,
                "team": 403,
                "stats": 403,
            },
        ),
        (
            "division_head",
            {
                "list": 200,
                "new": 403,
                "detail": 404,
                "file": 404,
                "work": 200,
                "team": 200,
                "stats": 200,
            },
        ),
        (
            "clerk",
            {
                "list": 200,
                "new": 200,
                "detail": 200,
                "file": 200,
                "work": 200,
                "team": 403,
                "stats": 200,
            },
        ),
        (
            "leader",
            {
                "list": 200,
                "new": 403,
                "detail": 200,
                "file": 200,
                "work": 200,
                "team": 200,
                "stats": 200,
            },
        ),
        (
            "admin",
            {
                "list": 200,
                "new": 200,
                "detail": 200,
                "file": 200,
                "work": 200,
                "team": 403,
                "stats": 200,
            },
        ),
    ],
)
def test_each_persona_gets_the_pages_of_its_role(client_for, office, case, persona, expected):
    client = client_for(getattr(office, persona))
    got = {name: client.get(urls(case)[name]).status_code for name in PAGES}
    assert got == expected


def test_the_list_shows_a_document_only_to_those_who_may_open_it(client_for, office, case):
    subject = case["document"].subject
    for persona in ("clerk", "leader", "admin"):
        assert (
            subject in client_for(getattr(office, persona)).get(urls(case)["list"]).content.decode()
        )
    for persona in ("outsider", "commune_clerk", "specialist", "division_head"):
        assert (
            subject
            not in client_for(getattr(office, persona)).get(urls(case)["list"]).content.decode()
        )


def test_people_the_work_is_given_to_can_open_the_document_and_its_files(client_for, office, case):
    [to_division] = handling.assign(
        actor=office.leader,
        parent=case["assignment"],
        instruction=Instruction(lead=Target(unit=office.civil_service_division)),
    )
    assert client_for(office.division_head).get(urls(case)["detail"]).status_code == 200
    assert client_for(office.specialist).get(urls(case)["detail"]).status_code == 404
    handling.assign(
        actor=office.division_head,
        parent=to_division,
        instruction=Instruction(lead=Target(user=office.specialist)),
    )
    client = client_for(office.specialist)
    assert client.get(urls(case)["detail"]).status_code == 200
    assert client.get(urls(case)["file"]).status_code == 200
    assert DocumentView.objects.filter(user=office.specialist).count() == 2


@pytest.mark.parametrize("persona", ["clerk", "specialist", "division_head"])
@pytest.mark.parametrize("name", ["assign", "start", "finish", "return", "extension"])
def test_only_the_holder_acts_on_an_assignment(client_for, office, case, persona, name):
    handling.assign(
        actor=office.leader,
        parent=case["assignment"],
        instruction=Instruction(lead=Target(user=office.specialist), informed=[]),
    )
    # The leader's presented part is now closed: nobody, the specialist included, acts on it.
    response = client_for(getattr(office, persona)).post(urls(case)[name])
    assert response.status_code in (403, 404)
    if persona == "clerk":
        assert response.status_code == 403


def test_only_the_agencys_clerk_presents(client_for, office):
    document = register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Chờ trình",
        issuer_name="Sở Tài chính",
    )
    url = reverse("documents:incoming_present", args=[document.pk])
    data = {"present-leader": office.leader.pk}
    assert client_for(office.leader).post(url, data).status_code == 403
    assert client_for(office.outsider).post(url, data).status_code == 404
    assert client_for(office.clerk).post(url, data).status_code == 302


def test_a_secret_document_is_hidden_from_a_leader_without_clearance(client_for, office):
    from egov.documents.actions.registers import grant_clearance

    grant_clearance(
        actor=office.unit_admin, user=office.clerk, unit=office.home_affairs, level=Secrecy.SECRET
    )
    document = register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Văn bản mật",
        issuer_name="Bộ Công an",
        secrecy=Secrecy.SECRET,
    )
    url = reverse("documents:incoming_detail", args=[document.pk])
    assert client_for(office.clerk).get(url).status_code == 200
    assert client_for(office.leader).get(url).status_code == 404
    listing = client_for(office.leader).get(reverse("documents:incoming_list")).content.decode()
    assert "Văn bản mật" not in listing


def test_the_navigation_offers_the_e_office_by_role(client_for, office):
    def nav(persona):
        page = client_for(getattr(office, persona)).get(reverse("home")).content.decode()
        return page[page.index('class="site-nav"') :]

    clerk = nav("clerk")
    for label in ("Văn bản đến", "Văn bản cần xử lý", "Thống kê văn bản"):
        assert label in clerk
    specialist = nav("specialist")
    assert "Văn bản đến" in specialist and "Thống kê văn bản" not in specialist
    citizen = client_for(office.citizen).get(reverse("home")).content.decode()
    assert "Văn bản đến" not in citizen
