"""What a workshop's page shows of its follow-up: the working groups started from it and a
link to its actions on the action tracker, in a fixed number of queries."""

import pytest

from tests.events.factories import EventPageFactory
from tests.events.tracker_helpers import ActionTrackerPageFactory, event_with_actions
from tests.events.working_group_factories import (
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.queries import warm_count

pytestmark = pytest.mark.django_db

ACTIONS = [{"action": "Map crisis services", "status": "planned"}]


def test_event_page_lists_its_working_groups_and_links_to_its_actions(
    client, event_index, home_page
):
    ActionTrackerPageFactory(parent=home_page)
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    workshop = event_with_actions(event_index, ACTIONS, title="Crisis care workshop")
    other = EventPageFactory(parent=event_index, title="Another workshop")
    WorkingGroupPageFactory(
        parent=groups, title="Task force on crisis care", from_workshop=workshop
    )
    WorkingGroupPageFactory(parent=groups, title="Group of another day", from_workshop=other)
    WorkingGroupPageFactory(
        parent=groups, title="Unpublished group", from_workshop=workshop, live=False
    )
    page = client.get(workshop.url).content.decode()
    assert "Working groups started from this workshop" in page
    assert "Task force on crisis care" in page
    assert "Group of another day" not in page
    assert "Unpublished group" not in page
    assert f"/en/actions/?source={workshop.pk}" in page
    # An event without groups shows no such section.
    lone = EventPageFactory(parent=event_index, title="A workshop without follow-up")
    assert "Working groups started from" not in client.get(lone.url).content.decode()


def test_no_tracker_link_without_a_tracker(client, event_index):
    workshop = event_with_actions(event_index, ACTIONS)
    page = client.get(workshop.url).content.decode()
    assert "Map crisis services" in page
    assert "?source=" not in page


def test_event_page_queries_do_not_grow_with_working_groups(client, event_index, home_page):
    ActionTrackerPageFactory(parent=home_page)
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    few = event_with_actions(event_index, ACTIONS, slug="few")
    many = event_with_actions(event_index, ACTIONS * 8, slug="many")
    WorkingGroupPageFactory(parent=groups, from_workshop=few)
    for number in range(8):
        WorkingGroupPageFactory(parent=groups, slug=f"group-{number}", from_workshop=many)
    assert warm_count(client, few.url) == warm_count(client, many.url)
