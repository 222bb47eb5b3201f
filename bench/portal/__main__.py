"""``python -m bench.portal``: the provincial portal and the agency sites under load.

Builds 42 agency sites through the real provisioning step (Wagtail Sites, page trees,
groups, workflows), then 50,000 news items inserted in bulk with treebeard paths computed
here, then runs gunicorn (production settings, 4 sync workers) on this machine and drives
it with ``wrk`` (2 threads, 16 connections): requests per second and p95 for the portal
home and an agency home, cached (the normal case: the cache is emptied on each
publication) and, in-process, the uncached render. JSON lines on stdout, progress on
stderr; the database ``bench_portal`` is dropped and filled by the run.

Full scale: 42 sites, 50,000 news; ``--quick``: 42 sites, 5,000 news, 5-second runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import time
import uuid
from pathlib import Path
from typing import Any

from bench._common import Report, fresh_database, log
from bench._http import lua_script, run_wrk, start_gunicorn

AGENCIES = 42
NEWS = 50_000
RPS_TARGET = 300.0
P95_TARGET_MS = 100.0
UNCACHED_P95_TARGET_MS = 500.0
PORT = 8765
ROOT = Path(__file__).resolve().parents[2]

DEPARTMENTS = [
    ("Sở Nội vụ", "SNV"),
    ("Sở Tài chính", "STC"),
    ("Sở Tư pháp", "STP"),
    ("Sở Công Thương", "SCT"),
    ("Sở Giáo dục và Đào tạo", "SGDDT"),
    ("Sở Y tế", "SYT"),
    ("Sở Xây dựng", "SXD"),
    ("Sở Nông nghiệp và Môi trường", "SNNMT"),
    ("Sở Khoa học và Công nghệ", "SKHCN"),
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ("Sở Dân tộc và Tôn giáo", "SDTTG"),
    ("Sở Ngoại vụ", "SNGV"),
    ("Thanh tra tỉnh", "TTT"),
    ("Ban Quản lý các khu công nghiệp", "BQLKCN"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "VPUBND"),
]
WORDS = [
    "hội",
    "nghị",
    "tổng",
    "kết",
    "triển",
    "khai",
    "kế",
    "hoạch",
    "cải",
    "cách",
    "hành",
    "chính",
    "chuyển",
    "đổi",
    "số",
    "năm",
    "2026",
    "kiểm",
    "tra",
    "giám",
    "sát",
    "tập",
    "huấn",
    "nghiệp",
    "vụ",
    "công",
    "chức",
    "viên",
    "chức",
    "đầu",
    "tư",
    "công",
    "ngân",
    "sách",
    "an",
    "toàn",
    "giao",
    "thông",
    "phòng",
    "chống",
    "thiên",
    "tai",
    "nông",
    "thôn",
    "mới",
    "giáo",
    "dục",
    "y",
    "tế",
    "cơ",
    "sở",
]


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Load test of the portal and agency sites")
    parser.add_argument("--quick", action="store_true", help="5,000 news, 5-second runs")
    parser.add_argument(
        "--uncached-only",
        action="store_true",
        help="only the in-process uncached renders; no gunicorn, no wrk",
    )
    parser.add_argument("--database", default="bench_portal")
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk run")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    return parser.parse_args()


def build_units() -> list[Any]:
    from egov.organisations import actions
    from egov.organisations.choices import UnitKind

    start = dt.date(2025, 7, 1)
    province = actions.create_unit(
        actor=None,
        parent=None,
        name="Ủy ban nhân dân tỉnh An Giang",
        kind=UnitKind.PROVINCE_COMMITTEE,
        valid_from=start,
        abbreviation="UBND",
        organ_code="000.00.00.H01",
        skip_access_check=True,
    )
    units = []
    for n in range(AGENCIES):
        if n < len(DEPARTMENTS):
            name, abbreviation, kind = *DEPARTMENTS[n], UnitKind.AGENCY
        else:
            name, abbreviation, kind = (
                f"Ủy ban nhân dân xã Bình Hòa {n}",
                "UBND",
                UnitKind.COMMUNE_COMMITTEE,
            )
        units.append(
            actions.create_unit(
                actor=None,
                parent=province,
                name=name,
                kind=kind,
                valid_from=start,
                abbreviation=abbreviation,
                short_name=name,
                address=f"{n + 1} Tôn Đức Thắng",
                skip_access_check=True,
            )
        )
    return units


def bulk_news(total: int) -> float:
    """``total`` live news items spread over the agencies' news indexes (and the portal's),
    inserted in bulk: wagtailcore_page rows with their treebeard paths, then the
    portal_newspage rows by COPY."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from wagtail.models import Locale, Page

    from egov.lib.text import fold
    from egov.portal.models import NewsIndexPage, NewsPage

    started = time.perf_counter()
    indexes = list(NewsIndexPage.objects.order_by("path"))
    content_type = ContentType.objects.get_for_model(NewsPage)
    locale = Locale.get_default()
    today = dt.date.today()
    per_index = total // len(indexes) + 1
    made = 0
    for index in indexes:
        count = min(per_index, total - made)
        if count <= 0:
            break
        pages, rows = [], []
        now = timezone.now()
        for i in range(count):
            n = made + i
            words = [WORDS[(n * 7 + k * 13) % len(WORDS)] for k in range(9)]
            title = " ".join(words).capitalize() + f" (tin {n + 1})"
            slug = slugify(fold(title))[:70] + f"-{n + 1}"
            day = today - dt.timedelta(days=n % 700)
            published = now - dt.timedelta(days=n % 700)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=Page._get_path(index.path, index.depth + 1, index.numchild + i + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
            )
            intro = "Tóm tắt: " + " ".join(words[:6])
            body = "<p>" + " ".join(words * 8) + "</p>"
            rows.append((title, intro, body, day))
        with transaction.atomic():
            created = Page.objects.bulk_create(pages, batch_size=2000)
            with (
                connection.cursor() as cursor,
                cursor.cursor.copy(
                    "COPY portal_newspage (page_ptr_id, search_folded, date, category, intro, body,"
                    " image_alt, source_reference) FROM STDIN"
                ) as copy,
            ):
                for page, (title, intro, body, day) in zip(created, rows, strict=True):
                    copy.write_row(
                        (
                            page.pk,
                            fold(f"{title} {intro} {body}"),
                            day,
                            "activity",
                            intro,
                            body,
                            "",
                            "",
                        )
                    )
            Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
        made += count
        log(f"  news: {made}/{total}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailcore_page; ANALYZE portal_newspage")
    return time.perf_counter() - started


