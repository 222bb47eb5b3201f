"""Section freshness and the inspection checklist of seed 003: every section filled within
60 days of the site's creation, regular sections updated on time (schedule weekly, news
daily), live sections read from their source."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Min
from django.db.models.functions import TruncDate
from django.utils import timezone

from egov.lib.dates import BUSINESS_TZ, local_today
from egov.portal.choices import Section, UpdateRule
from egov.portal.constants import FILL_DEADLINE_DAYS, SECTION_RULES
from egov.portal.models import AgencyHomePage, NewsPage, WeeklySchedulePage
from egov.workcalendar.queries import working_days_between


@dataclass
class SectionStatus:
    section: str
    label: str
    rule: str
    rule_label: str
    url: str
    filled: bool
    filled_on: dt.date | None
    last_update: dt.date | None
    late_by: int  # working days past the allowed interval (0 when on time)
    filled_in_time: bool
    #: From the publication history (Wagtail's publish log): intervals between two updates
    #: (the first from the site's creation) longer than allowed, and the longest excess.
    lapses: int = 0
    longest_lapse: int = 0

    @property
    def late(self) -> bool:
        return self.late_by > 0


def _local_date(moment: dt.datetime | None) -> dt.date | None:
    return moment.astimezone(BUSINESS_TZ).date() if moment else None


PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


def publication_days(section_page: Any, *, since: dt.date, until: dt.date) -> list[dt.date]:
    """The local days on which something under ``section_page`` (the news index, the
    schedule index) was published, from Wagtail's publish log: the history, not the
    current state (a back-dated news item or a week published late counts on the day it
    went live)."""
    from wagtail.models import PageLogEntry

    days = (
        PageLogEntry.objects.filter(
            page__path__startswith=section_page.path,
            page__depth__gt=section_page.depth,
            action__in=PUBLISH_ACTIONS,
        )
        .annotate(day=TruncDate("timestamp", tzinfo=BUSINESS_TZ))
        .filter(day__gte=since, day__lte=until)
        .values_list("day", flat=True)
        .distinct()
        .order_by("day")
    )
    return list(days)


def lapses_in(days: list[dt.date], *, start: dt.date, allowed: int) -> tuple[int, int]:
    """(number of intervals between consecutive updates, from ``start``, longer than
    ``allowed`` working days; the longest excess in working days)."""
    count = longest = 0
    previous = start
    for day in days:
        excess = working_days_between(previous, day) - allowed
        if excess > 0:
            count += 1
            longest = max(longest, excess)
        previous = day
    return count, longest


def freshness_of(
    home: AgencyHomePage, *, today: dt.date | None = None, children: list[Any] | None = None
) -> list[SectionStatus]:
    """Each section's state; ``children`` are the home's specific child pages, live or not,
    when the caller has them already."""
    today = today or local_today()
    deadline = home.created_on + dt.timedelta(days=FILL_DEADLINE_DAYS)
    if children is None:
        children = list(home.get_children().specific())
    pages = {page.section: page for page in children if getattr(page, "section", "")}
    news = (
        NewsPage.objects.live()
        .filter(path__startswith=home.path)
        .aggregate(first=Min("first_published_at"), last=Max("date"))
    )
    weeks = (
        WeeklySchedulePage.objects.live()
        .filter(path__startswith=home.path)
        .aggregate(first=Min("first_published_at"), last=Max("last_published_at"))
    )
    statuses: list[SectionStatus] = []
    for section in Section:
        rule, allowed = SECTION_RULES[section]
        page = pages.get(section)
        live = bool(page and page.live)
        filled_on: dt.date | None
        last: dt.date | None
        if section == Section.NEWS:
            filled, filled_on, last = (
                news["last"] is not None,
                _local_date(news["first"]),
                news["last"],
            )
        elif section == Section.SCHEDULE:
            filled = weeks["last"] is not None
            filled_on, last = _local_date(weeks["first"]), _local_date(weeks["last"])
        elif rule == UpdateRule.LIVE:
            filled = live
            if section == Section.CONTACT:
                unit = home.unit
                filled = live and bool(unit.address or unit.phone or unit.email)
            filled_on = home.created_on if filled else None
            last = today if filled else None
        else:
            filled = live and bool(getattr(page, "is_filled", True))
            filled_on = _local_date(page.first_published_at) if page and filled else None
            last = _local_date(page.last_published_at) if page and filled else None
        late_by = lapses = longest_lapse = 0
        if allowed is not None and page is not None:
            lapses, longest_lapse = lapses_in(
                publication_days(page, since=home.created_on, until=today),
                start=home.created_on,
                allowed=allowed,
            )
        if allowed is not None:
            if last is None:
                late_by = max(0, working_days_between(home.created_on, today) - allowed)
            else:
                late_by = max(0, working_days_between(last, today) - allowed)
        statuses.append(
            SectionStatus(
                section=section,
                label=str(section.label),
                rule=rule,
                rule_label=str(UpdateRule(rule).label),
                url=page.url if page and live else "",
                filled=filled,
                filled_on=filled_on,
                last_update=last,
                late_by=late_by,
                filled_in_time=bool(filled and filled_on and filled_on <= deadline),
                lapses=lapses,
                longest_lapse=longest_lapse,
            )
        )
    return statuses


@dataclass
class SiteCompliance:
    home: AgencyHomePage
    sections: list[SectionStatus]
    deadline: dt.date

    @property
    def filled(self) -> int:
        return sum(1 for s in self.sections if s.filled)

    @property
    def late(self) -> int:
        return sum(1 for s in self.sections if s.late)

    @property
    def missing_after_deadline(self) -> int:
        if local_today() <= self.deadline:
            return 0
        return sum(1 for s in self.sections if not s.filled_in_time)

    @property
    def lapses(self) -> int:
        return sum(s.lapses for s in self.sections)

    @property
    def passes(self) -> bool:
        """The inspection team's verdict: all sections filled within 60 days of the site's
        creation, the regular ones up to date and updated on time all along (history)."""
        return (
            all(s.filled and s.filled_in_time for s in self.sections)
            and self.late == 0
            and self.lapses == 0
        )


def compliance_of(home: AgencyHomePage, *, today: dt.date | None = None) -> SiteCompliance:
    return SiteCompliance(
        home=home,
        sections=freshness_of(home, today=today),
        deadline=home.created_on + dt.timedelta(days=FILL_DEADLINE_DAYS),
    )


def province_compliance(*, today: dt.date | None = None) -> list[SiteCompliance]:
    homes = AgencyHomePage.objects.select_related("unit").order_by("unit__path")
    return [compliance_of(home, today=today) for home in homes]


def generated_at() -> dt.datetime:
    return timezone.now()
