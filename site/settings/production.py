"""Production settings: everything secret or site-specific comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, os

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production refuses to start without a long random secret key."
    )
OPENLY_DEMO_PASSWORDS_ALLOWED = False
# The WSGI/ASGI application refuses to load while a startup check fails (home/deploy_checks.py).
OPENLY_STARTUP_CHECKS = True

# Email goes out through SMTP (EMAIL_HOST and friends), sent by the worker
# (`manage.py run_worker`), never inside a request.
OPENLY_EMAIL_TRANSPORT = (
    os.environ.get("OPENLY_EMAIL_TRANSPORT")
    or os.environ.get("EMAIL_BACKEND")
    or "django.core.mail.backends.smtp.EmailBackend"
)
OPENLY_EMAIL_SEND_AT_ONCE = env_bool("OPENLY_EMAIL_SEND_AT_ONCE", False)
# A site that deliberately sends no email discards every message: never printed into the
# log, where contributors' addresses and private links would be read by whoever reads it.
if OPENLY_MAIL_DISABLED:  # noqa: F405
    OPENLY_EMAIL_TRANSPORT = "django.core.mail.backends.dummy.EmailBackend"

# Background work (Wagtail's own, frontend-cache purges, periodic jobs) waits in the database
# for the worker (`manage.py run_worker`), so no request waits on it; off only if asked.
OPENLY_TASK_WORKER = env_bool("OPENLY_TASK_WORKER", True)
if OPENLY_TASK_WORKER:
    TASKS["default"] = {"BACKEND": "django_tasks_db.DatabaseBackend"}  # noqa: F405

# WhiteNoise serves the collected, compressed static files from the app processes, right
# inside the cache policy (which leaves WhiteNoise's own Cache-Control as it is).
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("home.http_cache.CachePolicyMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)

# Media: local disk, served by home/media.py through Varnish, or S3-compatible object
# storage with AWS_STORAGE_BUCKET_NAME (django-storages): see site/settings/media.py.
STORAGES = {
    **MEDIA_STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "erasure_ledger": ERASURE_LEDGER_STORAGE,  # noqa: F405
}
if os.environ.get("OPENLY_ERASURE_LEDGER_BUCKET"):  # noqa: F405
    # The erasure ledger in a private bucket of its own (never the media bucket): it must
    # outlive a restore of the database, so it is not restored with it.
    STORAGES["erasure_ledger"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["OPENLY_ERASURE_LEDGER_BUCKET"],  # noqa: F405
            "location": os.environ.get("OPENLY_ERASURE_LEDGER_PREFIX", "erasure-ledger"),  # noqa: F405
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# HTTPS everywhere; the reverse proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# The embedded page cache keeps its content generation in the cache: with several gunicorn
# processes that must be one cache they share (Redis), or a process that did not see a
# change would go on serving its own copies. Without REDIS_URL it is off unless asked for.
OPENLY_PAGE_CACHE = env_bool("OPENLY_PAGE_CACHE", bool(REDIS_URL))  # noqa: F405

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},  # noqa: F405
}
