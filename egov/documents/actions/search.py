"""Saved searches (Phụ lục VI III.6: "lưu điều kiện tìm kiếm"). A saved search belongs to one
user and holds the query string of the search page, nothing else."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.documents import audit_names
from egov.documents.actions._common import require
from egov.documents.models import SavedSearch
from egov.lib.errors import ActionError
from egov.lib.text import clean

#: Field lengths of :class:`SavedSearch`.
NAME_MAX = 100
QUERY_MAX = 1000


@transaction.atomic
def save_search(*, actor: Any, name: str, query_string: str) -> SavedSearch:
    """Keep the search page's ``query_string`` under ``name`` for ``actor``.

    Preconditions: the actor is signed in; the name is not empty and not already used by
    the actor's other saved searches; the query string selects something (not empty)."""
    require(getattr(actor, "is_authenticated", False), "signed-in user required")
    name = clean(name or "")
    if not name:
        raise ActionError(
            _("Hãy đặt tên cho điều kiện tìm kiếm."), code="name_required", field="name"
        )
    if len(name) > NAME_MAX:
        raise ActionError(
            _("Tên dài %(n)s ký tự, tối đa %(max)s.") % {"n": len(name), "max": NAME_MAX},
            code="name_too_long",
            field="name",
        )
    query_string = (query_string or "").strip().lstrip("?")
    if not query_string:
        raise ActionError(
            _("Hãy nhập điều kiện tìm kiếm trước khi lưu."), code="query_required", field="name"
        )
    if len(query_string) > QUERY_MAX:
        raise ActionError(
            _("Điều kiện tìm kiếm quá dài để lưu (tối đa %(max)s ký tự).") % {"max": QUERY_MAX},
            code="query_too_long",
            field="name",
        )
    if SavedSearch.objects.filter(user=actor, name__iexact=name).exists():
        raise ActionError(
            _("Bạn đã có một tìm kiếm lưu tên “%(name)s”; hãy chọn tên khác.") % {"name": name},
            code="name_taken",
            field="name",
        )
    saved = SavedSearch.objects.create(user=actor, name=name, query_string=query_string)
    record(
        action=audit_names.SEARCH_SAVE,
        actor=actor,
        obj=saved,
        after={"name": name, "query_string": query_string},
    )
    return saved


@transaction.atomic
def delete_search(*, actor: Any, saved: SavedSearch) -> None:
    """Forget one of the actor's own saved searches (audited under the same name as saving,
    with what was removed in ``before``)."""
    require(saved.user_id == getattr(actor, "pk", None), "only the owner deletes a saved search")
    before = {"name": saved.name, "query_string": saved.query_string}
    record(
        action=audit_names.SEARCH_SAVE,
        actor=actor,
        obj=saved,
        before=before,
        after={},
        note="deleted",
    )
    saved.delete()
