"""Settings shared by every environment.

Everything that differs between machines is read from the environment; the defaults are
safe for a developer's laptop and need no service besides SQLite.
"""

import importlib.util
import os
from pathlib import Path

import dj_database_url

from .environment import env_bool, env_list


def _checkout():
    """The checkout Openly runs from (manage.py, the apps, templates/, site/static and
    site/locale). With ``pip install -e .`` this file is in it; ``pip install .`` (README's
    production install) copies the ``openly`` package into site-packages, while the apps,
    and so the rest, are still imported from the checkout: found where ``home`` is."""
    here = Path(__file__).resolve().parent.parent.parent
    if (here / "manage.py").is_file():
        return here
    home = importlib.util.find_spec("home")
    if home is not None and home.origin:
        return Path(home.origin).resolve().parent.parent
    return Path.cwd()


BASE_DIR = _checkout()
PROJECT_DIR = BASE_DIR / "site"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
# Keys being rotated out, newest first: what they signed or keyed (sessions, signed cookies,
# story status links) still works. See README, "Rotating SECRET_KEY".
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Forms on cached public pages get their token from /forms/token/; one sent without it is
# shown again with the reader's answers instead of a bare 403 (home/public_form_views.py).
CSRF_FAILURE_VIEW = "home.public_form_views.csrf_failure"

INSTALLED_APPS = [
    "home",
    "home.language_check",
    "home.cocreation",
    "home.partners",
    "campaigns",
    "campaigns.stories",
    "campaigns.commitments",
    "campaigns.practices",
    "events",
    "events.working_groups",
    "events.tracker",
    "events.registration",
    "home.demo",
    "home.mail",
    "home.jobs",
    "home.api",
    "home.embeds",
    "home.impact",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
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
    "django_countries",
    "django_tasks_db",
    "health_check",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail admin's naturaltime ("2 minutes ago") is translated for an installed app only.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Operations (home/operations): /health/ answers before anything else can refuse a load
    # balancer's probe; then every request gets its id, for the log lines it causes.
    "home.operations.health.HealthMiddleware",
    "home.operations.request_ids.RequestIdMiddleware",
    # Before every middleware that reads the database: a locked or unreachable database is
    # waited for once, then answered with a readable 503 (home.database_faults).
    "home.database_faults.DatabaseFaultMiddleware",
    # Other sites' reads of the API and feeds (home/api/cors.py), outside the page cache.
    "home.api.cors.CrossOriginReadMiddleware",
    # The embedded page cache (home.page_cache): this early, so a hit is served before sessions
    # and authentication run, and a page is stored only as the cache policy below left it.
    "home.page_cache.PageCacheMiddleware",
    # Settles the cache policy of every response (home.http_cache).
    "home.http_cache.CachePolicyMiddleware",
    # Security headers, inside the page cache so that they are stored with every page and
    # a hit carries the same ones (home.security; no nonce, so they are the same for all).
    "home.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The Site from the cache, and page routing in two queries (home/routing.py).
    "home.routing.RoutingMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The admin in its user's language around the view too (home/admin_language.py).
    "home.admin_language.AdminLanguageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a refused sign-in into the "sign-in paused" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "openly.urls"
WSGI_APPLICATION = "openly.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file by default, anything dj-database-url understands via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
# A locked or unreachable database is answered within seconds by a readable 503
# (home.database_faults), never by a request that hangs. Options given in DATABASE_URL win.
_database_options = DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Every transaction takes the write lock as it begins, so concurrent writers wait in
    # line for it (up to the busy timeout) instead of failing halfway through when two
    # try to turn their read lock into a write lock at once.
    _database_options.setdefault("transaction_mode", "IMMEDIATE")
    # Seconds a query waits for another connection's lock before the request gives up.
    _database_options.setdefault("timeout", float(os.environ.get("DATABASE_BUSY_TIMEOUT", "3")))
elif DATABASE_IS_POSTGRES:
    # Seconds to wait for the server to accept a connection (an unreachable server would
    # otherwise hold the request until the operating system gives up, minutes later).
    _database_options.setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory per process by default; Redis shared by every process when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "openly",
        }
    }
