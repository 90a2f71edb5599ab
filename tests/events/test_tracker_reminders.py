"""Reminder emails to the owners of actions: before the due date and once overdue, each
sent once per action and due date through the durable mail queue, in each owner's
language, never for done actions, with no personal data in the logs."""

import datetime
import io
import logging

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from wagtail.users.models import UserProfile

from events.tracker.models import ActionReminder
from events.tracker.reminders import send_reminders
from home.mail.models import Delivery
from home.registry import periodic_jobs
from tests.events.tracker_helpers import event_with_actions, set_status
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 30)
DAY = datetime.timedelta(days=1)
LEAD_ADDRESS = "lead@open-minds.example.org"


@pytest.fixture(autouse=True)
def queued_mail(settings):
    """The durable mail queue in front of mail.outbox, as outside tests."""
    settings.EMAIL_BACKEND = "home.mail.backend.QueuedEmailBackend"
    settings.OPENLY_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
    settings.OPENLY_EMAIL_SEND_AT_ONCE = True
    settings.OPENLY_ACTION_REMINDER_DAYS = 14


@pytest.fixture
def owner():
    organisation = PartnerOrganisationFactory(name="Open Minds", slug="open-minds")
    users = get_user_model().objects
    lead = users.create_user("lead", LEAD_ADDRESS, "pw")
    editor = users.create_user("editor", "editor@open-minds.example.org", "pw")
    organisation.add_lead(lead)
    organisation.add_editor(editor)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    users.create_user("outsider", "someone@else.example.org", "pw")
    return organisation


@pytest.fixture
def workshop(event_index, owner):
    return event_with_actions(
        event_index,
        [
            {"action": "Map the workforce", "owner": owner, "due": TODAY + 10 * DAY},
            {"action": "Train managers", "owner": owner, "due": TODAY + 60 * DAY},
            {"action": "Publish the report", "owner": owner, "due": TODAY - DAY, "status": "done"},
            {"action": "Agree a measure", "owner": owner},
        ],
    )


def run(django_capture_on_commit_callbacks, today=TODAY):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = send_reminders(today=today)
    return result


def test_owners_get_one_reminder_before_the_due_date(workshop, django_capture_on_commit_callbacks):
    assert run(django_capture_on_commit_callbacks) == (1, 2)
    assert sorted(address for email in mail.outbox for address in email.to) == [
        "editor@open-minds.example.org",
        LEAD_ADDRESS,
    ]
    # Through the durable queue, like every other email, named in the delivery report.
    assert Delivery.objects.count() == 2
    assert set(Delivery.objects.values_list("kind", flat=True)) == {"action_reminder"}
    assert Delivery.objects.first().get_kind_display() == "Action reminder"
    english = next(email for email in mail.outbox if email.to == [LEAD_ADDRESS])
    assert english.subject.startswith("Action due soon: Map the workforce")
    assert "Map the workforce" in english.body and "/admin/pages/" in english.body
    french = next(email for email in mail.outbox if email.to != [LEAD_ADDRESS])
    assert "Map the workforce" in french.body
    assert french.subject != english.subject  # in the editor's language
    # The next runs send nothing again.
    assert run(django_capture_on_commit_callbacks) == (0, 0)
    assert run(django_capture_on_commit_callbacks, TODAY + 2 * DAY) == (0, 0)
    assert not mail.outbox


def test_an_overdue_action_is_reminded_once(workshop, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks)
    later = TODAY + 11 * DAY
    assert run(django_capture_on_commit_callbacks, later) == (1, 2)
    english = next(email for email in mail.outbox if email.to == [LEAD_ADDRESS])
    assert english.subject.startswith("Overdue action: Map the workforce")
    assert run(django_capture_on_commit_callbacks, later + 5 * DAY) == (0, 0)
    kinds = set(ActionReminder.objects.values_list("kind", flat=True))
    assert kinds == {"before", "overdue"}


def test_done_actions_get_no_reminder(workshop, django_capture_on_commit_callbacks):
    set_status(workshop, "Map the workforce", "done")
    assert run(django_capture_on_commit_callbacks) == (0, 0)
    assert not mail.outbox


def test_a_new_due_date_starts_again(workshop, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks)
    set_status(workshop, "Map the workforce", "in_progress", due=TODAY + 12 * DAY)
    assert run(django_capture_on_commit_callbacks) == (1, 2)


def test_the_logs_carry_no_personal_data(workshop, django_capture_on_commit_callbacks, caplog):
    with caplog.at_level(logging.DEBUG):
        run(django_capture_on_commit_callbacks)
    assert "1 sent" in caplog.text
    for secret in (LEAD_ADDRESS, "editor@", "Map the workforce", "Open Minds"):
        assert secret not in caplog.text


def test_the_worker_runs_the_reminders_every_day(workshop):
    job = periodic_jobs.get("action_reminders")
    assert job.command == "send_action_reminders" and job.daily_at is not None
    out = io.StringIO()
    call_command("send_action_reminders", stdout=out)
    assert "action reminder(s)" in out.getvalue()
