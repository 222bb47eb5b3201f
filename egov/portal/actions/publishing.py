"""Publishing a portal page: the one gate every publication passes (the Wagtail admin's
button, a workflow approval, scheduled publishing, our own actions)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from egov.audit.service import record
from egov.lib.errors import ActionError
from egov.portal import guards
from egov.portal.models import CacheGeneration


def check_publishable(*, page: Any, user: Any = None) -> None:
    """Refuse, with a message for the editor, what may not go live: a page on another
    agency's site than the user's, active content in rich text, a citation of a secret
    document, a required section left empty. ``user`` None is the system (scheduled
    publishing of a revision that passed these checks when it was scheduled; checked
    again, the content rules only)."""
    if (
        user is not None
        and not user.is_superuser
        and not page.permissions_for_user(user).can_publish()
    ):
        raise ActionError(
            _(
                "Bạn không có quyền đăng trang này: biên tập viên chỉ đăng bài trên trang "
                "thông tin của cơ quan mình."
            ),
            code="not_your_site",
        )
    for name in getattr(page, "rich_text_fields", ()):
        if guards.has_active_content(str(getattr(page, name, "") or "")):
            raise ActionError(guards.active_content_message(), code="active_content", field=name)
    text = page.publishable_text() if hasattr(page, "publishable_text") else page.title
    if guards.secret_hits(text):
        raise ActionError(guards.secret_message(), code="secret_content")
    if getattr(page, "is_filled", True) is False:
        raise ActionError(
            _("Mục này chưa có đủ nội dung bắt buộc nên chưa thể đăng."), code="section_empty"
        )


def bump_cache_generation() -> None:
    """Every process's rendered-page cache is keyed by this value: one increment empties
    them all."""
    from egov.portal.views.public import forget_generation

    updated = CacheGeneration.objects.filter(pk=1).update(value=F("value") + 1)
    if not updated:
        CacheGeneration.objects.get_or_create(pk=1, defaults={"value": 1})
    forget_generation()


def after_publication(*, page: Any, user: Any, action: str) -> None:
    home = page.agency_home() if hasattr(page, "agency_home") else None
    record(
        action=action,
        actor=user,
        object_type="portal.page",
        object_id=str(page.pk),
        object_repr=page.title[:200],
        unit_id=home.unit_id if home is not None else None,
    )
    bump_cache_generation()
    # Also after commit: a process that rendered between the increment and the commit
    # stored the old content under the new value.
    transaction.on_commit(bump_cache_generation)


def publish_page(*, actor: Any, page: Any) -> Any:
    """Save the page's current state as a revision and publish it, checks first.

    Preconditions: ``page`` is a saved portal page; ``actor`` may publish it."""
    with transaction.atomic():
        check_publishable(page=page, user=actor)
        revision = page.save_revision(user=actor)
        revision.publish(user=actor)
    return revision
