"""The signatures section of a document's page (through ``egov.documents.hooks``'s
``on_document_panel``): on an outgoing document, its two signatures and the form to apply the
next one; on an incoming document, the verdict on each received file."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from egov.signatures import access, queries
from egov.signatures.forms import SecretForm


def document_panel(request: Any, kind: str, document: Any) -> str:
    return _signatures_panel(request, kind, document) + _copies_panel(request, document)


def _copies_panel(request: Any, document: Any) -> str:
    """Electronic copies of the document: sealed ones to download, the others to seal for a
    clerk of the copying agency."""
    from egov.documents.access import is_clerk_of
    from egov.signatures.models import CopySeal

    copies = list(document.copies.select_related("unit").order_by("made_at", "pk"))
    if not copies:
        return ""
    seals = {s.copy_id: s for s in CopySeal.objects.filter(copy__in=copies)}
    rows = [
        {
            "copy": copy,
            "seal": seals.get(copy.pk),
            "may_seal": copy.pk not in seals and is_clerk_of(request.user, copy.unit),
        }
        for copy in copies
    ]
    if not any(row["seal"] or row["may_seal"] for row in rows):
        return ""
    return render_to_string(
        "signatures/panel_copies.html", {"rows": rows, "form": SecretForm()}, request=request
    )


def _signatures_panel(request: Any, kind: str, document: Any) -> str:
    user = request.user
    if kind == "outgoing":
        state = queries.signing_state(document)
        may_sign = access.may_sign_as_signer(user, document) and state.signer is None
        may_seal = access.may_seal(user, document) and not state.organisation
        nothing_yet = state.signer is None and not state.organisation and not may_sign
        if nothing_yet and document.status not in ("approved", "issued"):
            return ""
        return render_to_string(
            "signatures/panel_outgoing.html",
            {
                "document": document,
                "state": state,
                "may_sign": may_sign,
                "may_seal": may_seal and state.signer is not None,
                "seal_waits_for_signer": may_seal and state.signer is None,
                "personal_key": queries.active_key(owner=user) if may_sign else None,
                "organisation_key": queries.active_key(unit=document.unit) if may_seal else None,
                "form": SecretForm(),
            },
            request=request,
        )
    if kind == "incoming":
        checks = list(queries.verifications_of(document))
        if not checks:
            return ""
        return render_to_string(
            "signatures/panel_incoming.html",
            {"document": document, "checks": checks, "flagged": any(c.failed for c in checks)},
            request=request,
        )
    return ""
