"""Hand-over (nộp lưu) of a closed file to the agency archive, which freezes it."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents import access as doc_access
from egov.lib.errors import ActionError
from egov.records import audit_names, queries
from egov.records.actions._common import lock, refuse_if_frozen, require, transition
from egov.records.choices import FileStatus
from egov.records.exports.sip import build_package
from egov.records.models import CaseFile, Handover


@transaction.atomic
def hand_over(*, actor: Any, case_file: CaseFile) -> Handover:
    """Build the file's SIP, keep it (write-once, under its digest) and freeze the file.

    Preconditions: the actor is a clerk of the file's agency and sees every document in it
    (a secret one needs the clearance: the package holds them all). Refuses an open file
    and one already handed over. If anything fails, nothing is kept and the file stays
    closed."""
    case_file = lock(case_file)
    require(doc_access.is_clerk_of(actor, case_file.unit), "clerk of the agency required")
    refuse_if_frozen(case_file)
    if case_file.status != FileStatus.CLOSED:
        raise ActionError(_("Chỉ nộp lưu hồ sơ đã kết thúc."), code="file_not_closed")
    hidden = queries.contents(case_file, actor).hidden
    if hidden:
        raise ActionError(
            _(
                "Hồ sơ có %(n)s văn bản mật ngoài phạm vi bạn được xem; "
                "người có quyền tiếp cận phải nộp lưu hồ sơ này."
            )
            % {"n": hidden},
            code="secret_outside_scope",
        )
    now = timezone.now()
    name = getattr(actor, "full_name", "") or getattr(actor, "username", "")
    package = build_package(case_file, actor_name=name, at=now)
    path = f"records/{package.sha256[:2]}/{package.package_id}.zip"
    stored_path = default_storage.save(path, ContentFile(package.data))
    try:
        handover = Handover.objects.create(
            case_file=case_file,
            package=stored_path,
            sha256=package.sha256,
            size=len(package.data),
            package_id=package.package_id,
            handed_over_by=actor,
            at=now,
        )
        case_file.status = FileStatus.HANDED_OVER
        case_file.handed_over_at = now
        case_file.save(update_fields=["status", "handed_over_at"])
        transition(
            case_file,
            action="hand_over",
            actor=actor,
            from_status=FileStatus.CLOSED,
            to_status=FileStatus.HANDED_OVER,
            note=package.package_id,
        )
        record(
            action=audit_names.FILE_HAND_OVER,
            actor=actor,
            obj=case_file,
            unit_id=case_file.unit_id,
            after={"package": package.package_id, "sha256": package.sha256},
        )
    except Exception:
        default_storage.delete(stored_path)  # nothing half-kept
        raise
    return handover
