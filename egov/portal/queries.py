"""Read functions of the portal: what the pages show, read live from the other parts
through their query modules, the
aggregations of the provincial home, search, and the freshness of each section."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from wagtail.models import Site

from egov.documents import queries as documents
from egov.gazette import queries as gazette
from egov.lib.dates import local_today
from egov.lib.text import fold
from egov.mail import queries as mail
from egov.onestop import queries as onestop
from egov.organisations.choices import UnitKind
from egov.organisations.models import OrgUnit, Person
from egov.portal import freshness
from egov.portal.choices import NewsCategory
from egov.portal.constants import HOME_NEWS_COUNT
from egov.portal.models import (
    AgencyHomePage,
    NewsIndexPage,
    NewsPage,
    PortalHomePage,
    ScheduleIndexPage,
    WeeklySchedulePage,
)
from egov.reporting import queries as reporting

NEWS_PER_PAGE = 20


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


# --- Pages under a root -----------------------------------------------------------------


def live_news(root: Any | None = None) -> QuerySet[NewsPage]:
    qs: QuerySet[NewsPage] = NewsPage.objects.live().public()
    if root is not None:
        qs = qs.filter(path__startswith=root.path)
    return qs.order_by("-date", "-pk")


def news_page(index: NewsIndexPage, number: str | None) -> PaginatorPage[Any]:
    qs = (
        live_news(index)
        .filter(depth=index.depth + 1)
        .only("title", "url_path", "date", "intro", "path", "depth", "category")
    )
    return Paginator(qs, NEWS_PER_PAGE).get_page(number)


def weeks_of(index: ScheduleIndexPage, limit: int = 12) -> list[WeeklySchedulePage]:
    return list(
        WeeklySchedulePage.objects.live()
        .child_of(index)
        .order_by("-week_start")
        .prefetch_related("entries")[:limit]
    )


def current_week(index: ScheduleIndexPage | None) -> WeeklySchedulePage | None:
    if index is None:
        return None
    week: WeeklySchedulePage | None = (
        WeeklySchedulePage.objects.live()
        .child_of(index)
        .filter(week_start=monday_of(local_today()))
        .prefetch_related("entries")
        .first()
    )
    return week


def agency_sites() -> list[dict[str, Any]]:
    """Every agency site: name, kind and root URL (for "links to every agency site")."""
    sites = {
        site.root_page_id: site
        for site in Site.objects.filter(root_page__depth=AgencyHomePage.DEPTH)
    }
    rows = []
    for home in AgencyHomePage.objects.live().select_related("unit").order_by("unit__path"):
        site = sites.get(home.pk)
        rows.append(
            {
                "name": home.unit.name,
                "kind": home.unit.kind,
                "url": site.root_url + "/" if site else home.url_path,
            }
        )
    return rows


def _child_of_type(parent: Any, model: type[Any]) -> Any:
    return model.objects.live().child_of(parent).first()


def portal_home_context(portal: PortalHomePage) -> dict[str, Any]:
    schedule_index = _child_of_type(portal, ScheduleIndexPage)
    news = list(
        live_news().only("title", "url_path", "date", "intro", "path", "depth", "category")[
            :HOME_NEWS_COUNT
        ]
    )
    dissemination = list(
        live_news()
        .filter(category__in=[NewsCategory.LEGAL, NewsCategory.POLICY])
        .only("title", "url_path", "date", "path", "depth", "category")[:6]
    )
    agency_weeks = list(
        WeeklySchedulePage.objects.live()
        .filter(week_start=monday_of(local_today()), depth__gt=AgencyHomePage.DEPTH)
        .only("title", "url_path", "path", "depth", "week_start")
        .order_by("path")[:50]
    )
    homes = {
        home.path: home.unit.short_name or home.unit.name
        for home in AgencyHomePage.objects.select_related("unit").only(
            "path", "unit__short_name", "unit__name"
        )
    }
    cut = AgencyHomePage.DEPTH * AgencyHomePage.steplen
    for page in [*news, *dissemination, *agency_weeks]:
        page.agency_name = homes.get(page.path[:cut], "")
    latest_legal = list(gazette.latest_documents(5))
    directory = mail.public_directory()
    procedures = list(onestop.procedures_public()[:8])
    return {
        "news": news,
        "procedures": procedures,
        "dissemination": dissemination,
        "provincial_week": current_week(schedule_index),
        "schedule_index": schedule_index,
        "agency_weeks": agency_weeks,
        "sites": agency_sites(),
        "latest_legal": latest_legal,
        "directory": directory[:80],
        "news_index": _child_of_type(portal, NewsIndexPage),
    }


def agency_home_context(home: AgencyHomePage) -> dict[str, Any]:
    children = list(home.get_children().specific().order_by("path"))
    sections = [page for page in children if page.live]
    by_type = {type(page).__name__: page for page in sections}
    news = list(
        live_news(home).only("title", "url_path", "date", "intro", "path", "depth")[
            :HOME_NEWS_COUNT
        ]
    )
    return {
        "sections": sections,
        "news": news,
        "week": current_week(by_type.get("ScheduleIndexPage")),
        "freshness": freshness_of(home, children=children),
        "contact": contact_of(home.unit),
    }


# --- Live sections ------------------------------------------------------------------------


@dataclass
class StaffRow:
    name: str
    title: str
    title_en: str
    email: str
    is_leader: bool


@dataclass
class DivisionBlock:
    name: str
    name_en: str
    staff: list[StaffRow] = field(default_factory=list)


@dataclass
class Organisation:
    unit: OrgUnit
    leaders: list[StaffRow]
    divisions: list[DivisionBlock]
    total: int
    counts_by_title: list[tuple[str, int]]


def _public_addresses(unit: OrgUnit) -> dict[int, str]:
    """person id → official address the mail directory publishes for them."""
    addresses: dict[int, str] = {}
    for group_unit, boxes in mail.public_directory():
        if not group_unit.path.startswith(unit.path):
            continue
        for box in boxes:
            if box.person_id is not None:
                addresses[box.person_id] = box.address
    return addresses


def organisation_of(unit: OrgUnit) -> Organisation:
    """Divisions and staff of ``unit`` now, with titles and official e-mail addresses:
    the address the mail directory publishes, else a leader's registry address (ND 42
    Điều 4: contact details of the officials in charge)."""
    addresses = _public_addresses(unit)
    people = list(
        Person.objects.active()
        .in_subtree(unit)
        .select_related("position", "unit")
        .order_by("unit__path", "position__rank", "full_name")
    )
    divisions: dict[int, DivisionBlock] = {}
    leaders: list[StaffRow] = []
    counts: dict[str, int] = {}
    for person in people:
        if person.unit is None:
            continue
        position = person.position
        is_leader = bool(position and position.is_leader)
        title = person.title or (position.name if position else "")
        email = addresses.get(person.pk) or (person.email if is_leader else "")
        row = StaffRow(
            person.full_name, title, position.name_en if position else "", email, is_leader
        )
        counts[title or "—"] = counts.get(title or "—", 0) + 1
        if person.unit_id == unit.pk:
            if is_leader:
                leaders.append(row)
            else:
                divisions.setdefault(unit.pk, DivisionBlock(unit.name, unit.name_en)).staff.append(
                    row
                )
        else:
            divisions.setdefault(
                person.unit.pk, DivisionBlock(person.unit.name, person.unit.name_en)
            ).staff.append(row)
    for child in OrgUnit.objects.filter(
        path__startswith=unit.path, depth=unit.depth + 1, valid_to__isnull=True
    ).order_by("name"):
        divisions.setdefault(child.pk, DivisionBlock(child.name, child.name_en))
    return Organisation(
        unit=unit,
        leaders=leaders,
        divisions=list(divisions.values()),
        total=len(people),
        counts_by_title=sorted(counts.items(), key=lambda item: -item[1]),
    )


def procedures_of(unit: OrgUnit) -> list[Any]:
    return list(onestop.procedures_public().filter(agencies=unit)[:300])


@dataclass
class Figure:
    indicator: str
    breakdown: str
    period: str
    value: Any
    unit_of_measure: str


def figures_of(unit: OrgUnit, limit: int = 40) -> list[Figure]:
    """The unit's KT-XH values in approved (locked) reports, latest periods first."""
    values = reporting.approved_values(unit, limit)
    return [
        Figure(
            value.indicator.name,
            value.combo.name if value.combo.name.lower() not in ("default", "tổng số") else "",
            value.period.code,
            value.value,
            value.indicator.unit_of_measure,
        )
        for value in values
    ]


