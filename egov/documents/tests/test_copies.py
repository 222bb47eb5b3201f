import pytest
from django.core.exceptions import PermissionDenied

from egov.documents.actions.copies import make_copy
from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import CopyForm
from egov.documents.testing import doc_type
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db


def received(office):
    return register_incoming(
        actor=office.clerk,
        unit=office.home_affairs,
        document_type=doc_type("quyet-dinh"),
        subject="Quyết định về tổ chức bộ máy",
        issuer_name="Ủy ban nhân dân tỉnh An Giang",
    )


def test_copies_share_one_yearly_series_whatever_their_form(office):
    document = received(office)
    first = make_copy(
        actor=office.clerk, unit=office.home_affairs, form=CopyForm.SY, incoming=document
    )
    second = make_copy(
        actor=office.clerk,
        unit=office.home_affairs,
        form=CopyForm.TRS,
        incoming=document,
        excerpt="Điều 2",
    )
    assert (str(first), str(second)) == ("01/SY-SNV", "02/TrS-SNV")
    assert first.register.kind == "copy"


def test_an_excerpt_must_say_what_is_copied(office):
    with pytest.raises(ActionError) as error:
        make_copy(
            actor=office.clerk,
            unit=office.home_affairs,
            form=CopyForm.TRS,
            incoming=received(office),
        )
    assert error.value.code == "excerpt_required"


def test_only_the_clerk_of_the_holding_agency_copies(office):
    document = received(office)
    for user in (office.specialist, office.outsider, office.commune_clerk):
        with pytest.raises(PermissionDenied):
            make_copy(actor=user, unit=office.home_affairs, form=CopyForm.SY, incoming=document)
    with pytest.raises(PermissionDenied):
        make_copy(
            actor=office.commune_clerk, unit=office.commune, form=CopyForm.SY, incoming=document
        )


def test_the_clerk_numbers_a_copy_from_the_document_page(client_for, office):
    from django.urls import reverse

    document = received(office)
    page = reverse("documents:incoming_detail", args=[document.pk])
    assert "Cấp số bản sao" in client_for(office.clerk).get(page).content.decode()
    assert "Cấp số bản sao" not in client_for(office.leader).get(page).content.decode()
    url = reverse("documents:copy_make", args=["incoming", document.pk])
    response = client_for(office.clerk).post(url, {"form": "SY", "amount": "2"}, follow=True)
    assert "Đã cấp số bản sao 01/SY-SNV." in response.content.decode()
    refused = client_for(office.clerk).post(url, {"form": "TrS"}, follow=True)
    assert "hãy ghi phần nội dung được trích" in refused.content.decode()
    assert client_for(office.outsider).post(url, {"form": "SY"}).status_code == 404
    assert document.copies.count() == 1
