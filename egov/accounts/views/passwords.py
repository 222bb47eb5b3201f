"""Changing one's password, and resetting a forgotten one through an e-mailed link."""

from __future__ import annotations

from typing import Any

from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from egov.accounts import actions
from egov.accounts.forms import ChangePasswordForm, NewPasswordForm, ResetRequestForm


def reset_link_days() -> int:
    """How long a reset link works, in whole days (``PASSWORD_RESET_TIMEOUT`` is seconds)."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form: Any) -> HttpResponse:
        actions.set_password(
            actor=self.request.user,
            user=form.user,
            password=form.cleaned_data["new_password1"],
            via="change",
        )
        update_session_auth_hash(self.request, form.user)  # stay logged in here only
        return HttpResponseRedirect(self.get_success_url())


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for the e-mail address; the same answer whether or not an account has it."""

    template_name = "accounts/password_reset_form.html"
    form_class = ResetRequestForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_extra_email_context(self) -> dict[str, Any]:
        # Links are built from the configured address, never from the request's Host header.
        return {"site_url": settings.SITE_URL.rstrip("/"), "reset_days": reset_link_days()}

    def form_valid(self, form: Any) -> HttpResponse:
        self.extra_email_context = self.get_extra_email_context()
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "reset_days": reset_link_days()}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.user
        actions.set_password(
            actor=None, user=user, password=form.cleaned_data["new_password1"], via="reset"
        )
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        # The holder proved control of the account's mailbox: lift any login lockout.
        reset_lockout(username=user.username.lower())
        messages.success(self.request, _("Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu này."))
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
