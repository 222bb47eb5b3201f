"""Screens of outgoing documents."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from egov.documents import access, queries


@login_required
def outgoing_list(request: HttpRequest) -> HttpResponse:
    filters = queries.OutgoingFilters(text=request.GET.get("q", ""))
    page = Paginator(queries.search_outgoing(request.user, filters), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "documents/outgoing_list.html", {"page": page, "filters": filters})


@login_required
def outgoing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_outgoing_for_user(request.user, pk)
    return render(request, "documents/outgoing_detail.html", {"document": document})
