import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from egov.onestop.actions import dossiers, processing
from egov.onestop.choices import Status
from egov.onestop.models import Dossier, EmailVerification, Procedure
from egov.onestop.testing import make_procedure, pdf, required_doc

pytestmark = pytest.mark.django_db


def receive(world, procedure):
    return dossiers.receive_at_counter(
        actor=world.clerk,
        procedure=procedure,
        unit=world.home_affairs,
        applicant=dossiers.Applicant(name="Nguyễn Văn An", email="an@example.com"),
        uploads=[(required_doc(procedure), pdf())],
    )


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        (None, 302),
        ("citizen", 403),
        ("outsider", 404),
        ("clerk", 200),
        ("specialist", 200),
        ("admin", 200),
    ],
)
def test_the_dossier_page_answers_each_persona_as_the_access_matrix_says(
    world, client, client_for, persona, expected
):
    dossier = receive(world, make_procedure(world))
    if persona is not None:
        client = client_for(getattr(world, persona))
    url = reverse("onestop:dossier_detail", args=[dossier.pk])
    status = client.get(url).status_code
    # A citizen without the dossier: not found, as for any stranger.
    assert status == (404 if expected == 403 else expected)
    for name in ("queue", "statistics", "book", "receive_start", "procedure_list"):
        response = client.get(reverse(f"onestop:{name}"))
        if persona is None:
            assert response.status_code == 302
        elif persona == "citizen" or (
            persona in ("outsider", "specialist") and name in ("book", "receive_start")
        ):
            assert response.status_code == 403
        else:
            assert response.status_code == 200, name


def test_only_a_system_administrator_imports_the_catalogue(world, client_for):
    assert client_for(world.clerk).get(reverse("onestop:procedure_import")).status_code == 403
    assert client_for(world.admin).get(reverse("onestop:procedure_import")).status_code == 200


def test_the_queue_reads_in_a_fixed_number_of_queries(
    world, client_for, django_assert_max_num_queries
):
    procedure = make_procedure(world)
    for _i in range(3):
        receive(world, procedure)
    client = client_for(world.clerk)
    client.get(reverse("onestop:queue"))
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("onestop:queue"))
    for _i in range(10):
        receive(world, procedure)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("onestop:queue"))
    assert response.content.decode().count("000.00.02.H01-") == 13


def test_the_queue_shows_only_dossiers_held_by_the_officers_units(world, client_for):
    dossier = receive(world, make_procedure(world))
    assert dossier.code in client_for(world.clerk).get(reverse("onestop:queue")).content.decode()
    assert (
        dossier.code
        not in client_for(world.specialist).get(reverse("onestop:queue")).content.decode()
    )
    processing.hand_over(actor=world.clerk, dossier=dossier)
    assert (
        dossier.code in client_for(world.specialist).get(reverse("onestop:queue")).content.decode()
    )


def test_an_officer_of_another_agency_posting_an_action_changes_nothing(world, client_for):
    dossier = receive(world, make_procedure(world))
    client = client_for(world.outsider)
    url = reverse("onestop:dossier_action", args=[dossier.pk, "hand_over"])
    assert client.post(url).status_code == 404
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED


def test_an_action_out_of_order_is_refused_with_a_message(world, client_for):
    dossier = receive(world, make_procedure(world))
    client = client_for(world.clerk)
    url = reverse("onestop:dossier_action", args=[dossier.pk, "return"])
    response = client.post(url, {"method": "in_person"}, follow=True)
    assert "Không thể trả kết quả" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED


def test_the_officer_receives_at_the_counter_and_prints_the_receipt(world, client_for):
    procedure = make_procedure(world)
    client = client_for(world.clerk)
    url = reverse("onestop:receive_form", args=[procedure.pk, world.home_affairs.pk])
    doc = required_doc(procedure)
    response = client.post(
        url, {"applicant_kind": "citizen", "applicant_name": "", "return_method": "in_person"}
    )
    assert "Nhập họ và tên người nộp hồ sơ." in response.content.decode()
    assert "Chọn tệp “Đơn đề nghị”." in response.content.decode()
    response = client.post(
        url,
        {
            "applicant_kind": "citizen",
            "applicant_name": "Lê Thị Bé",
            "return_method": "in_person",
            f"doc_{doc.pk}": pdf(),
        },
    )
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    receipt = client.get(reverse("onestop:dossier_form", args=[dossier.pk, 1]))
    assert receipt["Content-Type"] == "application/pdf"
    assert receipt.content.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(receipt.content)).pages[0].extract_text()
    assert dossier.code in text and "Lê Thị Bé" in text
    assert dossier.printed_due_at is not None
    assert timezone.localtime(dossier.printed_due_at).strftime("%d/%m/%Y") in text
    for number in (2, 3, 4, 5):
        assert client.get(
            reverse("onestop:dossier_form", args=[dossier.pk, number])
        ).content.startswith(b"%PDF")
    book = client.get(reverse("onestop:book") + "?dang=xlsx")
    assert book.content.startswith(b"PK")
    assert client.get(reverse("onestop:book") + "?dang=pdf").content.startswith(b"%PDF")


