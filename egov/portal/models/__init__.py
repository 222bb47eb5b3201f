from egov.portal.models.content import (
    CacheGeneration,
    NewsIndexPage,
    NewsPage,
    ScheduleEntry,
    ScheduleIndexPage,
    WeeklySchedulePage,
)
from egov.portal.models.pages import (
    AgencyHomePage,
    ContactPage,
    DocumentCountsPage,
    FiguresPage,
    FunctionsPage,
    IntroductionPage,
    OrganisationPage,
    PortalHomePage,
    ProceduresPage,
)

__all__ = [
    "AgencyHomePage",
    "CacheGeneration",
    "ContactPage",
    "DocumentCountsPage",
    "FiguresPage",
    "FunctionsPage",
    "IntroductionPage",
    "NewsIndexPage",
    "NewsPage",
    "OrganisationPage",
    "PortalHomePage",
    "ProceduresPage",
    "ScheduleEntry",
    "ScheduleIndexPage",
    "WeeklySchedulePage",
]
