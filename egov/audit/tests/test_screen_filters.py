"""The audit list: each filter narrows it, labels instead of codes, errors named, one
query for the rows whatever their number."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from egov.audit.tests.helpers import PROBE_EDIT, probe
from egov.lib.dates import BUSINESS_TZ

pytestmark = pytest.mark.django_db


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BUSINESS_TZ)


@pytest.fixture
def events(world):
    """Probe events on known days, by known people, in known units."""
    return {
        "division": probe(
            actor=world.specialist,
            object_type="test.case",
            object_id="7",
            object_repr="Hồ sơ 7",
            unit_id=world.civil_service_division.pk,
            at=_at(dt.date(2025, 3, 10)),
        ),
        "agency": probe(
            action=PROBE_EDIT,
            actor=world.clerk,
            object_type="test.case",
            object_id="8",
            object_repr="Hồ sơ 8",
            unit_id=world.home_affairs.pk,
            at=_at(dt.date(2025, 3, 12)),
        ),
        # 23:30 on 14 March in Vietnam is still 14 March there, 16:30 UTC.
        "late": probe(
            actor=world.clerk,
            object_type="test.case",
            object_id="9",
            object_repr="Hồ sơ 9",
            unit_id=world.home_affairs.pk,
            at=dt.datetime(2025, 3, 14, 16, 30, tzinfo=dt.UTC),
        ),
    }


def _listed(client: Any, **params: Any) -> tuple[Any, list[int]]:
    response = client.get(reverse("audit:list"), params)
    assert response.status_code == 200
    return response, [row.event.pk for row in response.context["rows"]]


def test_the_unit_filter_keeps_the_unit_and_the_units_under_it(client_for, world, events):
    client = client_for(world.unit_admin)
    _, division_only = _listed(client, unit=world.civil_service_division.pk)
    _, agency = _listed(client, unit=world.home_affairs.pk, object_type="test.case")
    assert events["division"].pk in division_only
    assert events["agency"].pk not in division_only
    assert {events["division"].pk, events["agency"].pk, events["late"].pk} <= set(agency)


def test_a_unit_outside_the_readers_scope_is_refused_by_name(client_for, world, events):
    response, listed = _listed(client_for(world.unit_admin), unit=world.finance.pk)
    text = response.content.decode()
    assert f"Đơn vị mã “{world.finance.pk}” không tồn tại hoặc nằm ngoài phạm vi" in text
    assert world.finance.pk not in {row.event.unit_id for row in response.context["rows"]}
    assert listed


def test_the_user_filter_matches_part_of_the_username(client_for, world, events):
    _, listed = _listed(client_for(world.admin), user="CLER")
    assert set(listed) == {events["agency"].pk, events["late"].pk}


def test_the_object_filter_finds_the_history_of_one_object(client_for, world, events):
    _, listed = _listed(client_for(world.admin), object_type="test.case", object_id="8")
    assert listed == [events["agency"].pk]


def test_the_action_filter_offers_labels_and_keeps_one_action(client_for, world, events):
    response, listed = _listed(client_for(world.admin), action=PROBE_EDIT)
    assert listed == [events["agency"].pk]
    text = response.content.decode()
    assert '<option value="audit.test.edit" selected>Chỉnh sửa thử nghiệm</option>' in text
    assert '<option value="organisations.unit.create">Thành lập đơn vị</option>' in text


def test_the_list_shows_the_action_label_not_its_code(client_for, world, events):
    response, _ = _listed(client_for(world.admin), object_type="test.case")
    text = response.content.decode()
    assert "Chỉnh sửa thử nghiệm" in text
    assert "audit.test.edit" not in text.split("<tbody>")[1]


def test_the_date_range_uses_business_days_in_vietnam(client_for, world, events):
    client = client_for(world.admin)
    _, from_the_12th = _listed(client, date_from="2025-03-12", date_to="14/03/2025")
    assert set(from_the_12th) == {events["agency"].pk, events["late"].pk}
    _, on_the_14th = _listed(client, date_from="14/03/2025", date_to="2025-03-14")
    assert on_the_14th == [events["late"].pk]
    _, up_to_the_13th = _listed(client, date_to="2025-03-13", object_type="test.case")
    assert set(up_to_the_13th) == {events["division"].pk, events["agency"].pk}


def test_an_unreadable_date_is_named_and_left_out(client_for, world, events):
    response, listed = _listed(client_for(world.admin), date_from="31/02/2025", object_id="7")
    assert "Ngày “31/02/2025” không đúng định dạng" in response.content.decode()
    assert listed == [events["division"].pk]


def test_a_range_that_ends_before_it_starts_is_named(client_for, world, events):
    response, _ = _listed(client_for(world.admin), date_from="2025-03-14", date_to="2025-03-10")
    assert "Đến ngày 10/03/2025 đứng trước Từ ngày 14/03/2025." in response.content.decode()


def test_an_unknown_action_is_named(client_for, world, events):
    response, _ = _listed(client_for(world.admin), action="audit.test.nope")
    assert "Hành động “audit.test.nope” không có trong danh mục" in response.content.decode()


def test_the_pages_keep_the_filters(client_for, world):
    for number in range(60):
        probe(object_type="test.bulk", object_id=str(number), unit_id=world.finance.pk)
    response, listed = _listed(client_for(world.admin), object_type="test.bulk")
    assert len(listed) == 50
    assert "?object_type=test.bulk&amp;page=2" in response.content.decode()
    _, second = _listed(client_for(world.admin), object_type="test.bulk", page=2)
    assert len(second) == 10


def test_the_list_takes_the_same_queries_for_few_or_many_events(
    client_for, world, django_assert_num_queries
):
    client = client_for(world.unit_admin)
    client.get(reverse("audit:list"))  # warm the session and the 2FA device
    # session, user, 2FA device, role assignments, readable unit ids, their labels, count,
    # the rows, the navigation's own check of audit access, and the unread notifications.
    with django_assert_num_queries(10) as few:
        client.get(reverse("audit:list"))
    for number in range(40):
        probe(actor=world.clerk, object_id=str(number), unit_id=world.home_affairs.pk)
    with django_assert_num_queries(10) as many:
        client.get(reverse("audit:list"))
    rows_queries = [
        q["sql"]
        for q in many.captured_queries
        if 'FROM "audit_auditevent"' in q["sql"] and "COUNT(" not in q["sql"]
    ]
    assert len(rows_queries) == 1
    assert len(few.captured_queries) == len(many.captured_queries)
