"""Periodic jobs: what runs when, and queuing each time slot once (see the package's
docstring). A job is a management command with fixed arguments, so an operator can run any
of them by hand exactly as the worker does."""

import io
import logging
from datetime import timedelta

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from home.jobs.models import ScheduledRun
from home.registry import periodic_jobs

logger = logging.getLogger(__name__)

# Runs older than this are deleted by the scheduler (they only prove a slot ran).
KEEP_RUNS = timedelta(days=7)


@task()
def run_job(name):
    """The background task: run periodic job ``name`` now."""
    job = periodic_jobs.get(name)
    if job is None:
        logger.error("Unknown periodic job %s", name)
        return False
    output = io.StringIO()
    call_command(job.command, *job.args, verbosity=0, stdout=output)
    # The command's report ("Erased 2 contributor record(s)…") goes to the log, not stdout.
    logger.info("Periodic job %s: %s", name, output.getvalue().strip() or "done")
    return True


def enqueue_due(now=None):
    """Queue every job whose current slot has not been queued yet by any process. Missed
    slots (the workers were stopped) are not caught up: the latest one runs, once. Returns
    the names of the jobs this call queued."""
    now = now or timezone.now()
    queued = []
    for job in periodic_jobs.values():
        slot = job.slot(now)
        if slot is None or ScheduledRun.objects.filter(job=job.name, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, slot=slot)
        except IntegrityError:
            continue  # another worker claimed this slot first
        # Queued after the claim commits: with tasks run at once (the embedded default)
        # the job must not hold the claim's transaction open while it works.
        try:
            result = run_job.enqueue(job.name)
        except Exception:  # noqa: BLE001 - one failing job must not stop the others
            logger.exception("Periodic job %s could not be queued", job.name)
            continue
        ScheduledRun.objects.filter(pk=run.pk).update(task_id=str(result.id)[:64])
        queued.append(job.name)
    ScheduledRun.objects.filter(slot__lt=now - KEEP_RUNS).delete()
    return queued
