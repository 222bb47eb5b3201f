"""Citizens' pages of the gazette (no login): search with filters and "in force on date D",
one document's page, its signed PDF, gazette issues, the Atom feed."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from egov.gazette import access, queries
from egov.gazette import constants as c
from egov.gazette.choices import DocType, LegalField, Validity
from egov.gazette.forms import SearchForm
from egov.gazette.models import LegalDocument
from egov.gazette.pagecache import cached_public_page
from egov.lib.dates import local_today

_FILTER_KEYS = ("q", "loai", "co_quan", "linh_vuc", "nam", "hieu_luc", "ngay")


@require_GET
@cached_public_page
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(
        request.GET if any(k in request.GET for k in _FILTER_KEYS) else None,
        issuers=queries.issuers_with_documents(),
    )
    day = form.value("ngay") or local_today()
    filters = queries.SearchFilters(
        text=form.value("q") or "",
        doc_type=form.value("loai") or "",
        issuer_id=form.value("co_quan"),
        legal_field=form.value("linh_vuc") or "",
        year=form.value("nam"),
        validity=form.value("hieu_luc") or "",
        on=day,
    )
    results = queries.search_documents(filters).select_related(None)
    page = Paginator(results, c.PAGE_SIZE).get_page(request.GET.get("page"))
    kept = request.GET.copy()
    kept.pop("page", None)
    return render(
        request,
        "gazette/public/search.html",
        {
            "form": form,
            "page": page,
            "day": day,
            "is_today": day == local_today(),
            "searched": form.is_bound,
            "query_string": kept.urlencode(),
        },
    )


def _labels(document: Any) -> dict[str, Any]:
    return {
        "type": DocType(document.doc_type).label,
        "fields": [LegalField(f).label for f in document.fields],
    }


@require_GET
@cached_public_page
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_public_document(pk)
    form = SearchForm(request.GET or None, issuers=[])
    day = form.value("ngay") or local_today()
    status = queries.document_status(document, day)
    entry = getattr(document, "gazette_entry", None)
    if entry is not None and entry.issue.state != "published":
        entry = None
    return render(
        request,
        "gazette/public/document.html",
        {
            "document": document,
            "labels": _labels(document),
            "status": status,
            "status_label": Validity(status).label,
            "day": day,
            "is_today": day == local_today(),
            "override_applies": bool(
                document.override_status
                and document.override_from
                and document.override_from <= day
            ),
            "relations": queries.relations_of(document, public=True),
            "entry": entry,
            "history": document.transitions.filter(to_state="published"),
        },
    )


@require_GET
def document_pdf(request: HttpRequest, pk: int) -> FileResponse:
    document = access.get_public_document(pk)
    if document.signed_pdf is None:
        raise Http404
    name = document.code.replace("/", "-") + ".pdf"
    response = FileResponse(
        document.signed_pdf.content.open("rb"),
        content_type="application/pdf",
        filename=name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@cached_public_page
def issue_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.published_issues(), c.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "gazette/public/issue_list.html", {"page": page})


@require_GET
@cached_public_page
def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access.get_public_issue(pk)
    return render(
        request,
        "gazette/public/issue.html",
        {"issue": issue, "entries": queries.issue_entries(issue)},
    )


@require_GET
def issue_pdf(request: HttpRequest, pk: int) -> FileResponse:
    issue = access.get_public_issue(pk)
    if issue.pdf is None:
        raise Http404
    return FileResponse(
        issue.pdf.content.open("rb"),
        content_type="application/pdf",
        filename=f"cong-bao-{issue.number}-{issue.year}.pdf",
    )


@require_GET
@cached_public_page
def feed(request: HttpRequest) -> HttpResponse:
    """Atom feed of newly published documents."""
    documents: list[LegalDocument] = list(
        queries.published()
        .defer(*queries.LIST_DEFER)
        .order_by("-published_at", "-pk")[: c.FEED_SIZE]
    )
    atom = feedgenerator.Atom1Feed(
        title=_("Công báo: văn bản quy phạm pháp luật mới đăng"),
        link=request.build_absolute_uri(reverse("gazette_public:search")),
        description=_("Văn bản quy phạm pháp luật của tỉnh mới được đăng"),
        language="vi",
        feed_url=request.build_absolute_uri(request.path),
    )
    for doc in documents:
        url = request.build_absolute_uri(reverse("gazette_public:document", args=[doc.pk]))
        atom.add_item(
            title=f"{doc.code} — {doc.title}",
            link=url,
            description=_("%(type)s do %(issuer)s ban hành ngày %(date)s.")
            % {
                "type": DocType(doc.doc_type).label,
                "issuer": doc.issuer_name,
                "date": doc.issue_date.strftime("%d/%m/%Y"),
            },
            unique_id=url,
            pubdate=doc.published_at or timezone.now(),
            updateddate=doc.updated_at,
            author_name=doc.issuer_name,
            categories=[str(LegalField(f).label) for f in doc.fields],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    atom.write(response, "utf-8")
    return response
