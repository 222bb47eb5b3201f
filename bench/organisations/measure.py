"""The figures: (a) visibility lists, (b) the tree as of a date, (c) staff search and its
naive peer. Each latency is a p50 and a p95 over many repetitions after a warm-up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from bench._common import Report, log, percentile, time_ms
from bench.organisations.reference import BEFORE_RENAMES, PAGE_SIZE, SEARCHES, TARGET_MS
from bench.organisations.staff import Subjects


def measure_visibility(subjects: Subjects, report: Report, repeat: int) -> None:
    """(a) count and first page of the staff and units in a user's scope, assignments read
    afresh each time."""
    from egov.organisations import access
    from egov.organisations.choices import Role
    from egov.organisations.models import OrgUnit, Person

    def staff_page(user: Any, roles: Sequence[str]) -> tuple[int, list[Any]]:
        access.forget_cached_assignments(user)
        scope = access.scope_for(user, roles)
        people = (
            Person.objects.filter(scope.q("unit__")).active().select_related("unit", "position")
        )
        return people.count(), list(people[:PAGE_SIZE])

    def unit_page(user: Any, roles: Sequence[str]) -> tuple[int, list[Any]]:
        access.forget_cached_assignments(user)
        units = OrgUnit.objects.filter(access.scope_for(user, roles).q())
        return units.count(), list(units[:PAGE_SIZE])

    cases: list[tuple[str, Any, list[str]]] = [
        ("province_leader", subjects.leader, [Role.LEADER]),
        ("commune_clerk", subjects.commune_clerk, [Role.CLERK]),
    ]
    for label, user, roles in cases:
        staff, units = staff_page(user, roles)[0], unit_page(user, roles)[0]
        log(f"{label}: {staff} staff and {units} units in scope")
        samples = time_ms(partial(staff_page, user, roles), repeat=repeat)
        report.latency(f"visible_staff_{label}", samples, target=TARGET_MS)
        samples = time_ms(partial(unit_page, user, roles), repeat=repeat)
        report.latency(f"visible_units_{label}", samples, target=TARGET_MS)


def measure_tree(subjects: Subjects, report: Report, repeat: int) -> None:
    """(b) the tree as of a date: the country before the renames and today (after the first
    call, from the per-process cache kept until the next organisation event), the country
    with that cache emptied before every call, one province."""
    from egov.lib.dates import local_today
    from egov.organisations.queries import forget_cached_trees, tree_as_of

    today = local_today()

    def country_uncached() -> object:
        forget_cached_trees()
        return tree_as_of(today)

    cases: list[tuple[str, Callable[[], object]]] = [
        ("tree_country_2024", lambda: tree_as_of(BEFORE_RENAMES)),
        ("tree_country_today", lambda: tree_as_of(today)),
        ("tree_country_today_uncached", country_uncached),
        ("tree_province_today", lambda: tree_as_of(today, root_id=subjects.province.pk)),
    ]
    for figure, operation in cases:
        report.latency(figure, time_ms(operation, repeat=repeat), target=TARGET_MS)


def measure_search(subjects: Subjects, report: Report, rounds: int, peer_rounds: int) -> None:
    """(c) staff search over every person, and the naive peer on the same name queries."""
    from django.core.paginator import Paginator

    from egov.organisations.models import Person

    names, emails = SEARCHES, subjects.emails
    #: The beginning of an address, as typed before the domain: ``ANNV@``.
    prefixes = [email.partition("@")[0] + "@" for email in emails]

    def first_page(term: str) -> object:
        return list(Person.objects.search(term).select_related("unit")[:PAGE_SIZE])

    def directory_page(term: str) -> object:
        """What the staff directory view runs: active people, count and first page."""
        people = Person.objects.active().select_related("unit", "position").search(term)
        page = Paginator(people, PAGE_SIZE).get_page(1)
        return page.paginator.count, list(page.object_list)

    def naive_page(term: str) -> object:
        """The peer: every word matched in the raw name through unaccent, no index usable."""
        people = Person.objects.all()
        for word in term.split():
            people = people.filter(full_name__unaccent__icontains=word)
        return list(people.select_related("unit")[:PAGE_SIZE])

    def over(operation: Callable[[str], object], terms: list[str], rounds: int) -> list[float]:
        samples: list[float] = []
        for term in terms:
            samples += time_ms(partial(operation, term), repeat=rounds, warmup=1)
        return samples

    typed = [*names, *emails, *prefixes]
    found = sum(1 for term in typed if Person.objects.search(term).exists())
    log(
        f"search: {len(names)} name, {len(emails)} e-mail and {len(prefixes)} e-mail prefix"
        f" queries, {found} of {len(typed)} with results"
    )
    by_name = over(first_page, names, rounds)
    by_email = over(first_page, emails, rounds * 2)
    report.latency("search_first_page", by_name + by_email, target=TARGET_MS)
    report.latency("search_first_page_names", by_name, target=TARGET_MS)
    report.latency("search_first_page_emails", by_email, target=TARGET_MS)
    by_prefix = over(first_page, prefixes, rounds * 2)
    report.latency("search_first_page_email_prefixes", by_prefix, target=TARGET_MS)
    report.latency(
        "search_directory_page", over(directory_page, [*names, *emails], rounds), target=TARGET_MS
    )
    naive = over(naive_page, names, peer_rounds)
    report.latency("peer_naive_unaccent_names", naive, target=None)  # a peer, not a goal
    for label, fraction in (("p50", 0.5), ("p95", 0.95)):
        ratio = percentile(naive, fraction) / percentile(by_name, fraction)
        report.emit(f"peer_ratio_names_{label}", ratio, "x", better="higher")
