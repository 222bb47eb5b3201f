import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.onestop.actions import dossiers, processing
from egov.onestop.choices import DueChangeKind, Status
from egov.onestop.models import DailyCounter, Dossier, DossierFile, Transition
from egov.onestop.testing import make_procedure, pdf, required_doc

pytestmark = pytest.mark.django_db

APPLICANT = dossiers.Applicant(
    name="Nguyễn Văn An", id_number="089123456789", email="an@example.com"
)


def _at(y, m, d, h=9, mi=0):
    return dt.datetime(y, m, d, h, mi, tzinfo=BUSINESS_TZ)


def receive(world, procedure, now=None, **kw):
    return dossiers.receive_at_counter(
        actor=world.clerk,
        procedure=procedure,
        unit=world.home_affairs,
        applicant=APPLICANT,
        uploads=[(required_doc(procedure), pdf())],
        now=now,
        **kw,
    )


def test_a_dossier_received_at_the_counter_gets_the_daily_code_and_an_appointment(world):
    procedure = make_procedure(world)
    first = receive(world, procedure, now=_at(2026, 3, 2, 9))
    second = receive(world, procedure, now=_at(2026, 3, 2, 10))
    assert first.code == "000.00.02.H01-260302-0001"
    assert second.code == "000.00.02.H01-260302-0002"
    assert first.status == Status.RECEIVED
    # Monday 2 March + 5 working days = Monday 9 March, closing time.
    assert first.due_at == _at(2026, 3, 9, 17)
    assert first.printed_due_at == first.due_at
    assert first.steps.count() == 2
    assert first.due_changes.get().kind == DueChangeKind.SET


def test_a_dossier_received_after_hours_counts_from_the_next_working_day(world):
    procedure = make_procedure(world)
    # Friday 13 February 2026 at 17:30; Tết from 14 to 22 February.
    dossier = receive(world, procedure, now=_at(2026, 2, 13, 17, 30))
    assert dossier.counted_from == dt.date(2026, 2, 23)
    assert dossier.due_at == _at(2026, 3, 2, 17)
    assert dossier.code.endswith("-260213-0001")


def test_it_refuses_a_dossier_without_the_required_document_and_writes_nothing(world):
    procedure = make_procedure(world)
    with pytest.raises(ActionError) as caught:
        dossiers.receive_at_counter(
            actor=world.clerk,
            procedure=procedure,
            unit=world.home_affairs,
            applicant=APPLICANT,
            uploads=[(procedure.documents.get(position=2), pdf())],
        )
    assert caught.value.code == "missing_document"
    assert "Đơn đề nghị" in caught.value.messages[0]
    assert not Dossier.objects.exists() and not DossierFile.objects.exists()
    assert not DailyCounter.objects.exists()


def test_it_refuses_a_file_whose_content_is_not_its_type(world):
    procedure = make_procedure(world)
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ActionError) as caught:
        dossiers.receive_at_counter(
            actor=world.clerk,
            procedure=procedure,
            unit=world.home_affairs,
            applicant=APPLICANT,
            uploads=[(required_doc(procedure), fake)],
        )
    assert caught.value.code == "wrong_file_type"
    assert not Dossier.objects.exists()


def test_it_refuses_a_file_too_large(world, settings):
    procedure = make_procedure(world)
    big = pdf(content=b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ActionError) as caught:
        dossiers.receive_at_counter(
            actor=world.clerk,
            procedure=procedure,
            unit=world.home_affairs,
            applicant=APPLICANT,
            uploads=[(required_doc(procedure), big)],
        )
    assert caught.value.code == "file_too_large"


def test_an_officer_of_another_agency_cannot_receive_or_act(world):
    procedure = make_procedure(world)
    with pytest.raises(ActionError) as caught:
        dossiers.receive_at_counter(
            actor=world.outsider,
            procedure=procedure,
            unit=world.home_affairs,
            applicant=APPLICANT,
            uploads=[(required_doc(procedure), pdf())],
        )
    assert caught.value.code == "not_officer_here"
    dossier = receive(world, procedure)
    with pytest.raises(ActionError) as caught:
        processing.hand_over(actor=world.outsider, dossier=dossier)
    assert caught.value.code == "not_holder"
    assert Transition.objects.filter(dossier=dossier).count() == 1


def test_the_dossier_goes_through_its_steps_and_is_returned(world):
    procedure = make_procedure(world)
    dossier = receive(world, procedure)
    with pytest.raises(ActionError) as caught:
        processing.return_result(actor=world.clerk, dossier=dossier)
    assert caught.value.code == "out_of_order"
    assert "Đã xử lý xong" in caught.value.messages[0]
    dossier = processing.hand_over(actor=world.clerk, dossier=dossier, note="Chuyển thẩm định")
    assert dossier.current_unit == world.civil_service_division
    # The desk no longer holds it.
    with pytest.raises(ActionError):
        processing.hand_over(actor=world.clerk, dossier=dossier)
    dossier = processing.hand_over(actor=world.specialist, dossier=dossier, note="Đủ điều kiện")
    assert dossier.current_unit == world.home_affairs
    dossier = processing.hand_over(actor=world.leader, dossier=dossier, note="Đã ký")
    assert dossier.status == Status.DONE
    dossier = processing.return_result(actor=world.clerk, dossier=dossier)
    assert dossier.status == Status.RETURNED
    assert list(dossier.transitions.values_list("to_status", flat=True)) == [
        Status.RECEIVED,
        Status.PROCESSING,
        Status.PROCESSING,
        Status.DONE,
        Status.RETURNED,
    ]


