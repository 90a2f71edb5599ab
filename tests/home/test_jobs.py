"""Periodic jobs and the worker: each job's time slot is queued once however many workers
run, a scheduled change goes live when its slot comes, and frontend-cache purges wait in the
task queue instead of in the editor's request."""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from home.jobs.management.commands.run_worker import database_backends
from home.jobs.models import ScheduledRun
from home.jobs.periodic import Job, register_site_jobs
from home.jobs.schedule import enqueue_due
from home.registry import periodic_jobs
from tests.factories import StandardPageFactory
from tests.varnish import free_port

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 11, 30, 12, 0, 40, tzinfo=UTC)
DB_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def test_a_slot_is_the_latest_step_of_the_cadence_or_todays_time_once_passed():
    every_minute = Job("a", "a", every=timedelta(minutes=1))
    hourly = Job("b", "b", every=timedelta(hours=1))
    daily = Job("c", "c", daily_at=time(3, 15))
    assert every_minute.slot(NOON) == NOON.replace(second=0)
    assert hourly.slot(NOON + timedelta(minutes=59)) == NOON.replace(minute=0, second=0)
    assert daily.slot(NOON.replace(hour=3, minute=14)) is None
    assert daily.slot(NOON) == NOON.replace(hour=3, minute=15, second=0)
    with pytest.raises(ValueError, match="either"):
        Job("d", "d")


def test_the_site_and_the_apps_register_their_jobs():
    assert {
        "publish_scheduled",
        "mail_housekeeping",
        "check_language",
        "erase_story_contributors",
        "send_story_notifications",
    } <= set(periodic_jobs.keys())
    assert periodic_jobs.get("publish_scheduled").every == timedelta(minutes=1)


def test_scheduled_publishing_runs_as_often_as_the_setting_says(settings):
    settings.OPENLY_SCHEDULED_PUBLISHING_SECONDS = 10
    try:
        register_site_jobs()
        job = periodic_jobs.get("publish_scheduled")
        assert job.every == timedelta(seconds=10)
        assert job.slot(NOON + timedelta(seconds=25)) == NOON + timedelta(seconds=20)
    finally:
        settings.OPENLY_SCHEDULED_PUBLISHING_SECONDS = 60
        register_site_jobs()
    assert periodic_jobs.get("publish_scheduled").every == timedelta(minutes=1)


@override_settings(TASKS=DB_TASKS)
def test_each_slot_is_queued_once_however_many_workers_look():
    first = enqueue_due(NOON)
    assert "publish_scheduled" in first and "erase_story_contributors" in first
    # A second worker (or the next tick) in the same minute queues nothing.
    assert enqueue_due(NOON + timedelta(seconds=15)) == []
    runs = ScheduledRun.objects.filter(job="publish_scheduled")
    assert runs.count() == 1
    task = DBTaskResult.objects.get(id=runs.get().task_id)
    assert task.task_path == "home.jobs.schedule.run_job"
    # The next minute is a new slot; the daily job waits for tomorrow.
    later = enqueue_due(NOON + timedelta(minutes=1))
    assert "publish_scheduled" in later and "erase_story_contributors" not in later


@override_settings(TASKS=DB_TASKS)
def test_missed_slots_are_not_caught_up_one_by_one():
    enqueue_due(NOON)
    enqueue_due(NOON + timedelta(minutes=30))  # the workers were stopped for half an hour
    assert ScheduledRun.objects.filter(job="publish_scheduled").count() == 2


def test_a_scheduled_change_goes_live_when_its_slot_comes(home_page):
    page = StandardPageFactory(parent=home_page, title="Mental Health Week", slug="week")
    page.title = "Mental Health Week 2027"
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(seconds=5)
    revision.save()
    page.refresh_from_db()
    assert page.title == "Mental Health Week"
    # The embedded default runs the queued job at once.
    assert "publish_scheduled" in enqueue_due()
    page.refresh_from_db()
    assert page.title == "Mental Health Week 2027"


@pytest.mark.django_db(transaction=True)
def test_with_a_worker_a_publication_only_queues_its_purges(home_page, settings):
    settings.TASKS = DB_TASKS
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "home.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{free_port()}",
        }
    }
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    page.save_revision().publish()
    purges = DBTaskResult.objects.filter(task_path="home.frontend_cache.frontend_cache_task")
    queued = list(purges)
    assert queued and {task.args_kwargs["args"][0] for task in queued} == {"ban"}
    assert all(task.status == "READY" for task in queued)
    # The worker tries them; Varnish is down, so one try is queued again for later.
    call_command("db_worker", backend="default", batch=True, interval=0, startup_delay=False)
    assert all(purges.get(pk=task.pk).status == "SUCCESSFUL" for task in queued)
    retries = [task for task in purges.filter(status="READY") if task.args_kwargs["args"][3] == 2]
    assert len(retries) >= len(queued)
    assert all(task.run_after > timezone.now() for task in retries)


def test_the_worker_runs_every_backend_kept_in_the_database(settings):
    settings.TASKS = DB_TASKS
    assert database_backends() == ["default", "mail"]
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "mail": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    assert database_backends() == ["mail"]
