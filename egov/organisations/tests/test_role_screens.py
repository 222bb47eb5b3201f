"""Granting and revoking roles from the person page: who may, what it writes, what it shows."""

import datetime as dt

import pytest
from django.urls import reverse

from egov.audit.models import AuditEvent
from egov.lib.dates import local_today
from egov.organisations import access, actions, audit_names
from egov.organisations.choices import Role
from egov.organisations.models import RoleAssignment
from egov.organisations.testing import START, person_of

pytestmark = pytest.mark.django_db


def _grant(client, person, **fields):
    data = {f"role-{name}": value for name, value in fields.items()}
    return client.post(reverse("organisations:person_role_grant", args=[person.pk]), data)


def _revoke(client, person, **fields):
    data = {f"revoke-{name}": value for name, value in fields.items()}
    return client.post(reverse("organisations:person_role_revoke", args=[person.pk]), data)


def _clerk_role(world):
    return RoleAssignment.objects.get(user=world.clerk, role=Role.CLERK)


# Access matrix -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["person_role_grant", "person_role_revoke"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, world, name):
    response = client.post(reverse(f"organisations:{name}", args=[person_of(world.clerk).pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", ["citizen", "outsider", "clerk", "leader", "specialist"])
def test_anyone_who_does_not_administer_the_unit_gets_404(client_for, world, persona):
    client = client_for(getattr(world, persona))
    clerk = person_of(world.clerk)
    granted = _grant(
        client, clerk, role=Role.LEADER, unit=world.home_affairs.pk, valid_from="2025-07-01"
    )
    revoked = _revoke(client, clerk, assignment=_clerk_role(world).pk, effective_date="2025-07-01")
    assert granted.status_code == revoked.status_code == 404
    assert RoleAssignment.objects.filter(user=world.clerk).count() == 1
    assert _clerk_role(world).valid_to is None


@pytest.mark.parametrize("persona", ["unit_admin", "admin"])
def test_administrators_of_the_unit_may_grant_and_revoke(client_for, world, persona):
    client = client_for(getattr(world, persona))
    clerk = person_of(world.clerk)
    person_page = reverse("organisations:person", args=[clerk.pk]) + "#main"
    granted = _grant(
        client, clerk, role=Role.REPORTER, unit=world.home_affairs.pk, valid_from="2025-07-01"
    )
    revoked = _revoke(client, clerk, assignment=_clerk_role(world).pk, effective_date="2025-07-01")
    assert granted.status_code == revoked.status_code == 302
    assert granted["Location"] == revoked["Location"] == person_page


def test_a_person_without_a_login_account_has_no_roles_to_manage(client_for, world):
    newcomer = actions.hire_person(
        actor=world.admin,
        full_name="Lý Thị Mới",
        unit=world.home_affairs,
        effective_date=dt.date(2025, 1, 1),
    )
    client = client_for(world.unit_admin)
    page = client.get(reverse("organisations:person", args=[newcomer.pk])).content.decode()
    assert "Cán bộ chưa có tài khoản đăng nhập nên chưa thể phân vai trò." in page
    response = _grant(
        client, newcomer, role=Role.CLERK, unit=world.home_affairs.pk, valid_from="2025-07-01"
    )
    assert response.status_code == 404


# Effects -------------------------------------------------------------------------------------


def test_a_grant_creates_the_assignment_gives_the_access_and_is_audited(client_for, world):
    specialist = person_of(world.specialist)
    client = client_for(world.unit_admin)
    response = _grant(
        client,
        specialist,
        role=Role.UNIT_ADMIN,
        unit=world.civil_service_division.pk,
        covers_subtree="on",
        valid_from="2025-07-01",
    )
    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(user=world.specialist, role=Role.UNIT_ADMIN)
    assert assignment.unit == world.civil_service_division
    assert assignment.covers_subtree
    assert assignment.valid_from == dt.date(2025, 7, 1)
    assert assignment.granted_by == world.unit_admin
    assert AuditEvent.objects.filter(action=audit_names.ROLE_GRANT).latest("id").actor == (
        world.unit_admin
    )
    access.forget_cached_assignments(world.specialist)
    assert access.can_manage_unit(world.specialist, world.civil_service_division)

    page = client.get(reverse("organisations:person", args=[specialist.pk])).content.decode()
    assert "Đã phân vai trò “Quản trị đơn vị” tại Phòng Công chức, viên chức cho Võ Minh" in page
    assert "Cả các đơn vị trực thuộc" in page


def test_a_revocation_ends_the_assignment_from_the_date(client_for, world):
    clerk = person_of(world.clerk)
    today = local_today()
    response = _revoke(
        client_for(world.unit_admin),
        clerk,
        assignment=_clerk_role(world).pk,
        effective_date=today.isoformat(),
    )
    assert response.status_code == 302
    assert _clerk_role(world).valid_to == today
    assert AuditEvent.objects.filter(action=audit_names.ROLE_REVOKE).count() == 1
    access.forget_cached_assignments(world.clerk)
    assert not access.has_role(world.clerk, Role.CLERK, world.home_affairs)


def test_the_list_shows_current_and_ended_roles(client_for, world):
    clerk = person_of(world.clerk)
    actions.grant_role(
        actor=world.admin,
        user=world.clerk,
        role=Role.REPORTER,
        unit=world.home_affairs,
        valid_from=START,
        valid_to=dt.date(2021, 1, 1),
    )
    page = client_for(world.unit_admin).get(reverse("organisations:person", args=[clerk.pk]))
    text = page.content.decode()
    assert "Cán bộ báo cáo KT-XH" in text
    assert 'class="is-ended"' in text
    assert "01/01/2021" in text


# Refusals ------------------------------------------------------------------------------------


def test_a_role_held_already_is_refused_on_the_role_field(client_for, world):
    response = _grant(
        client_for(world.unit_admin),
        person_of(world.clerk),
        role=Role.CLERK,
        unit=world.home_affairs.pk,
        valid_from="2025-07-01",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chưa phân được vai trò" in page
    assert '<a href="#id_role-role">Tài khoản đã có vai trò này tại đơn vị.</a>' in page
    assert RoleAssignment.objects.filter(user=world.clerk).count() == 1


def test_an_end_before_the_start_is_refused_on_the_end_date(client_for, world):
    response = _grant(
        client_for(world.unit_admin),
        person_of(world.clerk),
        role=Role.REPORTER,
        unit=world.home_affairs.pk,
        valid_from="2025-07-01",
        valid_to="2025-06-01",
    )
    assert (
        '<a href="#id_role-valid_to">Ngày kết thúc phải sau ngày bắt đầu.</a>'
        in response.content.decode()
    )


def test_a_unit_administrator_may_not_grant_the_system_administrator_role(client_for, world):
    client = client_for(world.unit_admin)
    clerk = person_of(world.clerk)
    page = client.get(reverse("organisations:person", args=[clerk.pk])).content.decode()
    assert 'value="system_admin"' not in page
    response = _grant(
        client, clerk, role=Role.SYSTEM_ADMIN, unit=world.home_affairs.pk, valid_from="2025-07-01"
    )
    assert (
        '<a href="#id_role-role">Bạn không được phân vai trò này.</a>' in response.content.decode()
    )
    assert not RoleAssignment.objects.filter(role=Role.SYSTEM_ADMIN, user=world.clerk).exists()


def test_a_system_administrator_is_offered_the_system_administrator_role(client_for, world):
    clerk = person_of(world.clerk)
    page = client_for(world.admin).get(reverse("organisations:person", args=[clerk.pk]))
    assert 'value="system_admin"' in page.content.decode()


def test_a_role_at_a_unit_outside_the_scope_is_neither_offered_nor_revocable(client_for, world):
    elsewhere = actions.grant_role(
        actor=world.admin,
        user=world.clerk,
        role=Role.REPORTER,
        unit=world.finance,
        valid_from=START,
    )
    client = client_for(world.unit_admin)
    clerk = person_of(world.clerk)
    page = client.get(reverse("organisations:person", args=[clerk.pk])).content.decode()
    assert f'value="{elsewhere.pk}"' not in page
    response = _revoke(client, clerk, assignment=elsewhere.pk, effective_date="2025-07-01")
    assert (
        '<a href="#id_revoke-assignment_0">Vai trò đã chọn không còn hoặc bạn không quản trị '
        "đơn vị đó.</a>" in response.content.decode()
    )
    elsewhere.refresh_from_db()
    assert elsewhere.valid_to is None


def test_revoking_after_the_role_has_ended_is_refused_for_the_whole_form(client_for, world):
    today = local_today()
    ending = actions.grant_role(
        actor=world.admin,
        user=world.clerk,
        role=Role.REPORTER,
        unit=world.home_affairs,
        valid_from=START,
        valid_to=today + dt.timedelta(days=10),
    )
    response = _revoke(
        client_for(world.unit_admin),
        person_of(world.clerk),
        assignment=ending.pk,
        effective_date=(today + dt.timedelta(days=20)).isoformat(),
    )
    page = response.content.decode()
    assert "Chưa thu hồi được vai trò" in page
    assert '<a href="#id_revoke-assignment_0">Quyền này đã hết hiệu lực.</a>' in page
    ending.refresh_from_db()
    assert ending.valid_to == today + dt.timedelta(days=10)