def test_additional_documents_are_asked_once_and_the_clock_stops_meanwhile(
    world, time_machine=None
):
    procedure = make_procedure(world)
    dossier = receive(world, procedure, now=_at(2026, 3, 2, 9))
    dossier = processing.request_additional(
        actor=world.clerk, dossier=dossier, missing="Bản sao CCCD"
    )
    assert dossier.status == Status.ADDITIONAL and dossier.paused_at is not None
    # Pretend the pause began three working days earlier.
    Dossier.objects.filter(pk=dossier.pk).update(paused_at=dossier.paused_at - dt.timedelta(days=7))
    dossier.refresh_from_db()
    before = dossier.due_at
    dossier = processing.supply_additional(
        actor=None, dossier=dossier, uploads=[(None, pdf("cccd.pdf"))]
    )
    assert dossier.status == Status.RECEIVED
    assert dossier.due_at is not None and before is not None
    assert dossier.due_at > before
    assert dossier.due_changes.filter(kind=DueChangeKind.PAUSE).count() == 1
    with pytest.raises(ActionError) as caught:
        processing.request_additional(actor=world.clerk, dossier=dossier, missing="Lần nữa")
    assert caught.value.code == "additional_once"


def test_an_apology_sets_a_later_date_on_record_and_the_printed_date_follows(world):
    procedure = make_procedure(world)
    dossier = receive(world, procedure)
    new_due = dossier.due_at + dt.timedelta(days=3)
    with pytest.raises(ActionError) as caught:
        processing.apologise(
            actor=world.clerk, dossier=dossier, new_due=dossier.due_at, reason="Chờ xác minh"
        )
    assert caught.value.code == "new_due_not_later"
    dossier = processing.apologise(
        actor=world.clerk, dossier=dossier, new_due=new_due, reason="Chờ xác minh"
    )
    assert dossier.printed_due_at == new_due
    change = dossier.due_changes.get(kind=DueChangeKind.APOLOGY)
    assert change.reason == "Chờ xác minh" and change.new_due == new_due


def test_an_apology_after_the_due_date_is_refused(world):
    procedure = make_procedure(world)
    dossier = receive(world, procedure, now=_at(2025, 3, 3, 9))
    with pytest.raises(ActionError) as caught:
        processing.apologise(
            actor=world.clerk,
            dossier=dossier,
            new_due=dossier.due_at + dt.timedelta(days=30),
            reason="Trễ",
        )
    assert caught.value.code == "apology_too_late"


def test_a_refusal_at_reception_and_a_withdrawal_close_the_dossier(world):
    procedure = make_procedure(world)
    dossier = receive(world, procedure)
    dossier = processing.refuse(actor=world.clerk, dossier=dossier, reason="Không thuộc thẩm quyền")
    assert dossier.status == Status.REFUSED and dossier.current_unit is None
    other = receive(world, procedure)
    other = processing.withdraw(actor=None, dossier=other, reason="Không còn nhu cầu")
    assert other.status == Status.WITHDRAWN
    with pytest.raises(ActionError) as caught:
        processing.withdraw(actor=None, dossier=other, reason="Lần nữa")
    assert caught.value.code == "out_of_order"


def test_fees_pause_the_clock_until_paid(world):
    procedure = make_procedure(world)
    dossier = receive(world, procedure)
    dossier = processing.request_fees(actor=world.clerk, dossier=dossier, note="50.000 đồng")
    assert dossier.status == Status.FEES
    dossier = processing.fees_paid(actor=world.clerk, dossier=dossier)
    assert dossier.status == Status.RECEIVED and dossier.paused_at is None


def test_a_rating_is_taken_once_after_completion(world):
    procedure = make_procedure(world)
    dossier = receive(world, procedure)
    with pytest.raises(ActionError):
        processing.rate(dossier=dossier, level=3)
    for actor in (world.clerk, world.specialist, world.leader):
        dossier = processing.hand_over(actor=actor, dossier=dossier)
    processing.rate(dossier=dossier, level=3, criteria={"attitude": 3, "bogus": 9})
    assert dossier.rating.criteria == {"attitude": 3}
    with pytest.raises(ActionError) as caught:
        processing.rate(dossier=dossier, level=1)
    assert caught.value.code == "already_rated"


def test_the_766_groups_are_computed_from_the_dossiers(world):
    from egov.onestop import queries

    procedure = make_procedure(world)
    dossier = receive(world, procedure)
    for actor in (world.clerk, world.specialist, world.leader):
        dossier = processing.hand_over(actor=actor, dossier=dossier)
    processing.rate(dossier=dossier, level=3)
    points = {i.group: i.points for i in queries.indicators_766(Dossier.objects.all())}
    assert points == {
        "publicity": 18,
        "progress": 20,
        "digitisation": 22,
        "online": 11,  # the procedure is toàn trình, the dossier came to the counter
        "satisfaction": 18,
    }
    rows = queries.punctuality_by_agency(Dossier.objects.all())
    assert [(r.label, r.early + r.on_time, r.late) for r in rows] == [("Sở Nội vụ", 1, 0)]
