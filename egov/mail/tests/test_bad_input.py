"""Bad input is refused with a Vietnamese message and a stable code; nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest

from egov.lib.errors import ActionError
from egov.mail import actions
from egov.mail.models import Alias, Mailbox, VirtualUser
from egov.organisations import actions as org_actions


@pytest.fixture
def active_mailbox(world, settings):
    settings.EGOV_MAIL_REVIEW_CHANGES = False
    person = org_actions.hire_person(
        actor=world.admin,
        full_name="Nguyễn Văn Bình",
        unit=world.finance,
        effective_date=dt.date(2026, 3, 2),
    )
    return Mailbox.objects.get(person=person)


def test_it_refuses_an_address_already_used(world, active_mailbox):
    before = Mailbox.objects.count()
    with pytest.raises(ActionError) as error:
        actions.provision_shared_mailbox(actor=world.admin, unit=world.finance, local_part="BinhNV")
    assert error.value.code == "address_taken"
    assert "binhnv@angiang.gov.vn đã được dùng" in error.value.messages[0]
    assert Mailbox.objects.count() == before


def test_it_refuses_a_group_alias_on_a_mailbox_address(world, active_mailbox):
    with pytest.raises(ActionError) as error:
        actions.create_group_alias(actor=world.admin, unit=world.finance, local_part="binhnv")
    assert error.value.code == "address_taken"
    assert not Alias.objects.exists()


@pytest.mark.parametrize(
    "local_part", ["nguyễn.bình", "a..b", "-ab", "ab.", "có dấu cách", "x" * 65, "a@b"]
)
def test_it_refuses_an_invalid_local_part(world, local_part):
    with pytest.raises(ActionError) as error:
        actions.provision_shared_mailbox(
            actor=world.admin, unit=world.finance, local_part=local_part
        )
    assert error.value.code == "invalid_local_part"
    assert "không hợp lệ" in error.value.messages[0]
    assert not Mailbox.objects.filter(kind="shared").exists()


def test_it_refuses_an_empty_or_reserved_local_part(world):
    with pytest.raises(ActionError) as empty:
        actions.provision_shared_mailbox(actor=world.admin, unit=world.finance, local_part=" ")
    assert empty.value.code == "local_part_required"
    with pytest.raises(ActionError) as reserved:
        actions.provision_shared_mailbox(
            actor=world.admin, unit=world.finance, local_part="postmaster"
        )
    assert reserved.value.code == "reserved_local_part"


@pytest.mark.parametrize(
    ("password", "code", "words"),
    [
        ("Ngan-2026", "password_too_short", "ít nhất 12 ký tự"),
        ("abcdefghijklmnop", "password_too_simple", "ba trong bốn loại"),
        ("motHAIbabonnam", "password_too_simple", "ba trong bốn loại"),
        ("Binhnv-2026-Moi!", "password_contains_name", "tên hộp thư hoặc họ tên"),
        ("NguyenVanBinh#99", "password_contains_name", "tên hộp thư hoặc họ tên"),
    ],
)
def test_it_refuses_a_weak_password(world, active_mailbox, password, code, words):
    with pytest.raises(ActionError) as error:
        actions.set_mailbox_password(actor=world.admin, mailbox=active_mailbox, password=password)
    assert error.value.code == code
    assert words in error.value.messages[0]
    assert VirtualUser.objects.get(address=active_mailbox.address).password == ""


def test_it_refuses_a_password_for_a_mailbox_not_yet_provisioned(world):
    person = org_actions.hire_person(
        actor=world.admin,
        full_name="Trương Văn Chờ",
        unit=world.finance,
        effective_date=dt.date(2026, 3, 2),
    )
    mailbox = Mailbox.objects.get(person=person)
    with pytest.raises(ActionError) as error:
        actions.set_mailbox_password(
            actor=world.admin, mailbox=mailbox, password="Mat-Khau-Dai-2026"
        )
    assert error.value.code == "mailbox_not_active"


def test_it_refuses_a_second_live_mailbox_for_one_person(world, active_mailbox):
    with pytest.raises(ActionError) as error:
        actions.provision_personal_mailbox(actor=world.admin, person=active_mailbox.person)
    assert error.value.code == "mailbox_exists"
    assert "đã có hộp thư" in error.value.messages[0]
