"""The listing and its feeds run a fixed number of queries, whatever the number of
events (5 or 500)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.bulk import bulk_create_events
from tests.factories import PartnerOrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/en/events/",
    "/en/events/?country=FR&format=online&free=on",
    "/en/events/?topic=stigma&page=2",
    "/en/events/?language=el&free=on",
    "/en/events/?access=step_free&when=week",
    "/en/events/past/",
    "/en/events/feed.rss",
    "/en/events/feed.atom",
    "/en/events/feed.ics?country=GR",
]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("url", URLS)
def test_same_queries_with_5_and_500_events(client, event_index, url):
    organisation = PartnerOrganisationFactory()
    topics = [TopicFactory(slug="stigma"), TopicFactory(slug="anxiety")]
    bulk_create_events(event_index, 5, organisation, topics, past_every=4)
    count_queries(client, url)  # warm the site-root cache
    few = count_queries(client, url)
    bulk_create_events(event_index, 495, organisation, topics, past_every=4)
    assert count_queries(client, url) == few


def test_home_listing_queries_do_not_grow(client, event_index):
    from wagtail.models import Page

    home = Page.objects.get(pk=event_index.get_parent().pk).specific
    home.sections = [
        ("listing", {"heading": "Upcoming events", "kind": "upcoming_events", "count": 6})
    ]
    home.save_revision().publish()
    organisation = PartnerOrganisationFactory()
    bulk_create_events(event_index, 5, organisation)
    count_queries(client, "/en/")
    few = count_queries(client, "/en/")
    bulk_create_events(event_index, 100, organisation)
    assert count_queries(client, "/en/") == few


def test_event_page_queries_do_not_grow_with_sessions_and_speakers(client, event_index):
    import datetime

    from django.utils import timezone

    from tests.events.factories import EventPageFactory, EventSpeakerFactory

    def sessions(count):
        start = timezone.now() + datetime.timedelta(days=2)
        return [
            (start + datetime.timedelta(days=n), start + datetime.timedelta(days=n, hours=1))
            for n in range(count)
        ]

    small = EventPageFactory(parent=event_index, sessions=sessions(1))
    EventSpeakerFactory(page=small)
    large = EventPageFactory(parent=event_index, sessions=sessions(12))
    EventSpeakerFactory.create_batch(6, page=large)
    for url in (small.url, f"{small.url}event.ics"):
        count_queries(client, url)
    assert count_queries(client, small.url) == count_queries(client, large.url)
    assert count_queries(client, f"{small.url}event.ics") == count_queries(
        client, f"{large.url}event.ics"
    )
