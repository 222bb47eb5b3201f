import pytest
from django.core.management import call_command
from django.urls import reverse

from egov.records import demo
from egov.records.choices import FileStatus
from egov.records.models import CaseFile, CaseFileItem, FilePlanEntry


@pytest.mark.django_db
def test_the_demo_fills_the_records_screens_once(client_for):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123 - discard
    assert demo.loaded()
    assert FilePlanEntry.objects.filter(plan__unit__abbreviation="SNV").count() == len(demo.PLAN)
    statuses = sorted(CaseFile.objects.values_list("status", flat=True))
    assert statuses == sorted([FileStatus.OPEN, FileStatus.OPEN, FileStatus.CLOSED])
    assert all(f.plan_entry_id for f in CaseFile.objects.all())
    assert CaseFileItem.objects.filter(outgoing__isnull=False).exists()
    # One document sits in two files (linked, never copied).
    per_document: dict[int, set[int]] = {}
    pairs = CaseFileItem.objects.filter(incoming__isnull=False).values_list(
        "incoming_id", "case_file_id"
    )
    for incoming_id, case_file_id in pairs:
        per_document.setdefault(incoming_id, set()).add(case_file_id)
    assert any(len(files) == 2 for files in per_document.values())
    closed = CaseFile.objects.get(status=FileStatus.CLOSED)
    assert closed.items.exists() and closed.handover_due is not None
    counts = (CaseFile.objects.count(), CaseFileItem.objects.count())

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123 - discard
    assert (CaseFile.objects.count(), CaseFileItem.objects.count()) == counts

    # The demo clerk sees them on the records screens.
    client = client_for(CaseFile.objects.get(code=demo.MARKER_CODE).created_by)
    listing = client.get(reverse("records:file_list")).content.decode()
    assert all(code in listing for code, *_rest in demo.FILES)
    page = client.get(reverse("records:file_detail", args=[closed.pk])).content.decode()
    assert "Mục lục văn bản" in page and closed.items.count() >= 1
    plan = client.get(reverse("records:plan")).content.decode()
    assert "01.VT" in plan
