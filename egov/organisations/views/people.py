"""The person page, and what its administrators do there: record a staff event (transfer,
leave, return, retirement, resignation) and grant or revoke roles. Each POST calls one action;
a refusal is shown on the form (error summary at its top), a success redirects to the page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from egov.lib.dates import local_today
from egov.lib.errors import ActionError
from egov.organisations import access, actions
from egov.organisations.choices import StaffEventKind
from egov.organisations.forms import GrantRoleForm, RevokeRoleForm, StaffEventForm
from egov.organisations.models import Person, RoleAssignment

#: Ids of the page sections the forms post back to (the browser scrolls there on errors).
EVENT_SECTION = "staff-event"
ROLES_SECTION = "roles"


def person_url(person: Person, section: str = "") -> str:
    url = reverse("organisations:person", args=[person.pk])
    return f"{url}#{section}" if section else url


def render_person(
    request: HttpRequest, person: Person, *, bound: dict[str, Any] | None = None
) -> HttpResponse:
    """The person page; for the person's administrators, with the change forms (``bound``
    holds the one just posted, with its errors)."""
    user: Any = request.user
    personal = access.can_see_personal_details(user, person)
    context: dict[str, Any] = {
        "person": person,
        "personal": personal,
        "employments": person.employments.select_related("unit", "position") if personal else [],
        "events": person.events.select_related("unit", "position") if personal else [],
        "can_manage": False,
        # GOV.UK pattern: the page title starts with "Lỗi:" while a form shows errors.
        "has_errors": any(form.errors for form in (bound or {}).values()),
        "today": local_today(),
    }
    if access.can_manage_person(user, person):
        bound = bound or {}
        context.update(
            can_manage=True,
            event_form=bound.get("event") or StaffEventForm(actor=user, person=person),
            event_section=EVENT_SECTION,
            roles_section=ROLES_SECTION,
        )
        if person.user_id is not None:
            context.update(
                assignments=RoleAssignment.objects.filter(user_id=person.user_id)
                .select_related("unit")
                .order_by(F("valid_to").desc(nulls_first=True), "valid_from", "pk"),
                grant_form=bound.get("grant") or GrantRoleForm(actor=user, person=person),
                revoke_form=bound.get("revoke") or RevokeRoleForm(actor=user, person=person),
            )
    return render(request, "organisations/person_detail.html", context)


def _done(request: HttpRequest, person: Person, message: str) -> HttpResponse:
    messages.success(request, message)
    # The message is at the top of the page: land there, not on the form's section.
    return redirect(person_url(person, "main"))


def _apply_staff_event(actor: Any, person: Person, data: dict[str, Any]) -> str:
    """Call the one action the chosen event stands for; the success message."""
    kind = data["kind"]
    day = data["effective_date"]
    values = {"name": person.full_name, "date": day.strftime("%d/%m/%Y")}
    if kind == StaffEventKind.TRANSFER:
        unit = data["unit"]
        actions.transfer_person(
            actor=actor,
            person=person,
            unit=unit,
            effective_date=day,
            position=data.get("position"),
            decision_ref=data["decision_ref"],
            note=data["note"],
        )
        return _("Đã ghi nhận điều động %(name)s sang %(unit)s từ ngày %(date)s.") % {
            **values,
            "unit": unit.name,
        }
    if kind == StaffEventKind.RETURN:
        actions.return_from_leave(actor=actor, person=person, effective_date=day)
    else:
        actions.end_employment(
            actor=actor,
            person=person,
            kind=kind,
            effective_date=day,
            decision_ref=data["decision_ref"],
            note=data["note"],
        )
    return _("Đã ghi nhận “%(kind)s” của %(name)s từ ngày %(date)s.") % {
        **values,
        "kind": StaffEventKind(kind).label,
    }


@login_required
@require_http_methods(["GET", "POST"])
def record_staff_event(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.get_person_for_user(request.user, pk, need="change")
    if request.method != "POST":
        return redirect(person_url(person, EVENT_SECTION))
    form = StaffEventForm(request.POST, actor=request.user, person=person)
    if form.is_valid():
        try:
            message = _apply_staff_event(request.user, person, form.cleaned_data)
        except ActionError as error:
            form.add_action_error(error)
        else:
            return _done(request, person, message)
    return render_person(request, person, bound={"event": form})


def _person_with_account(request: HttpRequest, pk: int) -> Person:
    """The person, for an administrator of their unit; 404 without a login account too (no
    roles to manage)."""
    person = access.get_person_for_user(request.user, pk, need="change")
    if person.user_id is None:
        raise Http404
    return person


@login_required
@require_http_methods(["GET", "POST"])
def grant_role(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person_with_account(request, pk)
    if request.method != "POST":
        return redirect(person_url(person, ROLES_SECTION))
    form = GrantRoleForm(request.POST, actor=request.user, person=person)
    if form.is_valid():
        data = form.cleaned_data
        try:
            assignment = actions.grant_role(
                actor=request.user,
                user=person.user,
                role=data["role"],
                unit=data["unit"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                covers_subtree=data["covers_subtree"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            message = _("Đã phân vai trò “%(role)s” tại %(unit)s cho %(name)s.") % {
                "role": assignment.get_role_display(),
                "unit": assignment.unit.name,
                "name": person.full_name,
            }
            return _done(request, person, message)
    return render_person(request, person, bound={"grant": form})


@login_required
@require_http_methods(["GET", "POST"])
def revoke_role(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person_with_account(request, pk)
    if request.method != "POST":
        return redirect(person_url(person, ROLES_SECTION))
    form = RevokeRoleForm(request.POST, actor=request.user, person=person)
    if form.is_valid():
        try:
            assignment = actions.revoke_role(
                actor=request.user,
                assignment=form.cleaned_data["assignment"],
                effective_date=form.cleaned_data["effective_date"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            message = _(
                "Đã thu hồi vai trò “%(role)s” tại %(unit)s của %(name)s từ ngày %(date)s."
            ) % {
                "role": assignment.get_role_display(),
                "unit": assignment.unit.name,
                "name": person.full_name,
                "date": assignment.valid_to.strftime("%d/%m/%Y") if assignment.valid_to else "",
            }
            return _done(request, person, message)
    return render_person(request, person, bound={"revoke": form})
