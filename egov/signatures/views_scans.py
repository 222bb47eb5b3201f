"""Scanned paper documents: upload a scan, read it (OCR on a copy), then the e-office's
registration form opens with each suggested field pre-filled for the clerk to confirm or
correct (``prefill.py``). A refusal (not a PDF, a corrupted scan) shows on the form."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from egov.documents.access import clerk_units
from egov.documents.actions.files import Upload
from egov.lib.errors import ActionError
from egov.signatures.actions import scans
from egov.signatures.forms import ScanUploadForm
from egov.signatures.models import ScanReading
from egov.signatures.prefill import registration_url


def _clerk_units(request: HttpRequest) -> list[Any]:
    units = clerk_units(request.user)
    if not units:
        raise Http404
    return units


@login_required
@require_http_methods(["GET", "POST"])
def scan_new(request: HttpRequest) -> HttpResponse:
    _clerk_units(request)
    form = ScanUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            reading = scans.read_scan(
                actor=request.user, upload=Upload.from_django(form.cleaned_data["file"])
            )
        except ActionError as error:
            form.add_error("file", error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            return redirect(registration_url(reading))
    return render(request, "signatures/scan_new.html", {"form": form})


@login_required
def scan_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The suggestions are confirmed on the registration form itself (an old link lands
    there)."""
    _clerk_units(request)
    reading = get_object_or_404(ScanReading, pk=pk, created_by=request.user, incoming__isnull=True)
    return redirect(registration_url(reading))