else:
    # Django's default of 300 entries would be culled again and again on a site of any size
    # (a page, its chrome and its shared fragments each take one): keep up to 20,000.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("OPENLY_CACHE_MAX_ENTRIES", "20000"))},
        }
    }

# Anonymous readers' public pages served from that cache (home.page_cache). It needs a
# cache every process shares when there are several processes: production turns it on
# only with REDIS_URL (site/settings/production.py).
OPENLY_PAGE_CACHE = env_bool("OPENLY_PAGE_CACHE", True)

# The shared cache in front (Varnish, deploy/varnish/openly.vcl), purged through Wagtail's
# frontend cache after every change readers see (home.invalidation, home.frontend_cache):
# e.g. FRONTEND_CACHE_URL=http://127.0.0.1:6081
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "home.frontend_cache.VarnishBackend",
            "LOCATION": FRONTEND_CACHE_URL,
            # Seconds to wait for Varnish before giving up (and logging a warning).
            "TIMEOUT": float(os.environ.get("FRONTEND_CACHE_TIMEOUT", "2")),
        }
    }

# Security headers: Content-Security-Policy and Permissions-Policy (site/settings/security.py).
from .security import *  # noqa: E402, F403

# Editors' avatars come from their uploads, never from a third-party avatar service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. English is the source locale; Arabic is right-to-left.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("pl", "Polski"),
    ("el", "Ελληνικά"),
    ("ro", "Română"),
    ("uk", "Українська"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# Translations are saved as drafts and go through moderation like any other change:
# wagtail-localize must never make a translation live on its own.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The erasure ledger (campaigns/stories/ledger.py): one small file per erased story, no
# personal data, kept apart from the database so `manage.py replay_erasures` can apply every
# erasure again after a restore. A private folder, never served and never inside MEDIA_ROOT;
# production may use a bucket of its own instead (site/settings/production.py).
ERASURE_LEDGER_DIR = Path(
    os.environ.get("OPENLY_ERASURE_LEDGER_DIR", BASE_DIR / "var" / "erasure-ledger")
)
ERASURE_LEDGER_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": ERASURE_LEDGER_DIR,
        "file_permissions_mode": 0o600,
        "directory_permissions_mode": 0o700,
    },
}
# Media on local disk or in object storage (AWS_STORAGE_BUCKET_NAME), how readers get them,
# and the origins the Content-Security-Policy allows for them: site/settings/media.py.
from .media import *  # noqa: E402, F403

STORAGES = {
    **MEDIA_STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "erasure_ledger": ERASURE_LEDGER_STORAGE,
}

