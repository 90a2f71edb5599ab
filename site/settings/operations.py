"""Logging, error reporting, the health endpoint and background tasks (imported by base.py).

Logs go to standard error, one line per record, each with its time (UTC, ISO 8601), level,
logger and the request id (home/operations/request_ids.py): plain text by default,
``LOG_FORMAT=json`` for one JSON object per line (python-json-logger). ``LOG_LEVEL`` (default
WARNING) sets the level; at INFO the per-task and per-page lines of libraries stay out
(``LOG_LIBRARY_LEVEL``, default WARNING), so a batch job does not write thousands of lines.
Every record is cleaned of personal data as it is made (home/log_privacy.py).
"""

import os

from .environment import env_bool

LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING").upper()
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain").lower()
LOG_LIBRARY_LEVEL = os.environ.get("LOG_LIBRARY_LEVEL", "WARNING").upper()

_PLAIN = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
_JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "home.operations.request_ids.RequestIdFilter"}},
    "formatters": {
        "plain": {
            "()": "home.operations.log_format.UTCFormatter",
            "format": _PLAIN,
        },
        "json": {
            "()": "home.operations.log_format.JSONFormatter",
            "format": _JSON_FIELDS,
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # One line per task state change and one per page saved: useful when debugging,
        # noise in production at INFO.
        "django_tasks": {"level": LOG_LIBRARY_LEVEL},
        "wagtail": {"level": LOG_LIBRARY_LEVEL},
    },
}

# Background tasks. Email deliveries always wait in the database (django-tasks-db), so a
# failed one is kept and retried. The rest (Wagtail's own work, frontend-cache purges, the
# periodic jobs) runs at once in the embedded default; with OPENLY_TASK_WORKER (production's
# default) it waits in the database too. `manage.py run_worker` runs them all (home/jobs).
OPENLY_TASK_WORKER = env_bool("OPENLY_TASK_WORKER", False)
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if OPENLY_TASK_WORKER
        else "django_tasks.backends.immediate.ImmediateBackend"
    },
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Social cards (home/social_cards) are drawn in the background on publication where a worker
# runs; the embedded default draws each the first time it is asked for, so no publication
# waits for one.
OPENLY_SOCIAL_CARDS_ON_PUBLISH = env_bool("OPENLY_SOCIAL_CARDS_ON_PUBLISH", OPENLY_TASK_WORKER)

# /health/ reports a warning when a task has waited this many minutes (home/operations/health.py).
OPENLY_HEALTH_TASK_MINUTES = int(os.environ.get("OPENLY_HEALTH_TASK_MINUTES", "15"))

# How often scheduled publishing runs (the periodic job publish_scheduled), in seconds: a
# change scheduled by an editor goes live within this (and the worker's --tick) of its time.
OPENLY_SCHEDULED_PUBLISHING_SECONDS = max(
    1, int(os.environ.get("OPENLY_SCHEDULED_PUBLISHING_SECONDS", "60"))
)

# The lemma dictionaries of the language check and site search, unpacked once per machine
# (manage.py language_check_prepare) into this folder; unset: the user's cache folder. The
# variable's earlier name, OPENLY_LANGUAGE_CHECK_CACHE_DIR, is still read.
OPENLY_LEMMA_CACHE_DIR = (
    os.environ.get("OPENLY_LEMMA_CACHE_DIR")
    or os.environ.get("OPENLY_LANGUAGE_CHECK_CACHE_DIR")
    or None
)

# Error reporting (home/operations/error_reporting.py): only when SENTRY_DSN is set.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from home.operations.error_reporting import start as _start_error_reporting

    _start_error_reporting(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
