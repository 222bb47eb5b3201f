"""Each source's grouped read (all agencies at once, for the dashboards and the ranking)
gives exactly the values of its per-unit read, on a world where the units nest (Sở Nội vụ
holds a division), rows fall outside the period, and agencies differ."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from egov.lib.dates import BUSINESS_TZ, local_today
from egov.monitoring import indicators
from egov.monitoring.indicators import Period
from egov.monitoring.tests.helpers import register

pytestmark = pytest.mark.django_db

YEAR = Period.year(2026)
SOURCES_OF = {
    "documents": [
        "edoc_electronic_share",
        "edoc_incoming_electronic_share",
        "edoc_outgoing_electronic_share",
        "edoc_overdue_rate",
        "edoc_handling_days",
    ],
    "exchange": ["exchange_same_day_rate"],
    "onestop": [
        "onestop_on_time_rate",
        "onestop_online_share",
        "onestop_digitised_share",
        "onestop_appointment_share",
        "onestop_satisfaction_share",
    ],
    "feedback": ["feedback_on_time_rate", "feedback_average_days"],
    "portal": [
        "portal_site_compliance",
        "portal_fresh_sections_share",
        "portal_news_published",
        "portal_days_since_update",
    ],
    "reporting": ["ktxh_completeness", "ktxh_timeliness"],
    "mail": ["mail_staff_use_share", "mail_documents_share", "mail_response_hours"],
}


def _units(world: Any) -> list[Any]:
    """Nested on purpose: the province holds everything, Sở Nội vụ holds its division."""
    return [
        world.province,
        world.office,
        world.home_affairs,
        world.civil_service_division,
        world.finance,
        world.commune,
    ]


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BUSINESS_TZ)


def assert_grouped_equals_per_unit(world: Any, codes: list[str], period: Period = YEAR) -> None:
    units = _units(world)
    for code in codes:
        indicator = indicators.INDICATORS[code]
        assert indicator.compute_many is not None, code
        with indicators.shared_reads():
            grouped = indicator.compute_many(units, period)
        one_by_one = {u.pk: indicator.compute(u, period) for u in units}
        assert grouped == one_by_one, code


def test_the_grouped_document_counts_equal_the_per_unit_counts(world: Any) -> None:
    from egov.documents import queries as documents
    from egov.documents.models import IncomingDocument

    march = dt.date(2026, 3, 10)
    placed = [
        (world.home_affairs, "exchange", march),
        (world.home_affairs, "paper", march),
        (world.civil_service_division, "exchange", dt.date(2026, 5, 4)),
        (world.civil_service_division, "paper", dt.date(2026, 5, 4)),
        (world.civil_service_division, "paper", dt.date(2026, 5, 5)),
        (world.finance, "exchange", dt.date(2026, 6, 1)),
        (world.commune, "paper", dt.date(2026, 7, 1)),
        (world.commune, "exchange", dt.date(2025, 12, 30)),  # before the year
    ]
    docs = [register(world, channel=c, day=d, unit=u) for u, c, d in placed]
    # Finished: one on time after four working days, one late; one left open and overdue;
    # one recalled (never counted).
    IncomingDocument.objects.filter(pk=docs[0].pk).update(
        status="done", done_at=_at(dt.date(2026, 3, 16)), due_date=dt.date(2026, 3, 20)
    )
    IncomingDocument.objects.filter(pk=docs[2].pk).update(
        status="filed", done_at=_at(dt.date(2026, 5, 20)), due_date=dt.date(2026, 5, 8)
    )
    IncomingDocument.objects.filter(pk=docs[3].pk).update(due_date=dt.date(2026, 5, 10))
    IncomingDocument.objects.filter(pk=docs[4].pk).update(status="recalled")
    assert_grouped_equals_per_unit(world, SOURCES_OF["documents"])
    stats = documents.statistics_by_unit(
        _units(world), date_from=YEAR.date_from, date_to=YEAR.date_to
    )
    assert stats[world.home_affairs.pk].incoming_total == 4
    assert stats[world.province.pk].incoming_total == 6
    assert indicators.documents_handling_days(world.home_affairs, YEAR) == 8.0
    assert indicators.documents_overdue_rate(world.civil_service_division, YEAR) == 100.0


def test_the_grouped_exchange_acknowledgements_equal_the_per_unit_ones(world: Any) -> None:
    from egov.exchange.models import InboxMessage

    morning = _at(dt.date(2026, 3, 10), 8)
    cases = [
        (world.home_affairs, morning, morning + dt.timedelta(hours=2), "registered"),
        (world.civil_service_division, morning, morning + dt.timedelta(days=1), "registered"),
        (world.civil_service_division, morning, morning + dt.timedelta(hours=1), "refused"),
        (world.finance, morning, None, "waiting"),
        (world.commune, morning, morning, "rejected"),
        (world.commune, _at(dt.date(2025, 6, 1)), _at(dt.date(2025, 6, 1)), "registered"),
    ]
    for n, (unit, received, handled, state) in enumerate(cases):
        InboxMessage.objects.create(
            kind="edoc",
            document_id=f"doc-{n}",
            from_code="000.00.00.G01",
            to_code="000.00.02.H01",
            sha256="0" * 64,
            size=10,
            dedupe_key=f"key-{n}",
            state=state,
            received_at=received,
            handled_at=handled,
            unit=unit,
        )
    assert_grouped_equals_per_unit(world, SOURCES_OF["exchange"])
    assert indicators.exchange_same_day_rate(world.home_affairs, YEAR) == round(200 / 3, 1)


def _dossier(world: Any, procedure: Any, n: int, unit: Any, **fields: Any) -> Any:
    from egov.onestop.models import Dossier

    values: dict[str, Any] = {
        "code": f"H01.{n:04d}",
        "lookup_key": f"K{n}",
        "procedure": procedure,
        "receiving_unit": unit,
        "status": "processing",
        "channel": 1,
        "applicant_name": "Nguyễn Văn An",
        "submitted_at": _at(dt.date(2026, 4, 1)),
    }
    values.update(fields)
    return Dossier.objects.create(**values)


def test_the_grouped_one_stop_figures_equal_the_per_unit_ones(world: Any) -> None:
    from egov.onestop.models import DossierFile, Rating
    from egov.onestop.testing import make_procedure

    procedure = make_procedure(world)
    due = _at(dt.date(2026, 4, 10), 17)
    received = _at(dt.date(2026, 4, 1), 10)
    early = _dossier(world, procedure, 1, world.home_affairs, channel=2, received_at=received,
                     due_at=due, printed_due_at=due, completed_at=due - dt.timedelta(days=3),
                     status="done")  # fmt: skip
    late = _dossier(world, procedure, 2, world.civil_service_division, received_at=received,
                    due_at=due, completed_at=due + dt.timedelta(days=2), status="done")  # fmt: skip
    _dossier(world, procedure, 3, world.civil_service_division, channel=2, received_at=received,
             due_at=due, printed_due_at=due, completed_at=due - dt.timedelta(hours=2),
             status="returned")  # fmt: skip
    _dossier(world, procedure, 4, world.finance, channel=2)
    _dossier(world, procedure, 5, world.commune, submitted_at=_at(dt.date(2025, 4, 1)),
             received_at=_at(dt.date(2025, 4, 1)), due_at=_at(dt.date(2025, 4, 5)),
             completed_at=_at(dt.date(2025, 4, 4)))  # fmt: skip
    for dossier, is_result in ((early, False), (late, False), (late, True)):
        DossierFile.objects.create(
            dossier=dossier,
            name="don.pdf",
            media_type="application/pdf",
            size=10,
            sha256="0" * 64,
            content="onestop/don.pdf",
            is_result=is_result,
        )
    Rating.objects.create(dossier=early, level=3, at=due)
    Rating.objects.create(dossier=late, level=1, at=due)
    assert_grouped_equals_per_unit(world, SOURCES_OF["onestop"])
    assert indicators.onestop_on_time_rate(world.home_affairs, YEAR) == round(200 / 3, 1)
    assert indicators.onestop_online_share(world.home_affairs, YEAR) == round(200 / 3, 1)
    assert indicators.onestop_satisfaction_share(world.province, YEAR) == 50.0
    assert indicators.onestop_digitised_share(world.finance, YEAR) == 0.0


def test_the_grouped_feedback_figures_equal_the_per_unit_ones(world: Any) -> None:
    from egov.feedback.testing import answered_item, build, received_item

    fb = build(world)
    answered_item(fb)
    answered_item(fb)
    received_item(fb.finance_category, world.citizen)
    year = Period.year(local_today().year)
    assert_grouped_equals_per_unit(world, SOURCES_OF["feedback"], year)
    assert indicators.feedback_on_time_rate(world.home_affairs, year) == 100.0
    assert indicators.feedback_on_time_rate(world.finance, year) is None


def test_the_grouped_site_figures_equal_the_per_unit_ones(world: Any) -> None:
    from egov.portal.actions import provisioning

    provisioning.provision_sites(actor=world.admin)
    year = Period.year(local_today().year)
    assert_grouped_equals_per_unit(world, SOURCES_OF["portal"], year)
    assert indicators.site_compliance_rate(world.home_affairs, year) == 0.0
    fresh = indicators.site_fresh_sections_share(world.home_affairs, year)
    assert fresh is not None and 0 < fresh < 100


def test_the_grouped_report_duties_equal_the_per_unit_ones(world: Any) -> None:
    from egov.reporting import queries as reporting
    from egov.reporting.actions import workflow
    from egov.reporting.testing import build_ktxh, fill, month

    k = build_ktxh(world)
    submission = fill(k, world.commune, k.commune_reporter, month(2026, 1))
    workflow.submit(actor=k.commune_reporter, submission=submission, skip_access_check=True)
    fill(k, k.second_commune, k.second_reporter, month(2026, 2), revenue="")
    assert_grouped_equals_per_unit(world, SOURCES_OF["reporting"])
    duties = reporting.duties_by_unit(
        [world.province, world.commune], date_from=YEAR.date_from, date_to=YEAR.date_to
    )
    assert duties[world.province.pk].due > duties[world.commune.pk].due > 0
    # The commune filled every required cell of January only, and sent it today, long
    # after January's deadline: its completeness is one report's cells out of all the
    # reports due so far, its timeliness 0.
    filled, required = reporting.completeness(submission)
    assert filled == required > 0
    due = duties[world.commune.pk].due
    assert duties[world.commune.pk].required == required * due
    assert indicators.ktxh_completeness(world.commune, YEAR) == round(100 / due, 1)
    assert indicators.ktxh_timeliness(world.commune, YEAR) == 0.0
    # Mỹ Hòa left one required cell empty in February and sent nothing.
    assert indicators.ktxh_completeness(k.second_commune, YEAR) == round(
        100 * (required - 1) / (required * due), 1
    )


def test_the_grouped_mail_use_equals_the_per_unit_use(world: Any) -> None:
    from egov.documents.models import IncomingDocument
    from egov.mail.models import InboundMail, LastLogin, Mailbox, MailDomain, OutboundMail
    from egov.organisations.models import Person

    domain, _created = MailDomain.objects.get_or_create(name="angiang.gov.vn")
    boxes = []
    for n, user in enumerate([world.clerk, world.leader, world.specialist, world.commune_clerk]):
        person = Person.objects.filter(user=user).first()
        assert person is not None and person.unit is not None
        box = Mailbox.objects.filter(person=person).exclude(state="removed").first()
        boxes.append(
            box
            or Mailbox.objects.create(
                address=f"u{n}@angiang.gov.vn",
                local_part=f"u{n}",
                domain=domain,
                kind="personal",
                person=person,
                unit=person.unit,
                display_name=person.full_name,
                state="active",
                quota_mb=100,
            )
        )
    staff = Mailbox.objects.filter(kind="personal", person__isnull=False).exclude(state="removed")
    assert staff.count() >= 4
    day = _at(dt.date(2026, 3, 10))
    OutboundMail.objects.create(
        kind="answer",
        message_id="<1@angiang.gov.vn>",
        unit=boxes[0].unit,
        sender=world.clerk,
        from_address=boxes[0].address,
        subject="Trả lời",
        sent_at=day,
    )
    LastLogin.objects.create(username=boxes[3].address, last_login=int(day.timestamp()))
    for n, (box, hours) in enumerate(((boxes[0], 3), (boxes[0], 30), (boxes[3], 2))):
        InboundMail.objects.create(
            mailbox=box,
            uidvalidity=1,
            uid=n + 1,
            internal_date=day,
            kind="feedback",
            state="answered",
            answered_at=day + dt.timedelta(hours=hours),
        )
    by_mail = register(world, channel="exchange", day=dt.date(2026, 3, 10))
    IncomingDocument.objects.filter(pk=by_mail.pk).update(channel="mail")
    register(world, channel="paper", day=dt.date(2026, 3, 11), unit=world.finance)
    assert_grouped_equals_per_unit(world, SOURCES_OF["mail"])
    assert indicators.mail_staff_use_share(world.province, YEAR) == round(200 / staff.count(), 1)
    assert indicators.mail_documents_share(world.home_affairs, YEAR) == 100.0
    assert indicators.mail_documents_share(world.finance, YEAR) == 0.0


def test_every_registered_indicator_of_the_sources_has_a_grouped_read() -> None:
    codes = {code for group in SOURCES_OF.values() for code in group}
    for code in codes:
        assert indicators.INDICATORS[code].compute_many is not None


def test_the_table_and_the_ranking_read_no_more_for_more_agencies(world: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from egov.monitoring import queries, ranking
    from egov.monitoring.ranking import CriterionSpec

    register(world, channel="exchange", day=dt.date(2026, 3, 10))
    register(world, channel="paper", day=dt.date(2026, 3, 10), unit=world.finance)
    few, many = _units(world)[2:4], _units(world)
    counts = []
    for units in (few, many):
        with CaptureQueriesContext(connection) as table_reads:
            rows = queries.table(units, YEAR, province=True)
        counts.append(len(table_reads))
        assert [r.unit for r in rows] == [None, *units]
    assert counts[0] == counts[1]
    criteria = [
        CriterionSpec("Điện tử", "edoc_electronic_share", Decimal(50), Decimal(0), Decimal(100)),
        CriterionSpec("Một cửa", "onestop_online_share", Decimal(50), Decimal(0), Decimal(100)),
    ]
    reads = []
    for units in (few, many):
        with CaptureQueriesContext(connection) as ranking_reads:
            ranking.compute(criteria, units, YEAR)
        reads.append(len(ranking_reads))
    assert reads[0] == reads[1]
    table = {r.unit.pk: r for r in queries.table(many, YEAR, province=False) if r.unit}
    share = list(indicators.INDICATORS).index("edoc_electronic_share")
    assert table[world.home_affairs.pk].measures[share].value == 100.0
    assert table[world.finance.pk].measures[share].value == 0.0
    assert table[world.home_affairs.pk].measures[share].target == 50


def test_an_agency_without_activity_in_the_period_has_no_value_rather_than_zero(
    world: Any,
) -> None:
    april = Period.month(2026, 4)
    empty = [
        code
        for codes in SOURCES_OF.values()
        for code in codes
        if code != "mail_staff_use_share"  # staff with a mailbox are there in any period
    ]
    with indicators.shared_reads():
        for code in empty:
            indicator = indicators.INDICATORS[code]
            assert indicator.compute(world.finance, april) is None, code
            assert indicator.values([world.finance], april) == {world.finance.pk: None}, code