def test_a_visitor_without_account_verifies_an_email_files_online_and_looks_up(
    world, client, django_capture_on_commit_callbacks
):
    procedure = make_procedure(world)
    submit_url = reverse("onestop_public:submit", args=[procedure.code])
    response = client.get(submit_url)
    assert response.status_code == 302 and "xac-minh-email" in response["Location"]
    verify_url = response["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(verify_url, {"email": "Visitor@Example.com"})
    found = re.search(r"\b(\d{6})\b", str(mail.outbox[-1].body))
    assert found is not None
    code = found.group(1)
    bad = client.post(verify_url, {"code": "000000" if code != "000000" else "111111"})
    assert "Mã xác minh không đúng." in bad.content.decode()
    assert EmailVerification.objects.get().attempts == 1
    response = client.post(verify_url, {"code": code})
    assert response.status_code == 302
    doc = required_doc(procedure)
    response = client.post(
        submit_url,
        {
            "unit": world.home_affairs.pk,
            "applicant_kind": "citizen",
            "applicant_name": "Võ Văn Khách",
            "return_method": "online",
            f"doc_{doc.pk}": pdf(),
        },
    )
    dossier = Dossier.objects.get()
    assert dossier.status == Status.NEW and dossier.applicant_email == "visitor@example.com"
    assert response.status_code == 302 and dossier.lookup_key in response["Location"]
    page = client.get(reverse("onestop_public:lookup_detail", args=[dossier.code])).content.decode()
    assert "Mới đăng ký" in page and "Võ V. K." in page and "Võ Văn Khách" not in page


def test_a_reused_verification_code_is_refused(world):
    from egov.lib.errors import ActionError
    from egov.onestop.actions import verification

    verification.send_code(email="a@example.com")
    # The code from the hash cannot be read back: set a known one.
    row = EmailVerification.objects.get()
    row.code_hash = verification._hash("a@example.com", "123456")
    row.save()
    verification.verify_code(email="a@example.com", code="123456")
    with pytest.raises(ActionError) as caught:
        verification.verify_code(email="a@example.com", code="123456")
    assert caught.value.code == "code_used"


def test_a_forged_code_or_key_finds_nothing(world, client):
    dossier = receive(world, make_procedure(world))
    lookup = reverse("onestop_public:lookup")
    forged = dossier.code[:-4] + "9999"
    response = client.get(lookup, {"code": forged})
    assert response.status_code == 404 and "Không có hồ sơ nào mang mã" in response.content.decode()
    receipt = reverse("onestop_public:receipt", args=[dossier.code])
    assert client.get(receipt, {"k": "WRONGKEY"}).status_code == 404
    assert client.get(receipt, {"k": dossier.lookup_key}).content.startswith(b"%PDF")
    withdraw = reverse("onestop_public:citizen_action", args=[dossier.code, "withdraw"])
    assert client.post(withdraw, {"k": "WRONGKEY", "reason": "x"}).status_code == 404
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED


def test_the_code_holder_rates_once_after_the_result_is_returned(world, client):
    dossier = receive(world, make_procedure(world))
    for actor in (world.clerk, world.specialist, world.leader):
        processing.hand_over(actor=actor, dossier=dossier)
    processing.return_result(actor=world.clerk, dossier=dossier)
    url = reverse("onestop_public:citizen_action", args=[dossier.code, "rate"])
    client.post(url, {"k": dossier.lookup_key, "level": 3, "c_attitude": 2})
    dossier.refresh_from_db()
    assert dossier.rating.level == 3 and dossier.rating.criteria == {"attitude": 2}
    response = client.post(url, {"k": dossier.lookup_key, "level": 1}, follow=True)
    assert "chỉ đánh giá một lần" in response.content.decode()


def test_each_step_sends_the_applicant_an_email(world, django_capture_on_commit_callbacks):
    procedure = make_procedure(world)
    with django_capture_on_commit_callbacks(execute=True):
        dossier = receive(world, procedure)
    with django_capture_on_commit_callbacks(execute=True):
        processing.request_additional(actor=world.clerk, dossier=dossier, missing="Bản sao CCCD")
    subjects = [m.subject for m in mail.outbox]
    assert subjects == [
        f"[{dossier.code}] Hồ sơ đã được tiếp nhận",
        f"[{dossier.code}] Yêu cầu bổ sung hồ sơ",
    ]
    assert dossier.lookup_key in mail.outbox[0].body


def test_the_national_feed_pages_status_changes_by_cursor(world, client_for):
    procedure = make_procedure(world)
    dossier = receive(world, procedure)
    processing.hand_over(actor=world.clerk, dossier=dossier)
    client = client_for(world.admin)
    data = client.get(reverse("onestop:national_feed")).json()
    assert [item["TrangThaiHoSo"] for item in data["data"]] == [2, 4]
    assert data["data"][0]["MaHoSo"] == dossier.code and data["data"][0]["HinhThuc"] == 1
    cursor = data["data"][0]["cursor"]
    after = client.get(reverse("onestop:national_feed"), {"cursor": cursor}).json()
    assert [item["TrangThaiHoSo"] for item in after["data"]] == [4]
    assert client_for(world.outsider).get(reverse("onestop:national_feed")).json()["data"] == []


def test_statistics_count_on_time_and_late_and_export(world, client_for):
    procedure = make_procedure(world)
    dossier = receive(world, procedure)
    for actor in (world.clerk, world.specialist, world.leader):
        processing.hand_over(actor=actor, dossier=dossier)
    client = client_for(world.admin)
    page = client.get(reverse("onestop:statistics")).content.decode()
    assert "Sở Nội vụ" in page and "Tiến độ, kết quả giải quyết" in page
    assert client.get(reverse("onestop:statistics") + "?export=xlsx").content.startswith(b"PK")
    assert Procedure.objects.count() == 1


def test_a_logged_in_citizen_files_with_the_account_and_finds_it_among_their_dossiers(
    world, client_for
):
    procedure = make_procedure(world)
    client = client_for(world.citizen)
    doc = required_doc(procedure)
    response = client.post(
        reverse("onestop_public:submit", args=[procedure.code]),
        {
            "unit": world.home_affairs.pk,
            "applicant_kind": "citizen",
            "applicant_name": "Công Dân Một",
            "applicant_email": "citizen@example.com",
            "return_method": "online",
            f"doc_{doc.pk}": pdf(),
        },
    )
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.account == world.citizen
    mine = client.get(reverse("onestop_public:my_dossiers")).content.decode()
    assert dossier.code in mine
    # The account holder sees the receipt's actions without the key.
    page = client.get(reverse("onestop_public:lookup_detail", args=[dossier.code])).content.decode()
    assert "Rút hồ sơ" in page
    processing.withdraw(actor=world.citizen, dossier=dossier, reason="Nộp nhầm")
    dossier.refresh_from_db()
    assert dossier.status == Status.WITHDRAWN


def test_the_home_page_lists_the_dossiers_due_soon_for_the_holding_units_officers(
    world, client_for
):
    procedure = make_procedure(world, time_limit=1)
    dossier = receive(world, procedure)
    home = client_for(world.clerk).get("/").content.decode()
    assert "Hồ sơ một cửa sắp đến hạn" in home and dossier.code in home
    assert dossier.code not in client_for(world.outsider).get("/").content.decode()


def test_codes_to_one_address_are_limited_per_hour(world):
    from egov.lib.errors import ActionError
    from egov.onestop.actions import verification

    for _i in range(5):
        verification.send_code(email="b@example.com")
    with pytest.raises(ActionError) as caught:
        verification.send_code(email="B@example.com")
    assert caught.value.code == "too_many_codes"


def test_the_forms_are_printed_in_vietnamese_when_the_officer_works_in_english(world):
    from django.utils import translation

    from egov.onestop import pdf as forms

    dossier = receive(world, make_procedure(world))
    with translation.override("en"):
        receipt = forms.receipt(dossier, "https://example.test/tra-cuu/")
        slip = forms.slip(dossier, 5)
    assert "GIẤY TIẾP NHẬN HỒ SƠ" in PdfReader(io.BytesIO(receipt)).pages[0].extract_text()
    assert "PHIẾU KIỂM SOÁT" in PdfReader(io.BytesIO(slip)).pages[0].extract_text()