def uncached_ms(host: str, path: str, repeat: int) -> list[float]:
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    samples = []
    for _ in range(repeat + 2):
        cache.clear()
        started = time.perf_counter()
        response = client.get(path, HTTP_HOST=host)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{host}{path}: HTTP {response.status_code}")
        samples.append(elapsed)
    return samples[2:]


def main() -> None:
    args = _args()
    news_total = 5_000 if args.quick else NEWS
    duration = 5 if args.quick else args.duration
    if not args.uncached_only and not shutil.which("wrk") and not Path("/usr/bin/wrk").exists():
        raise SystemExit("wrk is needed (/usr/bin/wrk)")
    report = Report()
    log(f"database {args.database}: migrating")
    fresh_database(args.database)

    from django.conf import settings

    from egov.portal.actions import provisioning
    from egov.portal.demo import fill_site
    from egov.portal.models import AgencyHomePage, NewsPage

    settings.ALLOWED_HOSTS = ["*"]
    log("units and sites")
    started = time.perf_counter()
    build_units()
    provisioning.provision_sites(actor=None, skip_access_check=True)
    report.emit("provision_42_sites_s", time.perf_counter() - started, "s")
    homes = list(AgencyHomePage.objects.select_related("unit").order_by("unit__path"))
    for home in homes[:3]:
        fill_site(home)
    log("news in bulk")
    report.emit("bulk_news_s", bulk_news(news_total), "s")
    report.emit("news_items", NewsPage.objects.count(), "items")
    report.emit("agency_sites", len(homes), "sites")
    agency_host = f"{homes[0].slug}.localhost"

    repeat = 10 if args.quick else 30
    for name, host in (("portal_home", "portal.localhost"), ("agency_home", agency_host)):
        report.latency(
            f"{name}_uncached", uncached_ms(host, "/", repeat), target=UNCACHED_P95_TARGET_MS
        )

    from django.db import connections

    connections.close_all()
    if args.uncached_only:
        report.summary(agencies=len(homes), news=news_total, cpu_count=os.cpu_count())
        return
    server = start_gunicorn(PORT, args.workers)
    try:
        with lua_script() as script:
            for name, host, path in (
                ("portal_home", "portal.localhost", "/"),
                ("agency_home", agency_host, "/"),
                ("agency_news_list", agency_host, "/tin-tuc/"),
            ):
                log(f"wrk {name} ({host}{path}), {duration} s")
                load = run_wrk(
                    PORT,
                    path,
                    script=script,
                    duration=duration,
                    connections=args.connections,
                    host=host,
                    warm=20,
                )
                rps, p95, errors = load.rps, load.p95_ms, load.errors
                target = RPS_TARGET if name != "agency_news_list" else None
                report.emit(f"{name}_rps", rps, "req/s", target=target, better="higher")
                report.emit(f"{name}_p95_ms", p95, "ms", target=P95_TARGET_MS)
                report.emit(f"{name}_errors", errors, "requests", target=0)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report.summary(
        agencies=len(homes),
        news=news_total,
        wrk=f"2 threads, {args.connections} connections",
        gunicorn_workers=args.workers,
        cpu_count=os.cpu_count(),
        percentile_note="p95 from wrk's latency histogram",
        uncached_note="in-process Django test client, cache cleared before each request",
    )


if __name__ == "__main__":
    main()
