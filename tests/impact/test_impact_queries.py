"""The dashboard and its CSV files run a fixed number of queries, whatever the number of
signatures, stories, events and actions (5 or 500 of each): one aggregate query per
series when the figures are counted, none once they are cached."""

import datetime
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.models import PledgeSignature
from campaigns.stories.models import StoryPage
from home.impact.dashboard import registered_series
from home.impact.selection import Selection
from home.impact.series import count_series
from tests.bulk import bulk_pages
from tests.events.bulk import bulk_create_events
from tests.events.tracker_helpers import bulk_actions
from tests.factories import PartnerOrganisationFactory
from tests.impact.conftest import months_ago
from tests.queries import count_queries, warm_count
from tests.stories.factories import StoryIndexPageFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/en/impact/",
    "/en/impact/?country=FR&period=12",
    "/en/impact/?period=all",
    "/en/impact/pledges.csv",
    "/en/impact/actions.csv?period=all",
]
COUNTRIES = ["FR", "DE", "IT", "GR", "PL", "ES", "RO", "UA", "AT", "BE", "NL", "PT"]


def add_items(site, stories, count, start):
    """``count`` more signatures, stories, events held and tracked actions."""
    PledgeSignature.objects.bulk_create(
        [
            PledgeSignature(
                campaign=site["campaign"],
                name=f"Bulk {start + number}",
                country=COUNTRIES[number % len(COUNTRIES)],
                kind="organisation" if number % 3 == 0 else "individual",
                status="approved" if number % 4 else "pending",
                idempotency_key=uuid.uuid4(),
            )
            for number in range(count)
        ]
    )
    PledgeSignature.objects.filter(name__startswith="Bulk").update(created_at=months_ago(2))
    bulk_pages(
        stories,
        StoryPage,
        count,
        lambda number: {
            "title": f"Bulk story {number}",
            "slug": f"bulk-story-{number}",
            "body": "<p>Told with consent.</p>",
            "country": COUNTRIES[number % len(COUNTRIES)],
        },
        now=timezone.now() - datetime.timedelta(days=40),
    )
    organisation = PartnerOrganisationFactory()
    bulk_create_events(site["events"], count, organisation, past_every=2)
    bulk_actions(site["tracker"], count, organisation, start=start)


@pytest.mark.parametrize("url", URLS)
def test_same_queries_with_5_and_500_items(client, impact_site, url):
    stories = StoryIndexPageFactory(parent=impact_site["page"].get_parent(), slug="more-stories")
    add_items(impact_site, stories, 5, 0)
    few_warm = warm_count(client, url)
    cache.clear()
    few_cold = count_queries(client, url)
    add_items(impact_site, stories, 495, 5)
    assert warm_count(client, url) == few_warm
    cache.clear()
    assert count_queries(client, url) == few_cold


def test_each_series_is_one_query(impact_site):
    selection = Selection.from_query({})
    series = registered_series()
    count_series(series[0], selection)  # the private sections, read once into the cache
    for entry in series:
        with CaptureQueriesContext(connection) as queries:
            figures = count_series(entry, selection)
        assert len(queries) == 1, entry.key
        assert figures.total() > 0, entry.key
