"""Settings for committee, all driven by environment variables.

Development: ``DEBUG=true`` and nothing else (``bin/start`` writes it into ``.env`` at the root
of the checkout, which is read here; real environment variables win). Production: ``DEBUG``
unset or false, and then ``SECRET_KEY`` and ``ALLOWED_HOSTS`` are required. ``DATABASE_URL``
points at any PostgreSQL ≥ 15; without it an embedded PostgreSQL keeps its data in
``var/pgdata`` (``EMBEDDED_PGDATA``), which production uses only with ALLOW_EMBEDDED_POSTGRES.
"""

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from committee.database import database_settings
from committee.object_storage import s3_storage

BASE_DIR = Path(__file__).resolve().parent.parent
ENV_LINE = re.compile(r"(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)")


def read_env_file(path: Path) -> dict[str, str]:
    """``NAME=value`` lines of ``path`` (``#`` comments, blank lines and ``export`` allowed;
    one pair of surrounding quotes is removed; nothing is expanded). A missing file is empty."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ImproperlyConfigured(f"{path} cannot be read: {error}.") from None
    values: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = ENV_LINE.fullmatch(stripped)
        if match is None:  # the line is not echoed: it may hold a secret
            raise ImproperlyConfigured(f"{path}, line {number}: expected NAME=value.")
        name, value = match.groups()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[name] = value
    return values


# Development settings kept in the checkout (written by bin/start, ignored by git and by the
# image's build); a variable of the real environment, even empty, wins over its line here.
for _name, _value in read_env_file(BASE_DIR / ".env").items():
    os.environ.setdefault(_name, _value)

VAR_DIR = Path(os.environ.get("COMMITTEE_VAR_DIR", BASE_DIR / "var"))


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, *, default: bool) -> bool:
    value = env_str(name).lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, *, default: int) -> int:
    value = env_str(name)
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_fraction(name: str, *, default: float) -> float:
    raw = env_str(name)
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}.") from None
    if not 0 <= value <= 1:
        raise ImproperlyConfigured(f"{name} must be between 0 and 1, not {raw!r}.")
    return value


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production (DEBUG false) refuses to start without it; "
            "for development set DEBUG=true."
        )
    SECRET_KEY = "development-only-key-never-used-when-debug-is-off"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set (comma-separated host names).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",  # allauth's list of sessions uses it
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "pgtrigger",
    "pghistory",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "axes",
    "django_tasks_db",  # the queue of TASKS_BACKEND=database (its table exists either way)
    "committee.people",
    "committee.subcommittees",
    "committee.meetings",
    "committee.recommendations",
    "committee.agreements",
    "committee.sources",
    "committee.importer",
    "committee.translations",
    "committee.database",
    "committee.web",
    "committee.public",
    "committee.members",
]
if DEBUG:
    # Development only: ``generate_demo_data`` fills a database with invented records.
    INSTALLED_APPS.append("committee.demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "committee.web.request_id.RequestIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "committee.people.middleware.SessionRenewalMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "committee.web.cache_control.PrivateResponsesMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "committee.people.middleware.AccountSetupRequiredMiddleware",
    "committee.audit.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "committee.web.pagecache.PublicPageCacheMiddleware",  # inside CSP: hits get a fresh nonce
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the lockout page
]

# GET /metrics for Prometheus (committee.web.metrics): only with METRICS_TOKEN, which the
# scraper sends as a bearer token; the counting middleware is installed only then.
METRICS_TOKEN = env_str("METRICS_TOKEN")
if METRICS_TOKEN:
    if len(METRICS_TOKEN) < 32:
        raise ImproperlyConfigured("METRICS_TOKEN must be at least 32 characters.")
    MIDDLEWARE.insert(0, "committee.web.metrics.MetricsMiddleware")

ROOT_URLCONF = "committee.urls"
WSGI_APPLICATION = "committee.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["committee.public.templatetags.committee"],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------
DATABASES = {
    "default": database_settings(
        url=env_str("DATABASE_URL") or None,
        embedded_pgdata=Path(env_str("EMBEDDED_PGDATA") or VAR_DIR / "pgdata"),
        conn_max_age=env_int("CONN_MAX_AGE", default=60),
        debug=DEBUG,
        allow_embedded=env_bool("ALLOW_EMBEDDED_POSTGRES", default=False),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered public pages and dashboard fragments, kept while the data is unchanged
# (committee.web.pagecache), and what allauth counts its rate limits in. By default in process
# memory: each worker keeps its own, a restart starts empty. CACHE_URL (redis://, rediss:// or
# unix://) shares both among every process and machine, through Django's RedisCache;
# CACHE_KEY_PREFIX keeps several sites apart in one Redis.
CACHE_URL = env_str("CACHE_URL")
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "committee")
if CACHE_URL:
    if urlsplit(CACHE_URL).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(
            f"CACHE_URL must be a redis://, rediss:// or unix:// address, not {CACHE_URL!r}."
        )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}-pages",
            "TIMEOUT": 24 * 60 * 60,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "TIMEOUT": 24 * 60 * 60,
            "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", default=300)},
        },
    }
if env_str("PAGE_CACHE", "on") == "off":  # every request renders (benchmarks' cold figures)
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# --- Accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "people.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "committee.people.passwords.CommitteeWordsValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "me"  # the adapter sends members to /me/ in their preferred language
LOGOUT_REDIRECT_URL = "home"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out username+IP
    "django.contrib.auth.backends.ModelBackend",
]

# Login, logout, password reset and two-factor authentication (django-allauth). Accounts are
# created by the secretariat: no self-signup, no social login, no e-mail verification round.
ACCOUNT_ADAPTER = "committee.people.accounts.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_PREVENT_ENUMERATION = True  # login failure and password reset answer alike
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # nothing is sent to addresses that have no account
ACCOUNT_SESSION_REMEMBER = False  # sessions end with the browser or the idle timeout
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_REAUTHENTICATION_TIMEOUT = 10 * 60
# Password guessing is throttled by axes per username+IP (below). allauth's "login_failed" limit
# still guards the second step (the TOTP code), which only a holder of the password reaches.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_ADAPTER = "committee.people.accounts.SecondFactorAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Comité DGSN-DGP")
MFA_RECOVERY_CODE_COUNT = 10
# Behind the TLS proxy the client address is the last one the proxy appended to
# X-Forwarded-For; anything a client writes before it is ignored. Without it, REMOTE_ADDR.
ALLAUTH_TRUSTED_PROXY_COUNT = 1 if env_bool("BEHIND_TLS_PROXY", default=False) else 0
USERSESSIONS_TRACK_ACTIVITY = False

# Lockout (django-axes): 5 failures for one username from one address lock that pair for the
# cool-off; the same username from another address, and other usernames, are unaffected.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "committee.people.accounts.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

# --- Languages --------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]  # before Django's own catalogues: Moroccan month names
# Day-first dates in every language (committee/formats); Django's own for what they leave out.
FORMAT_MODULE_PATH = ["committee.formats"]
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

# --- Files ------------------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")  # never served directly


# Uploads: the filesystem under MEDIA_ROOT (one machine, or a volume every machine mounts), or,
# with S3_BUCKET, a bucket every machine reaches. Either way they are only ever read through
# the storage API (never a path or a URL), by the access-checked downloads and the backups.
STORAGES = {
    "default": (
        s3_storage()
        if env_str("S3_BUCKET")
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Security ---------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", default=False) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
CSRF_FAILURE_VIEW = "committee.web.errors.csrf_failure"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Idle timeout: a session ends 30 minutes after its last request. Requests renew it (and so write
# it) at most once a minute: committee.people.middleware.SessionRenewalMiddleware.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = False


# --- Mail ---------------------------------------------------------------------------------
def mailer_from_url(url: str) -> dict[str, object]:
    """``smtp://user:password@host:port`` (or ``smtps://``, ``submission://``) as a mailer."""
    parts = urlsplit(url)
    ports = {"smtp": 25, "smtps": 465, "submission": 587}
    if parts.scheme not in ports:
        raise ImproperlyConfigured("EMAIL_URL must start with smtp://, smtps:// or submission://.")
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname or "localhost",
            "port": parts.port or ports[parts.scheme],
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_ssl": parts.scheme == "smtps",
            "use_tls": parts.scheme == "submission",
            "timeout": 10,
        },
    }


