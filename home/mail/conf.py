"""The mail app's settings: every ``OPENLY_EMAIL_*`` setting and its default, read here and
nowhere else (looked up on each access, so per-test settings take effect at once).

- ``TRANSPORT = "django.core.mail.backends.console.EmailBackend"``: the email backend that
  really sends (production's settings default it to SMTP). ``EMAIL_BACKEND`` is the queue.
- ``SEND_AT_ONCE = True``: try each email in the process that queued it, as soon as its
  transaction commits (the embedded default; production leaves sending to the worker).
- ``RETRY_DELAYS = (60, 300, 1800, 7200, 43200)``: seconds to wait after each failed
  attempt (1 min, 5 min, 30 min, 2 h, 12 h); after the last one a delivery has failed for
  good and shows in Reports → Email deliveries, where it can be retried.
- ``KEEP_DAYS = 14``: finished deliveries (sent or failed for good) and their task results
  are deleted this many days later by ``manage.py mail_housekeeping``; a failed email's
  sealed copy goes with them.
"""

from home.app_settings import AppSettings

PREFIX = "OPENLY_EMAIL_"

DEFAULTS = {
    "TRANSPORT": "django.core.mail.backends.console.EmailBackend",
    "SEND_AT_ONCE": True,
    "RETRY_DELAYS": (60, 5 * 60, 30 * 60, 2 * 60 * 60, 12 * 60 * 60),
    "KEEP_DAYS": 14,
}

# The task backend (settings.TASKS) that stores deliveries: a django-tasks-db database
# backend, run by `manage.py db_worker --backend mail`.
TASK_BACKEND = "mail"
# EMAIL_BACKEND's value that sends through the queue.
QUEUED_BACKEND = "home.mail.backend.QueuedEmailBackend"


# ``mail_settings.TRANSPORT`` reads ``settings.OPENLY_EMAIL_TRANSPORT`` or its default.
mail_settings = AppSettings(PREFIX, DEFAULTS)
