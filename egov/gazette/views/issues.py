"""Editors' screens of gazette issues and of the spreadsheet import."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.gazette import access, queries
from egov.gazette.actions import importing
from egov.gazette.actions import issues as issue_actions
from egov.gazette.choices import DocState
from egov.gazette.forms import ImportForm, IssueAddForm, IssueForm
from egov.gazette.models import GazetteEntry
from egov.gazette.search import code_key
from egov.lib import tabular
from egov.lib.errors import ActionError


def _require_editor(request: HttpRequest) -> None:
    if not access.is_editor(request.user):
        raise PermissionDenied


@login_required
def issue_list(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    form = IssueForm(request.POST or None, issuers=access.issuers_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            issue = issue_actions.create_issue(
                actor=request.user,
                publisher=form.cleaned_data["publisher"],
                date=form.cleaned_data["date"],
                number=form.cleaned_data["number"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(request, _("Đã tạo số công báo %(issue)s.") % {"issue": str(issue)})
            return redirect("gazette:issue", issue.pk)
    issues = (
        access.issues_for_editor(request.user)
        .select_related("publisher")
        .order_by("-year", "-number")
    )
    return render(request, "gazette/issue_list.html", {"form": form, "issues": issues})


@login_required
def issue_page(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access.get_issue_for_user(request.user, pk)
    form = IssueAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        document = (
            queries.published()
            .filter(code_key=code_key(form.cleaned_data["code"]))
            .order_by("-issue_date")
            .first()
        )
        if document is None:
            form.add_error(
                "code",
                _("Không có văn bản đã đăng nào số ký hiệu “%(code)s”.")
                % {"code": form.cleaned_data["code"]},
            )
        else:
            try:
                issue_actions.add_to_issue(actor=request.user, issue=issue, document=document)
            except ActionError as error:
                form.add_action_error(error)
            except PermissionDenied as exc:
                raise PermissionDenied from exc
            else:
                messages.success(request, _("Đã đưa văn bản vào số công báo."))
                return redirect("gazette:issue", issue.pk)
    return render(
        request,
        "gazette/issue.html",
        {"issue": issue, "entries": queries.issue_entries(issue), "form": form},
    )


@login_required
@require_POST
def issue_remove(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    issue = access.get_issue_for_user(request.user, pk)
    entry = get_object_or_404(GazetteEntry, pk=entry_pk, issue=issue)
    try:
        issue_actions.remove_from_issue(actor=request.user, entry=entry)
    except ActionError as error:
        messages.error(request, str(error.message))
    return redirect("gazette:issue", issue.pk)


@login_required
@require_POST
def issue_publish(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access.get_issue_for_user(request.user, pk)
    try:
        issue_actions.publish_issue(actor=request.user, issue=issue)
    except ActionError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Đã phát hành số công báo %(issue)s.") % {"issue": str(issue)})
    return redirect("gazette:issue", issue.pk)


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = importing.import_documents(
                actor=request.user,
                content=tabular.upload_content(upload),
                filename=upload.name or "",
                publish=request.POST.get("publish") == "1",
            )
        except ActionError as error:
            form.add_error("file", error)
        else:
            if report.ok:
                messages.success(
                    request,
                    _("Đã nhập %(n)s văn bản.") % {"n": len(report.created)},
                )
                return redirect("gazette:documents")
    return render(
        request,
        "gazette/import.html",
        {"form": form, "report": report, "columns": importing.COLUMNS, "draft": DocState.DRAFT},
    )
