"""Mail server adapters. ``EGOV_MAIL_ADAPTER`` names the class; each adapter is a vertical
slice (a module, its tests). ``pgsql`` is Postfix + Dovecot reading PostgreSQL tables."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from egov.mail.adapters.base import MailServerAdapter


@cache
def _load(path: str) -> MailServerAdapter:
    adapter: MailServerAdapter = import_string(path)()
    return adapter


def get_adapter() -> MailServerAdapter:
    return _load(settings.EGOV_MAIL_ADAPTER)
