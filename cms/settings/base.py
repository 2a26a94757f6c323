"""Settings shared by every environment.

Everything secret or deployment-specific comes from the environment; this module is safe to run
in production as it stands (DEBUG off). ``dev``, ``test`` and ``production`` adjust it.
"""

import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from wagtail.embeds.oembed_providers import vimeo, youtube

import dj_database_url

from cms.redis import pool_kwargs as redis_pool_kwargs

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False

INSTALLED_APPS = [
    "cms",
    "home",
    "blog",
    "contact",
    "people",
    "search",
    "seo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtailcache",
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
    "django_filters",
    "csp",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "cms.middleware.AdminContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache: stores anonymous page responses on the way out (see "Page cache").
    "wagtailcache.cache.UpdateCacheMiddleware",
    # A page holding the visitor's CSRF token (a form) is private: never stored or shared.
    "cms.middleware.PrivateFormPagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # ...and serves them on the way in, after authentication so editors always bypass it.
    "wagtailcache.cache.FetchFromCacheMiddleware",
    # The Wagtail site and its home page from the cache (two queries fewer on every page), after
    # the page cache, so a page served from it needs no other lookup.
    "cms.middleware.CachedSiteMiddleware",
    # Last, as django-axes requires: admin login brute-force protection.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# DATABASE_URL is honoured by every settings module; a SQLite file is the embedded default.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections buy nothing with SQLite and keep files open between tests.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that stops answering fails the request in seconds (the branded 503) instead
    # of hanging the worker until gunicorn kills it (GUNICORN_TIMEOUT, 30 s). 0 turns a limit off.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")),
        options="-c statement_timeout={}".format(
            int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "25000"))
        ),
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "Asia/Dubai"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected-static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The Wagtail page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Staff sessions holding enquiry data should not last two weeks.
SESSION_COOKIE_AGE = 60 * 60 * 8

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@example.com")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Caches: Redis when REDIS_URL is set (shared by every app server), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _redis_options = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        # A Redis outage makes the site slower, never broken.
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.5,
        # ...and an unreachable one is not tried again for a few seconds (cms/redis.py): see
        # CONNECTION_POOL_KWARGS below, per server.
    }
    _prefix = os.environ.get("CACHE_KEY_PREFIX", "clinic")
    # What can be rebuilt (renditions, the page store) may live on a Redis of its own that
    # evicts under memory pressure; `default` holds counters that must not be evicted (contact
    # rate limits, admin lockouts, search counts waiting for the worker). README, Operations.
    _store_url = os.environ.get("PAGE_STORE_REDIS_URL") or REDIS_URL
    CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            "OPTIONS": {**_redis_options, "CONNECTION_POOL_KWARGS": redis_pool_kwargs(location)},
        }
        for alias, prefix, location in (
            ("default", _prefix, REDIS_URL),
            ("renditions", f"{_prefix}-renditions", _store_url),
            ("pages", f"{_prefix}-pages", _store_url),
        )
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "renditions", "pages")
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Clinic CMS")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend (PostgreSQL full text, SQLite FTS5), with one query fix on
# PostgreSQL (search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # no SVG: it can carry script
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILFORMS_HELP_TEXT_ALLOW_HTML = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Videos from YouTube and Vimeo only (the players the CSP's frame-src allows), stored as valid
# HTML (home/embeds.py). No responsive wrapper: Wagtail's sets an inline style, which the CSP
# forbids; the stylesheet sizes the frame instead.
WAGTAILEMBEDS_FINDERS = [{"class": "home.embeds.VideoFinder", "providers": [youtube, vimeo]}]
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# ISO dates in the admin: unambiguous for staff used to day-first and month-first dates alike.
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
# The admin makes no calls to third parties (staff IP addresses stay with us).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]},
    }
}

# Scheduled publishing: run ``manage.py publish_scheduled`` every minute (``make worker``).

