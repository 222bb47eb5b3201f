from __future__ import annotations

from django.http import HttpRequest

from egov.accounts.notify import unread_count


def notifications(request: HttpRequest) -> dict[str, object]:
    """The unread count shown in the header (one indexed count per page)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
