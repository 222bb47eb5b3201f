"""The handling slip of an incoming document, printed from its page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from egov.documents.models import IncomingDocument
from egov.records.actions.slips import print_handling_slip


@login_required
def incoming_slip(request: HttpRequest, pk: int) -> HttpResponse:
    document = (
        IncomingDocument.objects.select_related("unit", "document_type").filter(pk=pk).first()
    )
    if document is None:
        raise Http404
    try:
        data = print_handling_slip(actor=request.user, document=document)
    except PermissionDenied as exc:
        raise Http404 from exc
    response = HttpResponse(data, content_type="application/pdf")
    name = f"phieu-giai-quyet-{document.year}-{document.arrival_number}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
