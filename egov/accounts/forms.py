"""Forms of the accounts screens: Vietnamese labels, specific messages, autocomplete hints."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from egov.accounts.constants import TOKEN_NAME_MAX_LENGTH

CODE_PATTERN = r"[0-9]{6}"


class LoginForm(auth_forms.AuthenticationForm):
    """Username or e-mail, and password."""

    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập, e-mail hoặc mật khẩu không đúng. Hãy kiểm tra chữ hoa, chữ thường "
            "và bộ gõ tiếng Việt. Sau %(limit)s lần nhập sai, tài khoản sẽ bị tạm khóa "
            "%(minutes)s phút tại máy này."
        ),
        "inactive": _("Tài khoản này đã bị khóa. Hãy liên hệ quản trị đơn vị để mở lại."),
    }

    def __init__(self, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.label = _("Tên đăng nhập hoặc e-mail")
        username.error_messages["required"] = _("Nhập tên đăng nhập hoặc địa chỉ e-mail.")
        username.widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        )
        password = self.fields["password"]
        password.label = _("Mật khẩu")
        password.error_messages["required"] = _("Nhập mật khẩu.")

    def get_invalid_login_error(self) -> ValidationError:
        from django.conf import settings

        return ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={
                "limit": settings.AXES_FAILURE_LIMIT,
                "minutes": round(float(settings.AXES_COOLOFF_TIME) * 60),
            },
        )


class OtpCodeForm(forms.Form):
    """The six-digit code an authenticator app shows."""

    code = forms.CharField(
        label=_("Mã xác thực gồm 6 chữ số"),
        help_text=_("Mở ứng dụng xác thực trên điện thoại và nhập mã đang hiển thị."),
        error_messages={"required": _("Nhập mã xác thực gồm 6 chữ số.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": CODE_PATTERN,
                "autocapitalize": "none",
                "spellcheck": "false",
                "class": "input--short",
            }
        ),
    )

    def clean_code(self) -> str:
        code = "".join(str(self.cleaned_data["code"]).split())
        if not code.isdigit():
            raise ValidationError(
                _("Mã xác thực chỉ gồm chữ số 0–9, ví dụ 123456."), code="code_not_digits"
            )
        if len(code) != 6:
            raise ValidationError(
                _("Mã xác thực phải có đúng 6 chữ số; bạn đã nhập %(count)s chữ số."),
                code="code_wrong_length",
                params={"count": len(code)},
            )
        return code


def _vietnamese_password_fields(form: forms.Form, *, old: bool = False) -> None:
    if old:
        form.fields["old_password"].label = _("Mật khẩu hiện tại")
        form.fields["old_password"].error_messages["required"] = _("Nhập mật khẩu hiện tại.")
    new1, new2 = form.fields["new_password1"], form.fields["new_password2"]
    new1.label = _("Mật khẩu mới")
    new1.help_text = _(
        "Ít nhất 12 ký tự, có ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, "
        "ký tự đặc biệt. Không dùng mật khẩu phổ biến hoặc giống tên đăng nhập."
    )
    new1.error_messages["required"] = _("Nhập mật khẩu mới.")
    new2.label = _("Nhập lại mật khẩu mới")
    new2.help_text = _("Nhập lại đúng mật khẩu mới ở trên để tránh gõ nhầm.")
    new2.error_messages["required"] = _("Nhập lại mật khẩu mới.")


class _PolicyOnNewPassword:
    """Report the password policy's complaints on the first new-password field, where the
    password was typed, rather than on the confirmation field."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]
    user: Any

    def validate_password_for_user(self, user: Any, password_field_name: str = "") -> None:
        from django.contrib.auth import password_validation

        password = self.cleaned_data.get("new_password1")
        if password and not self.has_error("new_password2"):  # type: ignore[attr-defined]
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.add_error("new_password1", error)  # type: ignore[attr-defined]


class NewPasswordForm(_PolicyOnNewPassword, auth_forms.SetPasswordForm):  # type: ignore[type-arg]  # generic only in the stubs
    error_messages = {
        "password_mismatch": _("Hai lần nhập mật khẩu mới không khớp nhau. Hãy nhập lại."),
    }

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        _vietnamese_password_fields(self)


class ChangePasswordForm(_PolicyOnNewPassword, auth_forms.PasswordChangeForm):
    error_messages = {
        "password_mismatch": _("Hai lần nhập mật khẩu mới không khớp nhau. Hãy nhập lại."),
        "password_incorrect": _("Mật khẩu hiện tại không đúng. Hãy nhập lại."),
    }

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        _vietnamese_password_fields(self, old=True)


class ResetRequestForm(auth_forms.PasswordResetForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("Địa chỉ e-mail của tài khoản")
        email.help_text = _("Địa chỉ e-mail công vụ bạn đã đăng ký, ví dụ ten@angiang.gov.vn.")
        email.error_messages.update(
            {
                "required": _("Nhập địa chỉ e-mail của tài khoản."),
                "invalid": _("Địa chỉ e-mail chưa đúng định dạng, ví dụ ten@angiang.gov.vn."),
            }
        )


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Tên gợi nhớ"),
        help_text=_("Dùng để nhận ra khóa sau này, ví dụ “Đồng bộ danh bạ Sở Nội vụ”."),
        max_length=TOKEN_NAME_MAX_LENGTH,
        error_messages={
            "required": _("Nhập tên gợi nhớ cho khóa API, ví dụ “Đồng bộ danh bạ”."),
            "max_length": _("Tên khóa API dài tối đa %(limit_value)s ký tự."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    lifetime_days = forms.TypedChoiceField(
        label=_("Thời hạn"),
        choices=[
            (30, _("30 ngày")),
            (90, _("90 ngày")),
            (365, _("1 năm")),
            (0, _("Không hết hạn")),
        ],
        coerce=int,
        initial=90,
        error_messages={"invalid_choice": _("Chọn một thời hạn trong danh sách.")},
    )
