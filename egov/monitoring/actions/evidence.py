"""Evidence files on an agency's records: the type from the bytes (the name is a claim),
the size before and while reading, stored under the SHA-256 of the content, write-once."""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError, PermissionDenied
from egov.lib.uploads import ACCEPTED_LABEL, EXTENSIONS, sniff
from egov.monitoring import access
from egov.monitoring.audit_names import EVIDENCE_ADD
from egov.monitoring.models import Evidence, ITPlan, ITStaffAssignment, TrainingSession

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

Record = ITPlan | ITStaffAssignment | TrainingSession


def _too_large(name: str) -> ActionError:
    return ActionError(
        _("Tệp “%(name)s” vượt giới hạn %(limit)s MB.")
        % {"name": name, "limit": MAX_EVIDENCE_BYTES // 1048576},
        code="file_too_large",
        field="file",
    )


@transaction.atomic
def attach_evidence(
    *, actor: Any, target: Record, upload: Any, skip_access_check: bool = False
) -> Evidence:
    """Attach a file to a plan, an IT staff assignment or a training session. Preconditions:
    the actor edits the agency's records; the file is at most 10 MB and is a PDF, JPG, PNG,
    DOCX or XLSX by its content, with a matching extension."""
    if not skip_access_check and not access.can_edit_records(actor, target.unit):
        raise PermissionDenied(_("Chỉ lãnh đạo cơ quan được cập nhật hồ sơ này."))
    if upload is None:
        raise ActionError(_("Chọn tệp minh chứng."), code="no_file", field="file")
    name = PurePath(str(upload.name or "tep")).name[:200]
    if (upload.size or 0) > MAX_EVIDENCE_BYTES:
        raise _too_large(name)
    content = upload.read(MAX_EVIDENCE_BYTES + 1)
    if len(content) > MAX_EVIDENCE_BYTES:
        raise _too_large(name)
    media_type = sniff(content)
    if media_type is None or PurePath(name).suffix.lower() not in EXTENSIONS[media_type]:
        raise ActionError(
            _("Tệp “%(name)s” không đúng định dạng. Chỉ nhận: %(accepted)s.")
            % {"name": name, "accepted": ACCEPTED_LABEL},
            code="wrong_file_type",
            field="file",
        )
    sha256 = hashlib.sha256(content).hexdigest()
    path = f"monitoring/{sha256[:2]}/{sha256}{EXTENSIONS[media_type][0]}"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile(content))
    evidence = Evidence.objects.create(
        plan=target if isinstance(target, ITPlan) else None,
        staff=target if isinstance(target, ITStaffAssignment) else None,
        session=target if isinstance(target, TrainingSession) else None,
        name=name,
        media_type=media_type,
        size=len(content),
        sha256=sha256,
        content=path,
        added_by=actor,
    )
    record(
        action=EVIDENCE_ADD,
        actor=actor,
        obj=evidence,
        unit_id=target.unit_id,
        after={"name": name, "sha256": sha256, "record": f"{type(target).__name__}:{target.pk}"},
    )
    return evidence
