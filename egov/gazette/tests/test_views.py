"""Every view: the access matrix (anonymous, no role, role elsewhere, editor here), the
public pages, the feed, and the editors' forms end to end."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from egov.documents.testing import make_pdf
from egov.gazette.choices import DocState, RelationKind
from egov.gazette.models import GazetteIssue, LegalDocument
from egov.gazette.testing import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def doc(gazette: Any) -> LegalDocument:
    return make_document(gazette.world.province, number=3, year=2025)


@pytest.fixture
def draft(gazette: Any) -> LegalDocument:
    return make_document(gazette.world.province, number=4, year=2025, publish=False)


def editor_urls(doc: LegalDocument) -> list[tuple[str, str]]:
    return [
        ("get", reverse("gazette:documents")),
        ("get", reverse("gazette:document_new")),
        ("get", reverse("gazette:document", args=[doc.pk])),
        ("get", reverse("gazette:document_edit", args=[doc.pk])),
        ("post", reverse("gazette:document_pdf", args=[doc.pk])),
        ("post", reverse("gazette:document_publish", args=[doc.pk])),
        ("post", reverse("gazette:relation_add", args=[doc.pk])),
        ("post", reverse("gazette:override", args=[doc.pk])),
        ("get", reverse("gazette:issues")),
        ("get", reverse("gazette:import")),
    ]


def test_anonymous_visitors_are_sent_to_the_login_on_every_editor_screen(
    client: Any, draft: LegalDocument
) -> None:
    for method, url in editor_urls(draft):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


@pytest.mark.parametrize("persona", ["citizen", "clerk", "outsider", "commune_clerk"])
def test_officials_without_the_role_here_get_nothing(
    client_for: Any, gazette: Any, draft: LegalDocument, persona: str
) -> None:
    client = client_for(getattr(gazette.world, persona))
    for method, url in editor_urls(draft):
        response = getattr(client, method)(url)
        if persona == "commune_clerk" and url in (
            reverse("gazette:documents"),
            reverse("gazette:document_new"),
            reverse("gazette:issues"),
            reverse("gazette:import"),
        ):
            assert response.status_code == 200, url  # an editor of the commune's documents
        else:
            assert response.status_code in (403, 404), (persona, url, response.status_code)
    draft.refresh_from_db()
    assert draft.state == DocState.DRAFT


def test_the_editor_here_reaches_every_screen(
    client_for: Any, gazette: Any, draft: LegalDocument
) -> None:
    client = client_for(gazette.editor)
    for method, url in editor_urls(draft):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_public_pages_are_open_to_everyone_but_drafts_are_not(
    client: Any, doc: LegalDocument, draft: LegalDocument
) -> None:
    assert client.get(reverse("gazette_public:search")).status_code == 200
    assert client.get(reverse("gazette_public:document", args=[doc.pk])).status_code == 200
    assert client.get(reverse("gazette_public:document", args=[draft.pk])).status_code == 404
    assert client.get(reverse("gazette_public:document_pdf", args=[doc.pk])).status_code == 404
    assert client.get(reverse("gazette_public:issues")).status_code == 200
    assert client.get(reverse("gazette_public:feed")).status_code == 200


def test_the_search_page_lists_results_with_their_status(
    client: Any, doc: LegalDocument, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(6):
        response = client.get(reverse("gazette_public:search"), {"q": "hoc phi"})
    body = response.content.decode()
    assert doc.code in body
    assert "Còn hiệu lực" in body
    empty = client.get(reverse("gazette_public:search"), {"q": "khong co gi nhu the nay"})
    assert "Không có văn bản nào khớp" in empty.content.decode()
    # A wrong filter value is ignored, not an error.
    assert client.get(reverse("gazette_public:search"), {"nam": "abc"}).status_code == 200


def test_a_document_page_shows_both_directions_of_a_relation_and_the_status(
    client: Any, gazette: Any, doc: LegalDocument
) -> None:
    from egov.gazette.actions.relations import add_relation

    amending = make_document(
        gazette.world.province,
        number=9,
        year=2025,
        title="Sửa đổi Quyết định 3/2025/QĐ-UBND",
        issue_date=dt.date(2025, 4, 1),
        effective_date=dt.date(2025, 4, 15),
    )
    add_relation(actor=gazette.editor, source=amending, kind=RelationKind.AMENDS, target=doc)
    page = client.get(reverse("gazette_public:document", args=[doc.pk])).content.decode()
    assert "Bị sửa đổi, bổ sung bởi" in page and amending.code in page
    assert "Hết hiệu lực một phần" in page
    other = client.get(reverse("gazette_public:document", args=[amending.pk])).content.decode()
    assert "sửa đổi, bổ sung" in other and doc.code in other
    before = client.get(
        reverse("gazette_public:document", args=[doc.pk]), {"ngay": "2025-04-14"}
    ).content.decode()
    assert "Còn hiệu lực" in before


def test_the_atom_feed_lists_newly_published_documents(client: Any, doc: LegalDocument) -> None:
    response = client.get(reverse("gazette_public:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, no entities
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert titles == [f"{doc.code} — {doc.title}"]


def test_an_editor_enters_a_document_through_the_form_and_sees_the_error_summary(
    client_for: Any, gazette: Any
) -> None:
    client = client_for(gazette.editor)
    form = {
        "issuer": gazette.world.province.pk,
        "doc_type": "qd_ubnd_tinh",
        "code": "50/2025/QĐ-UBND",
        "title": "Quy định về quản lý chợ",
        "issue_date": "2025-05-02",
        "effective_date": "2025-05-20",
        "expiry_date": "2025-05-10",
        "signer_title": "Phó Chủ tịch",
        "signer_name": "Lê Văn Ký",
        "legal_fields": ["investment"],
    }
    bad = client.post(reverse("gazette:document_new"), form)
    body = bad.content.decode()
    assert bad.status_code == 200
    assert 'class="error-summary"' in body
    assert "Ngày hết hiệu lực (10/05/2025) phải sau ngày có hiệu lực (20/05/2025)." in body
    assert 'href="#id_expiry_date"' in body
    form["expiry_date"] = ""
    good = client.post(reverse("gazette:document_new"), form)
    document = LegalDocument.objects.get(code="50/2025/QĐ-UBND")
    assert good["Location"] == reverse("gazette:document", args=[document.pk])
    pdf = SimpleUploadedFile("qd-50.pdf", make_pdf("Quyet dinh 50"), "application/pdf")
    client.post(reverse("gazette:document_pdf", args=[document.pk]), {"pdf": pdf})
    not_pdf = SimpleUploadedFile("anh.pdf", b"\x89PNG\r\n\x1a\nxxxx", "application/pdf")
    refused = client.post(reverse("gazette:document_pdf", args=[document.pk]), {"pdf": not_pdf})
    assert "không phải là tệp PDF" in refused.content.decode()
    client.post(reverse("gazette:document_publish", args=[document.pk]))
    document.refresh_from_db()
    assert document.state == DocState.PUBLISHED and document.signed_pdf is not None
    download = client.get(reverse("gazette_public:document_pdf", args=[document.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_an_editor_records_a_relation_by_notation_and_a_cycle_is_refused_on_the_page(
    client_for: Any, gazette: Any, doc: LegalDocument
) -> None:
    client = client_for(gazette.editor)
    newer = make_document(gazette.world.province, number=11, year=2025)
    url = reverse("gazette:relation_add", args=[newer.pk])
    client.post(url, {"kind": "replaces", "target": "3/2025/qd-ubnd"})
    assert newer.relations.get().target == doc
    back = client.post(
        reverse("gazette:relation_add", args=[doc.pk]),
        {"kind": "replaces", "target": newer.code},
    )
    assert "vòng tròn" in back.content.decode()
    missing = client.post(url, {"kind": "amends", "target": "999/2025/QĐ-UBND"})
    assert "Không tìm thấy văn bản" in missing.content.decode()


def test_a_gazette_issue_is_compiled_and_published(
    client_for: Any, gazette: Any, doc: LegalDocument
) -> None:
    client = client_for(gazette.editor)
    client.post(
        reverse("gazette:issues"),
        {"publisher": gazette.world.province.pk, "date": "2025-06-30", "number": ""},
    )
    issue = GazetteIssue.objects.get()
    assert (issue.number, issue.year) == (1, 2025)
    client.post(reverse("gazette:issue", args=[issue.pk]), {"code": doc.code})
    client.post(reverse("gazette:issue_publish", args=[issue.pk]))
    issue.refresh_from_db()
    assert issue.state == "published" and issue.pdf is not None
    entry = issue.entries.get()
    assert (entry.page_from, entry.page_to) == (2, 2)
    public = client.get(reverse("gazette_public:issue", args=[issue.pk])).content.decode()
    assert doc.code in public
    page = client.get(reverse("gazette_public:document", args=[doc.pk])).content.decode()
    assert "Số 1/2025" in page
    pdf = client.get(reverse("gazette_public:issue_pdf", args=[issue.pk]))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")


def test_public_pages_are_served_from_the_cache_until_something_is_published(
    client: Any, gazette: Any, doc: LegalDocument
) -> None:
    url = reverse("gazette_public:search")
    first = client.get(url, {"q": "hoc phi"})
    assert first.get("X-Cache") is None
    again = client.get(url, {"q": "hoc phi"})
    assert again["X-Cache"] == "hit" and again.content == first.content
    newer = make_document(gazette.world.province, number=77, year=2025)
    from egov.gazette.pagecache import forget_version

    forget_version()  # what the publishing process does on commit; others within a second
    fresh = client.get(url, {"q": "hoc phi"})
    assert fresh.get("X-Cache") is None
    assert newer.code in fresh.content.decode()
