"""Screens of incoming documents. Views parse input, call one action or query, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from egov.documents import access, queries


@login_required
def incoming_list(request: HttpRequest) -> HttpResponse:
    filters = queries.IncomingFilters(text=request.GET.get("q", ""))
    page = Paginator(queries.search_incoming(request.user, filters), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "documents/incoming_list.html", {"page": page, "filters": filters})


@login_required
def incoming_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_incoming_for_user(request.user, pk)
    return render(request, "documents/incoming_detail.html", {"document": document})
