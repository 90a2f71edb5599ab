"""The tracker's index follows publishing: an event report's action points appear when
the event is published, change (with a history entry) when a status changes, and leave
when the event is unpublished or deleted. Drafts change nothing readers see."""

import datetime
import io

import pytest
from django.core.management import call_command

from events.models import EventPage
from events.tracker.models import ActionStatusChange, TrackedAction
from events.tracker.sync import rebuild, tracking_models
from tests.events.tracker_helpers import event_with_actions, publish, set_status
from tests.factories import PartnerOrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db

DUE = datetime.date(2027, 3, 1)


@pytest.fixture
def owner():
    return PartnerOrganisationFactory(name="Open Minds", slug="open-minds", country="BE")


@pytest.fixture
def event(event_index, owner):
    topic = TopicFactory(slug="stigma")
    event = event_with_actions(
        event_index,
        [
            {"action": "Map the workforce", "owner": owner, "status": "planned", "due": DUE},
            {"action": "Publish the report", "owner": None, "status": "in_progress"},
        ],
        title="Stakeholder workshop",
    )
    event.topics = [topic]
    event.save_revision().publish()
    return event


def history(key):
    return list(ActionStatusChange.objects.filter(key=key).values_list("from_status", "to_status"))


def test_event_pages_hand_their_actions_to_the_tracker():
    assert EventPage in tracking_models()


def test_publishing_an_event_indexes_its_action_points(event, owner):
    rows = {row.action: row for row in TrackedAction.objects.all()}
    assert set(rows) == {"Map the workforce", "Publish the report"}
    mapped = rows["Map the workforce"]
    assert (mapped.organisation, mapped.status, mapped.due) == (owner, "planned", DUE)
    assert mapped.source_page_id == event.pk
    assert mapped.country == "BE"  # the owner's country
    assert rows["Publish the report"].country == "GR"  # no owner: the event's country
    assert list(mapped.topic_links.values_list("slug", flat=True)) == ["stigma"]
    point = event.action_points.get(action="Map the workforce")
    assert mapped.key == f"events.eventactionpoint:{point.translation_key}"
    assert history(mapped.key) == [("", "planned")]


def test_a_status_change_is_recorded_with_its_publication(event):
    key = TrackedAction.objects.get(action="Map the workforce").key
    set_status(event, "Map the workforce", "done", evidence_url="https://example.org/map")
    row = TrackedAction.objects.get(key=key)
    assert (row.status, row.evidence_url) == ("done", "https://example.org/map")
    assert history(key) == [("", "planned"), ("planned", "done")]
    change = ActionStatusChange.objects.filter(key=key).last()
    assert change.revision == EventPage.objects.get(pk=event.pk).live_revision
    # Publishing again without a change adds nothing.
    publish(event)
    assert len(history(key)) == 2


def test_a_draft_changes_nothing_readers_see(event):
    page = EventPage.objects.get(pk=event.pk)
    point = page.action_points.get(action="Map the workforce")
    point.status = "done"
    point.save()
    page.save_revision()  # saved, not published
    row = TrackedAction.objects.get(action="Map the workforce")
    assert row.status == "planned"
    assert len(history(row.key)) == 1


def test_unpublishing_removes_the_actions_and_keeps_their_history(event):
    key = TrackedAction.objects.get(action="Map the workforce").key
    EventPage.objects.get(pk=event.pk).unpublish()
    assert not TrackedAction.objects.exists()
    assert history(key) == [("", "planned")]
    set_status(event, "Map the workforce", "in_progress")
    assert TrackedAction.objects.get(key=key).status == "in_progress"
    assert history(key) == [("", "planned"), ("planned", "in_progress")]


def test_deleting_the_event_removes_its_actions(event):
    EventPage.objects.get(pk=event.pk).delete()
    assert not TrackedAction.objects.exists()
    assert ActionStatusChange.objects.count() == 2  # the history stays


def test_an_action_point_removed_from_the_report_leaves_the_tracker(event):
    page = EventPage.objects.get(pk=event.pk)
    page.action_points.filter(action="Publish the report").delete()
    publish(page)
    assert list(TrackedAction.objects.values_list("action", flat=True)) == ["Map the workforce"]


def test_translations_are_tracked_in_their_own_language(event, locales):
    french = EventPage.objects.get(pk=event.pk).copy_for_translation(
        locales["fr"], copy_parents=True
    )
    french.save_revision().publish()
    keys = set(TrackedAction.objects.filter(locale=locales["en"]).values_list("key", flat=True))
    french_keys = set(
        TrackedAction.objects.filter(locale=locales["fr"]).values_list("key", flat=True)
    )
    assert french_keys == keys  # one action, one key, in every language


def test_the_rebuild_command_builds_the_index_from_live_pages(event):
    TrackedAction.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_action_tracker", stdout=out)
    assert "Indexed 2 action(s)" in out.getvalue()
    assert TrackedAction.objects.count() == 2
    EventPage.objects.filter(pk=event.pk).update(live=False)
    assert rebuild() == 0
    assert not TrackedAction.objects.exists()


def test_a_failing_index_never_undoes_a_publication(event_index, owner, monkeypatch, caplog):
    from django.db import DatabaseError  # noqa: PLC0415 - only this test needs it

    from events.tracker import sync  # noqa: PLC0415 - the module whose step is broken

    def broken(page):
        raise DatabaseError("disk full")

    monkeypatch.setattr(sync, "_topic_slugs", broken)
    event = event_with_actions(event_index, [{"action": "Map the workforce", "owner": owner}])
    assert EventPage.objects.get(pk=event.pk).live
    assert not TrackedAction.objects.exists()
    assert "could not index page" in caplog.text and "Map the workforce" not in caplog.text
    monkeypatch.undo()
    rebuild()
    assert TrackedAction.objects.filter(source_page_id=event.pk).count() == 1
