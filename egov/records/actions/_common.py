from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.lib.errors import ActionError
from egov.records.models import CaseFile, CaseFileTransition


def require(condition: bool, reason: str) -> None:
    """Raise PermissionDenied (English reason for the logs) unless ``condition``."""
    if not condition:
        raise PermissionDenied(reason)


def actor_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def lock(case_file: CaseFile) -> CaseFile:
    """Re-read the file under a row lock: two clerks acting at once see each other's change."""
    return CaseFile.objects.select_for_update().select_related("unit").get(pk=case_file.pk)


def refuse_if_frozen(case_file: CaseFile) -> None:
    """A handed-over file is frozen: no change, no deletion (Phụ lục VI, IV: freeze)."""
    if case_file.is_frozen:
        raise ActionError(
            _("Hồ sơ “%(code)s” đã nộp lưu nên không được sửa, xóa hay thay đổi văn bản.")
            % {"code": case_file.code},
            code="file_frozen",
        )


def transition(
    case_file: CaseFile,
    *,
    action: str,
    actor: Any,
    from_status: str,
    to_status: str,
    note: str = "",
) -> CaseFileTransition:
    return CaseFileTransition.objects.create(
        case_file=case_file,
        action=action,
        from_status=from_status,
        to_status=to_status,
        actor=actor_or_none(actor),
        at=timezone.now(),
        note=note,
    )
