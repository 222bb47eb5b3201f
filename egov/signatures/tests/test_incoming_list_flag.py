"""The incoming list flags a document whose signed PDF failed verification (through
``documents.hooks.on_incoming_row_badge``), in the list's own query."""

import pytest
from django.urls import reverse

from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import Channel
from egov.documents.testing import doc_type, make_pdf, upload
from egov.signatures.tests.test_verify import signed_by

pytestmark = pytest.mark.django_db

LIST = reverse("documents:incoming_list")
FLAG = "Chữ ký số không đạt"


def received(office, subject, data):
    return register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("cong-van"),
        subject=subject,
        issuer_name="Ủy ban nhân dân tỉnh An Giang",
        channel=Channel.ELECTRONIC,
        uploads=[upload("cong-van.pdf", data)],
    )


def altered(pki):
    bad = bytearray(signed_by(pki, data=make_pdf("Noi dung da ky")))
    index = bad.find(b"Noi dung da ky")
    bad[index : index + 3] = b"ABC"
    return bytes(bad)


def row_of(page, subject):
    """The table row of the list that holds ``subject``."""
    end = page.index(subject)
    return page[page.rindex("<tr", 0, end) : page.index("</tr>", end)]


def test_a_document_whose_signature_failed_is_flagged_in_the_list(office, pki, client_for):
    received(office, "Về việc văn bản ký hợp lệ", signed_by(pki))
    received(office, "Về việc văn bản bị sửa sau khi ký", altered(pki))
    received(office, "Về việc văn bản không ký", make_pdf("Khong ky"))
    page = client_for(office.clerk).get(LIST).content.decode()
    assert FLAG in row_of(page, "Về việc văn bản bị sửa sau khi ký")
    assert 'class="badge badge--flag"' in row_of(page, "Về việc văn bản bị sửa sau khi ký")
    assert FLAG not in row_of(page, "Về việc văn bản ký hợp lệ")
    assert FLAG not in row_of(page, "Về việc văn bản không ký")
    assert page.count(FLAG) == 1


def test_the_flag_costs_no_query_per_row(office, pki, client_for, django_assert_max_num_queries):
    client = client_for(office.clerk)
    received(office, "Văn bản đầu tiên bị sửa", altered(pki))
    client.get(LIST)  # warm the session
    with django_assert_max_num_queries(20) as few:
        client.get(LIST)
    bad = altered(pki)
    for number in range(6):
        received(office, f"Văn bản bị sửa số {number}", bad)
    with django_assert_max_num_queries(20) as many:
        page = client.get(LIST).content.decode()
    assert page.count(FLAG) == 7
    assert len(few.captured_queries) == len(many.captured_queries)
