"""System checks: the queue must be able to hold and send what it is given."""

from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string
from django_tasks import task_backends
from django_tasks.exceptions import InvalidTaskBackendError
from django_tasks_db import DatabaseBackend

from home.mail.conf import QUEUED_BACKEND, TASK_BACKEND, mail_settings


def check_mail_queue(app_configs=None, **kwargs):
    """With the queued email backend: a durable task backend for deliveries, and a real
    transport that is not the queue itself."""
    if settings.EMAIL_BACKEND != QUEUED_BACKEND:
        return []
    errors = []
    try:
        backend = task_backends[TASK_BACKEND]
    except InvalidTaskBackendError:
        backend = None
    if not isinstance(backend, DatabaseBackend):
        errors.append(
            checks.Error(
                f"TASKS has no '{TASK_BACKEND}' backend that stores tasks in the database.",
                hint=(
                    f'Add TASKS["{TASK_BACKEND}"] = '
                    '{"BACKEND": "django_tasks_db.DatabaseBackend"}: queued emails must '
                    "survive a restart and be retried."
                ),
                id="mail.E001",
            )
        )
    transport = mail_settings.TRANSPORT
    if transport == QUEUED_BACKEND:
        errors.append(
            checks.Error(
                "OPENLY_EMAIL_TRANSPORT is the queued email backend itself.",
                hint="Set it to the backend that really sends, e.g. Django's SMTP backend.",
                id="mail.E002",
            )
        )
    else:
        try:
            import_string(transport)
        except ImportError:
            errors.append(
                checks.Error(
                    f"OPENLY_EMAIL_TRANSPORT names no importable email backend ({transport}).",
                    id="mail.E003",
                )
            )
    return errors


def register():
    checks.register(check_mail_queue, checks.Tags.compatibility)
