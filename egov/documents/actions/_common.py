from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.documents.models import IncomingTransition, OutgoingTransition
from egov.lib.errors import ActionError


def require(condition: bool, reason: str) -> None:
    """Raise PermissionDenied (English reason for the logs) unless ``condition``."""
    if not condition:
        raise PermissionDenied(reason)


def actor_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def incoming_transition(
    document: Any,
    *,
    action: str,
    actor: Any,
    to_status: str = "",
    from_status: str = "",
    assignment: Any = None,
    note: str = "",
) -> IncomingTransition:
    return IncomingTransition.objects.create(
        document=document,
        assignment=assignment,
        action=action,
        from_status=from_status,
        to_status=to_status,
        actor=actor_or_none(actor),
        at=timezone.now(),
        note=note,
    )


def outgoing_transition(
    document: Any, *, action: str, actor: Any, from_status: str, to_status: str, note: str = ""
) -> OutgoingTransition:
    return OutgoingTransition.objects.create(
        document=document,
        action=action,
        from_status=from_status,
        to_status=to_status,
        actor=actor_or_none(actor),
        at=timezone.now(),
        note=note,
    )


def required_text(value: str, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ActionError(message, code=f"{field}_required", field=field)
    return value


def subject_text(value: str) -> str:
    from egov.documents import constants as c
    from egov.lib.text import clean

    subject = clean(value or "")
    if not subject:
        raise ActionError(
            _("Trích yếu không được để trống."), code="subject_required", field="subject"
        )
    if len(subject) > c.SUBJECT_MAX:
        raise ActionError(
            _("Trích yếu dài %(n)s ký tự, tối đa %(max)s.")
            % {"n": len(subject), "max": c.SUBJECT_MAX},
            code="subject_too_long",
            field="subject",
        )
    return subject