@dataclass
class DocumentCounts:
    year: int
    rows: list[dict[str, Any]]
    incoming_total: int
    outgoing_total: int


def document_counts_of(unit: OrgUnit, year: int | None = None) -> DocumentCounts:
    """Incoming and issued documents of the agency this year by type (seed 003 mục II.7);
    secret documents are never counted in what is published."""
    year = year or local_today().year
    rows: list[dict[str, Any]] = [
        {"type": row.type_name, "incoming": row.incoming, "outgoing": row.outgoing}
        for row in documents.public_counts_by_type(unit, year)
    ]
    return DocumentCounts(
        year=year,
        rows=rows,
        incoming_total=sum(r["incoming"] for r in rows),
        outgoing_total=sum(r["outgoing"] for r in rows),
    )


@dataclass
class Contact:
    name: str
    name_en: str
    address: str
    phone: str
    email: str
    organ_code: str


def contact_of(unit: OrgUnit) -> Contact:
    return Contact(unit.name, unit.name_en, unit.address, unit.phone, unit.email, unit.organ_code)


# --- Search ---------------------------------------------------------------------------------


def search(text: str, *, root: Any | None = None, limit: int = 50) -> list[Any]:
    """Live news, the leaders' weekly schedules (their entries: leader, work, place,
    participants) and section pages matching every word of ``text`` without diacritics
    ("uy ban" finds "Ủy ban"), newest first; under ``root`` only when given."""
    terms = [term for term in fold(text).split(" ") if term]
    if not terms:
        return []
    condition = Q()
    for term in terms:
        condition &= Q(search_folded__contains=term)
    news = (
        live_news(root)
        .filter(condition)
        .only("title", "url_path", "date", "intro", "path", "depth")[:limit]
    )
    results: list[Any] = list(news)
    from egov.portal.models import FunctionsPage, IntroductionPage

    weeks = WeeklySchedulePage.objects.live().filter(condition).order_by("-week_start")
    sections = [
        model.objects.live().filter(condition)
        for model in (IntroductionPage, FunctionsPage, AgencyHomePage)
    ]
    for qs in (weeks, *sections):
        if root is not None:
            qs = qs.filter(path__startswith=root.path)
        results.extend(qs[:10])
    return results[:limit]


