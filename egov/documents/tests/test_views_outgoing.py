"""The outgoing screens: who may open and post to each, what a refusal shows (the error
summary linking the field), and that every success goes through the actions."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from egov.documents import constants as c
from egov.documents.actions import handling, issuing, outgoing
from egov.documents.actions.handling import Instruction, Target
from egov.documents.actions.incoming import register_incoming
from egov.documents.actions.issuing import RecipientSpec
from egov.documents.actions.registers import grant_clearance
from egov.documents.choices import OutgoingStatus, RecipientKind, ReviewDecision, Secrecy
from egov.documents.models import DocumentView, OutgoingDocument, ReviewStep
from egov.documents.testing import doc_type, make_pdf, upload

pytestmark = pytest.mark.django_db

SUBJECT = "Về việc tuyển dụng công chức năm 2025"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def draft(office, code="cong-van", **extra):
    return outgoing.create_draft(
        actor=office.specialist,
        drafting_unit=office.civil_service_division,
        document_type=doc_type(code),
        subject=SUBJECT,
        uploads=[upload("du-thao.pdf", make_pdf("Du thao lan 1"))],
        **extra,
    )


def in_review(office, **extra):
    document = draft(office, **extra)
    outgoing.submit_for_review(
        actor=office.specialist,
        document=document,
        reviewers=[office.division_head],
        signer=office.leader,
    )
    return document


def approved(office, **extra):
    document = in_review(office, **extra)
    outgoing.review(actor=office.division_head, document=document, decision="approved")
    outgoing.review(actor=office.leader, document=document, decision="approved")
    document.refresh_from_db()
    return document


def issued(office, **extra):
    return issuing.issue(
        actor=office.clerk,
        document=approved(office, **extra),
        recipients=[RecipientSpec(kind=RecipientKind.INTERNAL, unit=office.finance)],
    )


def url(name, *args):
    return reverse(f"documents:{name}", args=args)


def pdf_file(name="du-thao.pdf", text="Du thao"):
    data = make_pdf(text)
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def new_draft_data(office, **overrides):
    data = {
        "drafting_unit": office.civil_service_division.pk,
        "document_type": doc_type("cong-van").pk,
        "subject": SUBJECT,
        "urgency": "0",
        "secrecy": "0",
        "due_date": "",
        "in_reply_to": "",
        "draft_files": [pdf_file()],
    }
    data.update(overrides)
    return data


def reply_select(page):
    start = page.index('<select name="in_reply_to"')
    return page[start : page.index("</select>", start)]


def assigned_to_specialist(office):
    """An incoming document that reached the specialist through the leader and the head."""
    document = register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Về việc báo cáo biên chế công chức",
        issuer_name="Bộ Nội vụ",
    )
    to_leader = handling.present(actor=office.clerk, document=document, leader=office.leader)
    [to_division] = handling.assign(
        actor=office.leader,
        parent=to_leader,
        instruction=Instruction(lead=Target(unit=office.civil_service_division)),
    )
    handling.assign(
        actor=office.division_head,
        parent=to_division,
        instruction=Instruction(lead=Target(user=office.specialist)),
    )
    return document


# Access matrix -------------------------------------------------------------------------------

DOCUMENT_GETS = ["outgoing_detail"]
DOCUMENT_POSTS = [
    "outgoing_add_version",
    "outgoing_submit",
    "outgoing_review",
    "outgoing_issue",
    "outgoing_recall",
    "outgoing_cancel",
]


def test_anonymous_visitors_are_sent_to_the_login_page(client, office):
    document = draft(office)
    attachment = document.versions.get().attachments.get()
    gets = [url("outgoing_list"), url("outgoing_new"), url("outgoing_detail", document.pk)]
    gets.append(url("outgoing_file", document.pk, attachment.pk))
    posts = [url(name, document.pk) for name in DOCUMENT_POSTS] + [url("outgoing_new")]
    for address in gets:
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("accounts:login"))
    for address in posts:
        response = client.post(address, {})
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("accounts:login"))


def test_an_account_without_a_staff_record_has_no_outgoing_screens(client_for, office):
    client = client_for(office.citizen)
    assert client.get(url("outgoing_list")).status_code == 404
    assert client.get(url("outgoing_new")).status_code == 404


@pytest.mark.parametrize("persona", ["outsider", "commune_clerk", "clerk"])
def test_who_cannot_see_a_draft_gets_404_everywhere(client_for, office, persona):
    document = draft(office)  # clerks see documents only once approved
    attachment = document.versions.get().attachments.get()
    client = client_for(getattr(office, persona))
    assert client.get(url("outgoing_detail", document.pk)).status_code == 404
    assert client.get(url("outgoing_file", document.pk, attachment.pk)).status_code == 404
    for name in DOCUMENT_POSTS:
        assert client.post(url(name, document.pk), {}).status_code == 404, name
    listing = client.get(url("outgoing_list")).content.decode()
    assert SUBJECT not in listing
    assert OutgoingDocument.objects.get(pk=document.pk).status == OutgoingStatus.DRAFT


def test_the_drafter_sees_the_draft_with_only_the_drafters_buttons(client_for, office):
    document = draft(office)
    client = client_for(office.specialist)
    page = client.get(url("outgoing_detail", document.pk)).content.decode()
    assert "Thêm phiên bản" in page and "Trình duyệt" in page and "Hủy dự thảo" in page
    assert "Cấp số và phát hành" not in page and "Thu hồi văn bản" not in page
    for name in ["outgoing_review", "outgoing_issue", "outgoing_recall"]:
        assert client.post(url(name, document.pk), {}).status_code == 404, name


def test_a_leader_of_the_agency_sees_a_draft_but_cannot_act_for_the_drafter(client_for, office):
    document = draft(office)
    client = client_for(office.leader)
    page = client.get(url("outgoing_detail", document.pk)).content.decode()
    assert SUBJECT in page and "Trình duyệt</h2>" not in page
    for name in ["outgoing_add_version", "outgoing_submit", "outgoing_cancel", "outgoing_review"]:
        assert client.post(url(name, document.pk), {}).status_code == 404, name


def test_only_the_reviewer_whose_turn_it_is_gets_the_review_form(client_for, office):
    document = in_review(office)
    head_page = client_for(office.division_head).get(url("outgoing_detail", document.pk))
    assert "Cho ý kiến về dự thảo" in head_page.content.decode()
    leader = client_for(office.leader)
    leader_page = leader.get(url("outgoing_detail", document.pk)).content.decode()
    assert "Cho ý kiến về dự thảo" not in leader_page
    assert "Đang chờ ý kiến của Bùi Văn Trưởng." in leader_page
    # The signer is in the chain but not yet on turn: told so, nothing recorded.
    response = leader.post(url("outgoing_review", document.pk), {"review-decision": "approved"})
    assert response.status_code == 302
    assert ReviewStep.objects.get(document=document, reviewer=office.leader).decision == "waiting"


def test_the_clerk_gets_the_issue_form_once_approved(client_for, office):
    document = approved(office)
    page = client_for(office.clerk).get(url("outgoing_detail", document.pk)).content.decode()
    assert "Cấp số và phát hành" in page
    assert "Loại “Công văn”: Chỉ gửi điện tử." in page
    assert "Mọi nơi nhận nhận bản điện tử; không gửi bản giấy." in page
    specialist_page = client_for(office.specialist).get(url("outgoing_detail", document.pk))
    assert "Cấp số và phát hành" not in specialist_page.content.decode()


# New draft ----------------------------------------------------------------------------------


def test_a_specialist_drafts_a_document_through_the_form(client_for, office):
    client = client_for(office.specialist)
    page = client.get(url("outgoing_new")).content.decode()
    assert (
        "Phòng Công chức, viên chức" in page and "Chỉ với các loại: Nghị quyết, Quyết định" in page
    )
    response = client.post(url("outgoing_new"), new_draft_data(office))
    document = OutgoingDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("outgoing_detail", document.pk) + "#main"
    assert document.drafter == office.specialist and document.unit == office.home_affairs
    assert document.versions.get().attachments.get().name == "du-thao.pdf"


def test_an_empty_subject_is_refused_with_a_linked_error_summary(client_for, office):
    client = client_for(office.specialist)
    response = client.post(url("outgoing_new"), new_draft_data(office, subject="   "))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chưa tạo được dự thảo" in page
    assert '<a href="#id_subject">Trích yếu không được để trống.</a>' in page
    assert not OutgoingDocument.objects.exists()


def test_a_file_whose_content_does_not_match_its_extension_is_refused(client_for, office):
    fake = io.BytesIO(b"PK\x03\x04 not really a pdf, a zip header")
    fake.name = "du-thao.pdf"
    client = client_for(office.specialist)
    response = client.post(url("outgoing_new"), new_draft_data(office, draft_files=[fake]))
    page = response.content.decode()
    assert '<a href="#id_draft_files">' in page
    assert "không thuộc định dạng được nhận" in page or "nhưng nội dung là" in page
    assert not OutgoingDocument.objects.exists()


def test_a_png_named_pdf_is_refused_for_its_content(client_for, office):
    fake = io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    fake.name = "du-thao.pdf"
    client = client_for(office.specialist)
    page = client.post(url("outgoing_new"), new_draft_data(office, draft_files=[fake]))
    assert "Tệp “du-thao.pdf” có đuôi .pdf nhưng nội dung là image/png." in page.content.decode()
    assert not OutgoingDocument.objects.exists()


def test_a_draft_without_files_is_refused(client_for, office):
    client = client_for(office.specialist)
    page = client.post(url("outgoing_new"), new_draft_data(office, draft_files=[]))
    assert '<a href="#id_draft_files">Hãy đính kèm tệp dự thảo.</a>' in page.content.decode()


def test_a_request_body_over_the_limit_is_refused_with_413_before_reading(client_for, office):
    client = client_for(office.specialist)
    too_big = str(c.MAX_UPLOAD_REQUEST_BYTES + 1)
    response = client.post(url("outgoing_new"), new_draft_data(office), CONTENT_LENGTH=too_big)
    assert response.status_code == 413
    assert "mà không đọc tệp, và chưa lưu gì" in response.content.decode()
    assert not OutgoingDocument.objects.exists()
    document = draft(office)
    response = client.post(
        url("outgoing_add_version", document.pk),
        {"version-draft_files": [pdf_file()]},
        CONTENT_LENGTH=too_big,
    )
    assert response.status_code == 413
    assert document.versions.count() == 1


def test_the_upload_views_still_check_the_csrf_token(client_for, office):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(office.specialist)
    response = csrf_client.post(url("outgoing_new"), new_draft_data(office))
    assert response.status_code == 403
    assert not OutgoingDocument.objects.exists()


def test_a_secret_draft_needs_a_clearance(client_for, office):
    client = client_for(office.specialist)
    response = client.post(url("outgoing_new"), new_draft_data(office, secrecy=Secrecy.SECRET))
    assert '<a href="#id_secrecy">Bạn chưa được cấp quyền' in response.content.decode()
    grant_clearance(
        actor=None,
        user=office.specialist,
        unit=office.home_affairs,
        level=Secrecy.SECRET,
        skip_access_check=True,
    )
    response = client.post(url("outgoing_new"), new_draft_data(office, secrecy=Secrecy.SECRET))
    assert response.status_code == 302
    assert OutgoingDocument.objects.get().secrecy == Secrecy.SECRET


def test_a_reply_is_prefilled_from_an_incoming_document_the_user_handles(client_for, office):
    incoming = assigned_to_specialist(office)
    client = client_for(office.specialist)
    page = client.get(url("outgoing_new") + f"?reply_to={incoming.pk}").content.decode()
    assert f'<option value="{incoming.pk}" selected>' in reply_select(page)
    response = client.post(
        url("outgoing_new") + f"?reply_to={incoming.pk}",
        new_draft_data(office, in_reply_to=incoming.pk),
    )
    assert response.status_code == 302
    assert OutgoingDocument.objects.get().in_reply_to == incoming


def test_an_incoming_document_the_user_cannot_see_is_not_offered_nor_accepted(client_for, office):
    incoming = assigned_to_specialist(office)
    client = client_for(office.outsider)
    page = client.get(url("outgoing_new") + f"?reply_to={incoming.pk}").content.decode()
    assert f'value="{incoming.pk}"' not in reply_select(page)
    data = new_draft_data(office, drafting_unit=office.finance.pk, in_reply_to=incoming.pk)
    response = client.post(url("outgoing_new"), data)
    assert "Không tìm thấy văn bản đến đã chọn." in response.content.decode()
    assert not OutgoingDocument.objects.exists()


def test_a_unit_where_the_user_does_not_work_is_refused(client_for, office):
    client = client_for(office.specialist)
    response = client.post(
        url("outgoing_new"), new_draft_data(office, drafting_unit=office.finance.pk)
    )
    assert "Bạn không công tác tại đơn vị đã chọn." in response.content.decode()
    assert not OutgoingDocument.objects.exists()


# Versions, review chain ---------------------------------------------------------------------


def test_the_drafter_adds_a_version_and_submits_to_an_ordered_chain(client_for, office):
    document = draft(office)
    client = client_for(office.specialist)
    response = client.post(
        url("outgoing_add_version", document.pk),
        {"version-draft_files": [pdf_file("du-thao-v2.pdf")], "version-note": "Sửa câu chữ"},
    )
    assert response.status_code == 302
    assert document.versions.count() == 2
    response = client.post(
        url("outgoing_submit", document.pk),
        {
            "submit-reviewer_1": office.division_head.pk,
            "submit-reviewer_2": "",
            "submit-signer": office.leader.pk,
        },
    )
    assert response.status_code == 302
    steps = list(document.review_steps.order_by("order"))
    assert [(s.reviewer, s.decision, s.is_signer) for s in steps] == [
        (office.division_head, ReviewDecision.PENDING, False),
        (office.leader, ReviewDecision.WAITING, True),
    ]
    assert steps[0].version.number == 2


def test_a_signer_who_is_not_a_leader_is_refused(client_for, office):
    document = draft(office)
    client = client_for(office.specialist)
    response = client.post(url("outgoing_submit", document.pk), {"submit-signer": office.clerk.pk})
    page = response.content.decode()
    assert '<a href="#id_submit-signer">' in page
    assert not document.review_steps.exists()


def test_the_same_person_twice_in_the_chain_is_refused_on_the_first_reviewer(client_for, office):
    document = draft(office)
    client = client_for(office.specialist)
    response = client.post(
        url("outgoing_submit", document.pk),
        {"submit-reviewer_1": office.leader.pk, "submit-signer": office.leader.pk},
    )
    assert (
        '<a href="#id_submit-reviewer_1">Một người chỉ xuất hiện một lần trong luồng duyệt.</a>'
        in response.content.decode()
    )


def test_returning_needs_a_comment_and_then_reaches_the_drafter(client_for, office):
    document = in_review(office)
    client = client_for(office.division_head)
    response = client.post(url("outgoing_review", document.pk), {"review-decision": "returned"})
    assert '<a href="#id_review-comment">Hãy ghi ý kiến khi trả lại dự thảo.</a>' in (
        response.content.decode()
    )
    response = client.post(
        url("outgoing_review", document.pk),
        {"review-decision": "returned", "review-comment": "Sửa đoạn 2 theo Luật Cán bộ"},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == OutgoingStatus.RETURNED
    page = client_for(office.specialist).get(url("outgoing_detail", document.pk))
    text = page.content.decode()
    assert "Sửa đoạn 2 theo Luật Cán bộ" in text and "Bị trả lại" in text
    # The new round is suggested with the same chain.
    assert f'<option value="{office.division_head.pk}" selected>' in text


def test_forwarding_to_oneself_is_refused(client_for, office):
    document = in_review(office)
    client = client_for(office.division_head)
    response = client.post(
        url("outgoing_review", document.pk),
        {"review-decision": "forwarded", "review-forward_to": office.division_head.pk},
    )
    page = response.content.decode()
    assert '<a href="#id_review-forward_to">Hãy chọn người khác để xin ý kiến' in page
    assert document.review_steps.count() == 2


def test_forwarding_without_choosing_someone_is_refused(client_for, office):
    document = in_review(office)
    client = client_for(office.division_head)
    response = client.post(url("outgoing_review", document.pk), {"review-decision": "forwarded"})
    assert "Hãy chọn người cần xin ý kiến." in response.content.decode()


def test_a_reviewer_asks_someone_else_and_gets_the_draft_back(client_for, office):
    document = in_review(office)
    client = client_for(office.division_head)
    response = client.post(
        url("outgoing_review", document.pk),
        {"review-decision": "forwarded", "review-forward_to": office.clerk.pk},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    step = outgoing.current_step(document)
    assert step is not None and step.reviewer == office.clerk


def test_a_second_click_after_deciding_says_the_step_is_over(client_for, office):
    document = in_review(office)
    client = client_for(office.division_head)
    client.post(url("outgoing_review", document.pk), {"review-decision": "approved"})
    response = client.post(
        url("outgoing_review", document.pk), {"review-decision": "approved"}, follow=True
    )
    assert "thao tác vừa chọn không còn thực hiện được" in response.content.decode()
    assert document.review_steps.filter(decision="approved").count() == 1


# Issue, recall, replace, cancel -------------------------------------------------------------


def test_issuing_without_recipients_is_refused(client_for, office):
    document = approved(office)
    response = client_for(office.clerk).post(url("outgoing_issue", document.pk), {})
    page = response.content.decode()
    assert '<a href="#id_issue-units_0">Hãy chọn ít nhất một nơi nhận.</a>' in page
    document.refresh_from_db()
    assert document.status == OutgoingStatus.APPROVED and document.number is None


def test_a_bad_e_mail_address_is_refused_before_issuing(client_for, office):
    document = approved(office)
    response = client_for(office.clerk).post(
        url("outgoing_issue", document.pk), {"issue-emails": "ubnd@angiang.gov.vn\nkhong-hop-le"}
    )
    assert "Địa chỉ thư không hợp lệ: khong-hop-le." in response.content.decode()
    assert OutgoingDocument.objects.get(pk=document.pk).number is None


def test_post_for_an_electronic_only_type_is_refused(client_for, office):
    document = approved(office)
    response = client_for(office.clerk).post(
        url("outgoing_issue", document.pk), {"issue-posts": "Công ty A, 1 Lê Lợi, Long Xuyên"}
    )
    assert "Loại “Công văn” chỉ gửi điện tử, không gửi bản giấy." in response.content.decode()


def test_the_clerk_issues_to_units_organs_and_addresses(client_for, office):
    document = approved(office, code="quyet-dinh")
    client = client_for(office.clerk)
    response = client.post(
        url("outgoing_issue", document.pk),
        {
            "issue-units": [office.finance.pk, office.office.pk],
            "issue-organs": "000.00.00.G09 Bộ Nội vụ",
            "issue-emails": "congdan@example.com",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Đã cấp số 01/QĐ-SNV và phát hành văn bản." in page
    document.refresh_from_db()
    assert document.status == OutgoingStatus.ISSUED
    names = sorted(document.recipients.values_list("name", flat=True))
    assert names == sorted(
        ["Sở Tài chính", "Văn phòng Ủy ban nhân dân tỉnh", "Bộ Nội vụ", "congdan@example.com"]
    )
    assert "Bộ Nội vụ" in page and "000.00.00.G09" in page and "Chờ gửi" in page


def test_a_recall_needs_a_reason_and_is_recorded(client_for, office):
    document = issued(office)
    client = client_for(office.clerk)
    response = client.post(url("outgoing_recall", document.pk), {"recall-reason": ""})
    assert '<a href="#id_recall-reason">Hãy ghi lý do thu hồi.</a>' in response.content.decode()
    response = client.post(
        url("outgoing_recall", document.pk), {"recall-reason": "Sai thẩm quyền ban hành"}
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == OutgoingStatus.RECALLED
    history = client.get(url("outgoing_detail", document.pk)).content.decode()
    assert "Sai thẩm quyền ban hành" in history and "Đã thu hồi" in history


def test_specialists_cannot_recall(client_for, office):
    document = issued(office)
    response = client_for(office.specialist).post(
        url("outgoing_recall", document.pk), {"recall-reason": "x"}
    )
    assert response.status_code == 404


def test_a_replacement_starts_from_the_issued_document(client_for, office):
    old = issued(office)
    client = client_for(office.specialist)
    detail = client.get(url("outgoing_detail", old.pk)).content.decode()
    assert f"?replaces={old.pk}" in detail
    page = client.get(url("outgoing_new") + f"?replaces={old.pk}").content.decode()
    assert "Dự thảo này thay thế hoặc đính chính văn bản số 01/SNV-CCVC" in page
    assert SUBJECT in page  # the subject is carried over
    response = client.post(
        url("outgoing_new") + f"?replaces={old.pk}", new_draft_data(office, change_reason="")
    )
    assert '<a href="#id_change_reason">Hãy ghi lý do thay thế, đính chính.</a>' in (
        response.content.decode()
    )
    response = client.post(
        url("outgoing_new") + f"?replaces={old.pk}",
        new_draft_data(office, change_reason="Sai số liệu biên chế"),
    )
    assert response.status_code == 302
    new = OutgoingDocument.objects.exclude(pk=old.pk).get()
    assert new.replaces == old and new.change_reason == "Sai số liệu biên chế"


def test_a_document_the_user_cannot_see_cannot_be_replaced(client_for, office):
    old = issued(office)
    response = client_for(office.outsider).get(url("outgoing_new") + f"?replaces={old.pk}")
    assert response.status_code == 404


def test_the_drafter_cancels_a_draft_with_a_reason(client_for, office):
    document = draft(office)
    client = client_for(office.specialist)
    response = client.post(url("outgoing_cancel", document.pk), {"cancel-reason": ""})
    assert "Hãy ghi lý do hủy dự thảo." in response.content.decode()
    client.post(url("outgoing_cancel", document.pk), {"cancel-reason": "Không cần ban hành"})
    document.refresh_from_db()
    assert document.status == OutgoingStatus.CANCELLED


def test_get_on_an_action_address_leads_to_its_section(client_for, office):
    document = draft(office)
    response = client_for(office.specialist).get(url("outgoing_submit", document.pk))
    assert response.status_code == 302
    assert response["Location"] == url("outgoing_detail", document.pk) + "#submit"


# Files ----------------------------------------------------------------------------------------


def test_a_version_file_is_downloaded_by_those_who_see_the_document(client_for, office):
    document = draft(office)
    attachment = document.versions.get().attachments.get()
    response = client_for(office.specialist).get(url("outgoing_file", document.pk, attachment.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == make_pdf("Du thao lan 1")


def test_opening_the_page_and_a_file_is_noted_in_the_access_history(client_for, office):
    document = draft(office)
    attachment = document.versions.get().attachments.get()
    client = client_for(office.division_head)
    client.get(url("outgoing_detail", document.pk))
    client.get(url("outgoing_file", document.pk, attachment.pk))
    views = DocumentView.objects.filter(outgoing=document)
    assert list(views.values_list("user", flat=True)) == [office.division_head.pk] * 2
    client_for(office.outsider).get(url("outgoing_detail", document.pk))
    assert views.count() == 2


def test_a_file_of_another_document_is_not_served_through_this_one(client_for, office):
    mine = draft(office)
    other = draft(office)
    attachment = other.versions.get().attachments.get()
    response = client_for(office.specialist).get(url("outgoing_file", mine.pk, attachment.pk))
    assert response.status_code == 404


# List -------------------------------------------------------------------------------------------


def test_the_list_has_status_tabs_with_counts(client_for, office):
    draft(office)
    in_review(office)
    issued(office)
    client = client_for(office.specialist)
    page = client.get(url("outgoing_list")).content.decode()
    assert "Tất cả (3)" in page and "Dự thảo (1)" in page and "Đang trình duyệt (1)" in page
    assert "Đã phát hành (1)" in page
    issued_tab = client.get(url("outgoing_list") + "?tab=issued").content.decode()
    assert "01/SNV-CCVC" in issued_tab and issued_tab.count(SUBJECT) == 1


def test_the_list_filters_by_text_and_ignores_a_bad_date(client_for, office):
    draft(office)
    outgoing.create_draft(
        actor=office.specialist,
        drafting_unit=office.civil_service_division,
        document_type=doc_type("ke-hoach"),
        subject="Kế hoạch đào tạo bồi dưỡng",
        uploads=[upload()],
    )
    client = client_for(office.specialist)
    page = client.get(url("outgoing_list") + "?q=dao+tao&date_from=31/02/2025").content.decode()
    assert "Kế hoạch đào tạo bồi dưỡng" in page and SUBJECT not in page
    assert "Một số điều kiện lọc chưa hợp lệ và đã được bỏ qua" in page


def test_the_list_costs_the_same_queries_for_few_or_many_rows(client_for, office):
    client = client_for(office.specialist)
    draft(office)
    client.get(url("outgoing_list"))  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        client.get(url("outgoing_list"))
    for _ in range(5):
        draft(office)
    with CaptureQueriesContext(connection) as many:
        client.get(url("outgoing_list"))
    assert len(many) == len(few)
    assert len(few) <= 12
