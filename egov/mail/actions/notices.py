"""Assignment notices by mail: when the e-office gives work to a person
(``documents.hooks.on_assign``), a notice goes to their official mailbox once the work is
committed, so a leader can answer it with a command. Nothing is sent without a configured
MTA, an active mailbox or an agency mailbox to send from; a refused notice is logged and
never undoes the assignment."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction

from egov.documents.models import Assignment
from egov.lib.errors import ActionError
from egov.mail import queries
from egov.mail.actions.sending import send_assignment_notice

log = logging.getLogger(__name__)


def on_assigned(assignment: Any) -> None:
    if not settings.EGOV_MAIL_SMTP_HOST or assignment.assignee_user_id is None:
        return
    pk = assignment.pk
    transaction.on_commit(lambda: send_notice(pk))


def send_notice(assignment_pk: int) -> None:
    assignment = (
        Assignment.objects.select_related("assignee_user", "document", "document__unit")
        .filter(pk=assignment_pk)
        .first()
    )
    if assignment is None or queries.live_mailbox_of_user(assignment.assignee_user) is None:
        return
    if queries.shared_mailbox_for(assignment.document.unit.path) is None:
        return
    try:
        send_assignment_notice(actor=None, assignment=assignment)
    except ActionError as exc:
        log.warning("assignment notice %s not sent: %s", assignment_pk, "; ".join(exc.messages))
