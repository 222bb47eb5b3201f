"""The search page (Phụ lục VI III.6): one box searched without diacritics over incoming and
outgoing documents, every metadata field as a filter, sort, the columns to show, saved
searches and the export of the results to XLSX. What a user finds is what they may see
(``access.visible_*_q``: secret documents only for cleared users)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from egov.documents import queries_search
from egov.documents.actions import search as search_actions
from egov.documents.forms_outgoing import SaveSearchForm, SearchForm
from egov.documents.models import SavedSearch
from egov.lib.dates import BUSINESS_TZ
from egov.lib.errors import ActionError
from egov.lib.pagination import OnePassPaginator
from egov.lib.tabular import CellValue, write_xlsx
from egov.organisations import access as org_access

#: Fields under "every field" (the details box opens when one of them is set).
ADVANCED_FIELDS = (
    "document_type",
    "number",
    "party",
    "signer",
    "status",
    "urgency",
    "secrecy",
    "date_from",
    "date_to",
    "cols",
)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_staff(request: HttpRequest) -> None:
    if not org_access.is_staff_member(request.user):
        raise Http404


def canonical_query(params: QueryDict) -> str:
    """The search's own parameters only (no page number), encoded: what is saved."""
    fields = set(SearchForm.base_fields)
    clean = QueryDict(mutable=True)
    for key in params:
        if key in fields:
            values = [v for v in params.getlist(key) if v.strip()]
            if values:
                clean.setlist(key, values)
    return clean.urlencode()


def _shown(value: CellValue) -> str:
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _detail_url(kind: str, pk: int) -> str:
    name = "outgoing_detail" if kind == queries_search.OUTGOING else "incoming_detail"
    return reverse(f"documents:{name}", args=[pk])


def _parsed(params: QueryDict) -> SearchForm:
    form = SearchForm(params or None)
    if form.is_bound:
        form.is_valid()  # values that do not parse are dropped and listed above the form
    return form


def render_search(
    request: HttpRequest, params: QueryDict, *, save_form: SaveSearchForm | None = None
) -> HttpResponse:
    user: Any = request.user
    form = _parsed(params)
    criteria = form.criteria()
    columns = queries_search.columns_for(criteria.kind, form.chosen_columns())
    results = queries_search.with_columns(queries_search.search(user, criteria), columns)
    page = OnePassPaginator(results, queries_search.PAGE_SIZE).get_page(params.get("page"))
    rows = [
        {
            "url": _detail_url(criteria.kind, document.pk),
            "cells": [
                (column.key, column.label, _shown(column.value(document))) for column in columns
            ],
        }
        for document in page.object_list
    ]
    counts = queries_search.counts_by_kind(user, criteria)
    query = canonical_query(params)
    return render(
        request,
        "documents/search.html",
        {
            "form": form,
            "criteria": criteria,
            "kinds": [(key, label, counts[key]) for key, label in queries_search.KINDS.items()],
            "columns": columns,
            "column_choices": [
                (column.key, column.label, column in columns)
                for column in queries_search.COLUMNS[criteria.kind]
            ],
            "advanced_open": any(params.get(name) for name in ADVANCED_FIELDS),
            "page": page,
            "rows": rows,
            "query": query,
            "has_criteria": form.has_criteria(),
            "export_limit": queries_search.EXPORT_LIMIT,
            "over_limit": page.paginator.count > queries_search.EXPORT_LIMIT,
            "saved": queries_search.saved_searches_of(user),
            "save_form": save_form or SaveSearchForm(initial={"query": query}),
        },
    )


@login_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    _require_staff(request)
    return render_search(request, request.GET)


@login_required
@require_GET
def search_export(request: HttpRequest) -> HttpResponse:
    """The results as an XLSX file with the shown columns; at most ``EXPORT_LIMIT`` rows,
    and the file says when there were more."""
    _require_staff(request)
    form = _parsed(request.GET)
    criteria = form.criteria()
    columns = queries_search.columns_for(criteria.kind, form.chosen_columns())
    results = queries_search.with_columns(queries_search.search(request.user, criteria), columns)
    limit = queries_search.EXPORT_LIMIT
    total = results.count()
    now = timezone.now().astimezone(BUSINESS_TZ)
    kind_label = str(queries_search.KINDS[criteria.kind])
    notes = [
        _("Kết quả tìm kiếm %(kind)s, xuất lúc %(at)s.")
        % {"kind": kind_label.lower(), "at": now.strftime("%d/%m/%Y %H:%M")},
        _("Điều kiện: %(query)s") % {"query": canonical_query(request.GET) or _("(không có)")},
        _("Số văn bản khớp điều kiện: %(total)s.") % {"total": total},
    ]
    if total > limit:
        notes.append(
            _(
                "Chỉ xuất %(limit)s văn bản đầu tiên trên tổng số %(total)s. Hãy thu hẹp điều "
                "kiện tìm kiếm để xuất phần còn lại."
            )
            % {"limit": limit, "total": total}
        )
    content = write_xlsx(
        [str(column.label) for column in columns],
        (
            [column.value(document) for column in columns]
            for document in results[:limit].iterator(chunk_size=500)
        ),
        sheet_title=kind_label,
        notes=notes,
    )
    filename = f"tim-kiem-{criteria.kind}-{now:%Y%m%d-%H%M}.xlsx"
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def search_save(request: HttpRequest) -> HttpResponse:
    _require_staff(request)
    form = SaveSearchForm(request.POST)
    query = canonical_query(QueryDict(request.POST.get("save-query", "")))
    if form.is_valid():
        try:
            saved = search_actions.save_search(
                actor=request.user, name=form.cleaned_data["name"], query_string=query
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(
                request, _("Đã lưu điều kiện tìm kiếm “%(name)s”.") % {"name": saved.name}
            )
            return redirect(f"{reverse('documents:search')}?{query}")
    return render_search(request, QueryDict(query), save_form=form)


@login_required
@require_POST
def search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    _require_staff(request)
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    try:
        search_actions.delete_search(actor=request.user, saved=saved)
    except PermissionDenied as exc:
        raise Http404 from exc
    messages.success(request, _("Đã xóa tìm kiếm đã lưu “%(name)s”.") % {"name": saved.name})
    return redirect(reverse("documents:search"))
