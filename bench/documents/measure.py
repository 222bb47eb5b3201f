"""The read figures: search and its naive peer, "my work", statistics. Each latency is a p50
and a p95 over many repetitions after a warm-up, with the user's cached role assignments and
clearances forgotten before every call (as on a fresh request)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from bench._common import Report, log, percentile, time_ms

PAGE_SIZE = 50
SEARCH_TARGET_MS = 150.0
WORK_TARGET_MS = 100.0


@dataclass(frozen=True)
class Query:
    """One typed search of the incoming list."""

    key: str
    text: str = ""
    issuer: str = ""
    type_code: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def queries_for(today: dt.date) -> list[Query]:
    last_year = today.year - 1
    return [
        Query("quyet_dinh_ubnd", text="quyet dinh ubnd"),
        Query("ke_hoach_thien_tai", text="ke hoach phong chong thien tai"),
        Query("notation", text="459/UBND-TTTH"),
        Query("issuer_and_text", text="ngan sach", issuer="Sở Tài chính"),
        Query(
            "dates_and_type",
            type_code="quyet-dinh",
            date_from=dt.date(last_year, 7, 1),
            date_to=dt.date(last_year, 9, 30),
        ),
    ]


def fresh(user: Any) -> Any:
    """``user`` with its per-request caches emptied."""
    from egov.documents import access
    from egov.organisations import access as org_access

    org_access.forget_cached_assignments(user)
    access.forget_clearances(user)
    return user


def filters_for(query: Query) -> Any:
    from egov.documents import queries
    from egov.documents.models import DocumentType

    type_id = DocumentType.objects.get(code=query.type_code).pk if query.type_code else None
    return queries.IncomingFilters(
        text=query.text,
        issuer=query.issuer,
        document_type_id=type_id,
        date_from=query.date_from,
        date_to=query.date_to,
    )


def list_page(user: Any, filters: Any) -> tuple[int, list[Any]]:
    """What the incoming list view runs: the count and the first page."""
    from egov.documents import queries
    from egov.lib.pagination import OnePassPaginator as Paginator

    page = Paginator(queries.search_incoming(fresh(user), filters), PAGE_SIZE).get_page(1)
    return page.paginator.count, list(page.object_list)


def naive_page(user: Any, filters: Any) -> tuple[int, list[Any]]:
    """The peer: the same list with the text matched word by word as
    ``unaccent(subject || number/notation || issuer || signer || type) ILIKE '%word%'``,
    no tsvector and no index usable for it."""
    from django.db.models import CharField, Value
    from django.db.models.functions import Concat

    from egov.documents import queries
    from egov.lib.pagination import OnePassPaginator as Paginator
    from egov.lib.text import fold

    qs = queries.search_incoming(fresh(user), dataclasses.replace(filters, text=""))
    qs = qs.annotate(
        haystack=Concat(
            "subject",
            Value(" "),
            "code_number",
            Value("/"),
            "code_notation",
            Value(" "),
            "issuer_name",
            Value(" "),
            "signer_name",
            Value(" "),
            "document_type__name",
            output_field=CharField(),
        )
    )
    for word in re.findall(r"[0-9a-z]+", fold(filters.text)):  # the words search_query uses
        qs = qs.filter(haystack__unaccent__icontains=word)
    page = Paginator(qs, PAGE_SIZE).get_page(1)
    return page.paginator.count, list(page.object_list)


def measure_search(
    users: dict[str, Any], report: Report, *, repeat: int, peer_repeat: int
) -> dict[str, dict[str, int]]:
    """(a) Search per query and user, all queries together per user, and the naive peer
    on the text queries. Returns the hit counts, for the summary."""
    from egov.lib.dates import local_today

    queries = queries_for(local_today())
    hits: dict[str, dict[str, int]] = {}
    for label, user in users.items():
        indexed: list[float] = []
        everything: list[float] = []
        naive: list[float] = []
        hits[label] = {}
        for query in queries:
            filters = filters_for(query)
            count, _ = list_page(user, filters)
            hits[label][query.key] = count
            samples = time_ms(partial(list_page, user, filters), repeat=repeat)
            report.latency(f"search_{query.key}_{label}", samples, target=SEARCH_TARGET_MS)
            everything += samples
            if query.text:
                naive_count, _ = naive_page(user, filters)
                log(f"search {label} {query.key}: {count} hits (naive peer: {naive_count})")
                indexed += samples
                naive += time_ms(partial(naive_page, user, filters), repeat=peer_repeat, warmup=0)
            else:
                log(f"search {label} {query.key}: {count} hits")
        report.latency(f"search_{label}", everything, target=SEARCH_TARGET_MS)
        report.latency(f"peer_naive_search_{label}", naive, target=None)
        for name, fraction in (("p50", 0.5), ("p95", 0.95)):
            ratio = percentile(naive, fraction) / percentile(indexed, fraction)
            report.emit(f"peer_ratio_search_{label}_{name}", ratio, "x", better="higher")
    return hits


def measure_work(users: dict[str, Any], report: Report, *, repeat: int) -> dict[str, Any]:
    """(b) "My work" as the page asks for it (up to 50 rows per queue)."""
    from egov.documents import queries

    sizes: dict[str, Any] = {}
    for label, user in users.items():
        queues = queries.work_queues(fresh(user))
        sizes[label] = dict(queues.counts)
        log(f"my work {label}: {queues.counts}")
        operation: Callable[[], object] = partial(lambda u: queries.work_queues(fresh(u)), user)
        report.latency(f"my_work_{label}", time_ms(operation, repeat=repeat), target=WORK_TARGET_MS)
    return sizes


def measure_statistics(users: dict[str, Any], report: Report, *, repeat: int) -> None:
    """(c) The statistics page over the last full year (no target given)."""
    from egov.documents import queries
    from egov.lib.dates import local_today

    year = local_today().year - 1
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for label, user in users.items():
        result = queries.statistics(fresh(user), date_from=start, date_to=end)
        log(f"statistics {label} {year}: {result.incoming_total} in, {result.outgoing_total} out")

        def run(user: Any = user) -> object:
            return queries.statistics(fresh(user), date_from=start, date_to=end)

        report.latency(
            f"statistics_year_{label}", time_ms(run, repeat=repeat, warmup=0), target=None
        )
