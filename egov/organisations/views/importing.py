"""Import and export of units and staff (XLSX/CSV).

Imports run synchronously inside the request, and the 20,000-row limit
(``egov.lib.tabular.MAX_ROWS``, with ``settings.EGOV_IMPORT_MAX_BYTES``) is what keeps that
reasonable: the user sees the report at once and no job table is needed. Measured here,
validation costs about 1 ms a row (20,000 rows: about 20 s) and writing goes through the
registry's actions at about 13 ms per new person, so the largest file of all-new rows takes
a few minutes: the web server's timeout for this path must allow it. Beyond that limit the
next step is a background task over the same ``import_*`` functions. The report lives only
in the response (no table, no migration).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from egov.lib.dates import parse_iso_date
from egov.lib.errors import ActionError
from egov.organisations import access
from egov.organisations.forms import ImportForm
from egov.organisations.importing import ImportReport, import_staff, import_units
from egov.organisations.importing.export import (
    FORMATS,
    ExportFile,
    Format,
    export_staff,
    export_units,
    template_file,
)

#: Errors listed on the page; beyond this the summary says how many more there are.
ERRORS_SHOWN = 500


def _require_admin(request: HttpRequest) -> None:
    if not access.can_administer_anything(request.user):
        raise PermissionDenied


def _download(export: ExportFile) -> HttpResponse:
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_data(request: HttpRequest) -> HttpResponse:
    """Choose units or staff, upload, see the report (errors with nothing written, or the
    counts of what was written)."""
    _require_admin(request)
    report: ImportReport | None = None
    file_error = ""
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            importer = import_units if form.cleaned_data["kind"] == "units" else import_staff
            try:
                report = importer(actor=request.user, file=form.cleaned_data["file"])
            except ActionError as exc:
                file_error = " ".join(exc.messages)
    else:
        form = ImportForm(initial={"kind": request.GET.get("kind", "staff")})
    return render(
        request,
        "organisations/import.html",
        {
            "form": form,
            "report": report,
            "file_error": file_error,
            "errors_shown": report.errors[:ERRORS_SHOWN] if report else [],
            "errors_hidden": max(0, len(report.errors) - ERRORS_SHOWN) if report else 0,
            "max_mb": settings.EGOV_IMPORT_MAX_BYTES // (1024 * 1024),
        },
    )


@login_required
@require_GET
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    """The blank XLSX template: the header row and one example row."""
    _require_admin(request)
    if kind not in ("units", "staff"):
        raise Http404
    return _download(template_file("units" if kind == "units" else "staff"))


def _format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise Http404
    return fmt


@login_required
@require_GET
def export_units_file(request: HttpRequest, fmt: str) -> HttpResponse:
    """Units in force today, or on ``?as_of=`` with the names and parents they had then."""
    if not access.can_view_registry(request.user):
        raise PermissionDenied
    raw = request.GET.get("as_of", "").strip()
    try:
        as_of = parse_iso_date(raw) if raw else None
    except ValueError:
        message = _("Ngày “%(raw)s” không hợp lệ; hãy ghi dạng DD/MM/YYYY.") % {"raw": raw}
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    return _download(export_units(user=request.user, fmt=_format(fmt), as_of=as_of))


@login_required
@require_GET
def export_staff_file(request: HttpRequest, fmt: str) -> HttpResponse:
    """Staff the user may see; personal details only where the user may see them."""
    if not access.can_view_registry(request.user):
        raise PermissionDenied
    return _download(export_staff(user=request.user, fmt=_format(fmt)))


__all__ = [
    "ImportForm",
    "export_staff_file",
    "export_units_file",
    "import_data",
    "import_template",
]
