"""The provincial portal's home, the agency home and the agency's required sections
(seed 003 mục I; ND 42/2022 Điều 4 and 7). Sections whose content lives in another part
(staff, procedures, KT-XH figures, document counts) hold only an introduction; the rest is
read live through that part's query functions when the page is served."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField

from egov.portal.choices import Section
from egov.portal.models.base import PortalPage

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr"]

SECTION_TYPES = [
    "portal.IntroductionPage",
    "portal.OrganisationPage",
    "portal.FunctionsPage",
    "portal.ProceduresPage",
    "portal.ScheduleIndexPage",
    "portal.NewsIndexPage",
    "portal.FiguresPage",
    "portal.DocumentCountsPage",
    "portal.ContactPage",
]


class PortalHomePage(PortalPage):
    """The provincial portal's home: aggregates the agencies' news and schedules, the
    provincial leaders' schedule, legal dissemination and links to every site."""

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_FEATURES)

    rich_text_fields = ("intro",)
    content_panels: ClassVar[list[Any]] = [*PortalPage.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list[str]] = ["wagtailcore.Page"]
    subpage_types: ClassVar[list[str]] = [
        "portal.AgencyHomePage",
        "portal.NewsIndexPage",
        "portal.ScheduleIndexPage",
    ]
    max_count = 1
    template = "portal/portal_home.html"

    class Meta:
        verbose_name = _("Trang chủ cổng thông tin tỉnh")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from egov.portal import queries

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context.update(queries.portal_home_context(self))
        return context


class AgencyHomePage(PortalPage):
    """An agency's information site (trang thông tin điện tử phục vụ điều hành), one
    Wagtail Site per agency, made for every agency of the registry in one step."""

    DEPTH: ClassVar[int] = 3

    unit = models.OneToOneField(
        "organisations.OrgUnit",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="portal_home",
    )
    created_on = models.DateField(_("ngày lập trang"))
    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_FEATURES)

    rich_text_fields = ("intro",)
    content_panels: ClassVar[list[Any]] = [*PortalPage.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list[str]] = ["portal.PortalHomePage"]
    subpage_types: ClassVar[list[str]] = SECTION_TYPES
    template = "portal/agency_home.html"

    class Meta:
        verbose_name = _("Trang chủ trang thông tin cơ quan")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from egov.portal import queries

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context.update(queries.agency_home_context(self))
        return context


class IntroductionPage(PortalPage):
    """Giới thiệu chung: functions, powers, scope and fields of the agency and its units
    under the decision that set it up."""

    section = Section.INTRODUCTION
    legal_basis = models.CharField(
        _("quyết định thành lập, quy định chức năng"), max_length=300, blank=True
    )
    body = RichTextField(_("nội dung giới thiệu"), blank=True, features=RICH_FEATURES)
    body_en = RichTextField(_("nội dung tiếng Anh"), blank=True, features=RICH_FEATURES)

    rich_text_fields = ("body", "body_en")
    text_fields = ("legal_basis",)
    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("legal_basis"),
        FieldPanel("body"),
        FieldPanel("body_en"),
    ]
    parent_page_types: ClassVar[list[str]] = ["portal.AgencyHomePage"]
    subpage_types: ClassVar[list[str]] = []
    max_count_per_parent = 1
    template = "portal/introduction.html"

    class Meta:
        verbose_name = _("Giới thiệu chung")

    @property
    def is_filled(self) -> bool:
        return bool(self.body and self.legal_basis)


class EnglishRouteMixin(RoutablePageMixin):  # type: ignore[misc] # Wagtail is untyped
    """An English version at ``en/`` (ND 42/2022 Điều 7: organisation, functions and
    contacts in English)."""

    @path("")  # type: ignore[untyped-decorator] # Wagtail is untyped
    def vietnamese(self, request: Any) -> Any:
        return self.render(request, context_overrides={"english": False})

    @path("en/")  # type: ignore[untyped-decorator] # Wagtail is untyped
    def english(self, request: Any) -> Any:
        return self.render(request, context_overrides={"english": True})


class OrganisationPage(EnglishRouteMixin, PortalPage):
    """Bộ máy tổ chức: divisions, leaders and staff with titles and official e-mail
    addresses, read live from the organisation registry and the mail directory."""

    section = Section.ORGANISATION
    intro = RichTextField(_("ghi chú"), blank=True, features=RICH_FEATURES)
    intro_en = RichTextField(_("ghi chú tiếng Anh"), blank=True, features=RICH_FEATURES)

    rich_text_fields = ("intro", "intro_en")
    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("intro"),
        FieldPanel("intro_en"),
    ]
    parent_page_types: ClassVar[list[str]] = ["portal.AgencyHomePage"]
    subpage_types: ClassVar[list[str]] = []
    max_count_per_parent = 1
    template = "portal/organisation.html"

    class Meta:
        verbose_name = _("Bộ máy tổ chức")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from egov.portal import queries

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["organisation"] = queries.organisation_of(self.agency_home().unit)
        return context


