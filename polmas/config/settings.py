"""Polmas settings. The environment is read here and nowhere else.

Environment variables:
    DATABASE_URL        database (default: SQLite at var/polmas.sqlite3)
    POLMAS_SECRET_KEY   secret key (default: generated once into var/secret_key)
    POLMAS_DEBUG        "1" for debug mode
    POLMAS_ALLOWED_HOSTS comma-separated host names
    POLMAS_VAR_DIR      where the database, media and secrets live (default: ./var)
    POLMAS_SHARED_DATA  the shared data folder (fact-checks, NLP sets) used by import commands
    POLMAS_TASKS_BACKEND "db" (default), "immediate" (tests, CLI one-offs)
    POLMAS_KONDUSIF_WEIGHTS kondusif index weights, e.g. "visit=30,negative=5" (insights)
    POLMAS_NOT_VISITED_DAYS election-period alert after this many days without a visit (14)
    POLMAS_CACHE_URL    shared cache, e.g. redis://127.0.0.1:6379/1 (default: per-process memory);
                        set it when running several workers so rate limits count across them
    POLMAS_INSIGHTS_LIVE_MAX_AGE seconds the command map trusts its live roll-up (600)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent  # the polmas package
REPO_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("POLMAS_VAR_DIR", REPO_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
SHARED_DATA_DIR = Path(os.environ.get("POLMAS_SHARED_DATA", REPO_DIR.parent / "shared" / "data"))


def _secret_key() -> str:
    from_env = os.environ.get("POLMAS_SECRET_KEY")
    if from_env:
        return from_env
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("POLMAS_DEBUG", "0") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("POLMAS_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("POLMAS_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "polmas.core",
    "polmas.org",
    "polmas.triage",
    "polmas.hoaxes",
    "polmas.humas",
    "polmas.insights",
    "polmas.aspirations",
    "polmas.channels",
    "polmas.patrols",
    "polmas.reports",
    "polmas.web",
    "polmas.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # NUL in the path or query: 400 before anything reaches PostgreSQL (which cannot store it).
    "polmas.core.middleware.NulRefusalMiddleware",
    # Provider webhooks (/channels/<kind>/<id>/webhook) are answered here, past the rest.
    "polmas.channels.webhooks.WebhookFastPathMiddleware",
    # Device API calls (bearer token, no cookie) likewise go straight to the API view.
    "polmas.api.middleware.ApiFastPathMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "polmas.core.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "polmas.core.middleware.AuditContextMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "polmas.config.urls"
WSGI_APPLICATION = "polmas.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "polmas.web.context.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'polmas.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the worker read while one of them writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Persistent connections: closing the last connection to a WAL database forces a
    # checkpoint (an fsync) on every request otherwise.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Bearer tokens (API): resolved user and scope cached per worker process for this long;
# revocation and role changes reach other workers within it (polmas/api/auth.py). 0 = off.
POLMAS_API_TOKEN_CACHE_SECONDS = float(os.environ.get("POLMAS_API_TOKEN_CACHE_SECONDS", "5"))

# Rate limits (polmas/core/ratelimit.py) count in the default cache. Per-process memory needs no
# server; a Redis URL shares the counts between gunicorn workers and nodes.
_CACHE_URL = os.environ.get("POLMAS_CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL}
        if _CACHE_URL.startswith(("redis://", "rediss://", "unix://"))
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failed logins (django-axes): 10 failures -> locked for one hour.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Background work: Django's task API (django-tasks), database queue by default.
_TASKS_BACKEND = os.environ.get("POLMAS_TASKS_BACKEND", "db")
TASKS = {
    "default": {
        "BACKEND": {
            "db": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[_TASKS_BACKEND],
        "QUEUES": ["default"],
    }
}

# Uploads: refuse oversize bodies before reading them whole.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Channels (WhatsApp, Telegram, SMS): where chat reports and rumour checks go, and limits.
POLMAS_CHANNELS_CASE_BACKEND = os.environ.get(
    "POLMAS_CHANNELS_CASE_BACKEND", "polmas.channels.services.wired.AspirationsCaseBackend"
)
POLMAS_CHANNELS_HOAX_BACKEND = os.environ.get(
    "POLMAS_CHANNELS_HOAX_BACKEND", "polmas.channels.services.wired.HoaxesAppBackend"
)
POLMAS_CHANNELS_HOAX_KB = os.environ.get("POLMAS_CHANNELS_HOAX_KB", "")
POLMAS_CHANNELS_MAX_MEDIA_BYTES = int(os.environ.get("POLMAS_CHANNELS_MAX_MEDIA_BYTES", 5 * 2**20))
POLMAS_CHANNELS_HTTP_TIMEOUT = float(os.environ.get("POLMAS_CHANNELS_HTTP_TIMEOUT", "10"))

# The deployment: which kabupaten this Polres serves (Kemendagri code).
POLMAS_DEPLOYMENT_REGION = os.environ.get("POLMAS_DEPLOYMENT_REGION", "32.12")

# Kondusif index weights (polmas/insights/kondusif.py): "visit=25,open=20,..." overrides defaults.
POLMAS_KONDUSIF_WEIGHTS = {
    "visit": 25.0,
    "open_cases": 20.0,
    "overdue": 15.0,
    "hoaxes": 15.0,
    "provocation": 15.0,
    "negative": 10.0,
}
for _pair in os.environ.get("POLMAS_KONDUSIF_WEIGHTS", "").split(","):
    if "=" in _pair:
        _key, _value = _pair.split("=", 1)
        if _key.strip() in POLMAS_KONDUSIF_WEIGHTS:
            POLMAS_KONDUSIF_WEIGHTS[_key.strip()] = float(_value)
# Command map "today" figures come from the live roll-up (refreshed every minute by the
# scheduler) while it is at most this old; older -> computed from the source tables.
POLMAS_INSIGHTS_LIVE_MAX_AGE = int(os.environ.get("POLMAS_INSIGHTS_LIVE_MAX_AGE", "600"))
# Election period alert: a desa not visited for this many days within 30 days of voting day.
POLMAS_NOT_VISITED_DAYS = int(os.environ.get("POLMAS_NOT_VISITED_DAYS", "14"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "polmas": {"handlers": ["console"], "level": "INFO"},
        "axes": {"handlers": ["console"], "level": "WARNING"},
    },
}
