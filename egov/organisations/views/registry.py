"""Screens of the organisation registry. Views parse input, call a query or an action, render."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from egov.lib.dates import local_today, parse_iso_date
from egov.organisations import access, queries
from egov.organisations.models import OrgUnit, Person
from egov.organisations.views.people import render_person

STAFF_PAGE_SIZE = 50


def _require_registry(request: HttpRequest) -> None:
    if not access.can_view_registry(request.user):
        raise PermissionDenied


def _as_of(request: HttpRequest) -> tuple[dt.date, str]:
    raw = request.GET.get("as_of", "").strip()
    if not raw:
        return local_today(), ""
    try:
        return parse_iso_date(raw), ""
    except ValueError:
        return local_today(), _("Ngày “%(raw)s” không hợp lệ; đang hiển thị ngày hôm nay.") % {
            "raw": raw
        }


@login_required
def tree(request: HttpRequest) -> HttpResponse:
    _require_registry(request)
    day, date_error = _as_of(request)
    roots = queries.tree_as_of(day)
    rows = [row for root in roots for row in root.walk()]
    return render(
        request,
        "organisations/tree.html",
        {"rows": rows, "as_of": day, "date_error": date_error, "unit_count": len(rows)},
    )


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit_for_user(request.user, pk)
    staff = (
        Person.objects.visible_to(request.user)
        .active()
        .filter(unit=unit)
        .select_related("position")
    )
    children = OrgUnit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1).order_by(
        "valid_to", "name"
    )
    return render(
        request,
        "organisations/unit_detail.html",
        {
            "unit": unit,
            "ancestors": OrgUnit.objects.get_ancestors(unit),
            "children": children,
            "staff": staff,
            "versions": unit.versions.select_related("parent", "event").order_by("valid_from"),
            "history": queries.unit_history(unit),
            "can_manage": access.can_manage_unit(request.user, unit),
        },
    )


@login_required
def staff_directory(request: HttpRequest) -> HttpResponse:
    _require_registry(request)
    q = request.GET.get("q", "").strip()
    people = Person.objects.visible_to(request.user).active().select_related("unit", "position")
    if q:
        people = people.search(q)
    page = Paginator(people, STAFF_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/staff_directory.html", {"page": page, "q": q})


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.get_person_for_user(request.user, pk)
    return render_person(request, person)
