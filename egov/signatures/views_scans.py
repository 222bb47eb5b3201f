"""Scanned paper documents: upload a scan, read it (OCR on a copy), confirm or correct each
suggested field, register it. A refusal (not a PDF, a corrupted scan) shows on the form."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from egov.documents.access import clerk_units
from egov.documents.actions.files import Upload
from egov.lib.errors import ActionError
from egov.signatures.actions import scans
from egov.signatures.forms import ScanConfirmForm, ScanUploadForm
from egov.signatures.models import ScanReading


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
            return redirect("signatures:scan_confirm", pk=reading.pk)
    return render(request, "signatures/scan_new.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def scan_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    units = _clerk_units(request)
    reading = get_object_or_404(ScanReading, pk=pk, created_by=request.user, incoming__isnull=True)
    form = ScanConfirmForm(request.POST or None, units=units, suggestions=reading.suggestions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = scans.register_scan(actor=request.user, reading=reading, **data)
        except ActionError as error:
            form.add_error(error.field if error.field in form.fields else None, error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(
                request,
                _("Đã vào sổ văn bản đến, số đến %(number)s/%(year)s.")
                % {"number": document.arrival_number, "year": document.year},
            )
            return redirect(reverse("documents:incoming_detail", args=[document.pk]))
    return render(
        request,
        "signatures/scan_confirm.html",
        {"form": form, "reading": reading, "found": len(reading.suggestions)},
    )
