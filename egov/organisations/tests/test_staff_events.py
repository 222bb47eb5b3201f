"""Recording staff events from the person page: who may, what each event writes, and how a
refusal is shown (error summary at the top of the form, each message linked to its field)."""

import datetime as dt

import pytest
from django.urls import reverse

from egov.audit.models import AuditEvent
from egov.lib.dates import local_today
from egov.organisations import actions, audit_names
from egov.organisations.choices import StaffEventKind, StaffStatus, UnitKind
from egov.organisations.models import Employment, Person, Position, StaffEvent
from egov.organisations.testing import START, person_of

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 7, 1)


def _url(person):
    return reverse("organisations:person_event", args=[person.pk])


def _post(client, person, **fields):
    data = {f"event-{name}": value for name, value in fields.items()}
    return client.post(_url(person), data)


@pytest.fixture
def staffing_division(world):
    return actions.create_unit(
        actor=world.admin,
        parent=world.home_affairs,
        name="Phòng Tổ chức, biên chế",
        kind=UnitKind.DIVISION,
        valid_from=START,
        abbreviation="TCBC",
    )


# Access matrix -------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, world, method):
    response = getattr(client, method)(_url(person_of(world.specialist)))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", ["citizen", "outsider", "specialist", "clerk", "leader"])
def test_anyone_who_does_not_administer_the_unit_gets_404(client_for, world, persona):
    specialist = person_of(world.specialist)
    response = _post(
        client_for(getattr(world, persona)),
        specialist,
        kind="leave",
        effective_date="2025-07-01",
    )
    assert response.status_code == 404
    assert Person.objects.get(pk=specialist.pk).status == StaffStatus.ACTIVE


def test_a_unit_administrator_gets_404_for_a_person_outside_the_unit(client_for, world):
    outsider = person_of(world.outsider)
    response = _post(
        client_for(world.unit_admin), outsider, kind="leave", effective_date="2025-07-01"
    )
    assert response.status_code == 404


def test_a_missing_person_looks_like_a_forbidden_one(client_for, world):
    response = client_for(world.unit_admin).post(
        reverse("organisations:person_event", args=[999999])
    )
    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["unit_admin", "admin"])
