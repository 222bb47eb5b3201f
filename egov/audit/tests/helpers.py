"""Helpers for the audit tests: registered probe actions and a way to tamper with rows."""

from __future__ import annotations

from typing import Any

from django.db import connection

from egov.audit.models import AuditEvent
from egov.audit.registry import register
from egov.audit.service import record

PROBE = register("audit.test.probe", "Thao tác thử nghiệm")
PROBE_EDIT = register("audit.test.edit", "Chỉnh sửa thử nghiệm")


def probe(*, action: str = PROBE, actor: Any = None, **fields: Any) -> AuditEvent:
    return record(action=action, actor=actor, **fields)


def tamper(sql: str, params: list[Any]) -> None:
    """Run ``sql`` against the audit table with the append-only trigger switched off, as an
    intruder with the table owner's rights could. Deferred foreign-key checks are run first:
    PostgreSQL refuses to alter a table with trigger events still pending."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_no_update")
        cursor.execute(sql, params)
        cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_no_update")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
