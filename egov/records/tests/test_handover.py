"""The 30-day hand-over warning (notification and home-page panel) and the freeze of a
handed-over file against any change or deletion."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from egov.accounts.models import Notification
from egov.lib.errors import ActionError
from egov.records.actions import files, handover
from egov.records.actions.reminders import send_handover_reminders
from egov.records.choices import FileStatus
from egov.records.models import CaseFile, Handover
from egov.records.testing import received

pytestmark = pytest.mark.django_db


def closed_file(office, code="01.HC"):
    case_file = files.open_case_file(
        actor=office.clerk,
        unit=office.home_affairs,
        code=code,
        title="Hồ sơ hội nghị tổng kết công tác năm",
        owner=office.clerk,
        retention_years=10,
    )
    files.add_document(actor=office.clerk, case_file=case_file, incoming=received(office))
    return files.close_case_file(actor=office.clerk, case_file=case_file)


def test_no_warning_before_thirty_days_then_one_a_week(office):
    case_file = closed_file(office)
    due = case_file.handover_due
    assert send_handover_reminders(today=due - dt.timedelta(days=31)) == 0
    assert send_handover_reminders(today=due - dt.timedelta(days=30)) == 1  # owner is the clerk
    notice = Notification.objects.get(user=office.clerk)
    assert notice.text.startswith("Sắp đến hạn nộp lưu hồ sơ 01.HC (hạn ")
    assert notice.url == reverse("records:file_detail", args=[case_file.pk])
    assert send_handover_reminders(today=due - dt.timedelta(days=27)) == 0
    assert send_handover_reminders(today=due - dt.timedelta(days=23)) == 1
    assert send_handover_reminders(today=due + dt.timedelta(days=1)) == 1
    overdue = Notification.objects.filter(user=office.clerk).order_by("-pk").first()
    assert overdue is not None and overdue.urgent and overdue.text.startswith("Quá hạn nộp lưu")


def test_the_owner_and_the_clerks_are_told(office):
    case_file = files.open_case_file(
        actor=office.specialist,
        unit=office.home_affairs,
        code="09.CCVC",
        title="Hồ sơ của chuyên viên",
        owner=office.specialist,
        retention_years=5,
    )
    files.add_document(
        actor=office.clerk, case_file=case_file, incoming=received(office)
    )  # the clerk files it for the specialist
    files.close_case_file(actor=office.specialist, case_file=case_file)
    case_file.refresh_from_db()
    sent = send_handover_reminders(today=case_file.handover_due)
    assert sent == 2
    assert set(Notification.objects.values_list("user__username", flat=True)) == {
        "specialist",
        "clerk",
    }


def test_the_home_page_shows_files_due_within_thirty_days(client_for, office):
    due_soon = closed_file(office, code="01.HC")
    later = closed_file(office, code="02.HC")
    today = dt.date.today()
    CaseFile.objects.filter(pk=due_soon.pk).update(handover_due=today + dt.timedelta(days=20))
    CaseFile.objects.filter(pk=later.pk).update(handover_due=today + dt.timedelta(days=45))
    page = client_for(office.clerk).get(reverse("home")).content.decode()
    assert "Hồ sơ sắp đến hạn nộp lưu" in page
    assert "01.HC" in page and "02.HC" not in page
    outsider = client_for(office.outsider).get(reverse("home")).content.decode()
    assert "Hồ sơ sắp đến hạn nộp lưu" not in outsider


def test_a_handed_over_file_refuses_every_change(office):
    case_file = closed_file(office)
    handover.hand_over(actor=office.clerk, case_file=case_file)
    case_file.refresh_from_db()
    item = case_file.items.get()
    attempts = [
        lambda: files.add_document(
            actor=office.clerk, case_file=case_file, incoming=received(office, "Mới")
        ),
        lambda: files.remove_document(actor=office.clerk, item=item),
        lambda: files.close_case_file(actor=office.clerk, case_file=case_file),
        lambda: files.reopen_case_file(actor=office.clerk, case_file=case_file, reason="Sửa"),
        lambda: files.delete_case_file(actor=office.clerk, case_file=case_file),
        lambda: handover.hand_over(actor=office.clerk, case_file=case_file),
    ]
    for attempt in attempts:
        with pytest.raises(ActionError) as error:
            attempt()
        assert error.value.code == "file_frozen"
        assert "đã nộp lưu" in error.value.messages[0]
    case_file.refresh_from_db()
    assert case_file.status == FileStatus.HANDED_OVER
    assert case_file.items.count() == 1
    assert Handover.objects.count() == 1


def test_the_frozen_file_page_offers_no_change_and_refuses_posts(client_for, office):
    case_file = closed_file(office)
    handover.hand_over(actor=office.clerk, case_file=case_file)
    client = client_for(office.clerk)
    page = client.get(reverse("records:file_detail", args=[case_file.pk])).content.decode()
    assert "Hồ sơ đã nộp lưu và được khóa" in page
    assert "Mở lại hồ sơ" not in page and "Kết thúc hồ sơ</button>" not in page
    response = client.post(
        reverse("records:file_reopen", args=[case_file.pk]), {"reason": "Bổ sung"}, follow=True
    )
    assert "không được sửa, xóa hay thay đổi văn bản" in response.content.decode()
    case_file.refresh_from_db()
    assert case_file.is_frozen


def test_only_a_closed_file_is_handed_over_by_the_agencys_clerk(office):
    case_file = files.open_case_file(
        actor=office.clerk,
        unit=office.home_affairs,
        code="04.HC",
        title="Hồ sơ đang mở",
        owner=office.clerk,
        retention_years=5,
    )
    with pytest.raises(ActionError) as error:
        handover.hand_over(actor=office.clerk, case_file=case_file)
    assert error.value.code == "file_not_closed"
    closed = closed_file(office, code="05.HC")
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        handover.hand_over(actor=office.leader, case_file=closed)


def test_a_failed_hand_over_keeps_nothing(office, monkeypatch):
    """A failure after the package was written (here the audit append, forced to fail)
    rolls the freeze back and removes the package."""
    case_file = closed_file(office)

    def broken(**kwargs):
        raise RuntimeError("audit chain unavailable")

    monkeypatch.setattr(handover, "record", broken)
    with pytest.raises(RuntimeError):
        handover.hand_over(actor=office.clerk, case_file=case_file)
    case_file.refresh_from_db()
    assert case_file.status == FileStatus.CLOSED
    assert not Handover.objects.exists()
    kept = []
    if default_storage.exists("records"):
        for folder in default_storage.listdir("records")[0]:
            kept += default_storage.listdir(f"records/{folder}")[1]
    assert kept == []  # the package written before the failure was removed


def test_only_the_agencys_clerks_are_offered_the_package(client_for, office):
    case_file = closed_file(office)
    handover.hand_over(actor=office.clerk, case_file=case_file)
    url = reverse("records:file_detail", args=[case_file.pk])
    link = "Tải gói nộp lưu (.zip)"
    assert link in client_for(office.clerk).get(url).content.decode()
    assert link not in client_for(office.leader).get(url).content.decode()
