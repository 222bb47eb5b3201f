"""``python -m bench.gazette``: the legal gazette's search under load.

Fills its own database (``bench_gazette``) with 20,000 published legal documents of one
province (resolutions of the council, decisions of the provincial committee and of 100
communes, 2005–2026, each with a title, about 1.5 KB of full text, fields, some with an
expiry) and about 8,000 relations (replacements, amendments, repeals between documents of
the same issuer; grounds named by text), inserted in bulk with the search key computed by
the gazette's own code (``egov.gazette.search.search_text``). Then:

* in-process: the time of each typical search as the page runs it (count + first page of
  20, with the validity status of each row computed on the day), and the same text search
  done naively (``ILIKE`` over the folded text) for comparison;
* over HTTP: gunicorn (production settings, ``--workers`` sync workers) on this machine,
  driven by ``wrk`` (2 threads; 16 connections, then 4): requests per second and p95 of
  each search page as visitors repeat it (served from the page cache, which a publication
  empties) and, with ``--uncached``, with a fresh query string on every request (every
  request runs the search and renders the page).

JSON lines on stdout, progress on stderr. Full scale 20,000 documents; ``--quick`` 2,000
and 5-second runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from bench._common import Report, fresh_database, log, percentile, time_ms
from bench._http import lua_script, run_wrk, start_gunicorn

DOCUMENTS = 20_000
P95_TARGET_MS = 200.0
PORT = 8766
ROOT = Path(__file__).resolve().parents[2]

TOPICS = [
    "mức thu học phí đối với cơ sở giáo dục mầm non, giáo dục phổ thông công lập",
    "quản lý chất thải rắn sinh hoạt và phân loại rác tại nguồn",
    "bảng giá các loại đất trên địa bàn tỉnh",
    "hệ số điều chỉnh giá đất",
    "phân cấp quản lý nhà nước về an toàn thực phẩm",
    "chính sách hỗ trợ phát triển sản xuất nông nghiệp, nông thôn",
    "mức chi bảo đảm cho công tác cải cách hành chính",
    "quản lý, vận hành và khai thác đường thủy nội địa địa phương",
    "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ",
    "phí tham quan di tích lịch sử, văn hóa",
    "quản lý trật tự xây dựng và cấp giấy phép xây dựng",
    "chế độ dinh dưỡng đối với vận động viên, huấn luyện viên thể thao",
    "mức hỗ trợ đóng bảo hiểm y tế cho người thuộc hộ cận nghèo",
    "quản lý cụm công nghiệp trên địa bàn tỉnh",
    "chính sách thu hút đầu tư vào khu kinh tế cửa khẩu",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "quy chế phối hợp quản lý nhà nước về khoáng sản",
    "định mức kinh tế - kỹ thuật dịch vụ công sử dụng ngân sách nhà nước",
    "giá dịch vụ khám bệnh, chữa bệnh tại cơ sở y tế công lập",
    "bảo vệ môi trường làng nghề và khu dân cư",
    "chế độ công tác phí, chi hội nghị",
    "tiêu chí xã đạt chuẩn nông thôn mới nâng cao",
    "quản lý hoạt động quảng cáo ngoài trời",
    "hỗ trợ cán bộ, công chức dôi dư do sắp xếp đơn vị hành chính",
]
VERBS = ["Quy định", "Ban hành Quy định về", "Sửa đổi, bổ sung Quy định về", "Quy định chi tiết"]
SENTENCES = [
    "Điều {n}. Phạm vi điều chỉnh và đối tượng áp dụng của quy định này.",
    "Cơ quan, tổ chức, cá nhân có liên quan trên địa bàn tỉnh An Giang chịu trách nhiệm thi hành.",
    "Ủy ban nhân dân các xã, phường tổ chức triển khai, kiểm tra việc thực hiện.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành.",
    "Sở Tài chính chủ trì, phối hợp với các sở, ngành hướng dẫn thực hiện.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, phản ánh về Sở Tư pháp để tổng hợp.",
]
SEARCHES = [
    ("text_no_diacritics", {"q": "hoc phi"}),
    ("text_diacritics", {"q": "quản lý chất thải rắn sinh hoạt"}),
    ("notation", {"q": "25/2024/QD-UBND"}),
    ("filters_in_force", {"hieu_luc": "applying", "linh_vuc": "land"}),
    ("text_in_force_on_date", {"q": "gia dat", "hieu_luc": "applying", "ngay": "2020-06-30"}),
]


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Load test of the gazette search")
    parser.add_argument("--quick", action="store_true", help="2,000 documents, 5-second runs")
    parser.add_argument("--database", default="bench_gazette")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument(
        "--connections",
        type=int,
        action="append",
        help="wrk connections (repeatable; default 16 and 4)",
    )
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="also run each search with a fresh query string per request (no cache hit)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the database a previous run filled (no migrate, no fill)",
    )
    return parser.parse_args()


def build_issuers(communes: int) -> list[Any]:
    from egov.organisations import actions
    from egov.organisations.choices import UnitKind

    start = dt.date(2000, 1, 1)

    def unit(parent: Any, name: str, kind: str, abbreviation: str) -> Any:
        return actions.create_unit(
            actor=None,
            parent=parent,
            name=name,
            kind=kind,
            valid_from=start,
            abbreviation=abbreviation,
            short_name=name,
            skip_access_check=True,
        )

    province = unit(None, "Ủy ban nhân dân tỉnh An Giang", UnitKind.PROVINCE_COMMITTEE, "UBND")
    council = unit(None, "Hội đồng nhân dân tỉnh An Giang", UnitKind.PROVINCE_COUNCIL, "HĐND")
    xa = [
        unit(province, f"Ủy ban nhân dân xã Bình Hòa {n}", UnitKind.COMMUNE_COMMITTEE, "UBND")
        for n in range(communes)
    ]
    return [province, council, *xa]


def bulk_documents(total: int, issuers: list[Any]) -> float:
    """``total`` published documents and their relations, in bulk; seconds spent."""
    from django.db import connection, transaction
    from django.utils import timezone

    from egov.gazette.choices import DocState, DocType, LegalField, RelationKind
    from egov.gazette.models import LegalDocument, Relation
    from egov.gazette.search import code_key, search_text

    started = time.perf_counter()
    rng = random.Random(20261130)
    province, council, *communes = issuers
    fields = list(LegalField.values)
    counters: dict[tuple[int, int], int] = {}
    now = timezone.now()
    documents = []
    for i in range(total):
        roll = rng.random()
        issuer = province if roll < 0.55 else council if roll < 0.75 else rng.choice(communes)
        if issuer is council:
            doc_type, abbreviation, signer = DocType.NQ_HDND_TINH, "NQ-HĐND", "Chủ tịch"
        elif issuer is province:
            doc_type, abbreviation, signer = DocType.QD_UBND_TINH, "QĐ-UBND", "Phó Chủ tịch"
        else:
            doc_type, abbreviation, signer = DocType.QD_UBND_XA, "QĐ-UBND", "Chủ tịch"
        issued = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 22 - 30))
        number = counters[(issuer.pk, issued.year)] = counters.get((issuer.pk, issued.year), 0) + 1
        effective = issued + dt.timedelta(days=rng.choice([0, 10, 10, 15]))
        expiry = (
            effective + dt.timedelta(days=365 * rng.randint(1, 3)) if rng.random() < 0.1 else None
        )
        title = f"{rng.choice(VERBS)} {rng.choice(TOPICS)} (lần {i})"
        body = "\n\n".join(s.format(n=k + 1) for k, s in enumerate(rng.choices(SENTENCES, k=14)))
        code = f"{number}/{issued.year}/{abbreviation}"
        doc = LegalDocument(
            issuer=issuer,
            issuer_name=issuer.name,
            doc_type=doc_type,
            code=code,
            code_key=code_key(code),
            number=number,
            year=issued.year,
            title=title,
            signer_title=signer,
            signer_name=rng.choice(["Hồ Văn Mừng", "Lê Văn Nưng", "Trần Anh Thư", "Lê Văn Phước"]),
            issue_date=issued,
            effective_date=effective,
            expiry_date=expiry,
            fields=rng.sample(fields, rng.choice([1, 1, 2])),
            scope="Tỉnh An Giang",
            body_text=body,
            state=DocState.PUBLISHED,
            published_at=now,
        )
        doc.search_text = search_text(doc)
        documents.append(doc)
    with transaction.atomic():
        LegalDocument.objects.bulk_create(documents, batch_size=1000)
    by_issuer: dict[int, list[LegalDocument]] = {}
    for doc in documents:
        by_issuer.setdefault(doc.issuer_id, []).append(doc)
    relations = []
    kinds = [RelationKind.REPLACES, RelationKind.AMENDS, RelationKind.AMENDS, RelationKind.REPEALS]
    for docs in by_issuer.values():
        docs.sort(key=lambda d: d.issue_date)
        for k in range(1, len(docs)):
            if rng.random() < 0.15:
                older = docs[rng.randrange(0, k)]
                relations.append(
                    Relation(
                        source=docs[k],
                        target=older,
                        kind=rng.choice(kinds),
                        source_published=True,
                        source_effective=docs[k].effective_date,
                    )
                )
    for doc in documents[: total // 4]:
        relations.append(
            Relation(
                source=doc,
                kind=RelationKind.BASED_ON,
                target_label="Luật Tổ chức chính quyền địa phương",
                source_published=True,
                source_effective=doc.effective_date,
            )
        )
    seen: set[tuple[int, int | None, str]] = set()
    unique = []
    for rel in relations:
        key = (rel.source.pk, rel.target.pk if rel.target else None, rel.kind)
        if key[1] is None or key not in seen:
            seen.add(key)
            unique.append(rel)
    with transaction.atomic():
        Relation.objects.bulk_create(unique, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) gazette_legaldocument")
        cursor.execute("VACUUM (ANALYZE) gazette_relation")
    log(f"{total} documents, {len(unique)} relations")
    return time.perf_counter() - started


def _load(path: str, duration: int, script: str, connections: int) -> tuple[float, ...]:
    load = run_wrk(PORT, path, script=script, duration=duration, connections=connections)
    return load.rps, load.p50_ms, load.p95_ms, load.errors


def in_process(report: Report, repeat: int) -> dict[str, int]:
    """Each search as the page runs it: the count and the first page of 20."""
    from egov.gazette import queries
    from egov.lib.dates import parse_iso_date

    counts = {}
    for name, params in SEARCHES:
        filters = queries.SearchFilters(
            text=params.get("q", ""),
            legal_field=params.get("linh_vuc", ""),
            validity=params.get("hieu_luc", ""),
            on=parse_iso_date(params["ngay"]) if "ngay" in params else None,
        )

        def run(filters: Any = filters) -> int:
            qs = queries.search_documents(filters)
            total = qs.count()
            list(qs[:20])
            return total

        counts[name] = run()
        report.latency(f"query_{name}", time_ms(run, repeat=repeat), target=P95_TARGET_MS)
    from egov.gazette.models import LegalDocument
    from egov.gazette.search import search_text

    naive = search_text(LegalDocument(code="", title="hoc phi", doc_type="", issuer_name=""))

    def run_naive() -> None:
        qs = LegalDocument.objects.filter(state="published", search_text__contains=naive)
        qs.count()
        list(qs.order_by("-issue_date")[:20].values_list("pk", "code", "title"))

    report.latency(
        "query_naive_like_text_no_diacritics", time_ms(run_naive, repeat=repeat), target=None
    )
    return counts


def main() -> None:
    args = _args()
    total = 2_000 if args.quick else DOCUMENTS
    duration = 5 if args.quick else args.duration
    repeat = 10 if args.quick else 30
    if not Path("/usr/bin/wrk").exists() and not shutil.which("wrk"):
        raise SystemExit("wrk is needed (/usr/bin/wrk)")
    report = Report()
    log(f"database {args.database}: {'reused' if args.reuse else 'migrating'}")
    if args.reuse:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "egov.settings")
        from django.conf import settings

        settings.DATABASES["default"]["NAME"] = args.database
        settings.DEBUG = False
        import django

        django.setup()
    else:
        fresh_database(args.database)
        issuers = build_issuers(100)
        seconds = bulk_documents(total, issuers)
        report.emit("fill_documents_s", seconds, "s", better=None)
    counts = in_process(report, repeat)
    for name, count in counts.items():
        report.emit(f"results_{name}", count, "documents", better=None)
    p50_text = report.figures["query_text_no_diacritics_p50_ms"]
    p50_naive = report.figures["query_naive_like_text_no_diacritics_p50_ms"]
    report.emit("naive_over_indexed_ratio", p50_naive / max(p50_text, 0.01), "x", better=None)
    log(f"gunicorn with {args.workers} workers")
    server = start_gunicorn(PORT, args.workers)
    http_p95 = []
    with lua_script() as script, lua_script(nonce=True) as nonce_script:
        try:
            for connections in args.connections or [16, 4]:
                for name, params in SEARCHES:
                    path = "/cong-bao/?" + urllib.parse.urlencode(params)
                    log(f"wrk -c{connections} {path}")
                    rps, p50, p95, errors = _load(path, duration, script, connections)
                    label = f"http_c{connections}_{name}"
                    report.emit(f"{label}_rps", rps, "requests/s", better="higher")
                    report.emit(f"{label}_p50_ms", p50, "ms", better="lower")
                    report.emit(f"{label}_p95_ms", p95, "ms", target=P95_TARGET_MS)
                    report.emit(f"{label}_errors", errors, "requests", target=0)
                    http_p95.append(p95)
                    if args.uncached:
                        rps, p50, p95, errors = _load(path, duration, nonce_script, connections)
                        label = f"http_uncached_c{connections}_{name}"
                        report.emit(f"{label}_rps", rps, "requests/s", better="higher")
                        report.emit(f"{label}_p50_ms", p50, "ms", better="lower")
                        report.emit(f"{label}_p95_ms", p95, "ms", target=P95_TARGET_MS)
                        report.emit(f"{label}_errors", errors, "requests", target=0)
        finally:
            server.terminate()
            server.wait(timeout=30)
    report.summary(
        documents=total,
        gunicorn_workers=args.workers,
        wrk=f"2 threads, {args.connections or [16, 4]} connections, {duration}s per search",
        worst_http_p95_ms=round(max(http_p95), 1),
        median_http_p95_ms=round(percentile(http_p95, 0.5), 1),
    )


if __name__ == "__main__":
    main()
