"""Vietnamese first: the language is Vietnamese unless the visitor chose English with the
language switch (Django's language cookie). A browser's ``Accept-Language`` is not asked:
many officials' and citizens' browsers say English while they read the province's pages in
Vietnamese, and a government page should not change language on its own."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class VietnameseFirstMiddleware:
    """Placed before ``LocaleMiddleware``: drops ``Accept-Language`` so that only the
    language cookie, or ``LANGUAGE_CODE`` (vi), decides."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
