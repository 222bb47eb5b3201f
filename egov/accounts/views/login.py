from __future__ import annotations

from typing import Any

from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from egov.accounts.constants import OTP_REQUIRED_SESSION_KEY
from egov.accounts.forms import LoginForm
from egov.accounts.queries import has_confirmed_device


class LoginView(auth_views.LoginView):
    """Username or e-mail and password. Lockout is applied by django-axes around this view;
    the login, failure and logout audit events come from the auth signals (receivers.py)."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        if has_confirmed_device(form.get_user()):
            # Whoever turned two-factor on is asked for the code, administrator or not.
            self.request.session[OTP_REQUIRED_SESSION_KEY] = True
        return response


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:login")
