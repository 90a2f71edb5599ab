"""Factories and helpers for the action tracker's tests: the tracker page, an event with
a report's action points published the way an editor publishes it, and many tracked
actions at once for the query budgets."""

import datetime
import uuid

import wagtail_factories
from django.utils import timezone

from events.models import EventActionPoint, EventPage
from events.tracker.models import ActionTrackerPage, TrackedAction, TrackedActionTopic
from tests.events.factories import EventPageFactory


class ActionTrackerPageFactory(wagtail_factories.PageFactory):
    title = "Action tracker"
    slug = "actions"

    class Meta:
        model = ActionTrackerPage


def event_with_actions(event_index, actions, **fields):
    """A live event whose report has ``actions`` (dicts of EventActionPoint fields),
    published with them as an editor would (one revision, then publish)."""
    event = EventPageFactory(parent=event_index, **fields)
    for order, values in enumerate(actions):
        EventActionPoint.objects.create(page=event, locale=event.locale, sort_order=order, **values)
    return publish(event)


def publish(event):
    """Publish the event's current state (from the database) as a new revision."""
    page = EventPage.objects.get(pk=event.pk)
    revision = page.save_revision()
    revision.publish()
    return page


def set_status(event, action_text, status, **fields):
    """Change one action point of ``event`` and publish the event again."""
    page = EventPage.objects.get(pk=event.pk)
    point = page.action_points.get(action=action_text)
    point.status = status
    for name, value in fields.items():
        setattr(point, name, value)
    point.save()
    return publish(page)


def bulk_actions(page, count, organisation, start=0, topics=("stigma",)):
    """``count`` tracked actions of ``page`` straight into the index (the query budgets
    look at reading it, not at building it)."""
    today = timezone.localdate()
    statuses = ["planned", "in_progress", "done"]
    rows = [
        TrackedAction(
            key=f"bulk:{uuid.uuid4()}",
            locale_id=page.locale_id,
            source_page_id=page.pk,
            source_type="events.eventpage",
            position=start + number,
            action=f"Bulk action {start + number}",
            organisation=organisation,
            lead="Team",
            status=statuses[number % 3],
            due=None if number % 5 == 0 else today + datetime.timedelta(days=number % 90 - 30),
            country="FR" if number % 2 else "DE",
            updated_at=timezone.now(),
        )
        for number in range(count)
    ]
    TrackedAction.objects.bulk_create(rows, batch_size=500)
    TrackedActionTopic.objects.bulk_create(
        [TrackedActionTopic(action=row, slug=slug) for row in rows for slug in topics],
        batch_size=500,
    )
    return rows
