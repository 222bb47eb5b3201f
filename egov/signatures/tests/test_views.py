"""The signing screens: who sees which form, a refusal's message, the access matrix."""

import pytest
from django.urls import reverse

from egov.signatures.models import Signature
from egov.signatures.testing import PASSWORD, organisation_key, personal_key
from egov.signatures.tests.helpers import approved, issue

pytestmark = pytest.mark.django_db


def detail(document):
    return reverse("documents:outgoing_detail", args=[document.pk])


def test_the_signer_sees_the_sign_form_and_signs(office, pki, client_for):
    personal_key(office.leader, pki)
    document = approved(office)
    page = client_for(office.leader).get(detail(document))
    assert 'data-testid="signature-panel"' in page.text
    assert reverse("signatures:sign", args=[document.pk]) in page.text
    response = client_for(office.leader).post(
        reverse("signatures:sign", args=[document.pk]), {"secret": PASSWORD}, follow=True
    )
    assert "Đã ký số văn bản" in response.text
    assert Signature.objects.filter(document=document).count() == 1


def test_a_wrong_password_shows_its_message_and_signs_nothing(office, pki, client_for):
    personal_key(office.leader, pki)
    document = approved(office)
    response = client_for(office.leader).post(
        reverse("signatures:sign", args=[document.pk]), {"secret": "sai"}, follow=True
    )
    assert "Mật khẩu của tệp khóa không đúng." in response.text
    assert not Signature.objects.exists()


def test_the_clerk_seals_after_numbering_and_downloads_the_result(office, pki, client_for):
    personal_key(office.leader, pki)
    organisation_key(office.clerk, office.home_affairs, pki)
    document = approved(office)
    client_for(office.leader).post(
        reverse("signatures:sign", args=[document.pk]), {"secret": PASSWORD}
    )
    issue(office, document)
    clerk = client_for(office.clerk)
    assert reverse("signatures:seal", args=[document.pk]) in clerk.get(detail(document)).text
    clerk.post(reverse("signatures:seal", args=[document.pk]), {"secret": PASSWORD})
    sealed = Signature.objects.get(document=document, role="organisation")
    response = clerk.get(reverse("signatures:signed_file", args=[document.pk, sealed.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("who", ["outsider", "specialist", "clerk"])
def test_nobody_but_the_signer_may_sign(office, pki, client_for, who):
    personal_key(getattr(office, who), pki)
    document = approved(office)
    response = client_for(getattr(office, who)).post(
        reverse("signatures:sign", args=[document.pk]), {"secret": PASSWORD}
    )
    assert response.status_code == 404
    assert not Signature.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(office, client):
    document = approved(office)
    for name, method in (("sign", "post"), ("seal", "post")):
        response = getattr(client, method)(reverse(f"signatures:{name}", args=[document.pk]))
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert client.get(reverse("signatures:keys")).status_code == 302


def test_an_outsider_cannot_download_a_signed_file(office, pki, client_for):
    personal_key(office.leader, pki)
    document = approved(office)
    client_for(office.leader).post(
        reverse("signatures:sign", args=[document.pk]), {"secret": PASSWORD}
    )
    signature = Signature.objects.get()
    url = reverse("signatures:signed_file", args=[document.pk, signature.pk])
    assert client_for(office.outsider).get(url).status_code == 404


def test_a_person_registers_their_own_key_on_the_key_page(office, pki, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from egov.signatures import appearance

    client = client_for(office.specialist)
    response = client.post(
        reverse("signatures:keys"),
        {
            "file": SimpleUploadedFile("khoa.p12", pki.files["signer"].read_bytes()),
            "password": "sai",
            "image": SimpleUploadedFile("chu-ky.png", appearance.sample_signature_png()),
        },
    )
    assert "Mật khẩu của tệp khóa không đúng." in response.text
    response = client.post(
        reverse("signatures:keys"),
        {
            "file": SimpleUploadedFile("khoa.p12", pki.files["signer"].read_bytes()),
            "password": PASSWORD,
            "image": SimpleUploadedFile("chu-ky.png", appearance.sample_signature_png()),
        },
        follow=True,
    )
    assert "Đã đăng ký khóa ký số." in response.text
    assert "Nguyễn Văn Ký" in response.text


def test_the_clerk_seals_a_copy_from_the_document_page(office, pki, client_for):
    from egov.documents.actions.copies import make_copy
    from egov.signatures.models import CopySeal

    personal_key(office.leader, pki)
    organisation_key(office.clerk, office.home_affairs, pki)
    document = approved(office)
    client_for(office.leader).post(
        reverse("signatures:sign", args=[document.pk]), {"secret": PASSWORD}
    )
    issued = issue(office, document)
    copy = make_copy(actor=office.clerk, unit=office.home_affairs, form="SY", outgoing=issued)
    clerk = client_for(office.clerk)
    page = clerk.get(detail(document))
    assert 'data-testid="copy-seal-panel"' in page.text
    assert reverse("signatures:seal_copy", args=[copy.pk]) in page.text
    response = clerk.post(
        reverse("signatures:seal_copy", args=[copy.pk]), {"secret": PASSWORD}, follow=True
    )
    assert "Đã ký số bản sao điện tử." in response.text
    seal = CopySeal.objects.get(copy=copy)
    assert seal.name in response.text
    download = clerk.get(reverse("signatures:copy_file", args=[copy.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    outsider = client_for(office.outsider)
    assert outsider.get(reverse("signatures:copy_file", args=[copy.pk])).status_code == 404
    assert (
        outsider.post(reverse("signatures:seal_copy", args=[copy.pk]), {"secret": "x"}).status_code
        == 404
    )


def test_a_citizen_has_no_key_page(office, client_for):
    assert client_for(office.citizen).get(reverse("signatures:keys")).status_code == 404
    assert client_for(office.outsider).get(reverse("signatures:keys")).status_code == 200
