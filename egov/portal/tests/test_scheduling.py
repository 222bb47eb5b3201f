from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from egov.portal import tasks
from egov.portal.models import NewsPage
from egov.portal.tests.helpers import draft_news

pytestmark = pytest.mark.django_db


def _schedule(page: Any, *, minutes: int) -> None:
    page.go_live_at = timezone.now() + dt.timedelta(minutes=minutes)
    page.save_revision(approved_go_live_at=page.go_live_at)


def test_the_worker_task_publishes_what_is_due_and_enqueues_its_next_run(sites: Any) -> None:
    due = draft_news(sites.home_affairs, title="Tin hẹn giờ đã đến")
    later = draft_news(sites.home_affairs, title="Tin hẹn giờ ngày mai")
    _schedule(due, minutes=-1)
    _schedule(later, minutes=60 * 24)
    result = tasks.publish_scheduled_pages.call()
    assert result["published"] == [due.pk]
    assert NewsPage.objects.get(pk=due.pk).live
    assert not NewsPage.objects.get(pk=later.pk).live
    waiting = DBTaskResult.objects.get(task_path=tasks.TASK_PATH, status="READY")
    assert waiting.run_after > timezone.now() + dt.timedelta(seconds=30)


def test_the_scheduler_command_enqueues_one_run_only(sites: Any) -> None:
    from django.core.management import call_command

    call_command("portal_scheduler")
    call_command("portal_scheduler")
    assert DBTaskResult.objects.filter(task_path=tasks.TASK_PATH, status="READY").count() == 1


def test_a_scheduled_page_that_became_secret_is_taken_off_the_schedule(sites: Any) -> None:
    from egov.documents.actions.incoming import register_incoming
    from egov.documents.testing import doc_type

    page = draft_news(sites.home_affairs, body="<p>Theo Kế hoạch 21/KH-CAT.</p>")
    _schedule(page, minutes=-1)
    register_incoming(
        actor=sites.world.clerk,
        unit=sites.world.home_affairs,
        document_type=doc_type("ke-hoach"),
        issuer_name="Công an tỉnh",
        subject="Kế hoạch bảo đảm an ninh",
        code_number="21",
        code_notation="KH-CAT",
        secrecy=1,
        skip_access_check=True,
    )
    result = tasks.publish_scheduled_pages.call()
    assert result["refused"] == [(page.pk, "secret_content")]
    assert not NewsPage.objects.get(pk=page.pk).live
    assert tasks.publish_scheduled_pages.call()["refused"] == []


def test_the_hourly_command_follows_role_changes_in_the_editors_groups(sites: Any) -> None:
    from django.core.management import call_command

    from egov.organisations.models import RoleAssignment

    RoleAssignment.objects.filter(user=sites.editor).update(valid_to=dt.date(2021, 1, 1))
    call_command("portal_scheduler")
    assert not sites.editor.groups.exists()


@pytest.mark.django_db(transaction=True)  # the worker closes its database connection
def test_a_page_whose_go_live_time_passed_is_published_by_the_worker_process(
    sites: Any,
) -> None:
    """End to end without a cron: the chain is started (as the hourly command does), the
    real worker command runs what is due, the page goes live, the next run waits."""
    from django.core.management import call_command

    page = draft_news(sites.home_affairs, title="Tin hẹn giờ qua hàng đợi")
    _schedule(page, minutes=-5)
    assert tasks.ensure_next_run()
    assert not NewsPage.objects.get(pk=page.pk).live
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert NewsPage.objects.get(pk=page.pk).live
    done = DBTaskResult.objects.get(task_path=tasks.TASK_PATH, status="SUCCESSFUL")
    assert (done.return_value or {}).get("published") == [page.pk]
    assert DBTaskResult.objects.filter(task_path=tasks.TASK_PATH, status="READY").count() == 1
