"""Officers' screens: the agency's queue, one item (draft, review, re-route, close), the
attachments, the categories (routing rules) and the answer-time statistics."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.feedback import access, queries
from egov.feedback import constants as c
from egov.feedback.actions import answers, routing
from egov.feedback.choices import OPEN_STATES, State
from egov.feedback.forms import (
    ApproveForm,
    CategoryForm,
    DraftForm,
    NoteForm,
    ReasonForm,
    RerouteForm,
)
from egov.feedback.models import Category
from egov.feedback.naming import public_asker
from egov.lib.dates import local_today
from egov.lib.errors import ActionError


def _officer(request: HttpRequest) -> None:
    if not (access.is_handler(request.user) or access.can_manage_categories(request.user)):
        raise PermissionDenied


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    _officer(request)
    state = request.GET.get("state", "")
    overdue = request.GET.get("overdue") == "1"
    found = queries.queue_for(request.user, state=state, overdue=overdue)
    page = Paginator(found, c.QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    today = local_today()
    rows = [(item, queries.is_overdue(item, today)) for item in page]
    return render(
        request,
        "feedback/queue.html",
        {
            "page": page,
            "rows": rows,
            "state": state,
            "overdue": overdue,
            "states": [
                ("all", _("Tất cả, kể cả đã trả lời")),
                *[s for s in State.choices if s[0] != State.UNVERIFIED],
            ],
            "overdue_count": queries.overdue_count(request.user),
            "can_manage": access.can_manage_categories(request.user),
        },
    )


def _detail_context(request: HttpRequest, item: Any, **forms: Any) -> dict[str, Any]:
    user = request.user
    editable = item.state in (State.RECEIVED, State.DRAFTING)
    return {
        "item": item,
        "asker": public_asker(item),
        "overdue": queries.is_overdue(item),
        "transitions": item.transitions.select_related("actor", "from_agency", "to_agency"),
        "reviews": item.reviews.select_related("submitted_by", "decided_by"),
        "attachments": item.attachments.all(),
        "can_draft": editable,
        "can_route": editable and access.can_route(user, item.agency),
        "can_approve": item.state == State.IN_REVIEW and access.can_approve(user, item.agency),
        "can_close": item.state in OPEN_STATES and access.can_approve(user, item.agency),
        "draft_form": forms.get("draft_form") or DraftForm(initial={"text": item.draft_text}),
        "approve_form": forms.get("approve_form") or ApproveForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "reroute_form": forms.get("reroute_form") or RerouteForm(exclude=item.agency_id),
        "close_form": forms.get("close_form") or ReasonForm(prefix="close"),
    }


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk)
    return render(request, "feedback/item.html", _detail_context(request, item))


def _act(
    request: HttpRequest, item: Any, form_name: str, form: Any, call: Any, done: str
) -> HttpResponse:
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ActionError as error:
            form.add_action_error(error)
        except PermissionDenied as exc:
            raise Http404 from exc
        else:
            messages.success(request, done)
            return redirect("feedback:item", item.pk)
    context = _detail_context(request, item, **{form_name: form})
    return render(request, "feedback/item.html", context, status=400)


@login_required
@require_POST
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, need="draft")
    form = DraftForm(request.POST)
    if "submit" in request.POST:
        return _act(
            request,
            item,
            "draft_form",
            form,
            lambda d: answers.submit_for_review(actor=request.user, item=item, text=d["text"]),
            _("Đã trình lãnh đạo duyệt trả lời."),
        )
    return _act(
        request,
        item,
        "draft_form",
        form,
        lambda d: answers.save_draft(actor=request.user, item=item, text=d["text"]),
        _("Đã lưu dự thảo trả lời."),
    )


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, need="approve")
    return _act(
        request,
        item,
        "approve_form",
        ApproveForm(request.POST),
        lambda d: answers.approve(
            actor=request.user, item=item, publish=d["publish"], note=d["note"]
        ),
        _("Đã duyệt trả lời và gửi tới người hỏi."),
    )


@login_required
@require_POST
def return_draft(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, need="approve")
    return _act(
        request,
        item,
        "note_form",
        NoteForm(request.POST),
        lambda d: answers.return_draft(actor=request.user, item=item, note=d["note"]),
        _("Đã trả lại dự thảo để sửa."),
    )


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, need="approve")
    return _act(
        request,
        item,
        "close_form",
        ReasonForm(request.POST, prefix="close"),
        lambda d: answers.close(actor=request.user, item=item, reason=d["reason"]),
        _("Đã ghi nhận không xử lý phản ánh."),
    )


@login_required
@require_POST
def reroute(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, pk, need="route")
    form = RerouteForm(request.POST, exclude=item.agency_id)
    if form.is_valid():
        try:
            routing.reroute(
                actor=request.user,
                item=item,
                agency=form.cleaned_data["agency"],
                reason=form.cleaned_data["reason"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(
                request,
                _("Đã chuyển phản ánh tới %(agency)s.")
                % {"agency": form.cleaned_data["agency"].name},
            )
            if access.items_visible_to(request.user).filter(pk=item.pk).exists():
                return redirect("feedback:item", item.pk)
            return redirect("feedback:queue")
    context = _detail_context(request, item, reroute_form=form)
    return render(request, "feedback/item.html", context, status=400)


@login_required
def attachment(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    item = access.get_item_for_user(request.user, pk)
    found = item.attachments.filter(pk=file_pk).first()
    if found is None:
        raise Http404
    response = FileResponse(found.file.open("rb"), content_type=found.content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{found.sha256[:12]}{_ext(found.name)}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _ext(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower()[:6] if dot >= 0 else ""


@login_required
def categories(request: HttpRequest) -> HttpResponse:
    if not access.can_manage_categories(request.user):
        raise Http404
    return render(
        request,
        "feedback/categories.html",
        {"categories": Category.objects.select_related("agency").order_by("order", "name")},
    )


@login_required
def category_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not access.can_manage_categories(request.user):
        raise Http404
    category = Category.objects.filter(pk=pk).first() if pk else None
    if pk and category is None:
        raise Http404
    initial = (
        {
            "code": category.code,
            "name": category.name,
            "group": category.group,
            "description": category.description,
            "agency": category.agency_id,
            "answer_days": category.answer_days,
            "active": category.active,
        }
        if category
        else {"active": True}
    )
    form = CategoryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            routing.save_category(
                actor=request.user,
                category=category,
                code=data["code"],
                name=data["name"],
                agency=data["agency"],
                answer_days=data["answer_days"],
                description=data["description"],
                group=data["group"],
                active=data["active"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, _("Đã lưu lĩnh vực."))
            return redirect("feedback:categories")
    return render(request, "feedback/category_form.html", {"form": form, "category": category})


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    _officer(request)
    try:
        year = int(request.GET.get("year") or local_today().year)
    except ValueError:
        year = local_today().year
    rows = queries.statistics(request.user, year=year)
    chart = queries.chart_data(rows)
    chart["series"][0]["name"] = _("Đúng hạn")
    chart["series"][1]["name"] = _("Trễ hạn")
    chart["series"][2]["name"] = _("Số ngày làm việc trung bình")
    return render(
        request,
        "feedback/statistics.html",
        {
            "rows": rows,
            "year": year,
            "chart": chart,
            "years": range(local_today().year, local_today().year - 5, -1),
        },
    )
