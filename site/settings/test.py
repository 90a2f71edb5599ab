"""Settings for the test suite: fast, isolated, no external service unless asked for."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}
# Tests look at how pages render; the page cache's own tests turn it on
# (tests/home/test_page_cache.py, tests/deploy/).
OPENLY_PAGE_CACHE = False
# Django's test set-up sends email straight to mail.outbox (locmem); the durable-mail tests
# (tests/home/test_mail.py) put the queue back in front of it, with failing transports too.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
OPENLY_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
OPENLY_EMAIL_SEND_AT_ONCE = True
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # The stories tests give each test a ledger folder of its own (tests/stories/conftest.py).
    "erasure_ledger": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BASE_DIR / ".test-erasure-ledger"},  # noqa: F405
    },
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
OPENLY_SITE_URL = ""  # tests set it where they need it
# Cards are drawn when first asked for; tests of drawing on publication turn this on.
OPENLY_SOCIAL_CARDS_ON_PUBLISH = False
OPENLY_DEMO_PASSWORDS_ALLOWED = True
# The test client's login() authenticates without a request, which django-axes refuses;
# this stand-in lets it through and throttles every real sign-in form like production.
AUTHENTICATION_BACKENDS = [
    "tests.auth_backends.SignInThrottle",
    "django.contrib.auth.backends.ModelBackend",
]

# Templates used only by tests (e.g. a stand-in home-page listing).
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405
