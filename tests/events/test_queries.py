"""The listing and its feeds run a fixed number of queries, whatever the number of
events (5 or 500)."""

import pytest

from tests.events.bulk import bulk_create_events
from tests.factories import PartnerOrganisationFactory, TopicFactory
from tests.queries import warm_count

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


@pytest.mark.parametrize("url", URLS)
def test_same_queries_with_5_and_500_events(client, event_index, url):
    organisation = PartnerOrganisationFactory()
    topics = [TopicFactory(slug="stigma"), TopicFactory(slug="anxiety")]
    bulk_create_events(event_index, 5, organisation, topics, past_every=4)
    few = warm_count(client, url)
    bulk_create_events(event_index, 495, organisation, topics, past_every=4)
    assert warm_count(client, url) == few


def test_home_listing_queries_do_not_grow(client, event_index):
    from wagtail.models import Page

    home = Page.objects.get(pk=event_index.get_parent().pk).specific
    home.sections = [
        ("listing", {"heading": "Upcoming events", "kind": "upcoming_events", "count": 6})
    ]
    home.save_revision().publish()
    organisation = PartnerOrganisationFactory()
    bulk_create_events(event_index, 5, organisation)
    few = warm_count(client, "/en/")
    bulk_create_events(event_index, 100, organisation)
    assert warm_count(client, "/en/") == few


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
    assert warm_count(client, small.url) == warm_count(client, large.url)
    assert warm_count(client, f"{small.url}event.ics") == warm_count(
        client, f"{large.url}event.ics"
    )
