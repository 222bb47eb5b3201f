"""The incoming-document screens through the test client: the list and its filters, the
register form and its refusals, the document page with downloads and its access history,
each handling step through its view, "my work", the leaders' team view and the dashboard."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse

from egov.documents import constants as c
from egov.documents import queries
from egov.documents.actions import handling
from egov.documents.actions.handling import Instruction, Target
from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import (
    AssignmentRole,
    AssignmentStatus,
    Channel,
    ExtensionStatus,
    IncomingStatus,
    Secrecy,
    Urgency,
)
from egov.documents.models import (
    Assignment,
    Comment,
    DocumentView,
    ExtensionRequest,
    IncomingDocument,
    StoredFile,
)
from egov.documents.testing import doc_type, make_pdf, upload
from egov.lib.dates import local_today

pytestmark = pytest.mark.django_db

NEW = reverse("documents:incoming_new")
LIST = reverse("documents:incoming_list")


def received(office, **extra):
    values = {
        "actor": office.clerk,
        "unit": office.home_affairs,
        "document_type": doc_type("cong-van"),
        "subject": "Về việc báo cáo biên chế năm 2026",
        "issuer_name": "Bộ Nội vụ",
    }
    values.update(extra)
    return register_incoming(**values)


def presented(office, **extra):
    document = received(office, **extra)
    return document, handling.present(actor=office.clerk, document=document, leader=office.leader)


def detail(document):
    return reverse("documents:incoming_detail", args=[document.pk])


def action_url(name, document, assignment):
    return reverse(f"documents:incoming_{name}", args=[document.pk, assignment.pk])


def error_links(response):
    """The (anchor, message) pairs of the page's error summaries."""
    html = response.content.decode()
    return re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', html)


def register_form(world, **extra):
    data = {
        "document_type": doc_type("cong-van").pk,
        "code_number": "459",
        "code_notation": "UBND-TTTH",
        "issued_date": "2026-01-05",
        "issuer_name": "Ủy ban nhân dân tỉnh An Giang",
        "issuer_code": "000.00.00.H01",
        "subject": "Về việc tuyển dụng công chức năm 2026",
        "signer_position": "Phó Chủ tịch",
        "signer_name": "Nguyễn Văn A",
        "urgency": "0",
        "secrecy": "0",
        "channel": Channel.PAPER,
        "unit": world.home_affairs.pk,
    }
    data.update(extra)
    return data


# --- List ------------------------------------------------------------------------------


def test_the_list_shows_what_the_user_may_see_with_urgent_rows_marked(client_for, office):
    plain = received(office, subject="Về việc tập huấn văn thư")
    urgent = received(office, subject="Về việc phòng chống bão số 3", urgency=Urgency.FLASH)
    page = client_for(office.clerk).get(LIST).content.decode()
    assert plain.subject in page and urgent.subject in page
    assert page.count('class="is-urgent"') == 1
    assert "Hỏa tốc" in page
    assert plain.subject not in client_for(office.outsider).get(LIST).content.decode()


