"""The fields read from a scan, on the e-office's registration form itself (through
``egov.documents.hooks``'s ``on_registration_prefill``): after the clerk uploads a scan, the
registration form opens with ``?scan=<reading>``, each suggested field pre-filled and its hint
saying it is a suggestion with its confidence, to check against the scan; registering it
attaches the scan and its OCR copy (``actions.scans.register_scan``)."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from egov.documents.hooks import RegistrationPrefill
from egov.documents.models import DocumentType
from egov.signatures.actions.scans import register_scan
from egov.signatures.models import ScanReading

#: The query parameter of the registration form that names the reading.
PARAMETER = "scan"


def registration_url(reading: ScanReading) -> str:
    return f"{reverse('documents:incoming_new')}?{PARAMETER}={reading.pk}"


def registration_prefill(request: Any) -> RegistrationPrefill | None:
    """The clerk's own reading not yet registered, or 404 (absent and foreign alike)."""
    raw = request.GET.get(PARAMETER)
    if raw is None:
        return None
    if not raw.isdigit():
        raise Http404
    reading = ScanReading.objects.filter(
        pk=int(raw), created_by_id=request.user.pk, incoming__isnull=True
    ).first()
    if reading is None:
        raise Http404
    initial: dict[str, Any] = {}
    notes: dict[str, str] = {}
    for name, suggestion in reading.suggestions.items():
        value = suggestion["value"]
        if name == "document_type":
            found = DocumentType.objects.filter(name=value, active=True).first()
            if found is None:
                continue
            value = found.pk
        initial[name] = value
        notes[name] = _(
            "Gợi ý từ bản quét, độ tin cậy %(percent)s%%: đối chiếu với bản quét trước khi vào sổ."
        ) % {"percent": round(100 * suggestion["confidence"])}
    banner = render_to_string(
        "signatures/registration_scan.html",
        {"reading": reading, "found": len(notes)},
        request=request,
    )
    return RegistrationPrefill(
        initial=initial,
        notes=notes,
        banner=banner,
        register=partial(register_scan, reading=reading),
    )
