from django.urls import path

from egov.accounts.views import login, notifications, otp, passwords, tokens

app_name = "accounts"
urlpatterns = [
    path("login/", login.LoginView.as_view(), name="login"),
    path("logout/", login.logout_view, name="logout"),
    path("2fa/setup/", otp.otp_setup, name="otp_setup"),
    path("2fa/verify/", otp.otp_verify, name="otp_verify"),
    path("password/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", passwords.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password-reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        passwords.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        passwords.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/read/", notifications.notifications_read, name="notifications_read"),
    path("tokens/", tokens.token_list, name="tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.token_revoke, name="token_revoke"),
]
