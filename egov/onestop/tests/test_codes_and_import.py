import datetime as dt
import json
import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from egov.lib.dates import BUSINESS_TZ
from egov.onestop import deadlines
from egov.onestop.actions import dossiers
from egov.onestop.actions.procedures import import_procedures
from egov.onestop.choices import OnlineLevel, TimeUnit
from egov.onestop.models import Dossier, Procedure
from egov.onestop.testing import xlsx_bytes


@pytest.mark.django_db(transaction=True)
def test_officers_receiving_at_once_get_consecutive_codes_without_duplicates(world):
    unit = world.home_affairs
    day = dt.date(2026, 3, 2)
    codes: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def take() -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                codes.append(dossiers.next_code(unit, day))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(codes) == [f"000.00.02.H01-260302-{n:04d}" for n in range(1, 9)]


@pytest.mark.django_db
def test_a_limit_in_working_hours_counts_office_hours_only():
    # Friday 16:00 + 4 working hours: one hour on Friday, three on Monday morning.
    start = dt.datetime(2026, 3, 6, 16, 0, tzinfo=BUSINESS_TZ)
    due = deadlines.due_after(start, 4, TimeUnit.WORKING_HOURS)
    assert due == dt.datetime(2026, 3, 9, 10, 30, tzinfo=BUSINESS_TZ)
    # Received at lunch time: counts from 13:30.
    noon = dt.datetime(2026, 3, 9, 12, 0, tzinfo=BUSINESS_TZ)
    assert deadlines.due_after(noon, 2, TimeUnit.WORKING_HOURS) == dt.datetime(
        2026, 3, 9, 15, 30, tzinfo=BUSINESS_TZ
    )


HEADERS = [
    "Mã thủ tục",
    "Tên thủ tục",
    "Lĩnh vực",
    "Cơ quan tiếp nhận",
    "Thời hạn",
    "Đơn vị thời hạn",
    "Mức độ",
    "Thành phần hồ sơ",
    "Các bước",
]


@pytest.mark.django_db
def test_the_catalogue_imports_from_xlsx_with_documents_and_steps(world):
    content = xlsx_bytes(
        [
            HEADERS,
            [
                "1.000948",
                "Cấp phép",
                "Nội vụ",
                "000.00.02.H01",
                5,
                "ngày",
                "toàn trình",
                "Đơn; Bản sao (nếu có)",
                "Thẩm định | | 4; Ký | 000.00.02.H01 | 1",
            ],
        ]
    )
    report = import_procedures(actor=world.admin, content=content, filename="tthc.xlsx")
    assert report.ok and report.created == 1
    procedure = Procedure.objects.get(code="1.000948")
    assert procedure.online_level == OnlineLevel.FULL
    assert [(d.name, d.required) for d in procedure.documents.all()] == [
        ("Đơn", True),
        ("Bản sao", False),
    ]
    assert [(s.name, s.share) for s in procedure.steps.all()] == [("Thẩm định", 4), ("Ký", 1)]


@pytest.mark.django_db
def test_a_catalogue_with_a_wrong_row_imports_nothing_and_says_which_rows(world):
    rows = [
        {
            "code": "1.1",
            "name": "Tốt",
            "field_name": "X",
            "agencies": ["000.00.02.H01"],
            "time_limit": 3,
            "online_level": "một phần",
        },
        {
            "code": "1.2",
            "name": "Sai cơ quan",
            "field_name": "X",
            "agencies": ["999.99.99.H99"],
            "time_limit": 3,
            "online_level": "một phần",
        },
        {
            "code": "1.3",
            "name": "Sai thời hạn",
            "field_name": "X",
            "agencies": ["000.00.02.H01"],
            "time_limit": "ba",
            "online_level": "một phần",
        },
    ]
    report = import_procedures(
        actor=world.admin, content=json.dumps(rows).encode(), filename="tthc.json"
    )
    assert not report.ok
    assert [row for row, _message in report.errors] == [2, 3]
    assert "999.99.99.H99" in report.errors[0][1]
    assert not Procedure.objects.exists()


@pytest.mark.django_db
def test_an_officer_who_is_not_an_administrator_cannot_import(world):
    from egov.lib.errors import ActionError

    with pytest.raises(ActionError):
        import_procedures(actor=world.clerk, content=b"[]", filename="x.json")


@pytest.mark.django_db
def test_the_holding_units_officers_are_warned_once_of_dossiers_due_soon(
    world, django_capture_on_commit_callbacks
):
    from django.core import mail

    from egov.onestop.actions import processing
    from egov.onestop.actions.reminders import warn_due_soon
    from egov.onestop.testing import make_procedure, pdf, required_doc

    procedure = make_procedure(world, time_limit=1)
    dossier = dossiers.receive_at_counter(
        actor=world.clerk,
        procedure=procedure,
        unit=world.home_affairs,
        applicant=dossiers.Applicant(name="An"),
        uploads=[(required_doc(procedure), pdf())],
    )
    later = dossiers.receive_at_counter(
        actor=world.clerk,
        procedure=procedure,
        unit=world.home_affairs,
        applicant=dossiers.Applicant(name="Bình"),
        uploads=[(required_doc(procedure), pdf())],
    )
    processing.hand_over(actor=world.clerk, dossier=dossier)
    processing.hand_over(actor=world.clerk, dossier=later)
    # Whatever the hour the test runs (a dossier received after office hours is due a day
    # later): one due within the hour, one due in ten days.
    now = timezone.now()
    Dossier.objects.filter(pk=dossier.pk).update(due_at=now + dt.timedelta(hours=1))
    Dossier.objects.filter(pk=later.pk).update(due_at=now + dt.timedelta(days=10))
    with django_capture_on_commit_callbacks(execute=True):
        assert warn_due_soon() == 1
    assert mail.outbox[-1].to == ["specialist@angiang.gov.vn"]
    assert dossier.code in mail.outbox[-1].body
    assert later.code not in mail.outbox[-1].body
    assert warn_due_soon() == 0


@pytest.mark.django_db
def test_the_demo_catalogue_imports_on_the_organisation_tree(world):
    import io

    from egov.onestop import demo

    assert not demo.loaded()
    demo.load(io.StringIO())
    assert demo.loaded()
    names = set(Procedure.objects.values_list("field_name", flat=True))
    assert {"Đất đai", "Hoạt động xây dựng", "Đăng ký, quản lý cư trú", "Hộ tịch"} <= names
    vehicle = Procedure.objects.get(code="1.012345")
    assert vehicle.time_unit == TimeUnit.WORKING_HOURS


@pytest.mark.django_db
def test_the_catalogue_imports_from_csv_in_hours(world):
    content = (
        "Mã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan tiếp nhận;Thời hạn;Đơn vị thời hạn;Mức độ\n"
        "1.012345;Đăng ký xe;Giao thông;000.00.02.H01;16;giờ;một phần\n"
    ).encode()
    report = import_procedures(actor=world.admin, content=content, filename="tthc.csv")
    assert report.ok, report.errors
    procedure = Procedure.objects.get(code="1.012345")
    assert procedure.time_unit == TimeUnit.WORKING_HOURS
    assert procedure.online_level == OnlineLevel.PARTIAL
