"""Shortcuts of the portal's tests: pages filled as an editor would."""

from __future__ import annotations

import datetime as dt
from typing import Any

from egov.portal.actions.publishing import publish_page
from egov.portal.choices import NewsCategory
from egov.portal.models import NewsIndexPage, NewsPage


def draft_news(
    home: Any,
    *,
    title: str = "Hội nghị tổng kết công tác năm",
    body: str = "",
    intro: str = "Tóm tắt hội nghị.",
    day: dt.date | None = None,
) -> NewsPage:
    index = NewsIndexPage.objects.child_of(home).get()
    page = NewsPage(
        title=title,
        intro=intro,
        body=body or "<p>Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ năm.</p>",
        category=NewsCategory.ACTIVITY,
        date=day or dt.date.today(),
        live=False,
    )
    index.add_child(instance=page)
    return page


def published_news(home: Any, **kwargs: Any) -> NewsPage:
    page = draft_news(home, **kwargs)
    publish_page(actor=None, page=page)
    page.refresh_from_db()
    return page
