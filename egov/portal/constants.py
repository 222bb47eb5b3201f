"""Fixed rules of the agency sites (seed 003, mục III; ND 42/2022)."""

from egov.portal.choices import Section, UpdateRule

#: Days after a site's creation by which every section must be filled (seed 003).
FILL_DEADLINE_DAYS = 60

#: Each section's update rule and, for the regular ones, the working days allowed between
#: two updates before the section counts as late. Items 1–3 on change, 4–7 "hằng ngày và
#: hằng tuần" (seed 003 mục III); live sections read their source and are never late.
SECTION_RULES: dict[str, tuple[str, int | None]] = {
    Section.INTRODUCTION: (UpdateRule.ON_CHANGE, None),
    Section.ORGANISATION: (UpdateRule.LIVE, None),
    Section.FUNCTIONS: (UpdateRule.ON_CHANGE, None),
    Section.PROCEDURES: (UpdateRule.LIVE, None),
    Section.SCHEDULE: (UpdateRule.WEEKLY, 5),
    Section.NEWS: (UpdateRule.DAILY, 1),
    Section.FIGURES: (UpdateRule.LIVE, None),
    Section.DOCUMENTS: (UpdateRule.LIVE, None),
    Section.CONTACT: (UpdateRule.LIVE, None),
}

#: Kinds of organisation unit that get their own information site.
SITE_UNIT_KINDS = (
    "agency",
    "province_council",
    "district_committee",
    "commune_committee",
    "central_branch",
)

#: Seconds a rendered public page is served from the cache before live data (staff lists,
#: document counts) is read again; a publication empties the cache at once.
PAGE_CACHE_SECONDS = 60

#: News items on the portal home and per agency home.
HOME_NEWS_COUNT = 10
FEED_ITEMS = 30