class DutyBlock(blocks.StructBlock):  # type: ignore[misc] # Wagtail is untyped
    heading = blocks.CharBlock(label=_("nhiệm vụ, quyền hạn"), max_length=300)
    detail = blocks.TextBlock(label=_("nội dung"), required=False)

    class Meta:
        icon = "list-ul"


class FunctionsPage(EnglishRouteMixin, PortalPage):
    """Chức năng nhiệm vụ: one item per duty, in Vietnamese and English."""

    section = Section.FUNCTIONS
    position = models.TextField(_("vị trí, chức năng"), blank=True)
    position_en = models.TextField(_("vị trí, chức năng (tiếng Anh)"), blank=True)
    duties = StreamField([("duty", DutyBlock())], verbose_name=_("nhiệm vụ, quyền hạn"), blank=True)
    duties_en = StreamField(
        [("duty", DutyBlock())], verbose_name=_("nhiệm vụ (tiếng Anh)"), blank=True
    )

    text_fields = ("position", "position_en")
    content_panels: ClassVar[list[Any]] = [
        *PortalPage.content_panels,
        FieldPanel("position"),
        FieldPanel("duties"),
        FieldPanel("position_en"),
        FieldPanel("duties_en"),
    ]
    parent_page_types: ClassVar[list[str]] = ["portal.AgencyHomePage"]
    subpage_types: ClassVar[list[str]] = []
    max_count_per_parent = 1
    template = "portal/functions.html"

    class Meta:
        verbose_name = _("Chức năng nhiệm vụ")

    def extra_text(self) -> list[str]:
        texts: list[str] = []
        for stream in (self.duties, self.duties_en):
            for block in stream or []:
                texts.extend([block.value.get("heading", ""), block.value.get("detail", "")])
        return texts

    @property
    def is_filled(self) -> bool:
        return bool(self.position and len(self.duties or []) > 0)


class LiveSectionPage(PortalPage):
    """A section whose content is read live from another part; the editor writes only an
    introduction."""

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_FEATURES)
    rich_text_fields = ("intro",)
    content_panels: ClassVar[list[Any]] = [*PortalPage.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list[str]] = ["portal.AgencyHomePage"]
    subpage_types: ClassVar[list[str]] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ProceduresPage(LiveSectionPage):
    """Thủ tục hành chính: the one-stop catalogue of the agency (ND 42: integrated, not
    re-typed)."""

    section = Section.PROCEDURES
    template = "portal/procedures.html"

    class Meta:
        verbose_name = _("Thủ tục hành chính")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from egov.portal import queries

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["procedures"] = queries.procedures_of(self.agency_home().unit)
        return context


class FiguresPage(LiveSectionPage):
    """Tích hợp thông tin KT-XH: the agency's approved (locked) figures."""

    section = Section.FIGURES
    template = "portal/figures.html"

    class Meta:
        verbose_name = _("Thông tin kinh tế - xã hội")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from egov.portal import queries

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["figures"] = queries.figures_of(self.agency_home().unit)
        return context


class DocumentCountsPage(LiveSectionPage):
    """Tích hợp công văn đi - đến: counts by type this year, never a secret document."""

    section = Section.DOCUMENTS
    template = "portal/document_counts.html"

    class Meta:
        verbose_name = _("Công văn đi - đến")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from egov.portal import queries

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["counts"] = queries.document_counts_of(self.agency_home().unit)
        return context


class ContactPage(EnglishRouteMixin, LiveSectionPage):
    """Liên hệ: address, telephone and official e-mail from the registry, in Vietnamese
    and English."""

    section = Section.CONTACT
    opening_hours = models.CharField(_("giờ làm việc"), max_length=200, blank=True)
    opening_hours_en = models.CharField(_("giờ làm việc (tiếng Anh)"), max_length=200, blank=True)
    text_fields = ("opening_hours", "opening_hours_en")
    content_panels: ClassVar[list[Any]] = [
        *LiveSectionPage.content_panels,
        FieldPanel("opening_hours"),
        FieldPanel("opening_hours_en"),
    ]
    template = "portal/contact.html"

    class Meta:
        verbose_name = _("Liên hệ")

    def get_context(self, request: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from egov.portal import queries

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["contact"] = queries.contact_of(self.agency_home().unit)
        return context
