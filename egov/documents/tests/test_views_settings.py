import pytest

from egov.documents.models import DocumentType

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _types(db):
    from egov.documents.actions.catalogue import ensure_document_types

    ensure_document_types()  # a transactional test may have emptied the table


@pytest.mark.parametrize("persona", ["unit_admin", "leader", "clerk", "outsider", "citizen"])
def test_only_system_administrators_manage_types(client_for, world, persona):
    client = client_for(getattr(world, persona))
    assert client.get("/documents/settings/types/").status_code == 404
    assert client.post("/documents/settings/types/new/", {"name": "X"}).status_code == 404


def test_an_administrator_edits_a_type(client_for, world):
    client = client_for(world.admin)
    assert "Quy định" in client.get("/documents/settings/types/").content.decode()
    notice = DocumentType.objects.get(code="thong-bao")
    response = client.post(
        f"/documents/settings/types/{notice.pk}/",
        {"name": "Thông báo", "abbreviation": "TB", "delivery_rule": "parallel", "active": "on"},
    )
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.delivery_rule == "parallel"


def test_a_taken_abbreviation_is_reported_on_its_field(client_for, world):
    response = client_for(world.admin).post(
        "/documents/settings/types/new/",
        {"name": "Kết luận", "abbreviation": "CT", "delivery_rule": "parallel"},
    )
    page = response.content.decode()
    assert "đã dùng cho loại khác" in page and 'href="#id_abbreviation"' in page
    assert not DocumentType.objects.filter(name="Kết luận").exists()
