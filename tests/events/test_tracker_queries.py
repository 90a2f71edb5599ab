"""The tracker and its feed run a fixed number of queries, whatever the number of
actions (5 or 500), and report text is in site search."""

import pytest

from tests.events.factories import EventPageFactory
from tests.events.tracker_helpers import ActionTrackerPageFactory, bulk_actions
from tests.factories import PartnerOrganisationFactory, TopicFactory
from tests.queries import warm_count

pytestmark = pytest.mark.django_db

URLS = [
    "/en/actions/",
    "/en/actions/?status=planned&organisation=open-minds",
    "/en/actions/?due=overdue&page=2",
    "/en/actions/?topic=stigma&country=FR&due=overdue&status=planned",
    "/en/actions/?q=bulk",
    "/en/actions/feed.ics?status=in_progress",
]


@pytest.mark.parametrize("url", URLS)
def test_same_queries_with_5_and_500_actions(client, event_index, url):
    ActionTrackerPageFactory(parent=event_index.get_parent())
    TopicFactory(slug="stigma")
    organisation = PartnerOrganisationFactory(slug="open-minds")
    source = EventPageFactory(parent=event_index)
    bulk_actions(source, 5, organisation)
    few = warm_count(client, url)
    sources = [EventPageFactory(parent=event_index) for _ in range(3)]
    for number, page in enumerate(sources):
        bulk_actions(page, 165, organisation, start=5 + number * 165)
    assert warm_count(client, url) == few


def test_searching_concordat_finds_the_event_whose_report_uses_it(client, event_index):
    event = EventPageFactory(parent=event_index, title="Policy dialogue on prevention")
    event.report_outcomes = "<p>Three municipalities signed the prevention concordat.</p>"
    event.save_revision().publish()
    EventPageFactory(parent=event_index, title="Unrelated walk")
    response = client.get("/en/search/", {"q": "concordat"})
    assert [page.title for page in response.context["results"]] == ["Policy dialogue on prevention"]


def test_action_points_are_found_by_site_search(client, event_index):
    from events.models import EventActionPoint  # noqa: PLC0415 - only this test needs it

    event = EventPageFactory(parent=event_index, title="Workshop on workplaces")
    EventActionPoint.objects.create(
        page=event, locale=event.locale, action="Train forty occupational physicians"
    )
    event.refresh_from_db()
    event.save_revision().publish()
    response = client.get("/en/search/", {"q": "physicians"})
    assert [page.title for page in response.context["results"]] == ["Workshop on workplaces"]
