"""manage.py run_worker: the one background process of a deployment.

It runs django-tasks-db's worker for every task backend kept in the database (``mail``
always; ``default`` in production, where Wagtail's own work, frontend-cache purges and the
periodic jobs go) as child processes, restarting one that dies, and queues the periodic
jobs (home/jobs) as their time slots come. Run one per machine, or several: each task and
each job's slot runs once. SIGTERM or Ctrl-C stops the children after the task in hand.
"""

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

from home.jobs.schedule import enqueue_due

RESTART_DELAY = 5


def database_backends():
    """The task backends whose tasks wait in the database for a worker."""
    return [alias for alias in settings.TASKS if isinstance(task_backends[alias], DatabaseBackend)]


class Command(BaseCommand):
    help = (
        "Run the background worker: django-tasks-db workers for every database task backend "
        "and the periodic jobs (scheduled publishing, erasure, housekeeping)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds each worker waits between looks at an empty queue (default 1).",
        )
        parser.add_argument(
            "--tick",
            type=float,
            default=15.0,
            help="Seconds between looks for periodic jobs that are due (default 15).",
        )
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Only run tasks; leave periodic jobs to other workers.",
        )

    def handle(self, *args, interval, tick, no_scheduler, **options):
        self.stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        backends = database_backends()
        children = {alias: self._start(alias, interval) for alias in backends}
        self.stdout.write(
            f"Worker running for task backends: {', '.join(backends) or 'none'}"
            + ("" if no_scheduler else "; periodic jobs on")
        )
        next_tick = 0.0
        try:
            while not self.stopping:
                for alias, child in list(children.items()):
                    if child.poll() is not None and not self.stopping:
                        self.stderr.write(
                            f"The {alias} worker stopped (exit {child.returncode}); restarting"
                        )
                        time.sleep(RESTART_DELAY)
                        children[alias] = self._start(alias, interval)
                if not no_scheduler and time.monotonic() >= next_tick:
                    self._queue_due_jobs()
                    next_tick = time.monotonic() + tick
                time.sleep(0.5)
        finally:
            self._stop_children(children.values())

    def _start(self, alias, interval):
        command = [sys.executable, sys.argv[0], "db_worker", "--backend", alias]
        command += ["--interval", str(interval), "--no-reload", "--no-startup-delay"]
        return subprocess.Popen(command)  # noqa: S603 - our own interpreter and arguments

    def _queue_due_jobs(self):
        close_old_connections()
        try:
            queued = enqueue_due()
        except Exception as error:  # noqa: BLE001 - the database may be away for a while
            self.stderr.write(f"Periodic jobs not queued this time ({type(error).__name__})")
            return
        if queued:
            self.stdout.write(f"Queued: {', '.join(queued)}")

    def _stop(self, signum, frame):
        self.stopping = True

    def _stop_children(self, children):
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=60)
            except subprocess.TimeoutExpired:
                child.kill()
