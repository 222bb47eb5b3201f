"""A paginator that counts and reads a page in one query.

Django's paginator counts (one query) then reads the page (a second). For a search whose
matches must all be read anyway to be sorted, PostgreSQL can count them in the same pass
with ``count(*) OVER ()``: the page's rows carry the total. Only a page past the end falls
back to a separate count."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window

_TOTAL = "_one_pass_total"


class OnePassPaginator(Paginator):  # type: ignore[type-arg] # rows of any model
    object_list: QuerySet[Any]

    def get_page(self, number: Any) -> Page:  # type: ignore[type-arg]
        try:
            number = max(int(number or 1), 1)
        except (TypeError, ValueError):
            number = 1
        start = (number - 1) * self.per_page
        rows = list(
            self.object_list.annotate(**{_TOTAL: Window(Count("pk"))})[
                start : start + self.per_page
            ]
        )
        if rows or number == 1:
            self.__dict__["count"] = getattr(rows[0], _TOTAL) if rows else 0
            return Page(rows, number, self)
        return super().get_page(number)  # past the end: Django counts and clamps
