"""Usage of official mail (tables, a chart, an XLSX export) for administrators, and the
public directory of official addresses."""

from __future__ import annotations

import base64
import datetime as dt
import io
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from openpyxl import Workbook

from egov.lib.dates import local_today, parse_iso_date
from egov.mail import queries, usage
from egov.organisations import access as org_access


def _period(request: HttpRequest) -> tuple[dt.date, dt.date, str]:
    today = local_today()
    start, end, error = today.replace(month=1, day=1), today, ""
    try:
        if request.GET.get("from"):
            start = parse_iso_date(request.GET["from"])
        if request.GET.get("to"):
            end = parse_iso_date(request.GET["to"])
    except ValueError:
        error = _("Ngày không hợp lệ: dùng dạng năm-tháng-ngày hoặc ngày/tháng/năm.")
    if end < start:
        start, end, error = end, start, _("Ngày bắt đầu sau ngày kết thúc: đã đổi chỗ hai ngày.")
    return start, end, error


@login_required
def usage_view(request: HttpRequest) -> HttpResponse:
    if not org_access.can_administer_anything(request.user):
        raise Http404
    start, end, error = _period(request)
    figures = usage.usage_for(request.user, start, end)
    if request.GET.get("format") == "xlsx":
        return _xlsx(figures, start, end)
    chart = {
        "labels": [a.name for a in figures.agencies],
        "series": [
            {"name": _("Thư đã gửi"), "data": [a.sent for a in figures.agencies]},
            {"name": _("Thư đã nhận"), "data": [a.received for a in figures.agencies]},
        ],
    }
    context: dict[str, Any] = {
        "figures": figures,
        "start": start,
        "end": end,
        "error": error,
        "chart": chart,
    }
    return render(request, "mail/usage.html", context, status=400 if error else 200)


def _xlsx(figures: usage.Usage, start: dt.date, end: dt.date) -> HttpResponse:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = "Co quan"
    sheet.append(
        [
            _("Cơ quan"),
            _("Số hộp thư"),
            _("Thư đã gửi"),
            _("Thư đã nhận"),
            _("Văn bản gửi qua thư"),
            _("Văn bản đến qua thư"),
            _("Văn bản đến bản giấy"),
            _("Thư người dân"),
            _("Đã trả lời"),
            _("Thời gian trả lời, trung vị (giờ làm việc)"),
            _("Thời gian trả lời, p95 (giờ làm việc)"),
        ]
    )
    for a in figures.agencies:
        sheet.append(
            [
                a.name,
                a.mailboxes,
                a.sent,
                a.received,
                a.documents_by_mail_out,
                a.documents_by_mail_in,
                a.documents_on_paper_in,
                a.citizen_messages,
                a.answered,
                a.median_hours,
                a.p95_hours,
            ]
        )
    people = book.create_sheet("Ca nhan")
    people.append(
        [_("Địa chỉ"), _("Họ và tên"), _("Đơn vị"), _("Thư đã gửi"), _("Đăng nhập lần cuối")]
    )
    for p in figures.people:
        people.append(
            [
                p.address,
                p.name,
                p.unit,
                p.sent,
                p.last_login.replace(tzinfo=None) if p.last_login else None,
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"su-dung-thu-dien-tu-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _obfuscated(address: str) -> dict[str, str]:
    """The address split so that no ``user@domain`` appears in the page: the visible and
    spoken text says “a còng”, and a script assembles the mailto link from the reversed
    base64 in ``data-m``."""
    user, _sep, domain = address.partition("@")
    encoded = base64.b64encode(address[::-1].encode()).decode()
    return {"user": _entities(user), "domain": _entities(domain), "data": encoded}


def _entities(text: str) -> SafeString:
    """Every character as a numeric entity: the same text for people and screen readers,
    no plain address in the HTML for a harvester's pattern."""
    return mark_safe("".join(f"&#{ord(c)};" for c in text))  # noqa: S308 - digits only


def directory(request: HttpRequest) -> HttpResponse:
    """Public: no login. Only agency addresses and contact points (directive §1.c)."""
    groups = [
        (unit, [(box, _obfuscated(box.address)) for box in boxes])
        for unit, boxes in queries.public_directory()
    ]
    return render(request, "mail/directory.html", {"groups": groups})
