"""The user's in-app notifications."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from egov.accounts.models import Notification, User
from egov.accounts.notify import mark_all_read


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    rows = Notification.objects.filter(user=cast(User, request.user)).order_by("-created_at")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/notifications.html", {"page": page})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    mark_all_read(request.user)
    return redirect("accounts:notifications")
