"""A year of activity for every agency in the sources the indicators read, bulk-inserted
(the e-office's incoming documents go through its action in ``__main__``): issued
documents, exchange receipts, one-stop dossiers with files and ratings, citizens'
feedback, official mail (a mailbox each, mail sent, citizens' mail answered), and a
monthly KT-XH report assigned to every agency, half of it sent. Deterministic: the same
scale gives the same rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bench._common import log

PER_AGENCY = 10
BATCH = 5000


def _at(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    from egov.lib.dates import BUSINESS_TZ

    return dt.datetime(year, month, day, hour, tzinfo=BUSINESS_TZ)


def fill_sources(world: Any, units: list[Any], year: int, last_month: int) -> dict[str, int]:
    """Rows of each source, ``PER_AGENCY`` per agency where it is a count of things."""
    from egov.documents.models import OutgoingDocument
    from egov.documents.testing import doc_type
    from egov.exchange.models import InboxMessage
    from egov.feedback.models import Category, Item
    from egov.mail.models import InboundMail, LastLogin, Mailbox, MailDomain, OutboundMail
    from egov.onestop.models import Dossier, DossierFile, Rating
    from egov.onestop.testing import make_procedure
    from egov.organisations.models import Person

    counts: dict[str, int] = {}
    kind = doc_type("cong-van")
    counts["finished"] = _finish_incoming(year)

    def month(i: int) -> int:
        return 1 + i % max(last_month, 1)

    outgoing = [
        OutgoingDocument(
            unit=unit,
            drafting_unit=unit,
            drafter=world.clerk,
            document_type=kind,
            subject=f"Về việc thử nghiệm {d}",
            status="issued",
            issued_at=_at(year, month(i + d), 1 + d),
            electronic=d % 3 != 0,
            on_paper=d % 4 == 0,
        )
        for i, unit in enumerate(units)
        for d in range(PER_AGENCY)
    ]
    OutgoingDocument.objects.bulk_create(outgoing, batch_size=BATCH)
    counts["outgoing"] = len(outgoing)
    log(f"  {len(outgoing)} issued documents")

    inbox = []
    for i, unit in enumerate(units):
        for d in range(PER_AGENCY):
            received = _at(year, month(i + d), 1 + d, 8)
            inbox.append(
                InboxMessage(
                    kind="edoc",
                    document_id=f"bench-{i}-{d}",
                    from_code="000.00.00.G01",
                    to_code="000.00.02.H01",
                    sha256="0" * 64,
                    size=10,
                    dedupe_key=f"bench-{i}-{d}",
                    state="registered" if d % 5 else "waiting",
                    received_at=received,
                    handled_at=received + dt.timedelta(hours=3 if d % 3 else 30) if d % 5 else None,
                    unit=unit,
                )
            )
    InboxMessage.objects.bulk_create(inbox, batch_size=BATCH)
    counts["exchange"] = len(inbox)
    log(f"  {len(inbox)} exchange receipts")

    procedure = make_procedure(world)
    dossiers = []
    for i, unit in enumerate(units):
        for d in range(PER_AGENCY):
            submitted = _at(year, month(i + d), 1 + d)
            due = submitted + dt.timedelta(days=7)
            done = d % 4 != 0
            dossiers.append(
                Dossier(
                    code=f"B.{i:05d}.{d:02d}",
                    lookup_key=f"B{i}x{d}",
                    procedure=procedure,
                    receiving_unit=unit,
                    status="done" if done else "processing",
                    channel=2 if d % 2 else 1,
                    applicant_name="Nguyễn Văn An",
                    submitted_at=submitted,
                    received_at=submitted + dt.timedelta(hours=1),
                    due_at=due,
                    printed_due_at=due if d % 3 else None,
                    completed_at=due + dt.timedelta(days=(d % 3) - 1) if done else None,
                )
            )
    dossiers = Dossier.objects.bulk_create(dossiers, batch_size=BATCH)
    DossierFile.objects.bulk_create(
        [
            DossierFile(
                dossier=dossier,
                name="don.pdf",
                media_type="application/pdf",
                size=10,
                sha256="0" * 64,
                content="onestop/don.pdf",
            )
            for n, dossier in enumerate(dossiers)
            if n % 3
        ],
        batch_size=BATCH,
    )
    Rating.objects.bulk_create(
        [
            Rating(dossier=dossier, level=1 + n % 3, at=dossier.submitted_at)
            for n, dossier in enumerate(dossiers)
            if n % 2
        ],
        batch_size=BATCH,
    )
    counts["dossiers"] = len(dossiers)
    log(f"  {len(dossiers)} dossiers")

    category = Category.objects.create(code="bench", name="Thử nghiệm", agency=world.home_affairs)
    items = []
    for i, unit in enumerate(units):
        for d in range(3):
            received = _at(year, month(i + d), 2 + d)
            answered = d != 2
            items.append(
                Item(
                    kind="question",
                    channel="web",
                    state="answered" if answered else "received",
                    category=category,
                    agency=unit,
                    title="Câu hỏi thử nghiệm",
                    text="Nội dung câu hỏi thử nghiệm",
                    tracking_hash=f"{i:08d}{d:02d}".ljust(64, "0"),
                    received_at=received,
                    due_date=(received + dt.timedelta(days=10)).date(),
                    answered_at=received + dt.timedelta(days=3 + 5 * d) if answered else None,
                )
            )
    Item.objects.bulk_create(items, batch_size=BATCH)
    counts["feedback"] = len(items)
    log(f"  {len(items)} feedback items")

    domain, _created = MailDomain.objects.get_or_create(name="bench.gov.vn")
    people = Person.objects.bulk_create(
        [Person(full_name=f"Cán bộ {i}", unit=unit) for i, unit in enumerate(units)],
        batch_size=BATCH,
    )
    boxes = Mailbox.objects.bulk_create(
        [
            Mailbox(
                address=f"cb{i}@bench.gov.vn",
                local_part=f"cb{i}",
                domain=domain,
                kind="personal",
                person=person,
                unit=person.unit,
                display_name=person.full_name,
                state="active",
                quota_mb=100,
            )
            for i, person in enumerate(people)
        ],
        batch_size=BATCH,
    )
    LastLogin.objects.bulk_create(
        [
            LastLogin(
                username=box.address,
                last_login=int(_at(year, month(i), 5).timestamp()),
            )
            for i, box in enumerate(boxes)
            if i % 2
        ],
        batch_size=BATCH,
    )
    OutboundMail.objects.bulk_create(
        [
            OutboundMail(
                kind="answer",
                message_id=f"<bench-{i}@bench.gov.vn>",
                unit=box.unit,
                sender=world.clerk,
                from_address=box.address,
                subject="Trả lời",
                sent_at=_at(year, month(i), 6),
            )
            for i, box in enumerate(boxes)
            if i % 3 == 0
        ],
        batch_size=BATCH,
    )
    InboundMail.objects.bulk_create(
        [
            InboundMail(
                mailbox=box,
                uidvalidity=1,
                uid=d + 1,
                internal_date=_at(year, month(i + d), 3 + d),
                kind="feedback",
                state="answered",
                answered_at=_at(year, month(i + d), 3 + d) + dt.timedelta(hours=2 + 7 * d),
            )
            for i, box in enumerate(boxes)
            for d in range(3)
        ],
        batch_size=BATCH,
    )
    counts["mailboxes"] = len(boxes)
    log(f"  {len(boxes)} mailboxes and their mail")
    counts["reports"] = _fill_reports(world, units, year, last_month)
    return counts


def _fill_reports(world: Any, units: list[Any], year: int, last_month: int) -> int:
    """The test KT-XH form (monthly), assigned to every agency; every other agency sends
    each month's report on its first day after the cut-off."""
    from egov.reporting.models import FormAssignment, Submission
    from egov.reporting.periods import due_date, get_period
    from egov.reporting.testing import build_ktxh

    k = build_ktxh(world)
    FormAssignment.objects.bulk_create(
        [
            FormAssignment(form=k.form, unit=unit, valid_from=dt.date(year - 1, 1, 1))
            for unit in units
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    submissions = []
    for m in range(1, last_month + 1):
        period = get_period("month", year, m)
        due = due_date(k.form, period)
        for i, unit in enumerate(units):
            if i % 2:
                continue
            submissions.append(
                Submission(
                    form=k.form,
                    unit=unit,
                    period=period,
                    state="submitted",
                    submitted_at=_at(due.year, due.month, due.day) - dt.timedelta(days=i % 3),
                )
            )
    Submission.objects.bulk_create(submissions, batch_size=BATCH, ignore_conflicts=True)
    log(f"  {len(submissions)} KT-XH reports sent")
    return len(submissions)


def _finish_incoming(year: int) -> int:
    """Two incoming documents in three are finished, 1 to 9 days after arriving (the
    handling-time indicator reads them)."""
    from django.db.models import F

    from egov.documents.models import IncomingDocument

    pks = list(IncomingDocument.objects.filter(arrived_at__year=year).values_list("pk", flat=True))
    done = 0
    for days in range(1, 10):
        bucket = [pk for pk in pks if pk % 3 and pk % 9 == days - 1]
        done += IncomingDocument.objects.filter(pk__in=bucket).update(
            status="done", done_at=F("arrived_at") + dt.timedelta(days=days)
        )
    return done
