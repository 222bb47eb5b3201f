import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.documents.actions.catalogue import save_document_type
from egov.documents.models import DocumentType
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _types(db):
    from egov.documents.actions.catalogue import ensure_document_types

    ensure_document_types()  # a transactional test may have emptied the table


def test_the_29_types_of_decree_30_are_loaded_with_their_abbreviations():
    assert DocumentType.objects.count() == 29
    assert DocumentType.objects.get(name="Quy định").abbreviation == "QyĐ"
    assert DocumentType.objects.get(name="Công văn").is_letter


def test_an_administrator_changes_a_delivery_rule_and_it_is_audited(world):
    invitation = DocumentType.objects.get(code="giay-moi")
    save_document_type(
        actor=world.admin,
        document_type=invitation,
        name=invitation.name,
        abbreviation="GM",
        can_be_legal=False,
        delivery_rule="parallel",
    )
    invitation.refresh_from_db()
    assert invitation.delivery_rule == "parallel"
    event = AuditEvent.objects.get(action="documents.type.save")
    assert event.before == {"delivery_rule": "electronic_only"}


def test_a_new_local_type_gets_a_code(world):
    created = save_document_type(
        actor=world.admin,
        document_type=None,
        name="Kết luận",
        abbreviation="KL",
        can_be_legal=False,
        delivery_rule="parallel",
    )
    assert created.code == "ket-luan"


@pytest.mark.parametrize(
    ("name", "abbr", "code"),
    [
        ("", "X", "name_required"),
        ("Chỉ thị", "ZZ", "name_taken"),
        ("Mới", "CT", "abbreviation_taken"),
        ("Mới", "A/B", "abbreviation_invalid"),
    ],
)
def test_bad_input_is_refused(world, name, abbr, code):
    with pytest.raises(ActionError) as error:
        save_document_type(
            actor=world.admin,
            document_type=None,
            name=name,
            abbreviation=abbr,
            can_be_legal=False,
            delivery_rule="parallel",
        )
    assert error.value.code == code
    assert DocumentType.objects.count() == 29


def test_only_system_administrators_edit_types(world):
    with pytest.raises(PermissionDenied):
        save_document_type(
            actor=world.unit_admin,
            document_type=None,
            name="X",
            abbreviation="",
            can_be_legal=False,
            delivery_rule="parallel",
        )
