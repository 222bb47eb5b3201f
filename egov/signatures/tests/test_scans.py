"""OCR of scanned paper documents: a generated 200 dpi scan read back with OCRmyPDF and
Tesseract's Vietnamese data, its fields suggested, the clerk confirming and registering it;
a corrupted scan refused with its own message."""

import io
import random

import pytest
from django.urls import reverse
from pypdf import PdfReader

from egov.documents.models import IncomingDocument
from egov.documents.testing import doc_type, upload
from egov.lib.errors import ActionError
from egov.organisations.choices import Role
from egov.organisations.testing import hire_with_role
from egov.signatures import ocr
from egov.signatures.actions.scans import read_scan, register_scan
from egov.signatures.models import ScanReading
from egov.signatures.scans import make_scans, make_truth, render

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def scan():
    assert ocr.available(), "ocrmypdf and tesseract-ocr-vie are missing: .ci/run installs them"
    [(truth, data)] = make_scans(1, seed=7)
    return truth, data


def test_the_suggestions_read_from_a_scan_match_what_it_shows(scan):
    truth, data = scan
    result = ocr.run_ocr(data)
    assert PdfReader(io.BytesIO(data)).pages[0].extract_text().strip() == ""  # image only
    assert truth.subject in PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text()
    values = {name: s.value for name, s in result.suggestions.items()}
    assert values["code_number"] == truth.number
    assert values["code_notation"] == truth.notation
    assert values["issued_date"] == truth.issued_date.isoformat()
    assert values["subject"] == truth.subject
    assert values["document_type"] == truth.type_name
    assert values["issuer_name"].casefold() == truth.issuer.casefold()


def test_suggestions_from_a_letter_take_the_subject_after_v_v():
    text = (
        "UBND TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n"
        "Số: 459/SNV-TTTH An Giang, ngày 5 tháng 3 năm 2026\n"
        "V/v tuyển dụng công chức năm 2026\n"
    )
    found = {k: v.value for k, v in ocr.suggest(text).items()}
    assert found == {
        "issuer_name": "Sở Nội Vụ",
        "code_number": "459",
        "code_notation": "SNV-TTTH",
        "issued_date": "2026-03-05",
        "subject": "Về việc tuyển dụng công chức năm 2026",
        "document_type": "Công văn",
    }


def test_the_clerk_confirms_the_suggestions_on_the_registration_form(office, scan, client_for):
    truth, data = scan
    doc_type("cong-van")
    client = client_for(office.clerk)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("signatures:scan_new"), {"file": SimpleUploadedFile("quet.pdf", data)}
    )
    reading = ScanReading.objects.get()
    form_url = f"{reverse('documents:incoming_new')}?scan={reading.pk}"
    assert response["Location"] == form_url
    page = client.get(form_url)
    assert 'data-testid="scan-suggestions"' in page.text
    form = page.context["form"]
    # Each suggested field is pre-filled on the e-office's own form and marked as a suggestion.
    assert form["subject"].value() == truth.subject
    assert form["code_notation"].value() == truth.notation
    assert form["issued_date"].value() == truth.issued_date.isoformat()
    for name in ("subject", "code_number", "code_notation", "issued_date", "issuer_name"):
        assert "Gợi ý từ bản quét, độ tin cậy" in str(form.fields[name].help_text), name
    assert "Gợi ý từ bản quét" not in str(form.fields["signer_name"].help_text)
    posted = {
        "unit": office.home_affairs.pk,
        "document_type": form["document_type"].value() or doc_type("cong-van").pk,
        "code_number": form["code_number"].value(),
        "code_notation": form["code_notation"].value(),
        "issued_date": form["issued_date"].value(),
        "subject": form["subject"].value(),
        "issuer_name": truth.issuer,  # the clerk corrects the capitals
        "signer_name": "Nguyễn Văn An",  # and adds what the scan gave no suggestion for
        "urgency": 0,
        "secrecy": 0,
        "channel": "paper",
    }
    response = client.post(form_url, posted)
    document = IncomingDocument.objects.get()
    assert response["Location"] == reverse("documents:incoming_detail", args=[document.pk]) + (
        "#main"
    )
    assert (document.code_number, document.code_notation) == (truth.number, truth.notation)
    assert document.subject == truth.subject and document.signer_name == "Nguyễn Văn An"
    names = list(document.attachments.values_list("name", flat=True))
    assert names == ["quet.pdf", "quet.ocr.pdf"]
    main = document.attachments.get(is_main=True).file
    with main.content.open("rb") as stream:
        assert stream.read() == data  # the scan as it came
    reading.refresh_from_db()
    assert reading.incoming == document and reading.confirmed["issuer_name"] == truth.issuer
    # Registered once: the form no longer opens for that reading, the old page neither.
    assert client.get(form_url).status_code == 404
    old = client.get(reverse("signatures:scan_confirm", args=[reading.pk]))
    assert old.status_code == 404


def test_a_reading_opens_the_form_only_for_the_clerk_who_read_it(office, scan, client_for):
    _truth, data = scan
    reading = read_scan(actor=office.clerk, upload=upload("quet.pdf", data))
    form_url = f"{reverse('documents:incoming_new')}?scan={reading.pk}"
    assert client_for(office.clerk).get(form_url).status_code == 200
    other_clerk = hire_with_role("clerk2", "Đoàn Thị Văn", office.home_affairs, Role.CLERK)
    assert client_for(other_clerk).get(form_url).status_code == 404
    garbled = reverse("documents:incoming_new") + "?scan=x"
    assert client_for(office.clerk).get(garbled).status_code == 404
    plain = client_for(office.clerk).get(reverse("documents:incoming_new"))
    assert 'data-testid="scan-suggestions"' not in plain.text


def test_a_corrupted_scan_is_refused_and_nothing_is_kept(office, client_for):
    good = render(make_truth(random.Random(1)), random.Random(2))
    broken = good[: len(good) // 3]  # cut off mid-image
    with pytest.raises(ActionError) as error:
        read_scan(actor=office.clerk, upload=upload("quet-hong.pdf", broken))
    assert error.value.code == "pdf_unreadable"  # the upload check stops it before OCR
    assert "quet-hong.pdf" in error.value.messages[0]
    assert not ScanReading.objects.exists()
    with pytest.raises(ActionError) as error:
        ocr.run_ocr(broken)  # and OCRmyPDF refuses it on its own
    assert error.value.code == "scan_corrupted"
    assert "Tệp quét bị hỏng" in error.value.messages[0]


def test_only_a_clerk_reads_scans(office, client_for):
    assert client_for(office.specialist).get(reverse("signatures:scan_new")).status_code == 404
    assert client_for(office.clerk).get(reverse("signatures:scan_new")).status_code == 200


def test_a_reading_is_registered_once(office, scan):
    truth, data = scan
    reading = read_scan(actor=office.clerk, upload=upload("quet.pdf", data))
    kwargs = {
        "actor": office.clerk,
        "reading": reading,
        "unit": office.home_affairs,
        "document_type": doc_type("cong-van"),
        "issuer_name": truth.issuer,
        "subject": truth.subject,
    }
    register_scan(**kwargs)
    with pytest.raises(ActionError) as error:
        register_scan(**kwargs)
    assert error.value.code == "scan_already_registered"