def test_administrators_of_the_unit_may_record_an_event(client_for, world, persona):
    specialist = person_of(world.specialist)
    response = _post(
        client_for(getattr(world, persona)), specialist, kind="leave", effective_date="2025-07-01"
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:person", args=[specialist.pk]) + "#main"


def test_opening_the_address_directly_leads_to_the_form_on_the_person_page(client_for, world):
    specialist = person_of(world.specialist)
    response = client_for(world.unit_admin).get(_url(specialist))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/org/staff/{specialist.pk}/#staff-event")


@pytest.mark.parametrize(
    ("persona", "shown"),
    [
        ("unit_admin", True),
        ("admin", True),
        ("leader", False),
        ("outsider", False),
        ("specialist", False),
    ],
)
def test_the_form_is_on_the_person_page_for_its_administrators_only(
    client_for, world, persona, shown
):
    specialist = person_of(world.specialist)
    page = client_for(getattr(world, persona)).get(
        reverse("organisations:person", args=[specialist.pk])
    )
    assert page.status_code == 200
    assert ("Ghi nhận biến động" in page.content.decode()) is shown
    assert ("Vai trò và phân quyền" in page.content.decode()) is shown


# Effects -------------------------------------------------------------------------------------


def test_a_transfer_closes_the_period_opens_the_next_and_writes_event_and_audit(
    client_for, world, staffing_division
):
    specialist = person_of(world.specialist)
    head = Position.objects.create(name="Trưởng phòng", rank=30, is_leader=True)
    response = _post(
        client_for(world.unit_admin),
        specialist,
        kind="transfer",
        unit=staffing_division.pk,
        position=head.pk,
        effective_date="2025-07-01",
        decision_ref="125/QĐ-SNV",
        note="Theo đề án vị trí việc làm",
    )
    assert response.status_code == 302

    specialist.refresh_from_db()
    assert specialist.unit == staffing_division
    assert specialist.position == head
    periods = list(Employment.objects.filter(person=specialist).order_by("valid_from"))
    assert [(p.unit_id, p.valid_from, p.valid_to) for p in periods] == [
        (world.civil_service_division.pk, START, DAY),
        (staffing_division.pk, DAY, None),
    ]
    event = StaffEvent.objects.filter(person=specialist).latest("id")
    assert (event.kind, event.effective_date, event.decision_ref, event.recorded_by) == (
        StaffEventKind.TRANSFER,
        DAY,
        "125/QĐ-SNV",
        world.unit_admin,
    )
    audit = AuditEvent.objects.get(action=audit_names.PERSON_TRANSFER)
    assert audit.actor == world.unit_admin
    assert audit.unit_id == staffing_division.pk


def test_the_success_message_names_the_person_the_unit_and_the_date(
    client_for, world, staffing_division
):
    specialist = person_of(world.specialist)
    client = client_for(world.unit_admin)
    _post(
        client, specialist, kind="transfer", unit=staffing_division.pk, effective_date="2025-07-01"
    )
    page = client.get(reverse("organisations:person", args=[specialist.pk])).content.decode()
    assert (
        "Đã ghi nhận điều động Võ Minh Chuyên sang Phòng Tổ chức, biên chế từ ngày 01/07/2025."
        in page
    )


def test_leave_then_return_changes_the_status_and_keeps_the_period(client_for, world):
    specialist = person_of(world.specialist)
    client = client_for(world.unit_admin)
    _post(client, specialist, kind="leave", effective_date="2025-03-01")
    specialist.refresh_from_db()
    assert specialist.status == StaffStatus.ON_LEAVE

    _post(client, specialist, kind="return", effective_date="2025-09-01")
    specialist.refresh_from_db()
    assert specialist.status == StaffStatus.ACTIVE
    kinds = list(StaffEvent.objects.filter(person=specialist).values_list("kind", flat=True))
    assert kinds == [StaffEventKind.HIRE, StaffEventKind.LEAVE, StaffEventKind.RETURN]
    assert Employment.objects.get(person=specialist).valid_to is None


def test_retirement_ends_the_employment_and_leaves_nothing_more_to_record(client_for, world):
    specialist = person_of(world.specialist)
    client = client_for(world.unit_admin)
    response = _post(
        client, specialist, kind="retire", effective_date="2025-12-31", decision_ref="9/QĐ-SNV"
    )
    assert response.status_code == 302
    specialist.refresh_from_db()
    assert specialist.status == StaffStatus.RETIRED
    assert Employment.objects.get(person=specialist).valid_to == dt.date(2025, 12, 31)
    assert AuditEvent.objects.filter(action=audit_names.PERSON_RETIRE).count() == 1

    page = client.get(reverse("organisations:person", args=[specialist.pk])).content.decode()
    assert "Tình trạng hiện tại là “Đã nghỉ hưu”: không còn biến động nào để ghi nhận." in page


def test_resignation_is_recorded(client_for, world):
    clerk = person_of(world.clerk)
    _post(client_for(world.admin), clerk, kind="resign", effective_date="2025-08-15")
    clerk.refresh_from_db()
    assert clerk.status == StaffStatus.LEFT


# Refusals ------------------------------------------------------------------------------------


def test_a_date_before_the_current_period_is_refused_on_the_date_field(
    client_for, world, staffing_division
):
    specialist = person_of(world.specialist)
    response = _post(
        client_for(world.unit_admin),
        specialist,
        kind="transfer",
        unit=staffing_division.pk,
        effective_date="2020-01-01",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in page
    assert "<title>Lỗi: Võ Minh Chuyên" in page
    assert "Chưa ghi nhận được biến động" in page
    assert (
        '<a href="#id_event-effective_date">Ngày hiệu lực 01/01/2020 phải sau ngày bắt đầu '
        "công tác hiện tại (01/01/2020).</a>" in page
    )
    assert 'id="id_event-effective_date_error"' in page
    specialist.refresh_from_db()
    assert specialist.unit == world.civil_service_division
    assert not StaffEvent.objects.filter(kind=StaffEventKind.TRANSFER).exists()


def test_a_transfer_without_a_unit_asks_for_one(client_for, world):
    response = _post(
        client_for(world.unit_admin),
        person_of(world.specialist),
        kind="transfer",
        effective_date="2025-07-01",
    )
    assert '<a href="#id_event-unit">Chọn đơn vị chuyển đến.</a>' in response.content.decode()


def test_a_transfer_to_the_same_unit_is_refused_by_the_action(client_for, world):
    specialist = person_of(world.specialist)
    response = _post(
        client_for(world.unit_admin),
        specialist,
        kind="transfer",
        unit=world.civil_service_division.pk,
        effective_date="2025-07-01",
    )
    assert '<a href="#id_event-unit">Cán bộ đã thuộc đơn vị này.</a>' in response.content.decode()


def test_a_unit_outside_the_administrators_scope_is_not_offered_nor_accepted(client_for, world):
    specialist = person_of(world.specialist)
    client = client_for(world.unit_admin)
    page = client.get(reverse("organisations:person", args=[specialist.pk])).content.decode()
    assert "Sở Tài chính" not in page
    response = _post(
        client, specialist, kind="transfer", unit=world.finance.pk, effective_date="2025-07-01"
    )
    assert (
        '<a href="#id_event-unit">Bạn không quản trị đơn vị đã chọn.</a>'
        in response.content.decode()
    )
    specialist.refresh_from_db()
    assert specialist.unit == world.civil_service_division


def test_an_event_that_does_not_fit_the_status_is_refused_on_the_radios(client_for, world):
    response = _post(
        client_for(world.unit_admin),
        person_of(world.specialist),
        kind="return",
        effective_date="2025-07-01",
    )
    assert (
        '<a href="#id_event-kind_0">Loại biến động này không áp dụng cho tình trạng hiện tại.</a>'
        in response.content.decode()
    )


def test_a_missing_kind_and_date_are_both_listed_in_the_summary(client_for, world):
    response = _post(client_for(world.unit_admin), person_of(world.specialist))
    page = response.content.decode()
    assert '<a href="#id_event-kind_0">Chọn loại biến động cần ghi nhận.</a>' in page
    assert '<a href="#id_event-effective_date">Nhập ngày hiệu lực.</a>' in page


def test_a_date_typed_day_first_is_understood(client_for, world):
    specialist = person_of(world.specialist)
    _post(client_for(world.unit_admin), specialist, kind="leave", effective_date="01/07/2025")
    assert (
        StaffEvent.objects.get(person=specialist, kind=StaffEventKind.LEAVE).effective_date == DAY
    )


def test_the_form_defaults_to_today(client_for, world):
    specialist = person_of(world.specialist)
    page = client_for(world.unit_admin).get(reverse("organisations:person", args=[specialist.pk]))
    assert f'value="{local_today().isoformat()}"' in page.content.decode()
