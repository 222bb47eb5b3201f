"""Parsing helpers shared by the inspection pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from egov.lib.errors import ActionError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def parse_date(value: str, *, field: str, label: str, required: bool = True) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        if required:
            raise ActionError(
                _("Nhập %(label)s.") % {"label": label}, code="date_required", field=field
            )
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError as exc:
        raise ActionError(
            _("%(label)s không hợp lệ (dạng ngày/tháng/năm).") % {"label": label.capitalize()},
            code="bad_date",
            field=field,
        ) from exc


def parse_int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


def user_by_username(username: str, *, field: str) -> Any:
    user = get_user_model().objects.filter(username=username.strip(), is_active=True).first()
    if user is None:
        raise ActionError(
            _("Không tìm thấy tài khoản “%(username)s”.") % {"username": username.strip()},
            code="unknown_user",
            field=field,
        )
    return user


def error_messages(exc: ActionError) -> list[str]:
    return [str(m) for m in exc.messages]


def download(content: bytes, *, name: str, content_type: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"