# Contact form (the contact app)
PHONENUMBER_DEFAULT_REGION = os.environ.get("PHONENUMBER_DEFAULT_REGION", "AE")
CONTACT_MIN_FILL_SECONDS = float(os.environ.get("CONTACT_MIN_FILL_SECONDS", "3"))
CONTACT_TOKEN_MAX_AGE = 60 * 60 * 24 * 7  # a form left open for a week is still accepted
CONTACT_MAX_LINKS = 2
# (posts, seconds) per client address: 5 per 10 minutes and 20 per day by default.
CONTACT_RATE_LIMITS = [
    (int(os.environ.get("CONTACT_RATE_LIMIT_SHORT", "5")), 600),
    (int(os.environ.get("CONTACT_RATE_LIMIT_DAY", "20")), 86400),
]
# Number of reverse proxies in front of gunicorn that append to X-Forwarded-For: the client
# address for the contact form's rate limit and admin login lockouts (cms.http). None by
# default here; production assumes the TLS-terminating proxy (cms.settings.production).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
CONTACT_NOTIFICATION_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATION_MAX_ATTEMPTS", "10"))
# Enquiries older than this are deleted by `manage.py purge_submissions --apply` (daily, worker).
ENQUIRY_RETENTION_DAYS = int(os.environ.get("ENQUIRY_RETENTION_DAYS", "180"))
WORKER_POLL_SECONDS = float(os.environ.get("WORKER_POLL_SECONDS", "5"))

# --- Security headers -------------------------------------------------------------------------
# A strict policy for the public site: no inline script or style, nothing from other origins
# except video embeds. The Wagtail admin gets its own, looser policy (cms.middleware).
CSP_EXTRA_IMG_SRC = env_list("CSP_EXTRA_IMG_SRC")  # e.g. the S3/CDN origin serving media
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_EXTRA_IMG_SRC],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *CSP_EXTRA_IMG_SRC],
    "frame-src": ["'self'", "https:"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form gets a page in the site's style with the phone number (templates/403_csrf.html).
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"

# --- Admin login brute-force protection (django-axes) ---------------------------------------
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
# Lock an address that keeps failing, and an account that keeps failing from anywhere; the
# cool-off limits an attacker's ability to keep staff locked out.
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
# Shared Redis: the cache handler (fast, shared by every app server). Without Redis, the database
# handler (a per-process memory cache would let each worker count on its own).
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if REDIS_URL
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_RESET_ON_SUCCESS = True
# The visitor's address, not the proxy's: otherwise five failures from anyone would lock every
# member of staff out (see TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "cms.http.client_address"

# --- Page cache (wagtail-cache) ---------------------------------------------------------------
# Anonymous GETs of pages are stored in the "pages" cache and cleared whenever content changes
# (cms.cache). Editors, previews, and pages holding a form are never cached. On by default with
# Redis only: in local memory each process (gunicorn workers, the worker that publishes on
# schedule) would keep its own copy, and a publish would clear only its own.
WAGTAIL_CACHE = env_bool("PAGE_CACHE", bool(REDIS_URL))
WAGTAIL_CACHE_BACKEND = "pages"
WAGTAIL_CACHE_HEADER = "X-Page-Cache"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
CACHES["pages"]["TIMEOUT"] = PAGE_CACHE_SECONDS
# Parts of pages that are the same for everyone (an article's header, body around its forms,
# related articles, structured data; home's and standard pages' content), and the page found
# for each address, are kept in the same store for the same time, for the requests the page
# cache cannot serve: editors, pages with a form. What every page reads (the Wagtail site with
# its home page, the main menu, the clinic settings) is kept there too (SHARED_PAGE_STORE).
# Both need Redis: local memory is per process, and a publish or a settings change clears only
# the memory of the process that handled it, so the other workers would show the old menu or
# phone number until the entry expired.
PAGE_FRAGMENT_CACHE = env_bool("PAGE_FRAGMENT_CACHE", bool(REDIS_URL))
SHARED_PAGE_STORE = bool(REDIS_URL)

# --- CDN / reverse-proxy purge (wagtail.contrib.frontend_cache) --------------------------------
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
    }

# --- Media storage: S3-compatible when a bucket is configured ----------------------------------
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID", "")
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
    AWS_S3_FILE_OVERWRITE = False  # never replace an upload with another of the same name
    AWS_DEFAULT_ACL = None  # bucket policy decides; keep objects private by default
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "max-age=86400"}
    # Documents are served through Django (WAGTAILDOCS_SERVE_METHOD) so their CSP applies.

# Serve MEDIA_ROOT through Django when nothing else does (one server, no S3, no proxy alias).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# Shown on the static 503 page when the database is down (it cannot read the clinic settings).
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "")

# Medical review of health articles (the seo app): months between reviews unless an article sets
# its own interval; "due soon" horizon for the report and reminders; where reminders for pages
# without an owner's e-mail go (comma-separated).
REVIEW_INTERVAL_MONTHS = int(os.environ.get("REVIEW_INTERVAL_MONTHS", "12"))
REVIEW_DUE_SOON_DAYS = int(os.environ.get("REVIEW_DUE_SOON_DAYS", "30"))
REVIEW_REMINDER_EMAILS = env_list("REVIEW_REMINDER_EMAILS")
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.images.ImageForm"
