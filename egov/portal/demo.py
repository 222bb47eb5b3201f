"""Portal demo: a site for every agency of the registry, the first agencies' required
sections filled (introduction, functions, this week's schedule, news), the provincial
leaders' schedule and a legal-dissemination article on the portal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from egov.lib.dates import local_today
from egov.portal.actions import provisioning
from egov.portal.actions.publishing import publish_page
from egov.portal.choices import NewsCategory
from egov.portal.models import (
    AgencyHomePage,
    FunctionsPage,
    IntroductionPage,
    NewsIndexPage,
    NewsPage,
    PortalHomePage,
    ScheduleEntry,
    ScheduleIndexPage,
    WeeklySchedulePage,
)
from egov.portal.queries import monday_of

FILLED_AGENCIES = 3
DEMO_AGENCIES = ("Sở Nội vụ", "Ủy ban nhân dân xã Định Mỹ")


def loaded() -> bool:
    return bool(AgencyHomePage.objects.exists())


def add_week(index: ScheduleIndexPage, *, leader: str, monday: dt.date | None = None) -> Any:
    monday = monday or monday_of(local_today())
    week = WeeklySchedulePage(
        title=f"Tuần {monday:%d/%m} - {monday + dt.timedelta(days=6):%d/%m/%Y}",
        slug=f"tuan-{monday:%Y-%m-%d}",
        week_start=monday,
        live=False,
    )
    week.entries = [
        ScheduleEntry(
            day=monday,
            time=dt.time(7, 30),
            leader=leader,
            content="Chào cờ đầu tuần; giao ban lãnh đạo",
            location="Hội trường",
            participants="Lãnh đạo, trưởng các phòng",
        ),
        ScheduleEntry(
            day=monday + dt.timedelta(days=2),
            time=dt.time(14, 0),
            leader=leader,
            content="Làm việc với đoàn kiểm tra cập nhật trang thông tin điện tử",
            location="Phòng họp số 2",
        ),
    ]
    index.add_child(instance=week)
    publish_page(actor=None, page=week)
    return week


def add_news(
    index: NewsIndexPage,
    *,
    title: str,
    intro: str,
    body: str,
    category: str,
    day: dt.date | None = None,
) -> NewsPage:
    page = NewsPage(
        title=title,
        date=day or local_today(),
        category=category,
        intro=intro,
        body=body,
        live=False,
    )
    index.add_child(instance=page)
    publish_page(actor=None, page=page)
    return page


def fill_site(home: AgencyHomePage) -> None:
    """Fill the required sections an editor writes, as the agency's editor would."""
    unit = home.unit
    intro = IntroductionPage.objects.child_of(home).get()
    intro.legal_basis = f"Quyết định quy định chức năng, nhiệm vụ của {unit.name}"
    intro.body = (
        f"<p>{unit.name} là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu, giúp "
        "Ủy ban nhân dân tỉnh quản lý nhà nước trong lĩnh vực được giao.</p>"
    )
    intro.body_en = f"<p>{unit.name_en or unit.name} is a specialised agency of the province.</p>"
    publish_page(actor=None, page=intro)
    functions = FunctionsPage.objects.child_of(home).get()
    functions.position = "Cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh."
    functions.position_en = "A specialised agency of the Provincial People's Committee."
    functions.duties = [
        ("duty", {"heading": "Trình Ủy ban nhân dân tỉnh dự thảo quyết định", "detail": ""}),
        (
            "duty",
            {
                "heading": "Hướng dẫn, kiểm tra việc thực hiện văn bản pháp luật",
                "detail": "Trong lĩnh vực được giao.",
            },
        ),
    ]
    functions.duties_en = [("duty", {"heading": "Draft decisions for the Committee", "detail": ""})]
    publish_page(actor=None, page=functions)
    add_week(ScheduleIndexPage.objects.child_of(home).get(), leader="Giám đốc")
    news = NewsIndexPage.objects.child_of(home).get()
    add_news(
        news,
        title=f"{unit.short_name or unit.name} triển khai trang thông tin điện tử",
        intro="Cơ quan hoàn thành cập nhật các mục bắt buộc của trang thông tin.",
        body="<p>Thực hiện Công văn 459/UBND-TTTH, cơ quan đã cập nhật đủ tám mục.</p>",
        category=NewsCategory.ACTIVITY,
    )


def load(stdout: Any) -> None:
    result = provisioning.provision_sites(actor=None, skip_access_check=True)
    homes = list(AgencyHomePage.objects.select_related("unit").order_by("unit__path"))
    # The demo accounts' agencies first (bientap.snv, bientap.dinhmy), then in tree order.
    preferred = [h for h in homes if h.unit.name in DEMO_AGENCIES]
    chosen = (preferred + [h for h in homes if h not in preferred])[:FILLED_AGENCIES]
    for home in chosen:
        fill_site(home)
    portal = PortalHomePage.objects.get()
    add_week(ScheduleIndexPage.objects.child_of(portal).get(), leader="Chủ tịch UBND tỉnh")
    add_news(
        NewsIndexPage.objects.child_of(portal).get(),
        title="Phổ biến Luật Bảo vệ dữ liệu cá nhân năm 2025",
        intro="Những điểm mới cán bộ, công chức và người dân cần biết.",
        body="<p>Luật Bảo vệ dữ liệu cá nhân có hiệu lực từ ngày 01/01/2026.</p>",
        category=NewsCategory.LEGAL,
    )
    stdout.write(
        f"  portal: {len(result.created)} agency sites at *.localhost, "
        f"{min(FILLED_AGENCIES, len(homes))} filled\n"
    )
