from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.feedback.actions import abuse, answers, routing
from egov.feedback.choices import ReviewDecision, State
from egov.feedback.models import Item, Transition
from egov.feedback.naming import pseudonym, public_asker
from egov.feedback.testing import received_item
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db

ANSWER = "Theo quy định, công chức được nâng bậc lương thường xuyên sau 3 năm."


def test_a_specialist_drafts_a_leader_approves_and_the_asker_gets_the_answer(
    fb: Any, django_capture_on_commit_callbacks: Any
) -> None:
    w = fb.world
    item = received_item(fb.home_affairs_category, w.citizen)
    answers.save_draft(actor=w.specialist, item=item, text="Dự thảo đầu")
    assert Item.objects.get(pk=item.pk).state == State.DRAFTING
    review = answers.submit_for_review(actor=w.specialist, item=item, text=ANSWER)
    assert review.decision == ReviewDecision.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        done = answers.approve(actor=w.leader, item=item, publish=True)
    assert done.state == State.ANSWERED and done.is_public and done.answer_text == ANSWER
    assert done.answered_by == w.specialist and done.approved_by == w.leader
    assert [m.to for m in mail.outbox] == [["an.nguyen@example.com"]]
    assert ANSWER in mail.outbox[0].body
    steps = list(Transition.objects.filter(item=item).values_list("to_state", flat=True))
    assert steps == [State.RECEIVED, State.DRAFTING, State.IN_REVIEW, State.ANSWERED]
    actions = set(
        AuditEvent.objects.filter(object_id=str(item.pk)).values_list("action", flat=True)
    )
    assert {"feedback.item.submit", "feedback.item.draft", "feedback.item.approve"} <= actions


def test_a_leader_of_another_agency_cannot_approve_return_or_close(fb: Any) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    answers.submit_for_review(actor=fb.world.specialist, item=item, text=ANSWER)
    with pytest.raises(PermissionDenied):
        answers.approve(actor=fb.finance_leader, item=item)
    with pytest.raises(PermissionDenied):
        answers.return_draft(actor=fb.finance_leader, item=item, note="Sửa")
    with pytest.raises(PermissionDenied):
        answers.close(actor=fb.finance_leader, item=item, reason="Không thuộc thẩm quyền")
    assert Item.objects.get(pk=item.pk).state == State.IN_REVIEW


def test_a_specialist_cannot_approve_and_an_outsider_cannot_draft(fb: Any) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    with pytest.raises(PermissionDenied):
        answers.save_draft(actor=fb.world.outsider, item=item, text=ANSWER)
    answers.submit_for_review(actor=fb.world.specialist, item=item, text=ANSWER)
    with pytest.raises(PermissionDenied):
        answers.approve(actor=fb.world.specialist, item=item)


def test_a_returned_draft_goes_back_to_drafting_with_the_leaders_note(fb: Any) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    answers.submit_for_review(actor=fb.world.specialist, item=item, text=ANSWER)
    with pytest.raises(ActionError) as no_note:
        answers.return_draft(actor=fb.world.leader, item=item, note="  ")
    assert no_note.value.code == "note_required"
    answers.return_draft(actor=fb.world.leader, item=item, note="Dẫn rõ điều khoản.")
    item.refresh_from_db()
    assert item.state == State.DRAFTING
    assert item.reviews.get().decision == ReviewDecision.RETURNED
    answers.submit_for_review(actor=fb.world.specialist, item=item, text=ANSWER + " (Điều 2)")
    assert item.reviews.count() == 2


def test_actions_out_of_order_are_refused(fb: Any) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    with pytest.raises(ActionError) as early:
        answers.approve(actor=fb.world.leader, item=item)
    assert early.value.code == "wrong_state"
    with pytest.raises(ActionError) as empty:
        answers.submit_for_review(actor=fb.world.specialist, item=item, text=" ")
    assert empty.value.code == "answer_required"
    answers.submit_for_review(actor=fb.world.specialist, item=item, text=ANSWER)
    with pytest.raises(ActionError) as waiting:
        answers.save_draft(actor=fb.world.specialist, item=item, text="x")
    assert waiting.value.code == "wrong_state"


def test_a_leader_keeps_an_answer_private(fb: Any) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    answers.submit_for_review(actor=fb.world.specialist, item=item, text=ANSWER)
    done = answers.approve(actor=fb.world.leader, item=item, publish=False)
    assert done.state == State.ANSWERED and not done.is_public


def test_a_leader_closes_an_item_with_a_reason(fb: Any) -> None:
    item = received_item(fb.home_affairs_category, fb.world.citizen)
    with pytest.raises(ActionError):
        answers.close(actor=fb.world.leader, item=item, reason="")
    answers.close(actor=fb.world.leader, item=item, reason="Trùng phản ánh PA-2026-000001")
    item.refresh_from_db()
    assert item.state == State.CLOSED
    assert (
        Transition.objects.filter(item=item, to_state=State.CLOSED).get().note.startswith("Trùng")
    )