def test_the_list_filters_by_text_type_status_urgency_dates_and_overdue(client_for, office):
    letter = received(office, subject="Về việc tuyển dụng viên chức giáo dục")
    invitation = received(
        office,
        document_type=doc_type("giay-moi"),
        subject="Mời dự hội nghị sơ kết",
        urgency=Urgency.URGENT,
    )
    late = received(office, subject="Báo cáo số liệu quý", due_date=local_today())
    IncomingDocument.objects.filter(pk=late.pk).update(
        due_date=local_today() - dt.timedelta(days=3)
    )
    handling.present(actor=office.clerk, document=invitation, leader=office.leader)
    client = client_for(office.leader)

    def listed(**params):
        page = client.get(LIST, params).content.decode()
        return {d.pk for d in (letter, invitation, late) if d.subject in page}

    assert listed(q="tuyen dung vien chuc") == {letter.pk}
    assert listed(document_type=doc_type("giay-moi").pk) == {invitation.pk}
    assert listed(status=IncomingStatus.PRESENTED) == {invitation.pk}
    assert listed(urgency=Urgency.URGENT) == {invitation.pk}
    assert listed(overdue="on") == {late.pk}
    today = local_today()
    assert listed(date_from=today.isoformat(), date_to=today.isoformat()) == {
        letter.pk,
        invitation.pk,
        late.pk,
    }
    tomorrow = (today + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    assert listed(date_from=tomorrow) == set()


def test_a_bad_filter_is_named_and_ignored(client_for, office):
    document = received(office)
    response = client_for(office.clerk).get(LIST, {"date_from": "31/02/2026", "status": "x"})
    links = dict(error_links(response))
    assert "id_date_from" in links and "id_status" in links
    assert document.subject in response.content.decode()


def test_the_list_sorts_and_pages(client_for, office, monkeypatch):
    from egov.documents.views import incoming as views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    first = received(office, subject="Văn bản thứ nhất")
    second = received(office, subject="Văn bản thứ hai", urgency=Urgency.VERY_URGENT)
    third = received(office, subject="Văn bản thứ ba")
    client = client_for(office.clerk)
    newest = client.get(LIST).content.decode()
    assert newest.index(third.subject) < newest.index(second.subject)
    assert first.subject not in newest and "?page=2" in newest
    oldest = client.get(LIST, {"sort": "arrived_at"}).content.decode()
    assert oldest.index(first.subject) < oldest.index(second.subject)
    assert "?sort=arrived_at&amp;page=2" in oldest
    urgent = client.get(LIST, {"sort": "-urgency"}).content.decode()
    assert urgent.index(second.subject) < urgent.index(third.subject)
    assert first.subject in client.get(LIST, {"page": 2}).content.decode()


def test_the_list_takes_the_same_queries_for_few_or_many_documents(
    client_for, office, django_assert_max_num_queries
):
    # session, user, 2FA device, role assignments, count, rows, the filter's document
    # types, the header's unread notifications, and the visibility filter's four lists
    # (units kept, units led, documents given, clearances): none per row.
    client = client_for(office.leader)
    received(office)
    client.get(LIST)  # warm the session
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for number in range(12):
        received(office, subject=f"Văn bản số {number}", urgency=number % 4)
    with django_assert_max_num_queries(12) as many:
        response = client.get(LIST)
    assert response.content.decode().count('href="/documents/incoming/') >= 13 * 2
    assert len(few.captured_queries) == len(many.captured_queries)


# --- Registration ----------------------------------------------------------------------


def test_a_clerk_registers_a_document_with_its_files(client_for, world, tmp_path):
    main = tmp_path / "cong-van.pdf"
    main.write_bytes(make_pdf("Tuyen dung cong chuc", pages=2))
    annex = tmp_path / "phu-luc.pdf"
    annex.write_bytes(make_pdf("Phu luc"))
    client = client_for(world.clerk)
    form_page = client.get(NEW).content.decode()
    assert "Sở Nội vụ" in form_page and 'name="secrecy"' in form_page
    with main.open("rb") as first, annex.open("rb") as second:
        response = client.post(
            NEW,
            register_form(world, channel=Channel.ELECTRONIC, urgency="2", files=[first, second]),
        )
    document = IncomingDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(document) + "#main"
    assert document.arrival_number == 1 and document.urgency == Urgency.VERY_URGENT
    assert document.issuer_code == "000.00.00.H01" and document.signer_name == "Nguyễn Văn A"
    assert [a.name for a in document.attachments.all()] == ["cong-van.pdf", "phu-luc.pdf"]
    assert document.page_amount == 3
    page = client.get(response["Location"]).content.decode()
    assert "Đã vào sổ văn bản đến, số đến 1/" in page


@pytest.mark.parametrize(
    ("overrides", "anchor", "message"),
    [
        ({"subject": "   "}, "id_subject", "Trích yếu không được để trống."),
        ({"issuer_name": ""}, "id_issuer_name", "Hãy nhập cơ quan ban hành văn bản."),
        (
            {"issued_date": "2026-03-10", "due_date": "2026-03-01"},
            "id_due_date",
            "Hạn xử lý (01/03/2026) không được trước ngày văn bản (10/03/2026).",
        ),
        ({"document_type": ""}, "id_document_type", "Chọn loại văn bản."),
        ({"issued_date": "32/13/2026"}, "id_issued_date", "Ngày không hợp lệ"),
        (
            {"channel": Channel.ELECTRONIC},
            "id_files",
            "Văn bản điện tử phải kèm tệp văn bản.",
        ),
    ],
)
def test_bad_input_is_shown_in_an_error_summary_linking_to_the_field(
    client_for, world, overrides, anchor, message
):
    response = client_for(world.clerk).post(NEW, register_form(world, **overrides))
    assert response.status_code == 200
    links = error_links(response)
    assert any(a == anchor and message in text for a, text in links), links
    assert "Chưa vào sổ được văn bản" in response.content.decode()
    assert response.content.decode().count(f'id="{anchor}_error"') == 1
    assert not IncomingDocument.objects.exists()


def test_a_file_that_is_not_a_pdf_but_named_pdf_is_refused(client_for, world):
    fake = io.BytesIO(b"PK\x03\x04" + b"\x00" * 200)
    fake.name = "quyet-dinh.pdf"
    response = client_for(world.clerk).post(NEW, register_form(world, files=[fake]))
    [(anchor, text)] = error_links(response)
    assert anchor == "id_files" and "quyet-dinh.pdf" in text
    page = response.content.decode()
    assert "hãy chọn lại tệp văn bản" in page
    assert not IncomingDocument.objects.exists() and not StoredFile.objects.exists()


class _Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, size=-1):
        raise AssertionError("the request body was read")

    readline = read


