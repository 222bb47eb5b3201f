import pytest

from egov.accounts.actions import create_api_token
from egov.documents.models import IncomingDocument
from egov.documents.testing import make_pdf

pytestmark = pytest.mark.django_db
API = "/api/v1/documents"


def token_for(user):
    from egov.accounts.models import ApiToken

    name = f"scanner {ApiToken.objects.count()}"
    _token, raw = create_api_token(actor=user, user=user, name=name)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def form(world, **extra):
    data = {
        "unit_id": world.home_affairs.pk,
        "document_type": "cong-van",
        "subject": "Về việc rà soát biên chế",
        "issuer_name": "Sở Tài chính",
        "code_number": "15",
        "code_notation": "STC-NS",
    }
    data.update(extra)
    return data


def test_a_scanner_registers_a_pdf_with_a_token(client, world, tmp_path):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(make_pdf("Ra soat bien che"))
    with pdf.open("rb") as handle:
        response = client.post(
            f"{API}/incoming", {**form(world), "files": handle}, **token_for(world.clerk)
        )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["arrival_number"] == 1 and body["type_name"] == "Công văn"
    assert IncomingDocument.objects.get().attachments.count() == 1


def test_bad_input_comes_back_as_422_with_a_code_and_a_vietnamese_message(client, world):
    response = client.post(f"{API}/incoming", form(world, subject=""), **token_for(world.clerk))
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["code"] == "subject_required" and "Trích yếu" in error["message"]
    assert not IncomingDocument.objects.exists()


def test_only_clerks_register_and_outsiders_cannot_read(client, world):
    response = client.post(f"{API}/incoming", form(world), **token_for(world.outsider))
    assert response.status_code == 403
    client.post(f"{API}/incoming", form(world, channel="paper"), **token_for(world.clerk))
    document = IncomingDocument.objects.get()
    assert (
        client.get(f"{API}/incoming/{document.pk}", **token_for(world.outsider)).status_code == 404
    )
    assert client.get(f"{API}/incoming", **token_for(world.outsider)).json() == []
    listed = client.get(f"{API}/incoming?q=ra soat", **token_for(world.leader)).json()
    assert [d["id"] for d in listed] == [document.pk]


def test_anonymous_callers_are_refused(client):
    assert client.get(f"{API}/incoming").status_code == 401
    assert client.get(f"{API}/work").status_code == 401
