"""Refusing oversized request bodies before anything reads them."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

ViewFunc = Callable[..., HttpResponse]


def declared_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def limit_upload_size(
    max_bytes: int, refuse: Callable[[HttpRequest, int], HttpResponse]
) -> Callable[[ViewFunc], ViewFunc]:
    """Answer ``refuse(request, declared size)`` to a POST whose declared body is larger than
    ``max_bytes``, without reading the body.

    The CSRF middleware would read the whole body to find the token, so the wrapped view is
    exempt from the middleware and checks the token itself (``csrf_protect``) once the size
    is known to be acceptable: protection is unchanged for every request that is read."""

    def decorator(view: ViewFunc) -> ViewFunc:
        protected = csrf_protect(view)

        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            size = declared_length(request)
            if request.method == "POST" and size > max_bytes:
                return refuse(request, size)
            return protected(request, *args, **kwargs)

        return csrf_exempt(wrapper)

    return decorator
