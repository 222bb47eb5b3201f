"""Leaders answer an assignment notice by mail: “đồng ý” (accept) starts the work,
“hoàn thành: <kết quả>” (done) closes it, through the e-office's own handling actions.

The sender is authenticated by the mail server's records, not by what the message says:
the From address, and the envelope sender the server delivered from (Return-Path), must
both be the official mailbox of the staff record the assignment is for, and the message
must carry a valid DKIM signature of the province's domain (its server signs what its
users send). Anything else is refused with the reason, and nothing changes."""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents.actions import handling
from egov.lib.errors import ActionError
from egov.mail import audit_names, queries
from egov.mail.choices import DkimResult, InboundState
from egov.mail.inbound.parse import Parsed, first_line
from egov.mail.models import InboundMail

ACCEPT = "accept"
DONE = "done"
_WORDS = {
    "dong y": ACCEPT,
    "accept": ACCEPT,
    "nhan viec": ACCEPT,
    "hoan thanh": DONE,
    "done": DONE,
    "da xong": DONE,
}


def _plain(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def recognise(body: str) -> tuple[str, str]:
    """(command, rest of the line) from the answer's first line not quoted; "" if none."""
    line = first_line(body)
    plain = _plain(line)
    for word, command in _WORDS.items():
        if re.match(rf"^{word}\b", plain):
            rest = line[len(word) :].lstrip(" :.-–—").strip()
            return command, rest
    return "", ""


def _refuse(inbound: InboundMail, reason: str) -> None:
    inbound.state = InboundState.REFUSED
    inbound.note = reason[:2000]
    inbound.save(update_fields=["state", "note"])


def apply_command(inbound: InboundMail, parsed: Parsed) -> None:
    """Authenticate the sender, recognise the command, carry it out (or refuse it)."""
    assert inbound.outbound is not None  # noqa: S101 - set when classified as a command
    assignment = inbound.outbound.assignment
    user = assignment.assignee_user if assignment is not None else None
    box = queries.live_mailbox_of_user(user) if user is not None else None
    if assignment is None or box is None:
        _refuse(inbound, _("Người được giao việc không có hộp thư công vụ đang hoạt động."))
        return
    if parsed.from_address != box.address or parsed.return_path != box.address:
        _refuse(
            inbound,
            _("Thư không gửi từ hộp thư công vụ %(address)s của người được giao việc.")
            % {"address": box.address},
        )
        return
    if inbound.dkim != DkimResult.PASS or inbound.dkim_domain != settings.EGOV_MAIL_DOMAIN:
        _refuse(
            inbound,
            _("Thư không có chữ ký DKIM hợp lệ của %(domain)s: không xác thực được người gửi.")
            % {"domain": settings.EGOV_MAIL_DOMAIN},
        )
        return
    command, rest = recognise(parsed.body_text)
    if not command:
        _refuse(inbound, _("Không nhận ra lệnh: dòng đầu cần là “đồng ý” hoặc “hoàn thành”."))
        return
    try:
        if command == ACCEPT:
            handling.start(actor=user, assignment=assignment)
        else:
            handling.finish(
                actor=user,
                assignment=assignment,
                result=rest or _("Hoàn thành (báo qua thư điện tử)."),
            )
    except (PermissionDenied, ActionError) as exc:
        message = "; ".join(exc.messages) if isinstance(exc, ActionError) else str(exc)
        _refuse(inbound, _("Không cập nhật được công việc: %(error)s") % {"error": message})
        return
    inbound.state = InboundState.APPLIED
    inbound.note = command
    inbound.decided_by = user
    inbound.decided_at = timezone.now()
    inbound.save(update_fields=["state", "note", "decided_by", "decided_at"])
    record(
        action=audit_names.MAIL_COMMAND,
        actor=user,
        obj=inbound,
        unit_id=inbound.mailbox.unit_id,
        after={"command": command, "assignment": assignment.pk},
    )
