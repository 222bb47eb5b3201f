import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied

from egov.audit.models import AuditEvent
from egov.documents.actions.incoming import register_incoming
from egov.documents.choices import Channel, Secrecy, Urgency
from egov.documents.models import IncomingDocument, StoredFile
from egov.documents.testing import doc_type, make_pdf, upload
from egov.lib.errors import ActionError

pytestmark = pytest.mark.django_db
VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def register(world, **overrides):
    values = dict(
        actor=world.clerk,
        unit=world.home_affairs,
        document_type=doc_type("cong-van"),
        subject="Về việc tuyển dụng công chức năm 2026",
        issuer_name="Ủy ban nhân dân tỉnh An Giang",
        issuer_code="000.00.00.H01",
        code_number="459",
        code_notation="UBND-TTTH",
        issued_date=dt.date(2026, 1, 5),
    )
    values.update(overrides)
    return register_incoming(**values)


def test_arrival_numbers_run_per_year_from_one(world):
    first = register(world, code_number="1")
    second = register(world, code_number="2")
    assert (first.arrival_number, second.arrival_number) == (1, 2)
    next_year = register(
        world,
        code_number="3",
        arrived_at=dt.datetime(2027, 1, 1, 0, 5, tzinfo=VN),
    )
    assert (next_year.year, next_year.arrival_number) == (2027, 1)


def test_the_year_boundary_is_that_of_vietnam(world):
    # 31/12/2026 18:30 UTC is already 1 January 2027 in Hanoi.
    doc = register(world, arrived_at=dt.datetime(2026, 12, 31, 18, 30, tzinfo=dt.UTC))
    assert doc.year == 2027


def test_paper_and_electronic_share_one_series_but_secret_has_its_own(world):
    from egov.documents.actions.registers import grant_clearance

    grant_clearance(
        actor=world.unit_admin, user=world.clerk, unit=world.home_affairs, level=Secrecy.SECRET
    )
    paper = register(world, code_number="10")
    electronic = register(world, code_number="11", channel=Channel.ELECTRONIC, uploads=[upload()])
    secret = register(world, code_number="12", secrecy=Secrecy.SECRET)
    assert (paper.arrival_number, electronic.arrival_number) == (1, 2)
    assert secret.arrival_number == 1
    assert secret.register != paper.register and secret.register.is_secret


def test_a_clerk_without_clearance_cannot_register_a_secret_document(world):
    with pytest.raises(PermissionDenied):
        register(world, secrecy=Secrecy.SECRET)
    assert not IncomingDocument.objects.exists()


def test_it_warns_of_a_probable_duplicate_and_saves_nothing(world):
    register(world)
    with pytest.raises(ActionError) as error:
        register(world, code_notation="ubnd-ttth")
    assert error.value.code == "probable_duplicate"
    assert "số đến 1/" in error.value.messages[0]
    assert IncomingDocument.objects.count() == 1
    confirmed = register(world, allow_duplicate=True)
    assert confirmed.arrival_number == 2


def test_the_same_organ_document_id_is_a_duplicate(world):
    register(world, organ_document_id="abc-123", code_number="1")
    with pytest.raises(ActionError) as error:
        register(world, organ_document_id="abc-123", code_number="2")
    assert error.value.code == "probable_duplicate"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"subject": "   "}, "subject_required"),
        ({"subject": "x" * 501}, "subject_too_long"),
        ({"issuer_name": ""}, "issuer_required"),
        ({"due_date": dt.date(2026, 1, 1)}, "due_before_issued"),
        ({"issued_date": dt.date(2099, 1, 1)}, "issued_date_in_future"),
        ({"channel": Channel.ELECTRONIC}, "file_required"),
        ({"uploads": [upload("scan.pdf", b"PK\x03\x04not really")]}, "file_type_unknown"),
        ({"uploads": [upload("scan.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 20)]}, "file_type_mismatch"),
        ({"uploads": [upload("broken.pdf", b"%PDF-1.4\nthis is not a pdf")]}, "pdf_unreadable"),
        ({"uploads": [upload("empty.pdf", b"")]}, "file_empty"),
    ],
)
def test_bad_input_gets_a_specific_error_and_saves_nothing(world, overrides, code):
    with pytest.raises(ActionError) as error:
        register(world, **overrides)
    assert error.value.code == code
    assert not IncomingDocument.objects.exists()
    assert not StoredFile.objects.exists()


def test_a_200_mb_upload_is_refused_before_reading_it(world):
    from egov.documents.actions.files import Upload

    huge = Upload(stream=__import__("io").BytesIO(b"%PDF-"), name="big.pdf", size=200 * 1024 * 1024)
    with pytest.raises(ActionError) as error:
        register(world, uploads=[huge])
    assert error.value.code == "file_too_large"
    assert "200 MB" in error.value.messages[0]


def test_only_a_clerk_of_the_unit_registers(world):
    for user in (world.outsider, world.specialist, world.commune_clerk, world.citizen):
        with pytest.raises(PermissionDenied):
            register(world, actor=user)


def test_a_pdf_is_stored_once_under_its_hash_with_its_text(world):
    data = make_pdf("Quyet dinh phe duyet ke hoach", pages=3)
    first = register(world, uploads=[upload("qd.pdf", data)], code_number="1")
    second = register(world, uploads=[upload("copy.pdf", data)], code_number="2")
    assert StoredFile.objects.count() == 1
    stored = StoredFile.objects.get()
    assert stored.page_count == 3 and "phe duyet" in stored.text
    assert first.page_amount == 3 and second.attachments.get().name == "copy.pdf"


def test_the_index_written_at_registration_is_the_one_a_reindex_writes(world):
    """Registration stores the search vector in its INSERT; it must equal what
    ``index_incoming`` computes afterwards, the PDF's text and file name included."""
    from egov.documents.search import index_incoming, search_query

    data = make_pdf("Phuong an phong chong thien tai mua lu", pages=1)
    doc = register(world, uploads=[upload("phuong-an.pdf", data)])
    written = IncomingDocument.objects.get(pk=doc.pk).search_vector
    index_incoming(doc)
    assert IncomingDocument.objects.get(pk=doc.pk).search_vector == written
    for words in ("tuyen dung cong chuc", "thien tai mua lu", "ubnd ttth 459", "phuong-an"):
        found = IncomingDocument.objects.filter(search_vector=search_query(words))
        assert list(found) == [doc], words


def test_urgent_documents_notify_the_leaders_at_once(world):
    from egov.accounts.models import Notification

    register(world, urgency=Urgency.FLASH)
    note = Notification.objects.get(user=world.leader)
    assert note.urgent and "Hỏa tốc" in note.text


def test_registration_is_audited(world):
    doc = register(world)
    event = AuditEvent.objects.get(action="documents.incoming.register")
    assert event.object_id == str(doc.pk)
    assert (event.after or {})["arrival_number"] == 1
