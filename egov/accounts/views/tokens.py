"""API tokens: each user lists, creates and revokes their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from egov.accounts import actions, queries
from egov.accounts.forms import TokenCreateForm
from egov.lib.errors import ActionError


@never_cache
@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """The list and the creation form. A new token is shown in this response only (never
    stored, never cached), so it is rendered here rather than after a redirect."""
    user: Any = request.user
    form = TokenCreateForm(request.POST or None)
    created: dict[str, Any] | None = None
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["lifetime_days"]
        expires_at = timezone.now() + dt.timedelta(days=days) if days else None
        try:
            token, raw = actions.create_api_token(
                actor=user, user=user, name=form.cleaned_data["name"], expires_at=expires_at
            )
        except ActionError as error:
            form.add_error(error.field if error.field in form.fields else None, error)
        else:
            created = {"token": token, "raw": raw}
            form = TokenCreateForm()
    context = {
        "form": form,
        "created": created,
        "tokens": queries.tokens_of(user),
        "now": timezone.now(),
    }
    return render(request, "accounts/tokens.html", context)


@require_POST
@login_required
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = queries.get_token_for_holder(request.user, token_id)
    try:
        actions.revoke_api_token(actor=request.user, token=token)
    except ActionError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("Đã thu hồi khóa API “%(name)s”; khóa này không còn dùng được.")
            % {"name": token.name},
        )
    return redirect("accounts:tokens")