# Uploads: generous enough for editors' documents, small enough to refuse abuse early.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Email: every email is sealed, stored and sent by a background task that retries with
# back-off (home.mail); EMAIL_BACKEND is that queue. OPENLY_EMAIL_TRANSPORT is the backend that
# really sends: the console here, SMTP in production (EMAIL_BACKEND in the environment, from
# older set-ups, names it too).
EMAIL_BACKEND = "home.mail.backend.QueuedEmailBackend"
OPENLY_EMAIL_TRANSPORT = (
    os.environ.get("OPENLY_EMAIL_TRANSPORT")
    or os.environ.get("EMAIL_BACKEND")
    or "django.core.mail.backends.console.EmailBackend"
)
# Try each email at once, in the process that sent it, when its transaction commits; retries
# (and everything when this is off, as in production) are run by `manage.py db_worker
# --backend mail`.
OPENLY_EMAIL_SEND_AT_ONCE = env_bool("OPENLY_EMAIL_SEND_AT_ONCE", True)
# Finished deliveries are pruned after this many days (manage.py mail_housekeeping).
OPENLY_EMAIL_KEEP_DAYS = int(os.environ.get("OPENLY_EMAIL_KEEP_DAYS", "14"))
# Production refuses to start with a console, file or in-memory transport (home/deploy_checks.py)
# unless OPENLY_MAIL_DISABLED says this site deliberately sends no email.
OPENLY_MAIL_DISABLED = env_bool("OPENLY_MAIL_DISABLED", False)
# Production turns this on: the WSGI/ASGI application then refuses to load while a startup
# check fails (home/deploy_checks.py). Off here, so the development server always starts.
OPENLY_STARTUP_CHECKS = False
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds an SMTP server may take to answer before the attempt counts as failed (retried).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Openly <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Openly"
# The site's public address (home/site_address.py): written into the default Site record on
# migrate, setup_roles and load_demo, so links made without a request carry the real host.
OPENLY_SITE_URL = os.environ.get("OPENLY_SITE_URL", "").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or OPENLY_SITE_URL or "http://127.0.0.1:8000"
)
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend for the database in use, indexing each page in its
        # own language (a text-search configuration per language on PostgreSQL, stems
        # added in Python for FTS5 on SQLite) and answering the site search with one
        # ranked, limited query: see home/search/.
        "BACKEND": "home.search.postgres" if DATABASE_IS_POSTGRES else "home.search.sqlite",
        # PostgreSQL: the configuration of text in no language (untranslatable snippets).
        "SEARCH_CONFIG": "simple",
        # Seconds a site-search query may run before the reader is asked to try again.
        "TIMEOUT": float(os.environ.get("OPENLY_SEARCH_TIMEOUT", "1.0")),
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Co-creation: an edit during review sends the page back through every step, and review
# emails go to the reviewers of the step (home.cocreation.workflows), not to every administrator.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.cocreation.workflow_actions.publish_approved"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
# Wagtail's password-reset form, its email marked as a password reset (home.mail).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "home.mail.forms.PasswordResetForm"  # noqa: S105

# Logging (timestamps, request ids, JSON when asked), error reporting, /health/.
from .operations import *  # noqa: E402, F403

OPENLY_SOURCE_LANGUAGE = "en"
OPENLY_EMERGENCY_NUMBER = "112"
OPENLY_LANGUAGE_NAMES = dict(LANGUAGES)
OPENLY_RTL_LANGUAGES = {"ar"}
# The country whose helplines the crisis banner shows for each language, until the reader
# picks a country on the get-help page. Languages spoken in many countries have none.
OPENLY_LOCALE_DEFAULT_COUNTRY = {
    "de": "DE",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "pl": "PL",
    "el": "GR",
    "ro": "RO",
    "uk": "UA",
}

# Behind a trusted reverse proxy, the header that carries the reader's address (for example
# "HTTP_X_REAL_IP"); every per-client limit reads it through home.clients: site search, the
# story and pledge forms, admin sign-in lockouts. Without it no header is trusted, and behind
# a proxy every visitor would share one limit.
OPENLY_CLIENT_IP_HEADER = os.environ.get("OPENLY_CLIENT_IP_HEADER", "")
# Deprecated: the former name of the setting above, once the story form's alone. Still
# honoured while OPENLY_CLIENT_IP_HEADER is unset; `manage.py check` asks to rename it.
if os.environ.get("OPENLY_STORY_CLIENT_IP_HEADER"):
    OPENLY_STORY_CLIENT_IP_HEADER = os.environ["OPENLY_STORY_CLIENT_IP_HEADER"]
# Site search: searches per client address per window of seconds (home.search.throttle).
OPENLY_SEARCH_RATE_LIMIT = (int(os.environ.get("OPENLY_SEARCH_RATE_LIMIT", "30")), 60)

# Stories (campaigns/stories/conf.py reads every OPENLY_STORY_* setting and holds its default).
OPENLY_STORY_RETENTION_DAYS = int(os.environ.get("OPENLY_STORY_RETENTION_DAYS", "30"))
