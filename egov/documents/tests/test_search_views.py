"""The search page: diacritic-free full text over incoming and outgoing documents, the
field filters, secrecy through the view, the XLSX export and saved searches."""

import io
from typing import Any

import openpyxl
import pytest
from django.urls import reverse

from egov.audit.models import AuditEvent
from egov.documents import audit_names, queries_search
from egov.documents.actions import issuing, outgoing
from egov.documents.actions.incoming import register_incoming
from egov.documents.actions.issuing import RecipientSpec
from egov.documents.actions.registers import grant_clearance
from egov.documents.choices import RecipientKind, Secrecy
from egov.documents.models import SavedSearch
from egov.documents.testing import doc_type, upload

pytestmark = pytest.mark.django_db

DECISION = "Quyết định phê duyệt kế hoạch tuyển dụng viên chức năm 2025"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def received(office, subject=DECISION, code="quyet-dinh", **extra):
    values: dict[str, Any] = {
        "issuer_name": "UBND tỉnh An Giang",
        "code_number": "125",
        "code_notation": "QĐ-UBND",
        "signer_name": "Hồ Văn Mừng",
    }
    values.update(extra)
    return register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type(code),
        subject=subject,
        **values,
    )


def issued_letter(office, subject="Về việc cử cán bộ dự tập huấn"):
    document = outgoing.create_draft(
        actor=office.specialist,
        drafting_unit=office.civil_service_division,
        document_type=doc_type("cong-van"),
        subject=subject,
        uploads=[upload()],
    )
    outgoing.submit_for_review(
        actor=office.specialist, document=document, reviewers=[], signer=office.leader
    )
    outgoing.review(actor=office.leader, document=document, decision="approved")
    document.refresh_from_db()
    return issuing.issue(
        actor=office.clerk,
        document=document,
        recipients=[RecipientSpec(kind=RecipientKind.INTERNAL, unit=office.finance)],
    )


def search(client, **params):
    return client.get(reverse("documents:search"), params)


# Access ---------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client, office):
    for name in ["search", "search_export"]:
        response = client.get(reverse(f"documents:{name}"))
        assert response["Location"].startswith(reverse("accounts:login"))
    response = client.post(reverse("documents:search_save"), {"save-name": "x"})
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_account_without_a_staff_record_gets_404(client_for, office):
    client = client_for(office.citizen)
    assert client.get(reverse("documents:search")).status_code == 404
    assert client.get(reverse("documents:search_export")).status_code == 404
    response = client.post(
        reverse("documents:search_save"), {"save-name": "x", "save-query": "q=a"}
    )
    assert response.status_code == 404
    assert not SavedSearch.objects.exists()


def test_an_officer_of_another_agency_finds_nothing_of_this_one(client_for, office):
    received(office)
    page = search(client_for(office.outsider), q="quyet dinh ubnd").content.decode()
    assert DECISION not in page
    assert "Tìm thấy 0 văn bản" in page


# Full text --------------------------------------------------------------------------------------


def test_it_finds_a_decision_of_the_committee_without_diacritics(client_for, office):
    document = received(office)
    received(
        office,
        subject="Về việc báo cáo số liệu biên chế",
        code="cong-van",
        code_number="7",
        code_notation="STC-TCHCSN",
        issuer_name="Sở Tài chính",
    )
    page = search(client_for(office.clerk), q="quyet dinh ubnd").content.decode()
    assert DECISION in page
    assert "Về việc báo cáo số liệu biên chế" not in page
    assert reverse("documents:incoming_detail", args=[document.pk]) in page
    assert "Văn bản đến (1)" in page


def test_the_outgoing_tab_searches_outgoing_documents(client_for, office):
    letter = issued_letter(office)
    client = client_for(office.clerk)
    page = search(client, q="tap huan").content.decode()
    assert "Văn bản đi (1)" in page and "Văn bản đến (0)" in page
    page = search(client, q="tap huan", kind="outgoing").content.decode()
    assert "Về việc cử cán bộ dự tập huấn" in page
    assert letter.number_and_notation in page
    assert reverse("documents:outgoing_detail", args=[letter.pk]) in page


def test_field_filters_narrow_the_results(client_for, office):
    received(office)
    received(
        office,
        subject="Quyết định về lương",
        code_number="9",
        code_notation="QĐ-STC",
        issuer_name="Sở Tài chính",
        signer_name="Lê Văn Tiền",
    )
    client = client_for(office.clerk)
    by_number = search(client, number="125/QĐ-UBND").content.decode()
    assert DECISION in by_number and "Quyết định về lương" not in by_number
    by_party = search(client, party="Tài chính").content.decode()
    assert "Quyết định về lương" in by_party and DECISION not in by_party
    by_signer = search(client, signer="Hồ Văn").content.decode()
    assert DECISION in by_signer and "Quyết định về lương" not in by_signer


def test_a_value_that_does_not_parse_is_ignored_and_said(client_for, office):
    received(office)
    page = search(client_for(office.clerk), date_from="31/02/2025", urgency="9").content.decode()
    assert "Một số điều kiện chưa hợp lệ và đã được bỏ qua" in page
    assert DECISION in page


def test_secret_documents_are_found_only_by_cleared_users(client_for, office):
    grant_clearance(
        actor=None,
        user=office.clerk,
        unit=office.home_affairs,
        level=Secrecy.SECRET,
        skip_access_check=True,
    )
    received(office, subject="Quyết định mật về nhân sự", code_number="3", secrecy=Secrecy.SECRET)
    leader = client_for(office.leader)
    assert "Quyết định mật về nhân sự" not in search(leader, q="quyet dinh").content.decode()
    export = leader.get(reverse("documents:search_export"), {"q": "quyet dinh"})
    assert "Quyết định mật về nhân sự" not in _sheet_text(export)
    grant_clearance(
        actor=None,
        user=office.leader,
        unit=office.home_affairs,
        level=Secrecy.SECRET,
        skip_access_check=True,
    )
    leader = client_for(office.leader)
    page = search(leader, q="quyet dinh", secrecy=Secrecy.SECRET).content.decode()
    assert "Quyết định mật về nhân sự" in page and DECISION not in page


