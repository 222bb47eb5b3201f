from django.utils.translation import gettext_lazy as _

from egov.audit.registry import register

USER_CREATE = register("accounts.user.create", _("Tạo tài khoản"))
USER_UPDATE = register("accounts.user.update", _("Sửa tài khoản"))
USER_DEACTIVATE = register("accounts.user.deactivate", _("Khóa tài khoản"))
PASSWORD_CHANGE = register("accounts.password.change", _("Đổi mật khẩu"))
PASSWORD_RESET = register("accounts.password.reset", _("Đặt lại mật khẩu qua e-mail"))
TOTP_ENROL = register("accounts.totp.enrol", _("Bật xác thực hai lớp"))
TOTP_REMOVE = register("accounts.totp.remove", _("Tắt xác thực hai lớp"))
TOKEN_CREATE = register("accounts.token.create", _("Tạo khóa API"))
TOKEN_REVOKE = register("accounts.token.revoke", _("Thu hồi khóa API"))
LOGIN = register("accounts.login", _("Đăng nhập"))
LOGIN_FAILED = register("accounts.login.failed", _("Đăng nhập thất bại"))
LOGOUT = register("accounts.logout", _("Đăng xuất"))
