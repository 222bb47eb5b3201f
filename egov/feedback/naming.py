"""How an asker appears in public: pseudonymised unless they opted in.

"Nguyễn Văn An" becomes "Nguyễn V. A." (the family name, then initials); with no name, the
area they gave ("Người dân ở xã Định Mỹ") or simply "Người dân". The e-mail address and the
phone number never appear.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from egov.lib.text import clean


def pseudonym(name: str) -> str:
    parts = clean(name).split(" ")
    parts = [p for p in parts if p]
    if not parts:
        return ""
    if len(parts) == 1:
        return f"{parts[0][0].upper()}."
    return " ".join([parts[0], *(f"{p[0].upper()}." for p in parts[1:])])


def public_asker(item: Any) -> str:
    """The label of the asker on public pages and in Open311 output."""
    if item.show_name and clean(item.asker_name):
        return clean(item.asker_name)
    short = pseudonym(item.asker_name)
    if short:
        return short
    if clean(item.area):
        return _("Người dân ở %(area)s") % {"area": clean(item.area)}
    return _("Người dân")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){8,10}(?!\d)")
HIDDEN = "[…]"


def redact(text: str, item: Any) -> str:
    """``text`` as the public may read it: the asker's name (unless they opted in), e-mail
    and phone removed, and any e-mail address or Vietnamese phone number written in it."""
    if not text:
        return text
    secrets = [item.asker_email, item.asker_phone]
    if not item.show_name:
        secrets.append(clean(item.asker_name))
    for secret in sorted((s for s in secrets if s and len(s) > 2), key=len, reverse=True):
        text = re.sub(re.escape(secret), HIDDEN, text, flags=re.IGNORECASE)
    text = _EMAIL.sub(HIDDEN, text)
    return _PHONE.sub(HIDDEN, text)