def test_the_receiving_agency_reroutes_with_a_reason_and_the_deadline_stays(fb: Any) -> None:
    w = fb.world
    item = received_item(fb.home_affairs_category, w.citizen)
    due = item.due_date
    with pytest.raises(PermissionDenied):
        routing.reroute(actor=w.specialist, item=item, agency=w.finance, reason="x")
    with pytest.raises(PermissionDenied):
        routing.reroute(actor=fb.finance_leader, item=item, agency=w.finance, reason="x")
    with pytest.raises(ActionError) as no_reason:
        routing.reroute(actor=w.clerk, item=item, agency=w.finance, reason="")
    assert no_reason.value.code == "reason_required"
    with pytest.raises(ActionError) as division:
        routing.reroute(actor=w.clerk, item=item, agency=w.civil_service_division, reason="x")
    assert division.value.code == "agency_invalid"
    routing.reroute(actor=w.clerk, item=item, agency=w.finance, reason="Thuộc lĩnh vực tài chính")
    item.refresh_from_db()
    assert item.agency == w.finance and item.due_date == due
    step = Transition.objects.get(item=item, action="reroute")
    assert (step.from_agency, step.to_agency) == (w.home_affairs, w.finance)
    assert step.note == "Thuộc lĩnh vực tài chính"
    answers.submit_for_review(actor=w.outsider, item=item, text=ANSWER)
    answers.approve(actor=fb.finance_leader, item=item)


def test_only_a_system_administrator_maintains_the_routing_rules(fb: Any) -> None:
    with pytest.raises(PermissionDenied):
        routing.save_category(
            actor=fb.world.leader, category=None, code="x", name="X", agency=fb.world.finance
        )
    changed = routing.save_category(
        actor=fb.world.admin,
        category=fb.home_affairs_category,
        code="can-bo-cong-chuc",
        name="Cán bộ, công chức",
        agency=fb.world.finance,
    )
    assert changed.agency == fb.world.finance
    event = AuditEvent.objects.filter(action="feedback.category.save").order_by("id").last()
    assert event is not None and event.before is not None
    assert event.before["agency"] == fb.world.home_affairs.pk


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nguyễn Văn An", "Nguyễn V. A."),
        ("  trần   thị  bích ", "trần T. B."),
        ("Lan", "L."),
        ("", ""),
    ],
)
def test_names_are_pseudonymised_to_the_family_name_and_initials(name: str, expected: str) -> None:
    assert pseudonym(name) == expected


def test_the_public_label_uses_the_name_only_with_the_askers_consent() -> None:
    item = Item(asker_name="Nguyễn Văn An", asker_email="an@example.com", area="xã Định Mỹ")
    assert public_asker(item) == "Nguyễn V. A."
    item.show_name = True
    assert public_asker(item) == "Nguyễn Văn An"
    assert public_asker(Item(area="xã Định Mỹ")) == "Người dân ở xã Định Mỹ"
    assert public_asker(Item()) == "Người dân"


def test_the_challenge_refuses_wrong_forged_hurried_late_and_honeypot_answers(
    settings: Any, monkeypatch: Any
) -> None:
    import time

    from django.core import signing

    challenge = abuse.new_challenge()
    data = signing.loads(challenge.token, salt="egov.feedback.challenge")
    right = str(data["a"] + data["b"])
    abuse.check_challenge(token=challenge.token, answer=right)
    for kwargs in [
        {"token": challenge.token, "answer": str(int(right) + 1)},
        {"token": challenge.token + "x", "answer": right},
        {"token": challenge.token, "answer": right, "honeypot": "http://spam"},
    ]:
        with pytest.raises(ActionError) as failed:
            abuse.check_challenge(**kwargs)
        assert failed.value.code == "challenge_failed"
    settings.EGOV_FEEDBACK_CHALLENGE_MIN_SECONDS = 3
    with pytest.raises(ActionError) as hurried:
        abuse.check_challenge(token=challenge.token, answer=right)
    assert hurried.value.code == "challenge_failed"
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3 * 3600)
    with pytest.raises(ActionError) as late:
        abuse.check_challenge(token=challenge.token, answer=right)
    assert late.value.code == "challenge_expired"


def test_a_leader_of_a_department_does_not_see_the_provinces_own_items(fb: Any) -> None:
    from egov.feedback import access, queries
    from egov.feedback.actions import routing as routing_actions

    province = routing_actions.save_category(
        actor=fb.world.admin,
        category=None,
        code="ubnd-tinh",
        name="Ủy ban nhân dân tỉnh",
        agency=fb.world.province,
    )
    item = received_item(province, fb.world.citizen)
    assert not access.can_handle(fb.world.leader, fb.world.province)
    assert item not in queries.queue_for(fb.world.leader)
    assert item not in queries.queue_for(fb.world.specialist)
    assert item in queries.queue_for(fb.world.admin)
    assert access.can_handle(fb.world.specialist, fb.world.home_affairs)


def test_answer_times_by_running_counts_equal_the_calendars_working_days() -> None:
    import datetime as dt

    from egov.feedback.queries import _WorkingDayNumbers
    from egov.workcalendar import queries as calendar

    numbers = _WorkingDayNumbers()
    pairs = [
        (dt.date(2026, 2, 13), dt.date(2026, 2, 25)),  # across Tết
        (dt.date(2026, 3, 2), dt.date(2026, 3, 2)),
        (dt.date(2025, 12, 31), dt.date(2026, 1, 5)),  # earlier than the first seen
        (dt.date(2026, 8, 28), dt.date(2026, 9, 4)),
    ]
    for start, end in pairs:
        assert numbers.between(start, end) == calendar.working_days_between(start, end)
