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


@pytest.fixture
def office(world: Any) -> Any:
    """The personas plus a head of division, for the e-office tests."""
    from egov.documents.testing import build_office

    return build_office(world)


@pytest.fixture(scope="session")
def dkim_key_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A DKIM signing key made for this run (the province publishes its public half)."""
    from egov.mail.dkim import new_private_key_pem

    path = tmp_path_factory.mktemp("dkim") / "egov.pem"
    path.write_bytes(new_private_key_pem())
    return str(path)


@pytest.fixture(scope="session")
def clamd() -> Iterator[Any]:
    """ClamAV's daemon on a private unix socket with an EICAR-only signature database."""
    from egov.mail import harness

    scanner = harness.start_clamd()
    yield scanner
    scanner.stop()


@pytest.fixture
def mail_traffic(settings: Any, mail_stack: Any, dkim_key_file: str, clamd: Any) -> Any:
    """Settings pointing the platform at the running Postfix, Dovecot and clamd."""
    from egov.mail.dkim import forget_keys

    settings.EGOV_MAIL_SMTP_HOST = "127.0.0.1"
    settings.EGOV_MAIL_SMTP_PORT = mail_stack.smtp_port
    settings.EGOV_MAIL_IMAP_HOST = "127.0.0.1"
    settings.EGOV_MAIL_IMAP_PORT = mail_stack.imap_port
    settings.EGOV_MAIL_IMAP_MASTER_USER = mail_stack.master_user
    settings.EGOV_MAIL_IMAP_MASTER_PASSWORD = mail_stack.master_password
    settings.EGOV_MAIL_DKIM_KEY_FILE = dkim_key_file
    settings.EGOV_MAIL_CLAMD_SOCKET = clamd.socket
    forget_keys()
    return mail_stack
