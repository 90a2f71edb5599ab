"""Running delivery tasks outside ``manage.py db_worker``: one at once in the process that
queued it (the embedded default), or every due one in a batch (tests, housekeeping).

A task is claimed exactly as the worker claims it (an exclusive transaction on SQLite, a
skip-locked row lock on PostgreSQL), so it runs once however many processes look at it, and
it is run by django-tasks-db's own worker code (the version is pinned in requirements.lock),
so its result is recorded as the worker records it.
"""

import logging
import os
import socket

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from home.mail.conf import TASK_BACKEND

logger = logging.getLogger(__name__)


def _worker_id():
    return f"{socket.gethostname()}-{os.getpid()}-inline"[-64:]


def _runner():
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=TASK_BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id=_worker_id(),
        excluded_queue_names=[],
    )


def _claim(tasks):
    """The first of ``tasks`` that is due and nobody runs, marked as running here; or None."""
    with exclusive_transaction(tasks.db):
        task_result = tasks.ready().get_locked()
        if task_result is not None:
            task_result.claim(_worker_id())
    return task_result


def _due():
    return DBTaskResult.objects.filter(backend_name=TASK_BACKEND)


def attempt_now(task_id):
    """Run task ``task_id`` here and now if it is still waiting (a worker may have taken it).
    Called after the transaction that queued it commits; never raises: whatever goes wrong
    leaves the task queued for the worker, and is logged without personal data."""
    try:
        task_result = _claim(_due().filter(id=task_id))
        if task_result is not None:
            _runner().run_task(task_result)
    except Exception as error:  # noqa: BLE001 - a request must never fail over an email
        logger.warning(
            "Email task %s could not be tried at once (%s); the worker will try it.",
            task_id,
            type(error).__name__,
        )


def run_due(limit=None):
    """Run the delivery tasks that are due, one after another, until none is left (or
    ``limit`` ran); return how many ran."""
    runner = _runner()
    ran = 0
    while limit is None or ran < limit:
        task_result = _claim(_due())
        if task_result is None:
            break
        runner.run_task(task_result)
        ran += 1
    return ran
