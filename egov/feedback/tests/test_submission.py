from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from egov.feedback.actions import items
from egov.feedback.choices import State
from egov.feedback.models import Attachment, Item, Transition
from egov.feedback.testing import PDF, PNG, received_item
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db


def _anonymous(fb: Any, **extra: Any) -> items.Submitted:
    values: dict[str, Any] = {
        "kind": "comment",
        "category": fb.home_affairs_category,
        "title": "Thái độ tiếp dân",
        "text": "Cán bộ tiếp dân ở bộ phận một cửa trả lời thiếu lịch sự.",
        "email": "Binh.Tran@Example.com",
        "ip": "203.0.113.7",
    }
    values.update(extra)
    return items.submit_item(**values)


def test_an_anonymous_item_waits_for_the_code_sent_to_the_askers_email(
    fb: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        done = _anonymous(fb)
    assert done.item.state == State.UNVERIFIED
    assert done.item.received_at is None and done.item.due_date is None
    assert done.item.asker_email == "binh.tran@example.com"
    assert len(mail.outbox) == 1 and done.code in mail.outbox[0].body
    assert "/phan-anh/theo-doi/" + done.tracking_token in mail.outbox[0].body
    assert done.item.tracking_hash != done.tracking_token


def test_the_right_code_puts_the_item_on_the_agencys_queue_with_a_deadline(fb: Any) -> None:
    done = _anonymous(fb)
    item = items.verify_item(item=done.item, code=done.code)
    assert item.state == State.RECEIVED and item.agency == fb.world.home_affairs
    assert item.due_date is not None and item.due_date > timezone.localdate()
    steps = list(Transition.objects.filter(item=item).values_list("from_state", "to_state"))
    assert steps == [("", State.UNVERIFIED), (State.UNVERIFIED, State.RECEIVED)]


def test_a_wrong_code_is_refused_and_counted_and_five_wrong_codes_lock_the_item(fb: Any) -> None:
    done = _anonymous(fb)
    for _ in range(5):
        with pytest.raises(ActionError) as wrong:
            items.verify_item(item=done.item, code="000000" if done.code != "000000" else "111111")
        assert wrong.value.code == "code_wrong"
    assert Item.objects.get(pk=done.item.pk).code_attempts == 5
    with pytest.raises(ActionError) as locked:
        items.verify_item(item=done.item, code=done.code)
    assert locked.value.code == "too_many_attempts"


def test_an_expired_code_is_refused(fb: Any) -> None:
    done = _anonymous(fb)
    Item.objects.filter(pk=done.item.pk).update(code_expires_at=timezone.now() - dt.timedelta(1))
    with pytest.raises(ActionError) as expired:
        items.verify_item(item=done.item, code=done.code)
    assert expired.value.code == "code_expired"


def test_a_logged_in_citizens_item_reaches_the_agency_at_once_with_ten_working_days(
    fb: Any,
) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    assert item.state == State.RECEIVED and item.asker_user == fb.world.citizen
    from egov.workcalendar import queries as calendar

    received = timezone.localtime(item.received_at).date()
    start = calendar.next_working_day(received)
    assert item.due_date == calendar.add_working_days(start, 10)


def test_a_category_with_its_own_limit_sets_a_shorter_deadline(fb: Any) -> None:
    item = received_item(fb.finance_category, fb.world.citizen)
    from egov.workcalendar import queries as calendar

    start = calendar.next_working_day(timezone.localtime(item.received_at).date())
    assert item.agency == fb.world.finance
    assert item.due_date == calendar.add_working_days(start, 5)


def test_the_default_limit_is_configurable(fb: Any, settings: Any) -> None:
    settings.EGOV_FEEDBACK_ANSWER_DAYS = 15
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    from egov.workcalendar import queries as calendar

    start = calendar.next_working_day(timezone.localtime(item.received_at).date())
    assert item.due_date == calendar.add_working_days(start, 15)


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("text", "   ", "text_required"),
        ("text", "ngắn", "text_too_short"),
        ("text", "x" * 5001, "text_too_long"),
        ("title", "", "title_required"),
        ("email", "", "email_required"),
        ("email", "not-an-address", "email_invalid"),
        ("kind", "praise", "kind_invalid"),
        ("lat", "200", "location_invalid"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(
    fb: Any, field: str, value: str, code: str
) -> None:
    extra: dict[str, Any] = {field: value}
    if field == "lat":
        extra["long"] = "105.1"
    with pytest.raises(ActionError) as refused:
        _anonymous(fb, **extra)
    assert refused.value.code == code
    assert not Item.objects.exists()


def test_attachments_are_checked_by_their_content_type_and_size(fb: Any) -> None:
    for uploads, code in [
        ([items.Upload("anh.pdf", PNG)], "file_type"),
        ([items.Upload("virus.exe", b"MZ\x90\x00" * 10)], "file_type"),
        ([items.Upload("to.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024))], "file_too_large"),
        ([items.Upload(f"{n}.png", PNG) for n in range(4)], "too_many_files"),
    ]:
        with pytest.raises(ActionError) as refused:
            _anonymous(fb, uploads=uploads)
        assert refused.value.code == code
    done = _anonymous(fb, uploads=[items.Upload("anh.png", PNG), items.Upload("don.PDF", PDF)])
    kept = list(Attachment.objects.filter(item=done.item).values_list("content_type", flat=True))
    assert kept == ["image/png", "application/pdf"]


def test_the_rate_limit_stops_a_sender_by_email_and_by_address(fb: Any, settings: Any) -> None:
    settings.EGOV_FEEDBACK_RATE_PER_EMAIL = 2
    settings.EGOV_FEEDBACK_RATE_PER_IP = 3
    _anonymous(fb)
    _anonymous(fb)
    with pytest.raises(ActionError) as by_email:
        _anonymous(fb)
    assert by_email.value.code == "rate_limited"
    _anonymous(fb, email="other@example.com")
    with pytest.raises(ActionError) as by_ip:
        _anonymous(fb, email="third@example.com")
    assert by_ip.value.code == "rate_limited"
    _anonymous(fb, email="third@example.com", ip="198.51.100.1")
    assert Item.objects.count() == 4


def test_an_inactive_category_takes_no_new_items(fb: Any) -> None:
    fb.home_affairs_category.active = False
    fb.home_affairs_category.save()
    with pytest.raises(ActionError) as refused:
        _anonymous(fb)
    assert refused.value.code == "category_inactive"
