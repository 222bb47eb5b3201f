"""``python -m bench.feedback``: citizen feedback at a province's volume.

Full scale: 200,000 items over three years across 30 agencies (about 180 a day, a busy
province's portal plus e-mail), 60 % answered and published. Figures: submitting an item
through the action, the public list and a search without diacritics, one public item, an
agency leader's queue, Open311 ``requests.json`` (default window and by id), the statistics
page, and due-date computation throughput. ``--quick``: 1/20 of the items.
Figures as JSON lines on stdout, progress on stderr; ``bench_feedback`` is dropped and filled.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import Any

from bench._common import Report, fresh_database, log, parse_args, time_ms

ITEMS = 200_000
AGENCIES = 30
LIST_TARGET_MS = 150.0
LOOKUP_TARGET_MS = 50.0
QUEUE_TARGET_MS = 150.0

WORDS = [
    "nâng bậc lương",
    "đường ngập nước",
    "đèn chiếu sáng",
    "thủ tục cấp giấy chứng nhận quyền sử dụng đất",
    "ô nhiễm kênh rạch",
    "giấy phép xây dựng",
    "tuyển dụng viên chức",
    "học phí",
    "bảo hiểm y tế",
    "trật tự đô thị",
]


def fill(fb: Any, count: int) -> list[Any]:
    """``count`` items bulk-inserted over three years, with transitions for answered ones."""
    from django.utils import timezone

    from egov.feedback.actions._common import digest
    from egov.feedback.choices import State
    from egov.feedback.models import Category, Item
    from egov.lib.text import fold
    from egov.organisations.actions import create_unit
    from egov.organisations.choices import UnitKind
    from egov.organisations.testing import START

    world = fb.world
    agencies = [world.home_affairs, world.finance]
    for n in range(AGENCIES - 2):
        agencies.append(
            create_unit(
                actor=None,
                parent=world.province,
                name=f"Sở thử tải {n + 1}",
                kind=UnitKind.AGENCY,
                valid_from=START,
                abbreviation=f"STT{n + 1}",
                skip_access_check=True,
            )
        )
    categories = [fb.home_affairs_category, fb.finance_category]
    for agency in agencies[2:]:
        categories.append(
            Category.objects.create(
                code=f"linh-vuc-{agency.pk}", name=f"Lĩnh vực {agency.name}", agency=agency
            )
        )
    rng = random.Random(7)
    now = timezone.now()
    rows = []
    for n in range(count):
        category = categories[n % len(categories)]
        received = now - dt.timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
        title = f"Phản ánh về {rng.choice(WORDS)} số {n}"
        text = f"Đề nghị cơ quan xem xét {rng.choice(WORDS)} tại ấp {n % 97}, xã {n % 102}."
        answered = rng.random() < 0.7 and received < now - dt.timedelta(days=15)
        answer = f"Cơ quan đã kiểm tra và xử lý {rng.choice(WORDS)}." if answered else ""
        rows.append(
            Item(
                kind="comment" if n % 3 else "question",
                channel="web",
                state=State.ANSWERED if answered else State.RECEIVED,
                category=category,
                agency_id=category.agency_id,
                title=title,
                text=text,
                asker_name="Nguyễn Văn An",
                asker_email=f"nguoi{n}@example.com",
                tracking_hash=digest(f"bench-{n}"),
                received_at=received,
                due_date=(received + dt.timedelta(days=14)).date(),
                answer_text=answer,
                answered_at=received + dt.timedelta(days=rng.randint(1, 20)) if answered else None,
                is_public=answered and rng.random() < 0.85,
                search_key=fold(f"{title} {text} {answer}"),
            )
        )
        if len(rows) == 5000:
            Item.objects.bulk_create(rows)
            rows = []
            log(f"items: {n + 1}")
    Item.objects.bulk_create(rows)
    return agencies


def main() -> None:
    args = parse_args("Benchmark of citizen feedback", quick_scale=0.05)
    count = int(ITEMS * args.scale)
    repeat = 10 if args.quick else 40
    report = Report()
    name = "bench_feedback" if args.database == "bench_egov" else args.database
    log(f"database {name}: creating and migrating")
    fresh_database(name, args.pg_settings)

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    settings.EGOV_FEEDBACK_RATE_PER_EMAIL = 10**9
    from egov.feedback import queries
    from egov.feedback.actions import items
    from egov.feedback.models import Item
    from egov.feedback.testing import build
    from egov.organisations.testing import build_world

    fb = build(build_world())
    log(f"filling {count} items")
    started = time.perf_counter()
    fill(fb, count)
    report.emit("fill_s", time.perf_counter() - started, "s", better=None)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE feedback_item")  # what autovacuum does in production

    counter = iter(range(10**9))

    def submit() -> None:
        items.submit_item(
            kind="question",
            category=fb.home_affairs_category,
            title="Hỏi về nâng bậc lương",
            text="Xin hỏi thời gian nâng bậc lương thường xuyên của viên chức là bao lâu?",
            email=f"bench{next(counter)}@example.com",
            trusted=True,
        )

    report.latency("submit", time_ms(submit, repeat=repeat), target=None)
    client = Client()

    def get(url: str, browser: Any = client) -> None:
        response = browser.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: {response.status_code}")

    public = Item.objects.filter(is_public=True).order_by("-pk").values_list("pk", flat=True)[:1][0]
    report.latency(
        "public_list", time_ms(lambda: get("/phan-anh/"), repeat=repeat), target=LIST_TARGET_MS
    )
    report.latency(
        "public_search",
        time_ms(lambda: get("/phan-anh/?q=nang+bac+luong"), repeat=repeat),
        target=LIST_TARGET_MS,
    )
    report.latency(
        "public_item",
        time_ms(lambda: get(f"/phan-anh/{public}/"), repeat=repeat),
        target=LOOKUP_TARGET_MS,
    )
    report.latency(
        "open311_request_by_id",
        time_ms(lambda: get(f"/phan-anh/open311/v2/requests/{public}.json"), repeat=repeat),
        target=LOOKUP_TARGET_MS,
    )
    report.latency(
        "open311_requests_90_days",
        time_ms(lambda: get("/phan-anh/open311/v2/requests.json"), repeat=max(repeat // 4, 3)),
        target=None,
    )
    leader = Client()
    leader.force_login(fb.world.leader)
    report.latency(
        "officer_queue",
        time_ms(lambda: get("/feedback/", leader), repeat=repeat),
        target=QUEUE_TARGET_MS,
    )
    report.latency(
        "officer_queue_overdue",
        time_ms(lambda: get("/feedback/?overdue=1", leader), repeat=repeat),
        target=QUEUE_TARGET_MS,
    )
    admin = Client()
    admin.force_login(fb.world.admin)
    session = admin.session
    from django_otp.plugins.otp_static.models import StaticDevice

    device = StaticDevice.objects.get_or_create(user=fb.world.admin, name="bench", confirmed=True)[
        0
    ]
    session["otp_device_id"] = device.persistent_id
    session.save()
    year = dt.date.today().year
    report.latency(
        "statistics_page_all_agencies",
        time_ms(lambda: get(f"/feedback/thong-ke/?year={year}", admin), repeat=3, warmup=1),
        target=None,
    )
    category = fb.home_affairs_category
    from django.utils import timezone

    moment = timezone.now()
    started = time.perf_counter()
    n = 20_000 if not args.quick else 2_000
    for k in range(n):
        queries.due_date_for(category, moment + dt.timedelta(hours=k))
    report.emit("due_dates_per_s", n / (time.perf_counter() - started), "1/s", better="higher")
    report.summary(items=count, agencies=AGENCIES)


if __name__ == "__main__":
    main()
