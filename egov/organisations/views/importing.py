"""Import and export of units and staff (XLSX/CSV)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from egov.organisations import access


@login_required
def import_data(request: HttpRequest) -> HttpResponse:
    if not access.can_administer_anything(request.user):
        raise PermissionDenied
    return render(request, "organisations/import.html", {})
