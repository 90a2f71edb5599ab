"""The query budget of every public page type: at most its budget with 5 items of each
content type (campaigns, resources, stories, events), and the same number with 40.

Counted on a render without any page cache, the site chrome and the listings' cached
counts warm (``tests.queries.warm_count``). The site is built in bulk once for the module
(``tests.bulk_site``); each test adds its 35 more items inside its own transaction. The
benchmark (``make bench``) measures the same pages with 50, 500 and 5,000 items.
"""

import pytest
from django.test import Client

from tests.bulk_site import HOST, World
from tests.queries import warm_count
from tests.sharing import shared_fixture

pytestmark = pytest.mark.django_db

MORE = 35
NOT_FOUND = {"404 page", "not translated (fr)"}
BUDGETS = {
    "home": 15,
    "get-help page": 15,
    "standard page": 15,
    "campaign index": 15,
    "campaign index, page 3": 15,
    "campaign index, 2 filters": 15,
    "campaign page (pledge)": 15,
    "resource index": 15,
    "resource index, page 3": 15,
    "resource index, 3 filters": 15,
    "resource page": 15,
    "story index": 15,
    "story index, topic": 15,
    "story page": 15,
    "share-your-story form": 15,
    "event index": 15,
    "event index, page 3": 15,
    "event index, 3 filters": 15,
    "past events": 15,
    "event page": 15,
    "partner index": 15,
    "partner page": 15,
    "search results": 15,
    "events feed.ics": 15,
    "events feed.rss": 15,
    "events feed.atom": 15,
    "resources feed (RSS)": 15,
    "resources feed (Atom)": 15,
    "stories feed (RSS)": 15,
    "404 page": 15,
    "not translated (fr)": 15,
    "sitemap.xml (index)": 15,
    "section sitemap": 15,
}


@shared_fixture
def bulk_site(locales):
    """The bulk-built site with 5 items of each content type."""
    world = World()
    world.add(5)
    return world


@pytest.mark.parametrize("label", list(BUDGETS))
def test_query_budget(bulk_site, label):
    urls = dict(bulk_site.urls(), **{"section sitemap": "/sitemap-campaigns-en.xml"})
    status = 404 if label in NOT_FOUND else 200
    client = Client(HTTP_HOST=HOST)
    few = warm_count(client, urls[label], status)
    assert few <= BUDGETS[label]
    bulk_site.add(MORE)
    assert warm_count(client, urls[label], status) == few