def test_a_200_mb_upload_is_refused_with_413_before_the_body_is_read(client_for, world):
    client = client_for(world.clerk)
    client.handler.enforce_csrf_checks = True
    response = client.post(
        NEW,
        data=b"x",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        **{"wsgi.input": _Unreadable()},
    )
    assert response.status_code == 413
    page = response.content.decode()
    assert "Tệp gửi lên quá lớn" in page and "200 MB" in page
    assert f"{c.MAX_UPLOAD_REQUEST_BYTES // (1024 * 1024)} MB" in page
    assert not IncomingDocument.objects.exists()


def test_the_register_form_still_checks_csrf(client_for, world):
    client = client_for(world.clerk)
    client.handler.enforce_csrf_checks = True
    assert client.post(NEW, register_form(world)).status_code == 403
    assert not IncomingDocument.objects.exists()


def test_a_probable_duplicate_is_confirmed_before_it_is_registered(client_for, world):
    client = client_for(world.clerk)
    client.post(NEW, register_form(world))
    first = IncomingDocument.objects.get()
    response = client.post(NEW, register_form(world, code_notation="ubnd-ttth"))
    page = response.content.decode()
    assert "Có thể văn bản này đã được vào sổ" in page
    assert detail(first) in page
    assert ("id_code_notation", "số đến 1/") in [
        (a, t[t.find("số đến") :][:9]) for a, t in error_links(response)
    ]
    assert 'name="allow_duplicate"' in page
    assert IncomingDocument.objects.count() == 1
    confirmed = client.post(NEW, register_form(world, allow_duplicate="on"))
    assert confirmed.status_code == 302
    assert IncomingDocument.objects.count() == 2


def test_a_clerk_without_clearance_is_not_offered_secret_levels(client_for, world):
    client = client_for(world.clerk)
    page = client.get(NEW).content.decode()
    assert "Tối mật" not in page
    response = client.post(NEW, register_form(world, secrecy=str(Secrecy.SECRET)))
    assert [a for a, _ in error_links(response)] == ["id_secrecy_0"]
    assert not IncomingDocument.objects.exists()


def test_a_cleared_clerk_registers_a_secret_document(client_for, world):
    from egov.documents.actions.registers import grant_clearance

    grant_clearance(
        actor=world.unit_admin, user=world.clerk, unit=world.home_affairs, level=Secrecy.SECRET
    )
    response = client_for(world.clerk).post(NEW, register_form(world, secrecy="1"))
    assert response.status_code == 302
    assert IncomingDocument.objects.get().register.is_secret


# --- The document page ------------------------------------------------------------------


def test_the_page_shows_the_metadata_files_tree_history_and_comments(client_for, office):
    document, to_leader = presented(
        office,
        code_number="12",
        code_notation="BNV-TCBC",
        signer_name="Trần Văn B",
        uploads=[upload("cong-van.pdf")],
    )
    handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(
            lead=Target(unit=office.civil_service_division), text="Phòng CCVC tham mưu"
        ),
    )
    handling.add_comment(actor=office.leader, document=document, text="Lưu ý số liệu 2025")
    page = client_for(office.clerk).get(detail(document)).content.decode()
    for text in (
        "12/BNV-TCBC",
        "Trần Văn B",
        "cong-van.pdf",
        "Phòng Công chức, viên chức",
        "Phòng CCVC tham mưu",
        "Vào sổ văn bản đến",
        "Giao xử lý",
        "Lưu ý số liệu 2025",
        "Lịch sử truy cập",
    ):
        assert text in page, text