# Export ----------------------------------------------------------------------------------------


def _workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _sheet_text(response):
    workbook = _workbook(response)
    return "\n".join(
        " ".join(str(v) for v in row if v is not None)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
    )


def test_the_export_holds_the_visible_columns_and_the_rows(client_for, office):
    document = received(office)
    client = client_for(office.clerk)
    params = {"q": "quyet dinh ubnd", "cols": ["arrival", "number", "subject", "party"]}
    page = search(client, **params).content.decode()
    assert "Tải kết quả về tệp Excel (XLSX)" in page
    response = client.get(reverse("documents:search_export"), params)
    assert 'filename="tim-kiem-incoming-' in response["Content-Disposition"]
    workbook = _workbook(response)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("Số đến", "Số, ký hiệu", "Trích yếu", "Cơ quan ban hành")
    assert rows[1:] == [(document.arrival_number, "125/QĐ-UBND", DECISION, "UBND tỉnh An Giang")]
    notes = [row[0] for row in workbook.worksheets[1].iter_rows(values_only=True)]
    assert "Số văn bản khớp điều kiện: 1." in notes


def test_the_default_columns_keep_dates_as_dates(client_for, office):
    received(office)
    response = client_for(office.clerk).get(reverse("documents:search_export"))
    rows = list(_workbook(response).worksheets[0].iter_rows(values_only=True))
    headers = rows[0]
    assert headers == (
        "Số đến",
        "Ngày đến",
        "Số, ký hiệu",
        "Loại văn bản",
        "Trích yếu",
        "Cơ quan ban hành",
        "Trạng thái",
    )
    assert hasattr(rows[1][headers.index("Ngày đến")], "year")


def test_the_export_stops_at_the_limit_and_says_so(client_for, office, monkeypatch):
    for number in range(3):
        received(office, subject=f"Quyết định số {number}", code_number=str(200 + number))
    monkeypatch.setattr(queries_search, "EXPORT_LIMIT", 2)
    client = client_for(office.clerk)
    page = search(client, q="quyet dinh").content.decode()
    assert "Tệp Excel chỉ chứa 2 văn bản đầu tiên" in page
    workbook = _workbook(client.get(reverse("documents:search_export"), {"q": "quyet dinh"}))
    assert workbook.worksheets[0].max_row == 3  # the header and two rows
    notes = " ".join(row[0] for row in workbook.worksheets[1].iter_rows(values_only=True))
    assert "Chỉ xuất 2 văn bản đầu tiên trên tổng số 3." in notes


# Saved searches -----------------------------------------------------------------------------


def test_a_search_is_saved_listed_and_audited(client_for, office):
    received(office)
    client = client_for(office.clerk)
    page = search(client, q="quyet dinh ubnd", page="1").content.decode()
    assert "Lưu điều kiện tìm kiếm này" in page
    response = client.post(
        reverse("documents:search_save"),
        {"save-name": "Quyết định của UBND", "save-query": "q=quyet+dinh+ubnd&page=1&evil=1"},
    )
    assert response.status_code == 302
    saved = SavedSearch.objects.get(user=office.clerk)
    assert saved.query_string == "q=quyet+dinh+ubnd"  # only the search's own parameters
    assert response["Location"] == reverse("documents:search") + "?q=quyet+dinh+ubnd"
    event = AuditEvent.objects.filter(action=audit_names.SEARCH_SAVE).get()
    assert event.after == {"name": "Quyết định của UBND", "query_string": "q=quyet+dinh+ubnd"}
    listing = search(client).content.decode()
    assert "Quyết định của UBND" in listing
    assert "?q=quyet+dinh+ubnd" in listing


def test_a_saved_search_needs_a_name_not_already_used(client_for, office):
    client = client_for(office.clerk)
    data = {"save-name": "", "save-query": "q=quyet+dinh"}
    response = client.post(reverse("documents:search_save"), data)
    assert '<a href="#id_save-name">Hãy đặt tên cho điều kiện tìm kiếm.</a>' in (
        response.content.decode()
    )
    client.post(reverse("documents:search_save"), {**data, "save-name": "Của tôi"})
    response = client.post(reverse("documents:search_save"), {**data, "save-name": "của tôi"})
    assert "Bạn đã có một tìm kiếm lưu tên “của tôi”" in response.content.decode()
    assert SavedSearch.objects.count() == 1


def test_only_the_owner_deletes_a_saved_search(client_for, office):
    client = client_for(office.clerk)
    client.post(reverse("documents:search_save"), {"save-name": "Của tôi", "save-query": "q=quyet"})
    saved = SavedSearch.objects.get()
    address = reverse("documents:search_delete", args=[saved.pk])
    assert client_for(office.leader).post(address).status_code == 404
    assert SavedSearch.objects.exists()
    client = client_for(office.clerk)
    assert client.get(address).status_code == 405
    response = client.post(address)
    assert response.status_code == 302
    assert not SavedSearch.objects.exists()
    deleted = AuditEvent.objects.filter(action=audit_names.SEARCH_SAVE).order_by("pk").last()
    assert deleted is not None
    assert deleted.before == {"name": "Của tôi", "query_string": "q=quyet"}
    assert deleted.note == "deleted"
