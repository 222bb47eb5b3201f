"""Citizens' pages: the public list of answered items, one item, the form, the e-mail code,
the private tracking link and a logged-in citizen's own items."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from egov.feedback import constants as c
from egov.feedback import queries
from egov.feedback.actions import abuse, items
from egov.feedback.actions._common import digest
from egov.feedback.choices import State
from egov.feedback.forms import CodeForm, SearchForm, SubmitForm
from egov.feedback.models import Item
from egov.feedback.naming import public_asker
from egov.lib.errors import ActionError
from egov.lib.uploads import limit_upload_size

#: The form's body: three files at the limit and the text fields.
MAX_BODY = c.MAX_ATTACHMENTS * c.MAX_ATTACHMENT_BYTES + 256 * 1024


class CappedPaginator(Paginator):  # type: ignore[type-arg]
    """Counts at most ``PUBLIC_COUNT_CAP`` rows: counting every published answer of a
    province costs more than the page itself; past the cap, citizens narrow the search."""

    @cached_property
    def count(self) -> int:
        rows: Any = self.object_list
        return int(rows.order_by()[: c.PUBLIC_COUNT_CAP].count())


def _ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "")


def public_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(
        request.GET or None, agencies=queries.public_agencies(), years=queries.public_years()
    )
    data: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    found = queries.search_public(
        text=data.get("q", ""),
        category=data.get("category", ""),
        kind=data.get("kind", ""),
        agency=data.get("agency") or None,
        year=data.get("year") or None,
    ).defer("text", "draft_text", "answer_text", "search_key")
    page = CappedPaginator(found, c.PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(item, public_asker(item)) for item in page]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "feedback/public/list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "capped": page.paginator.count >= c.PUBLIC_COUNT_CAP,
        },
    )


def public_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = queries.public_items().filter(pk=pk).first()
    if item is None:
        raise Http404
    return render(request, "feedback/public/item.html", {"item": item, "asker": public_asker(item)})


def _refuse_large(request: HttpRequest, size: int) -> HttpResponse:
    return HttpResponse(
        _("Tệp gửi lên quá lớn (tối đa 3 tệp, mỗi tệp 5 MB)."),
        status=413,
        content_type="text/plain",
    )


@limit_upload_size(MAX_BODY, _refuse_large)
def submit(request: HttpRequest) -> HttpResponse:
    anonymous = not request.user.is_authenticated
    form = SubmitForm(request.POST or None, request.FILES or None, anonymous=anonymous)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            abuse.check_challenge(
                token=data["challenge_token"], answer=data["challenge"], honeypot=data["website"]
            )
            done = items.submit_item(
                kind=data["kind"],
                category=data["category"],
                title=data["title"],
                text=data["text"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                show_name=data["show_name"],
                address=data["address"],
                area=data["area"],
                lat=data["lat"],
                long=data["long"],
                uploads=[items.Upload(f.name, f.read()) for f in data["attachments"]],
                user=request.user if not anonymous else None,
                ip=_ip(request),
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            if done.item.state == State.UNVERIFIED:
                return redirect("feedback_public:verify", done.tracking_token)
            messages.success(
                request,
                _("Đã gửi phản ánh %(code)s. Hãy lưu đường dẫn trang này để theo dõi.")
                % {"code": done.item.code},
            )
            return redirect("feedback_public:track", done.tracking_token)
    challenge = abuse.new_challenge()
    if request.method == "POST":
        fresh = request.POST.copy()
        fresh["challenge_token"] = challenge.token
        fresh["challenge"] = ""
        fresh["website"] = ""
        form.data = fresh
    else:
        form.initial["challenge_token"] = challenge.token
    return render(
        request,
        "feedback/public/submit.html",
        {"form": form, "question": challenge.question, "anonymous": anonymous},
        status=400 if request.method == "POST" else 200,
    )


def _by_token(token: str) -> Item:
    item = queries.item_by_tracking_hash(digest(token))
    if item is None:
        raise Http404
    return item


def verify(request: HttpRequest, token: str) -> HttpResponse:
    item = _by_token(token)
    if item.state != State.UNVERIFIED:
        return redirect("feedback_public:track", token)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            items.verify_item(item=item, code=form.cleaned_data["code"])
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(
                request,
                _("Đã xác minh. Phản ánh %(code)s đã được chuyển tới cơ quan có thẩm quyền.")
                % {"code": item.code},
            )
            return redirect("feedback_public:track", token)
    return render(request, "feedback/public/verify.html", {"form": form, "item": item})


def track(request: HttpRequest, token: str) -> HttpResponse:
    """The asker's private page: everything about their item, the answer even if it was
    not published. The link is the key; the page is not indexed."""
    item = _by_token(token)
    if item.state == State.UNVERIFIED:
        return redirect("feedback_public:verify", token)
    response = render(
        request,
        "feedback/public/track.html",
        {"item": item, "overdue": queries.is_overdue(item), "token": token},
    )
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
def my_items(request: HttpRequest) -> HttpResponse:
    mine = (
        Item.objects.filter(asker_user_id=request.user.pk)
        .select_related("agency", "category")
        .order_by("-created_at")
    )
    return render(request, "feedback/public/mine.html", {"items": mine})


@login_required
def my_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = (
        Item.objects.filter(asker_user_id=request.user.pk, pk=pk)
        .select_related("agency", "category")
        .first()
    )
    if item is None:
        raise Http404
    return render(
        request,
        "feedback/public/track.html",
        {"item": item, "overdue": queries.is_overdue(item)},
    )