def test_each_open_and_each_download_is_recorded(client_for, office):
    data = make_pdf("Noi dung")
    document = received(office, uploads=[upload("vb.pdf", data)])
    attachment = document.attachments.get()
    client = client_for(office.clerk)
    client.get(detail(document))
    response = client.get(
        reverse("documents:incoming_file", args=[document.pk, attachment.pk]),
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="vb.pdf"' in response["Content-Disposition"]
    views = DocumentView.objects.filter(incoming=document, user=office.clerk)
    assert views.count() == 2
    assert "10.1.2.3" in set(views.values_list("ip_address", flat=True))


def test_a_file_of_another_document_is_not_served(client_for, office):
    one = received(office, uploads=[upload("a.pdf", make_pdf("A"))])
    other = received(office, subject="Khác", uploads=[upload("b.pdf", make_pdf("B"))])
    url = reverse("documents:incoming_file", args=[one.pk, other.attachments.get().pk])
    assert client_for(office.clerk).get(url).status_code == 404


def test_only_the_buttons_the_user_may_use_are_shown(client_for, office):
    document = received(office)
    clerk_page = client_for(office.clerk).get(detail(document)).content.decode()
    assert "Trình lãnh đạo" in clerk_page and "Giao xử lý" not in clerk_page
    handling.present(actor=office.clerk, document=document, leader=office.leader)
    leader_page = client_for(office.leader).get(detail(document)).content.decode()
    assert "Cho ý kiến chỉ đạo, giao xử lý" in leader_page
    assert "Không giao xử lý: lưu tham khảo" in leader_page
    assert reverse("documents:incoming_present", args=[document.pk]) not in leader_page
    clerk_page = client_for(office.clerk).get(detail(document)).content.decode()
    assert "Việc bạn cần làm" not in clerk_page


# --- Handling through the views --------------------------------------------------------


def test_the_clerk_presents_the_document_to_a_leader(client_for, office):
    document = received(office)
    client = client_for(office.clerk)
    url = reverse("documents:incoming_present", args=[document.pk])
    refused = client.post(url, {"present-note": "Kính trình"})
    assert [a for a, _ in error_links(refused)] == ["id_present-leader_0"]
    response = client.post(url, {"present-leader": office.leader.pk, "present-note": "Kính trình"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == IncomingStatus.PRESENTED
    to_leader = document.assignments.get()
    assert to_leader.assignee_user == office.leader and to_leader.instruction == "Kính trình"


def test_the_leader_gives_the_lead_to_a_division_with_supports_and_a_deadline(client_for, office):
    document, to_leader = presented(office)
    due = local_today() + dt.timedelta(days=10)
    response = client_for(office.leader).post(
        action_url("assign", document, to_leader),
        {
            f"a{to_leader.pk}-assign-lead": f"unit:{office.civil_service_division.pk}",
            f"a{to_leader.pk}-assign-supports": [f"user:{office.specialist.pk}"],
            f"a{to_leader.pk}-assign-informed": [f"user:{office.clerk.pk}"],
            f"a{to_leader.pk}-assign-due_date": due.strftime("%d/%m/%Y"),
            f"a{to_leader.pk}-assign-text": "Giao phòng CCVC chủ trì",
        },
    )
    assert response.status_code == 302
    roles = {
        a.role: a
        for a in Assignment.objects.filter(parent=to_leader).select_related("assignee_unit")
    }
    assert roles[AssignmentRole.LEAD].assignee_unit == office.civil_service_division
    assert roles[AssignmentRole.LEAD].due_date == due
    assert roles[AssignmentRole.SUPPORT].assignee_user == office.specialist
    assert roles[AssignmentRole.INFO].assignee_user == office.clerk
    document.refresh_from_db()
    assert document.status == IncomingStatus.ASSIGNED and document.due_date == due


def test_an_instruction_is_refused_on_the_field_it_names(client_for, office):
    document, to_leader = presented(office)
    prefix = f"a{to_leader.pk}-assign"
    client = client_for(office.leader)
    no_lead = client.post(action_url("assign", document, to_leader), {f"{prefix}-text": "x"})
    assert [a for a, _ in error_links(no_lead)] == [f"id_{prefix}-lead"]
    past = client.post(
        action_url("assign", document, to_leader),
        {f"{prefix}-lead": f"user:{office.specialist.pk}", f"{prefix}-due_date": "2020-01-01"},
    )
    [(anchor, message)] = error_links(past)
    assert anchor == f"id_{prefix}-due_date" and "đã qua" in message
    outside = client.post(
        action_url("assign", document, to_leader),
        {f"{prefix}-lead": f"user:{office.outsider.pk}"},
    )
    [(anchor, message)] = error_links(outside)
    assert anchor == f"id_{prefix}-lead" and "không thuộc phạm vi" in message
    assert not Assignment.objects.filter(parent=to_leader).exists()


def test_the_chain_through_the_views_ends_with_the_document_done(client_for, office):
    document, to_leader = presented(office)
    [to_division] = handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(lead=Target(unit=office.civil_service_division)),
    )
    head = client_for(office.division_head)
    prefix = f"a{to_division.pk}-assign"
    head.post(
        action_url("assign", document, to_division),
        {f"{prefix}-lead": f"user:{office.specialist.pk}", f"{prefix}-text": "Anh Chuyên làm"},
    )
    to_specialist = Assignment.objects.get(parent=to_division)
    specialist = client_for(office.specialist)
    assert specialist.post(action_url("start", document, to_specialist)).status_code == 302
    specialist.post(
        reverse("documents:incoming_comment", args=[document.pk]),
        {"comment-text": "Đang tổng hợp số liệu"},
    )
    empty = specialist.post(
        action_url("finish", document, to_specialist), {f"a{to_specialist.pk}-finish-result": ""}
    )
    assert [a for a, _ in error_links(empty)] == [f"id_a{to_specialist.pk}-finish-result"]
    specialist.post(
        action_url("finish", document, to_specialist),
        {f"a{to_specialist.pk}-finish-result": "Đã có báo cáo số 20/BC-SNV"},
    )
    document.refresh_from_db()
    assert document.status == IncomingStatus.DONE
    assert Comment.objects.get(document=document).author == office.specialist
    page = specialist.get(detail(document)).content.decode()
    assert "Đã có báo cáo số 20/BC-SNV" in page and "Hoàn thành phần việc" in page


def test_returning_needs_a_reason_and_reopens_the_leaders_part(client_for, office):
    document, to_leader = presented(office)
    [to_specialist] = handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(lead=Target(user=office.specialist)),
    )
    client = client_for(office.specialist)
    field = f"a{to_specialist.pk}-return-reason"
    refused = client.post(action_url("return", document, to_specialist), {field: " "})
    assert [a for a, _ in error_links(refused)] == [f"id_{field}"]
    client.post(action_url("return", document, to_specialist), {field: "Không đúng lĩnh vực"})
    to_leader.refresh_from_db()
    assert to_leader.status == AssignmentStatus.PENDING


def test_an_extension_is_requested_then_refused_with_a_reason_then_approved(client_for, office):
    document, to_leader = presented(office)
    due = local_today() + dt.timedelta(days=3)
    [to_specialist] = handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(lead=Target(user=office.specialist), due_date=due),
    )
    specialist = client_for(office.specialist)
    prefix = f"a{to_specialist.pk}-extension"
    too_early = specialist.post(
        action_url("extension_request", document, to_specialist),
        {f"{prefix}-requested_due": due.isoformat(), f"{prefix}-reason": "Chờ số liệu"},
    )
    assert [a for a, _ in error_links(too_early)] == [f"id_{prefix}-requested_due"]
    later = due + dt.timedelta(days=7)
    specialist.post(
        action_url("extension_request", document, to_specialist),
        {f"{prefix}-requested_due": later.isoformat(), f"{prefix}-reason": "Chờ số liệu"},
    )
    request = ExtensionRequest.objects.get()
    decide = reverse("documents:incoming_extension_decide", args=[document.pk, request.pk])
    assert specialist.post(decide, {f"x{request.pk}-decide-decision": "approve"}).status_code == 403
    leader = client_for(office.leader)
    assert f"extension-{request.pk}" in leader.get(detail(document)).content.decode()
    no_reason = leader.post(decide, {f"x{request.pk}-decide-decision": "refuse"})
    assert [a for a, _ in error_links(no_reason)] == [f"id_x{request.pk}-decide-note"]
    leader.post(decide, {f"x{request.pk}-decide-decision": "approve"})
    request.refresh_from_db()
    to_specialist.refresh_from_db()
    assert request.status == ExtensionStatus.APPROVED and to_specialist.due_date == later


