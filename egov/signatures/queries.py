"""Reads of the signatures part. ``verify_pdf`` is the query other apps call to verify a
signed PDF (it touches no database)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from egov.signatures.choices import Outcome, SignatureRole
from egov.signatures.models import Signature, SigningKey, Verification
from egov.signatures.verify import VerificationResult, describe, verify_pdf

__all__ = [
    "SigningState",
    "VerificationResult",
    "describe",
    "failing_incoming_ids",
    "failing_signature_condition",
    "signing_state",
    "verifications_of",
    "verify_pdf",
]


@dataclass(frozen=True)
class SigningState:
    """Where an outgoing document stands with its two signatures."""

    signer: Signature | None
    organisation: list[Signature]

    @property
    def complete(self) -> bool:
        return self.signer is not None and bool(self.organisation)


def signing_state(document: Any) -> SigningState:
    signatures = list(
        Signature.objects.filter(document=document)
        .select_related("signed", "signed_by", "key")
        .order_by("signed_at", "pk")
    )
    signer = next((s for s in reversed(signatures) if s.role == SignatureRole.SIGNER), None)
    organisation = [s for s in signatures if s.role != SignatureRole.SIGNER]
    return SigningState(signer=signer, organisation=organisation)


def verifications_of(document: Any) -> QuerySet[Verification]:
    return Verification.objects.filter(incoming=document).order_by("checked_at", "pk")


def failing_incoming_ids() -> QuerySet[Verification, int]:
    """Incoming documents flagged by a failing verification (for lists and reports)."""
    return Verification.objects.filter(
        outcome__in=(Outcome.INVALID, Outcome.UNTRUSTED, Outcome.UNREADABLE),
        incoming__isnull=False,
    ).values_list("incoming_id", flat=True)


def failing_signature_condition() -> Exists:
    """Whether an incoming document row carries a failing verification (an ``Exists`` over
    ``failing_incoming_ids``): the flag on the incoming list, read in the list's own query."""
    return Exists(failing_incoming_ids().filter(incoming_id=OuterRef("pk")))


def active_key(*, owner: Any = None, unit: Any = None) -> SigningKey | None:
    if owner is not None:
        return SigningKey.objects.filter(owner=owner, active=True).first()
    return SigningKey.objects.filter(unit=unit, active=True).first()