if env_str("EMAIL_URL"):
    MAILERS = {"default": mailer_from_url(env_str("EMAIL_URL"))}
elif DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"timeout": 10},
        }
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "committee@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
#: The site's address as members reach it, for links in e-mails (no trailing slash).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
# E-mails to members leave after the transaction commits, as tasks (django.tasks).
# TASKS_BACKEND=immediate (the default) runs them in the web process right after commit;
# TASKS_BACKEND=database queues them in PostgreSQL for `manage.py db_worker` (django-tasks-db),
# so a slow mail server never holds a request and a failed send is kept with its error.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}

# --- Audit ------------------------------------------------------------------------------------
PGHISTORY_APPEND_ONLY = True  # events can be added, never changed or removed

# LOG_FORMAT=plain (the default) writes text lines; json writes one JSON object a line
# (committee.web.logs), with the request id in both.
LOG_FORMAT = env_str("LOG_FORMAT", "plain")
LOG_FORMATTERS: dict[str, dict[str, str]] = {
    "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"},
    "json": {"()": "committee.web.logs.JsonFormatter"},
}
if LOG_FORMAT not in LOG_FORMATTERS:
    raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "committee.web.request_id.RequestIdLogFilter"}},
    "formatters": {"chosen": LOG_FORMATTERS[LOG_FORMAT]},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "chosen",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# Errors to Sentry (or a compatible service such as GlitchTip) when SENTRY_DSN is set: unhandled
# exceptions and logged errors, tagged with the request id. No personal data and no request
# bodies leave (a form may hold a reserved reason or a password); SENTRY_ENVIRONMENT names the
# deployment, SENTRY_TRACES_SAMPLE_RATE (0 by default) samples performance traces.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    # Imported only when configured: the Sentry client hooks into Django when it loads.
    from committee.web.errors_reporting import start_error_reporting

    start_error_reporting(
        SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=env_fraction("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# bin/prodcheck's forced error (committee.web.errors.forced_error): routed only when this is set,
# and then only for requests that carry it. Never set it in production.
PRODCHECK_TOKEN = env_str("COMMITTEE_PRODCHECK_TOKEN")
if PRODCHECK_TOKEN and len(PRODCHECK_TOKEN) < 32:
    raise ImproperlyConfigured(
        "COMMITTEE_PRODCHECK_TOKEN must be at least 32 characters (bin/prodcheck draws a random "
        "one); leave it unset everywhere else."
    )

# --- Import -----------------------------------------------------------------------------------
SEEDS_DIR = BASE_DIR / "seeds"
TRANSLATION_MEMORY = Path(env_str("TRANSLATION_MEMORY") or SEEDS_DIR / "translations.json")
# ``translate_missing``: a LibreTranslate server the committee runs; unset, nothing is drafted.
TRANSLATION_SERVICE_URL = env_str("TRANSLATION_SERVICE_URL")
TRANSLATION_SERVICE_KEY = env_str("TRANSLATION_SERVICE_KEY")
TRANSLATION_SERVICE_TIMEOUT = env_int("TRANSLATION_SERVICE_TIMEOUT", default=30)
