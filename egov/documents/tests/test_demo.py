import pytest
from django.core.management import call_command

from egov.documents import demo
from egov.documents.choices import IncomingStatus, OutgoingStatus
from egov.documents.models import IncomingDocument, OutgoingDocument


@pytest.mark.django_db
def test_the_demo_has_documents_in_every_state_and_loads_once(settings):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123 - discard
    assert demo.loaded()
    statuses = set(IncomingDocument.objects.values_list("status", flat=True))
    assert {IncomingStatus.PRESENTED, IncomingStatus.IN_PROGRESS, IncomingStatus.DONE} <= statuses
    numbers = list(
        IncomingDocument.objects.order_by("arrived_at").values_list("arrival_number", flat=True)
    )
    assert numbers == sorted(numbers)
    issued = OutgoingDocument.objects.get(status=OutgoingStatus.ISSUED)
    assert issued.code_notation.startswith("SNV-") and issued.code_number == "01"
    count = IncomingDocument.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123 - discard
    assert IncomingDocument.objects.count() == count
