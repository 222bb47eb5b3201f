"""Regularly updated sections: news (with moderation) and the leaders' weekly schedule."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from egov.portal.choices import NewsCategory, Section
from egov.portal.models.base import PortalPage
from egov.portal.models.pages import RICH_FEATURES


class NewsIndexPage(PortalPage):
    """Tin tức hoạt động of an agency, or the portal's own news and legal dissemination."""

    section = Section.NEWS
    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_FEATURES)
    rich_text_fields = ("intro",)
    content_panels: ClassVar[list[Any]] = [*PortalPage.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list[str]] = ["portal.AgencyHomePage", "portal.PortalHomePage"]
    subpage_types: ClassVar[list[str]] = ["portal.NewsPage"]
    template = "portal/news_index.html"

    class Meta:
        verbose_name = _("Tin tức hoạt động")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from egov.portal import queries

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["items"] = queries.news_page(self, request.GET.get("trang"))
        return context


class NewsPage(RoutablePageMixin, PortalPage):  # type: ignore[misc] # Wagtail is untyped
    """One article. Editors submit it to the agency's moderation workflow; it can be
    printed and saved (ND 42/2022 Điều 7)."""

    date = models.DateField(_("ngày đưa tin"), default=dt.date.today)
    category = models.CharField(
        _("chuyên mục"), max_length=12, choices=NewsCategory.choices, default=NewsCategory.ACTIVITY
    )
    intro = models.TextField(_("tóm tắt"), max_length=600)
    body = RichTextField(_("nội dung"), features=[*RICH_FEATURES, "image"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh minh họa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("mô tả ảnh cho người khiếm thị"),
        max_length=250,
        blank=True,
        help_text=_("Bắt buộc khi có ảnh: mô tả nội dung ảnh."),
    )
    source_reference = models.CharField(
        _("căn cứ văn bản (số, ký hiệu)"),
        max_length=120,
        blank=True,
        help_text=_("Văn bản mật không được trích dẫn."),
    )

    rich_text_fields = ("body",)
    text_fields = ("intro", "image_alt", "source_reference")
    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("date"),
        FieldPanel("category"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        FieldPanel("source_reference"),
    ]
    parent_page_types: ClassVar[list[str]] = ["portal.NewsIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "portal/news.html"

    class Meta:
        verbose_name = _("Tin bài")
        indexes = [
            models.Index(fields=["-date"], name="portal_news_date"),
            # The portal home's legal-dissemination column: few rows of a category among
            # many, newest first.
            models.Index(fields=["category", "-date"], name="portal_news_category_date"),
            GinIndex(
                fields=["search_folded"], name="portal_news_search", opclasses=["gin_trgm_ops"]
            ),
        ]

    def check_content(self) -> None:
        super().check_content()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Ảnh minh họa phải có mô tả cho người khiếm thị.")}
            )

    @path("")  # type: ignore[untyped-decorator] # Wagtail is untyped
    def article(self, request: Any) -> Any:
        return self.render(request)

    @path("tai-ve/")  # type: ignore[untyped-decorator] # Wagtail is untyped
    def download(self, request: Any) -> HttpResponse:
        """The article as a standalone HTML file, to save (ND 42/2022 Điều 7)."""
        html = render_to_string(
            "portal/news_download.html", {"page": self, "request": request}, request=request
        )
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.html"'
        return response


class ScheduleIndexPage(PortalPage):
    """Lịch công tác tuần of an agency's leaders, or of the provincial leaders."""

    section = Section.SCHEDULE
    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_FEATURES)
    rich_text_fields = ("intro",)
    content_panels: ClassVar[list[Any]] = [*PortalPage.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list[str]] = ["portal.AgencyHomePage", "portal.PortalHomePage"]
    subpage_types: ClassVar[list[str]] = ["portal.WeeklySchedulePage"]
    template = "portal/schedule_index.html"

    class Meta:
        verbose_name = _("Lịch công tác tuần")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from egov.portal import queries

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["weeks"] = queries.weeks_of(self)
        return context


class WeeklySchedulePage(PortalPage):
    """One week of the leaders' schedule, filled entry by entry; printable."""

    week_start = models.DateField(_("tuần bắt đầu từ thứ Hai"))
    notes = models.TextField(_("ghi chú"), blank=True)
    text_fields = ("notes",)
    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("week_start"),
        FieldPanel("notes"),
        InlinePanel("entries", label=_("công việc trong tuần")),
    ]
    parent_page_types: ClassVar[list[str]] = ["portal.ScheduleIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    template = "portal/schedule_week.html"

    class Meta:
        verbose_name = _("Lịch công tác một tuần")
        indexes = [models.Index(fields=["-week_start"], name="portal_schedule_week")]

    @property
    def week_end(self) -> dt.date:
        return self.week_start + dt.timedelta(days=6)

    def extra_text(self) -> list[str]:
        return [
            " ".join([entry.leader, entry.content, entry.location, entry.participants])
            for entry in self.entries.all()
        ]

    def check_content(self) -> None:
        super().check_content()
        if self.week_start and self.week_start.weekday() != 0:
            raise ValidationError({"week_start": _("Tuần phải bắt đầu từ thứ Hai.")})
        for entry in self.entries.all():
            if entry.day and not (self.week_start <= entry.day <= self.week_end):
                raise ValidationError(
                    _("Ngày %(day)s không thuộc tuần này.") % {"day": entry.day.strftime("%d/%m")}
                )


class ScheduleEntry(Orderable):  # type: ignore[misc] # Wagtail is untyped
    """One appointment in a week: day, time, leader, what, where, with whom."""

    page = ParentalKey(WeeklySchedulePage, on_delete=models.CASCADE, related_name="entries")
    day = models.DateField(_("ngày"))
    time = models.TimeField(_("giờ"), null=True, blank=True)
    leader = models.CharField(_("lãnh đạo chủ trì"), max_length=150)
    content = models.TextField(_("nội dung công việc"))
    location = models.CharField(_("địa điểm"), max_length=200, blank=True)
    participants = models.CharField(_("thành phần"), max_length=300, blank=True)

    panels: ClassVar[list[Any]] = [
        FieldPanel("day"),
        FieldPanel("time"),
        FieldPanel("leader"),
        FieldPanel("content"),
        FieldPanel("location"),
        FieldPanel("participants"),
    ]

    class Meta(Orderable.Meta):  # type: ignore[misc] # Wagtail is untyped
        verbose_name = _("công việc")
        ordering = ["day", "time", "sort_order"]


class CacheGeneration(models.Model):
    """One row whose value grows at every publication: the key of the rendered-page
    cache, so a publication is seen by every process at once."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("thế hệ bộ nhớ đệm")

    def __str__(self) -> str:
        return str(self.value)
