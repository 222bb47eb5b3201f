from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def mail_stack(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Any]:
    """Real Postfix + Dovecot on loopback ports reading the test database's mail tables."""
    from django.db import connection

    from egov.mail import harness

    with django_db_blocker.unblock():
        settings_dict = dict(connection.settings_dict)
    stack = harness.start(settings_dict)
    yield stack
    stack.stop()


@pytest.fixture
def approve_all() -> Any:
    """Approve every pending change as the system, oldest first."""
    from egov.mail import actions
    from egov.mail.models import MailboxChange

    def _approve() -> None:
        for change in MailboxChange.objects.pending().order_by("pk"):
            actions.approve_change(actor=None, change=change, skip_access_check=True)

    return _approve