def test_someone_else_cannot_act_on_an_assignment(client_for, office):
    document, to_leader = presented(office)
    prefix = f"a{to_leader.pk}-assign"
    data = {f"{prefix}-lead": f"user:{office.specialist.pk}"}
    assert (
        client_for(office.clerk).post(action_url("assign", document, to_leader), data).status_code
        == 403
    )
    assert (
        client_for(office.outsider)
        .post(action_url("assign", document, to_leader), data)
        .status_code
        == 404
    )
    assert (
        client_for(office.clerk).post(action_url("start", document, to_leader)).status_code == 403
    )
    assert not Assignment.objects.filter(parent=to_leader).exists()


# --- My work, the team view, the dashboard ---------------------------------------------


def test_my_work_splits_assignments_by_deadline(client_for, office):
    today = local_today()
    due = {}
    for name, days in (("late", 5), ("soon", 0), ("later", 30)):
        _document, to_leader = presented(office, subject=f"Việc {name}")
        [given] = handling.assign(
            actor=office.leader,
            parent=to_leader,
            instruction=Instruction(
                lead=Target(user=office.specialist), due_date=today + dt.timedelta(days=days)
            ),
        )
        due[name] = given
    Assignment.objects.filter(pk=due["late"].pk).update(due_date=today - dt.timedelta(days=5))
    page = client_for(office.specialist).get(reverse("documents:work")).content.decode()
    overdue_at = page.index("Quá hạn (1)")
    soon_at = page.index("Sắp đến hạn (1)")
    others_at = page.index("Việc khác được giao (1)")
    assert overdue_at < page.index("Việc late") < soon_at
    assert soon_at < page.index("Việc soon") < others_at < page.index("Việc later")


