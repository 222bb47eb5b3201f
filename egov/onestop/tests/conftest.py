# The real Postfix + Dovecot harness of the mail part, for the notification test.
from egov.mail.tests.conftest import approve_all, mail_stack  # noqa: F401 - pytest fixtures