def unit_kind_label(kind: str) -> str:
    return str(UnitKind(kind).label) if kind in UnitKind.values else kind


from egov.portal.freshness import freshness_of  # noqa: E402 - freshness reads the above


def site_compliance(unit: OrgUnit | None, *, on: dt.date) -> list[Any]:
    """The seed-003 checklist verdicts (``freshness.SiteCompliance``) of the agency sites of
    ``unit``'s subtree (every site when None) as of ``on``: for the oversight part."""
    homes = AgencyHomePage.objects.select_related("unit").order_by("unit__path")
    if unit is not None:
        homes = homes.filter(unit__path__startswith=unit.path)
    return [freshness.compliance_of(home, today=on) for home in homes]


# --- Figures of the agency sites for the oversight part ----------------------------------


@dataclass
class SiteFigures:
    """The agency sites of a subtree as of a day: how many, how many pass the seed-003
    checklist, their required sections and how many are fresh (filled and not late), the
    working days since each site's last update (news, schedule, edited sections), and the
    news items dated in the period."""

    sites: int = 0
    passing: int = 0
    sections: int = 0
    fresh_sections: int = 0
    days_since_update: list[int] = field(default_factory=list)
    news: int = 0

    def add(self, other: SiteFigures) -> None:
        self.sites += other.sites
        self.passing += other.passing
        self.sections += other.sections
        self.fresh_sections += other.fresh_sections
        self.days_since_update.extend(other.days_since_update)
        self.news += other.news


def _site_figures(
    homes: QuerySet[AgencyHomePage], *, date_from: dt.date, date_to: dt.date
) -> list[tuple[str, SiteFigures]]:
    """(unit path, figures) of each site: the checklist per site (``freshness``), the news
    of every site in one query."""
    from egov.portal.choices import UpdateRule
    from egov.workcalendar.queries import working_days_between

    on = min(date_to, local_today())
    homes_list = list(homes.select_related("unit").order_by("unit__path"))
    cut = AgencyHomePage.DEPTH * AgencyHomePage.steplen
    news: dict[str, int] = {}
    if homes_list:
        for path in (
            NewsPage.objects.live()
            .filter(date__gte=date_from, date__lte=date_to, depth__gt=AgencyHomePage.DEPTH)
            .values_list("path", flat=True)
        ):
            news[path[:cut]] = news.get(path[:cut], 0) + 1
    rows: list[tuple[str, SiteFigures]] = []
    for home in homes_list:
        verdict = freshness.compliance_of(home, today=on)
        updates = [
            s.last_update
            for s in verdict.sections
            if s.rule != UpdateRule.LIVE and s.last_update is not None
        ]
        last = min(max(updates), on) if updates else home.created_on
        rows.append(
            (
                home.unit.path,
                SiteFigures(
                    sites=1,
                    passing=1 if verdict.passes else 0,
                    sections=len(verdict.sections),
                    fresh_sections=sum(1 for s in verdict.sections if s.filled and not s.late),
                    days_since_update=[max(working_days_between(last, on), 0)],
                    news=news.get(home.path, 0),
                ),
            )
        )
    return rows


def unit_site_figures(unit: OrgUnit | None, *, date_from: dt.date, date_to: dt.date) -> SiteFigures:
    """The figures of the agency sites of ``unit``'s subtree (every site when None)."""
    homes = AgencyHomePage.objects.all()
    if unit is not None:
        homes = homes.filter(unit__path__startswith=unit.path)
    total = SiteFigures()
    for _path, figures in _site_figures(homes, date_from=date_from, date_to=date_to):
        total.add(figures)
    return total


def site_figures_by_unit(
    units: list[OrgUnit], *, date_from: dt.date, date_to: dt.date
) -> dict[int, SiteFigures]:
    """``unit_site_figures`` of every unit in ``units``: the sites and the news read once
    (the checklist itself still reads each site's sections)."""
    from egov.lib.subtree import SubtreeIndex

    index = SubtreeIndex((u.pk, u.path) for u in units)
    result = {u.pk: SiteFigures() for u in units}
    homes = AgencyHomePage.objects.filter(index.q("unit__path"))
    for path, figures in _site_figures(homes, date_from=date_from, date_to=date_to):
        for pk in index.owners(path):
            result[pk].add(figures)
    return result