def test_the_clerk_sees_what_waits_to_be_presented_and_the_home_panel(client_for, office):
    document = received(office, subject="Chờ trình lãnh đạo sở")
    client = client_for(office.clerk)
    page = client.get(reverse("documents:work")).content.decode()
    assert "Văn bản chờ trình lãnh đạo" in page and document.subject in page
    home = client.get(reverse("home")).content.decode()
    assert "1 văn bản chờ trình" in home and reverse("documents:work") in home


def test_leaders_see_open_work_by_unit_and_person(client_for, office):
    _document, to_leader = presented(office)
    handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(
            lead=Target(unit=office.civil_service_division),
            due_date=local_today() + dt.timedelta(days=20),
        ),
    )
    other, other_to_leader = presented(office, subject="Văn bản thứ hai")
    [to_specialist] = handling.assign(
        actor=office.leader,
        parent=other_to_leader,
        instruction=Instruction(
            lead=Target(user=office.specialist), due_date=local_today() + dt.timedelta(days=1)
        ),
    )
    Assignment.objects.filter(pk=to_specialist.pk).update(
        due_date=local_today() - dt.timedelta(days=1)
    )
    work = queries.team_work(office.leader)
    [group] = work.groups
    assert group.unit == office.civil_service_division
    assert group.unit_counts is not None and group.unit_counts.open == 1
    assert group.counts.open == 2 and group.counts.overdue == 1
    assert [(m.user, m.counts.overdue) for m in group.members] == [(office.specialist, 1)]
    page = client_for(office.leader).get(reverse("documents:work_team")).content.decode()
    assert "Võ Minh Chuyên" in page and other.subject in page
    assert client_for(office.specialist).get(reverse("documents:work_team")).status_code == 403
    assert queries.team_work(office.outsider).groups == []


def test_the_dashboard_counts_the_period_and_compares_the_electronic_share(client_for, office):
    received(office, channel=Channel.ELECTRONIC, uploads=[upload()])
    received(office, subject="Bản giấy", channel=Channel.PAPER)
    received(office, subject="Thư", channel=Channel.MAIL, uploads=[upload("t.pdf", make_pdf("T"))])
    client = client_for(office.leader)
    page = client.get(reverse("documents:stats")).content.decode()
    assert re.search(r'id="incoming-total">3<', page)
    assert "66.7%" in page or "66,7%" in page
    assert "Đạt mục tiêu" in page
    assert "chart-months-data" in page and "echarts.min.js" in page
    last_year = local_today().year - 1
    empty = client.get(
        reverse("documents:stats"),
        {"date_from": f"{last_year}-01-01", "date_to": f"{last_year}-12-31"},
    ).content.decode()
    assert re.search(r'id="incoming-total">0<', empty)
    wrong = client.get(
        reverse("documents:stats"), {"date_from": "2026-05-01", "date_to": "2026-04-01"}
    )
    assert [a for a, _ in error_links(wrong)] == ["id_date_to"]
