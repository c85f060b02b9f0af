"""Coproduce settings. Everything that differs between a laptop and a real
deployment comes from the environment; the defaults are a safe local set-up."""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from coproduce.lib.logs import logging_settings

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("COPRODUCE_VAR_DIR", BASE_DIR / "var"))


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def read_or_create_secret_key():
    """A key from the environment, else one generated once and kept in var/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = read_or_create_secret_key()
DEBUG = env_flag("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# Demo mode: marks every page as demo data and relaxes the MFA requirement so the
# demo sign-ins work. Never on in a real deployment.
COPRODUCE_DEMO = env_flag("COPRODUCE_DEMO")
COPRODUCE_ORGANISATION_NAME = os.environ.get("COPRODUCE_ORGANISATION_NAME", "Our organisation")
COPRODUCE_CONTACT_EMAIL = os.environ.get("COPRODUCE_CONTACT_EMAIL", "coproduction@example.org")
# Staff-side roles read access needs and board figures or change what others see or get
# paid, so they must use MFA (superusers too: accounts.User.must_use_mfa).
COPRODUCE_REQUIRE_MFA = env_flag("COPRODUCE_REQUIRE_MFA", default=not COPRODUCE_DEMO)
COPRODUCE_MFA_ROLES = ("administrator", "lead", "finance", "staff", "board")
COPRODUCE_INVITATION_DAYS = 14
# The involvement budget's financial year starts on the first day of this month (UK: April),
# and one budget line may plan at most this many pounds (a bigger figure is a typing slip).
COPRODUCE_FINANCIAL_YEAR_STARTS = int(os.environ.get("COPRODUCE_FINANCIAL_YEAR_STARTS", "4"))
COPRODUCE_BUDGET_LINE_MOST = os.environ.get("COPRODUCE_BUDGET_LINE_MOST", "1000000")
# Links in emails sent outside a request (reminders) start with this.
COPRODUCE_SITE_URL = os.environ.get("COPRODUCE_SITE_URL", "http://127.0.0.1:8000")
# The GNU AGPL asks that people using the site can get its source: the footer links to
# this address, or, when it is empty, to /source/, an archive of the code this server runs.
COPRODUCE_SOURCE_URL = os.environ.get("COPRODUCE_SOURCE_URL", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "coproduce.lib",
    "coproduce.accounts",
    # privacy before people, as in the layers (docs/architecture.md): its registrations
    # list the accounts app's personal data before any other app's.
    "coproduce.privacy",
    "coproduce.people",
    "coproduce.projects",
    "coproduce.opportunities",
    "coproduce.site",
    "coproduce.meetings",
    "coproduce.payments",
    "coproduce.assessment",
    "coproduce.learning",
    "coproduce.impact",
    "coproduce.notifications",
    "coproduce.peers",
    "coproduce.budgets",
    "coproduce.insights",
    "coproduce.strategy",
    "coproduce.api",
    "coproduce.bench",
]

MIDDLEWARE = [
    "coproduce.lib.logs.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages (not static files: WhiteNoise answers those first, precompressed).
    # Django's gzip adds random padding against BREACH; decision 0020 says why it is here.
    "django.middleware.gzip.GZipMiddleware",
    "coproduce.lib.middleware.SecurityHeadersMiddleware",
    "coproduce.lib.middleware.PrivateResponsesMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the cookie (or the browser); AccountLanguageMiddleware below then
    # prefers the one saved on a signed-in person's account.
    "django.middleware.locale.LocaleMiddleware",
    "coproduce.lib.middleware.RenewSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "coproduce.accounts.middleware.AccountLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "coproduce.accounts.middleware.RequireMFAMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

# Bench mode (`make bench` only): a bare view to measure against, and headers with each
# response's query count and server time. Never on in a real deployment.
COPRODUCE_BENCH = env_flag("COPRODUCE_BENCH")
# Requests a minute one API token may make (coproduce.api.v1).
COPRODUCE_API_REQUESTS_PER_MINUTE = 120
if COPRODUCE_BENCH:
    MIDDLEWARE.insert(0, "coproduce.bench.middleware.BenchHeadersMiddleware")
    # The load sends every simulated person's API requests with one token per role.
    COPRODUCE_API_REQUESTS_PER_MINUTE = 10**9

ROOT_URLCONF = "coproduce.urls"
WSGI_APPLICATION = "coproduce.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "coproduce" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coproduce.lib.context_processors.coproduce",
                "coproduce.accounts.context_processors.display_preferences",
                "coproduce.accounts.context_processors.navigation",
                "coproduce.notifications.context_processors.unread",
            ],
            # {% translate %} in every template without loading it in each.
            "builtins": ["coproduce.lib.templatetags.govuk", "django.templatetags.i18n"],
        },
    },
]
FORM_RENDERER = "coproduce.lib.forms.GovukFormRenderer"

# Several app servers (gunicorn processes or machines) share one PostgreSQL: each
# process keeps its connection for CONN_MAX_AGE seconds and checks it before reuse,
# so a PostgreSQL restart costs one failed check, not a run of errors.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'coproduce.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and a writer work together; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when REDIS_URL is set, is the cache every app server shares (sign-in and
# public-form limits count across all of them); without it each process has its own.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions live in the database by default, so any app server can answer any request.
# "cache" keeps them in Redis only (quicker; lost if Redis is emptied) and "cached_db"
# reads from Redis and writes through to the database.
SESSION_ENGINES = {
    "database": "django.contrib.sessions.backends.db",
    "cache": "django.contrib.sessions.backends.cache",
    "cached_db": "django.contrib.sessions.backends.cached_db",
}
COPRODUCE_SESSION_STORE = os.environ.get("COPRODUCE_SESSION_STORE", "database")
if COPRODUCE_SESSION_STORE not in SESSION_ENGINES:
    raise ImproperlyConfigured(
        f"COPRODUCE_SESSION_STORE must be one of {', '.join(SESSION_ENGINES)}"
    )
if COPRODUCE_SESSION_STORE != "database" and not REDIS_URL:
    raise ImproperlyConfigured(
        "Sessions in the cache need REDIS_URL: a cache in one process's memory would sign "
        "people out whenever another app server answered."
    )
SESSION_ENGINE = SESSION_ENGINES[COPRODUCE_SESSION_STORE]

# Background work (emails, imports). The default queue is a table in the database, which
# every app server shares and `manage.py db_worker` runs. COPRODUCE_TASK_QUEUE=redis puts
# it on Redis (django-tasks-rq, from the `scale` extra), run by
# `manage.py rqworker --job-class django_tasks_rq.Job default`.
COPRODUCE_TASK_QUEUE = os.environ.get("COPRODUCE_TASK_QUEUE", "database")
if COPRODUCE_TASK_QUEUE == "redis":
    if not REDIS_URL:
        raise ImproperlyConfigured("COPRODUCE_TASK_QUEUE=redis needs REDIS_URL")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif COPRODUCE_TASK_QUEUE == "database":
    TASKS = {
        "default": {
            "BACKEND": os.environ.get("TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        }
    }
else:
    raise ImproperlyConfigured("COPRODUCE_TASK_QUEUE must be database or redis")
# Scheduled jobs (`manage.py run_schedule`; coproduce/lib/jobs.py) run at their own
# periods; to change some, name each with its period in seconds, comma-separated:
# "meetings.send_reminders=900" reminds every 15 minutes instead of every hour.
COPRODUCE_JOB_EVERY = {}
for item in env_list("COPRODUCE_JOB_EVERY", ""):
    job_name, _, seconds = item.partition("=")
    if not seconds.strip().isdigit():
        raise ImproperlyConfigured("COPRODUCE_JOB_EVERY takes job=seconds, comma-separated")
    COPRODUCE_JOB_EVERY[job_name.strip()] = int(seconds)
# Finished task results hold whole email bodies: a daily job deletes them after this.
COPRODUCE_TASK_RESULTS_DAYS = int(os.environ.get("COPRODUCE_TASK_RESULTS_DAYS", "14"))
# The dashboard's stored figures are worked out again once older than this (decision 0031).
COPRODUCE_FIGURES_MINUTES = int(os.environ.get("COPRODUCE_FIGURES_MINUTES", "15"))

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # Django's and allauth's password sign-in, without their permission tables (the
    # rules alone grant permissions): coproduce/accounts/backends.py.
    "coproduce.accounts.backends.PasswordBackend",
    "coproduce.accounts.backends.EmailPasswordBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "site:home"

# django-allauth: email sign-in, invitation-only accounts, MFA with passkeys, TOTP and
# recovery codes.
ACCOUNT_ADAPTER = "coproduce.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "coproduce.accounts.forms.LoginForm",
    "change_password": "coproduce.accounts.forms.ChangePasswordForm",
    "reset_password": "coproduce.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "coproduce.accounts.forms.ResetPasswordKeyForm",
    "add_email": "coproduce.accounts.forms.AddEmailForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Coproduce] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Sign-in limits that let a crowd on one network in and stop guessing (decision 0032):
# failed sign-ins are limited per account here and per address by
# coproduce.accounts.signin_limits, which forgives a failure once that account gets in.
# Every sign-in, good or bad, meets only a flood ceiling per address, far above any room
# of people (allauth's 30 a minute refused a workshop); passkey sign-ins the same.
ACCOUNT_RATE_LIMITS = {
    "login": "600/m/ip",
    "login_failed": "5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_RATE_LIMITS = {"webauthn_login": "600/m/ip"}
# Passkeys (WebAuthn) beside authenticator apps and recovery codes; a passkey can also sign
# in without the password (it asks for the device's fingerprint, face, PIN or screen lock).
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Coproduce"
MFA_ADAPTER = "coproduce.accounts.adapter.MFAAdapter"
MFA_FORMS = {
    "authenticate": "coproduce.accounts.forms.AuthenticateForm",
    "authenticate_webauthn": "coproduce.accounts.forms.AuthenticateWithPasskeyForm",
    "add_webauthn": "coproduce.accounts.forms.AddPasskeyForm",
    "edit_webauthn": "coproduce.accounts.forms.RenamePasskeyForm",
}

# Sessions last 24 hours after the last action (WCAG 2.2.1 exempts limits over
# 20 hours); with JavaScript a warning with an extend button still comes first.
# RenewSessionMiddleware pushes the end back at most every 5 minutes, not on every
# request, which cost a database write on every page.
SESSION_COOKIE_AGE = int(os.environ.get("COPRODUCE_SESSION_SECONDS", str(24 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = False
COPRODUCE_SESSION_WARNING_SECONDS = int(os.environ.get("COPRODUCE_SESSION_WARNING_SECONDS", "600"))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# HTTPS deployments: turn on with COPRODUCE_HTTPS=1 (passes `check --deploy`).
COPRODUCE_HTTPS = env_flag("COPRODUCE_HTTPS")
SECURE_SSL_REDIRECT = COPRODUCE_HTTPS
# Load balancers check health over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = COPRODUCE_HTTPS
CSRF_COOKIE_SECURE = COPRODUCE_HTTPS
LANGUAGE_COOKIE_SECURE = COPRODUCE_HTTPS
SECURE_HSTS_SECONDS = 63072000 if COPRODUCE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = COPRODUCE_HTTPS
SECURE_HSTS_PRELOAD = COPRODUCE_HTTPS
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_flag("COPRODUCE_BEHIND_PROXY") else None
)
# Behind proxies, a visitor's address is the one the last of them added to
# X-Forwarded-For: sign-in throttling and the public forms' limits use it.
ALLAUTH_TRUSTED_PROXY_COUNT = int(
    os.environ.get("COPRODUCE_PROXY_COUNT", "1" if env_flag("COPRODUCE_BEHIND_PROXY") else "0")
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
COPRODUCE_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "en-gb"
# Organisations in Wales offer their service in Welsh no less favourably than in English.
# Each app keeps its Welsh catalogue in <app>/locale; the shared templates keep theirs in
# coproduce/templates/locale (`make messages` updates them; decision 0038).
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "coproduce" / "templates" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("COPRODUCE_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "coproduce" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Uploads that are never served as static files: a view checks who may see each.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("COPRODUCE_PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private"))
        },
    },
    "staticfiles": {"BACKEND": "coproduce.lib.storage.StaticStorage"},
}
# Uploaded files on S3-compatible object storage (django-storages, from the `scale`
# extra) when COPRODUCE_S3_BUCKET is set, so every app server sees the same files.
# Private uploads are never public: the bucket stays private and a view checks who
# may see each file before streaming it.
COPRODUCE_S3_BUCKET = os.environ.get("COPRODUCE_S3_BUCKET")
if COPRODUCE_S3_BUCKET:
    S3_OPTIONS = {
        "bucket_name": COPRODUCE_S3_BUCKET,
        "endpoint_url": os.environ.get("COPRODUCE_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("COPRODUCE_S3_REGION") or None,
        "access_key": os.environ.get("COPRODUCE_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("COPRODUCE_S3_SECRET_ACCESS_KEY") or None,
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**S3_OPTIONS, "location": "media"},
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**S3_OPTIONS, "location": "private"},
    }
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
# Encrypts bank details at rest; falls back to a key derived from SECRET_KEY (decision 0011).
COPRODUCE_FIELD_KEY = os.environ.get("COPRODUCE_FIELD_KEY", "")
COPRODUCE_UPLOAD_MAX_BYTES = int(os.environ.get("COPRODUCE_UPLOAD_MAX_BYTES", str(5 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Public forms (contact, spotlight, joining): submissions allowed per address per hour.
COPRODUCE_PUBLIC_FORM_LIMIT = int(os.environ.get("COPRODUCE_PUBLIC_FORM_LIMIT", "5"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "emails"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Coproduce <coproduce@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Text messages and letters go through GOV.UK Notify when NOTIFY_API_KEY is set (decision
# 0027); without it, letters go into a PDF batch staff print and post, and text messages
# become tasks for staff. NOTIFY_BASE_URL is for tests and self-hosted Notify.
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "")
NOTIFY_SMS_TEMPLATE_ID = os.environ.get("NOTIFY_SMS_TEMPLATE_ID", "")


# Logs go to standard error, each line with its request's id (the X-Request-ID header);
# COPRODUCE_LOG_FORMAT=json writes one JSON object per line for a log collector.
COPRODUCE_LOG_FORMAT = os.environ.get("COPRODUCE_LOG_FORMAT", "text")
LOGGING = logging_settings(COPRODUCE_LOG_FORMAT, os.environ.get("LOG_LEVEL", "WARNING"))

# Error reports to Sentry (or a compatible service) only when SENTRY_DSN is set; they
# never carry personal data (coproduce/lib/error_reports.py says what is removed).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from coproduce.lib.error_reports import start_error_reports

    start_error_reports(SENTRY_DSN)
