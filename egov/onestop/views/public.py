"""Citizens' pages (no login needed): the catalogue, filing online (logged in, or with an
e-mail verified by a code), the status lookup by code or QR, and what the receipt's key
allows: the receipt, additional documents, withdrawal, the satisfaction rating."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from egov.lib.errors import ActionError
from egov.onestop import access, pdf, queries
from egov.onestop.actions import dossiers as dossier_actions
from egov.onestop.actions import processing, verification
from egov.onestop.actions._common import lookup_url
from egov.onestop.choices import Status
from egov.onestop.forms import (
    ApplicantForm,
    CodeForm,
    EmailForm,
    LookupForm,
    RatingForm,
    ReasonForm,
    SupplyForm,
)
from egov.onestop.models import Dossier, Procedure

SESSION_EMAIL = "onestop_verified_email"
SESSION_PENDING = "onestop_pending_email"


def catalogue(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "")
    procedures = queries.procedures_public(search)[:100]
    return render(
        request,
        "onestop/public/catalogue.html",
        {"procedures": procedures, "q": search, "lookup_form": LookupForm()},
    )


def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(
        Procedure.objects.prefetch_related("documents", "agencies", "steps__unit"),
        code=code,
        is_active=True,
    )
    return render(request, "onestop/public/procedure.html", {"procedure": procedure})


def verify_email(request: HttpRequest) -> HttpResponse:
    """Two steps on one address: the e-mail (a code is sent), then the code."""
    next_url = request.GET.get("next") or reverse("onestop_public:catalogue")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("onestop_public:catalogue")
    pending = request.session.get(SESSION_PENDING, "")
    if request.method == "POST" and "email" in request.POST:
        email_form = EmailForm(request.POST)
        if email_form.is_valid():
            try:
                verification.send_code(email=email_form.cleaned_data["email"])
            except ActionError as error:
                email_form.add_action_error(error)
            else:
                request.session[SESSION_PENDING] = email_form.cleaned_data["email"].lower()
                return redirect(request.get_full_path())
        return render(
            request, "onestop/public/verify_email.html", {"email_form": email_form, "step": "email"}
        )
    if pending:
        code_form = CodeForm(request.POST or None)
        if request.method == "POST" and code_form.is_valid():
            try:
                email = verification.verify_code(email=pending, code=code_form.cleaned_data["code"])
            except ActionError as error:
                code_form.add_action_error(error)
            else:
                request.session[SESSION_EMAIL] = email
                request.session.pop(SESSION_PENDING, None)
                return redirect(next_url)
        return render(
            request,
            "onestop/public/verify_email.html",
            {"code_form": code_form, "step": "code", "email": pending, "email_form": EmailForm()},
        )
    return render(
        request, "onestop/public/verify_email.html", {"email_form": EmailForm(), "step": "email"}
    )


def submit(request: HttpRequest, code: str) -> HttpResponse:
    procedure = get_object_or_404(Procedure, code=code, is_active=True)
    if not procedure.accepts_online:
        raise Http404
    user = request.user
    logged_in = bool(getattr(user, "is_authenticated", False))
    verified = request.session.get(SESSION_EMAIL, "")
    if not logged_in and not verified:
        return redirect(f"{reverse('onestop_public:verify_email')}?next={request.path}")
    units = list(procedure.agencies.all())
    unit = next(
        (u for u in units if str(u.pk) == request.POST.get("unit")), units[0] if units else None
    )
    if unit is None:
        raise Http404
    form = ApplicantForm(
        request.POST or None,
        request.FILES or None,
        procedure=procedure,
        email_fixed="" if logged_in else verified,
        initial={"return_method": "online"} if not request.POST else None,
    )
    if logged_in and not request.POST:
        form.initial.update(
            {
                "applicant_name": getattr(user, "full_name", ""),
                "applicant_email": getattr(user, "email", ""),
            }
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dossier = dossier_actions.submit_online(
                account=user if logged_in else None,
                verified_email=verified,
                procedure=procedure,
                unit=unit,
                applicant=dossier_actions.Applicant(
                    name=data["applicant_name"],
                    id_number=data["applicant_id_number"],
                    email=data.get("applicant_email") or verified,
                    phone=data["applicant_phone"],
                    address=data["applicant_address"],
                    kind=data["applicant_kind"],
                ),
                uploads=form.uploads(),
                details=data["details"],
                return_method=data["return_method"],
            )
        except ActionError as error:
            form.add_action_error(error)
        else:
            messages.success(
                request,
                _(
                    "Đã gửi hồ sơ. Mã hồ sơ của anh/chị là %(code)s; "
                    "hãy lưu lại đường dẫn tra cứu này."
                )
                % {"code": dossier.code},
            )
            return _back(dossier)
    return render(
        request,
        "onestop/public/submit.html",
        {"form": form, "procedure": procedure, "units": units, "unit": unit, "verified": verified},
    )


def lookup(request: HttpRequest) -> HttpResponse:
    form = LookupForm(request.GET or None)
    if request.GET and form.is_valid():
        code = form.cleaned_data["code"].strip().upper()
        try:
            access.get_dossier_by_code(code)
        except Http404:
            form.add_error(
                "code",
                _("Không có hồ sơ nào mang mã “%(code)s”. Kiểm tra lại mã trên giấy tiếp nhận.")
                % {"code": code},
            )
        else:
            return redirect("onestop_public:lookup_detail", code=code)
    return render(
        request, "onestop/public/lookup.html", {"form": form}, status=404 if form.errors else 200
    )


def _keyed(request: HttpRequest, code: str) -> tuple[Dossier, bool]:
    dossier = access.get_dossier_by_code(code)
    key = request.GET.get("k") or request.POST.get("k") or ""
    holder = access.key_matches(dossier, key) or (
        getattr(request.user, "is_authenticated", False) and dossier.account_id == request.user.pk
    )
    return dossier, holder


def lookup_detail(request: HttpRequest, code: str) -> HttpResponse:
    dossier, holder = _keyed(request, code)
    return render(
        request,
        "onestop/public/lookup_detail.html",
        {
            "dossier": dossier,
            "holder": holder,
            "key": dossier.lookup_key if holder else "",
            "timeline": queries.public_timeline(dossier),
            "can_withdraw": holder
            and dossier.status
            in (Status.NEW, Status.RECEIVED, Status.PROCESSING, Status.ADDITIONAL, Status.FEES),
            "can_supply": holder and dossier.status == Status.ADDITIONAL,
            "can_rate": holder
            and dossier.status in (Status.DONE, Status.RETURNED)
            and not hasattr(dossier, "rating"),
            "rating_form": RatingForm(),
            "reason_form": ReasonForm(),
            "supply_form": SupplyForm(),
        },
    )


def _holder_or_404(request: HttpRequest, code: str) -> Dossier:
    dossier, holder = _keyed(request, code)
    if not holder:
        raise Http404
    return dossier


def receipt_pdf(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _holder_or_404(request, code)
    if not dossier.received_at:
        raise Http404
    response = HttpResponse(
        pdf.receipt(dossier, lookup_url(dossier)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="giay-tiep-nhan-{code}.pdf"'
    return response


def _back(dossier: Dossier) -> HttpResponse:
    return redirect(
        f"{reverse('onestop_public:lookup_detail', args=[dossier.code])}?k={dossier.lookup_key}"
    )


@require_POST
def citizen_action(request: HttpRequest, code: str, verb: str) -> HttpResponse:
    dossier = _holder_or_404(request, code)
    actor = (
        request.user
        if getattr(request.user, "is_authenticated", False)
        and dossier.account_id == request.user.pk
        else None
    )
    try:
        if verb == "withdraw":
            processing.withdraw(actor=actor, dossier=dossier, reason=request.POST.get("reason", ""))
            messages.success(request, _("Đã rút hồ sơ."))
        elif verb == "supply":
            uploads = [(None, f) for f in request.FILES.getlist("files")]
            processing.supply_additional(
                actor=actor, dossier=dossier, uploads=uploads, note=request.POST.get("note", "")
            )
            messages.success(request, _("Đã gửi giấy tờ bổ sung."))
        elif verb == "rate":
            form = RatingForm(request.POST)
            if not form.is_valid():
                raise ActionError(_("Chọn mức độ hài lòng."), code="bad_level", field="level")
            processing.rate(
                dossier=dossier,
                level=form.cleaned_data["level"],
                criteria=form.criteria(),
                comment=form.cleaned_data["comment"],
            )
            messages.success(request, _("Cảm ơn anh/chị đã đánh giá."))
        else:
            raise Http404
    except ActionError as error:
        messages.error(request, " ".join(error.messages))
    return _back(dossier)


def my_dossiers(request: HttpRequest) -> HttpResponse:
    """A logged-in applicant's own dossiers (those filed with the account)."""
    if not getattr(request.user, "is_authenticated", False):
        return redirect(f"{reverse('login')}?next={request.path}")
    return render(
        request,
        "onestop/public/my_dossiers.html",
        {"dossiers": queries.dossiers_of_account(request.user)[:200]},
    )
