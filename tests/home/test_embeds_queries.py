"""The embeds keep a fixed number of queries: the same with 5 items of each content type as
with 500 (built in bulk, tests.bulk_site), and at most their budget. A change that adds a
query must raise the pin here, in review."""

import pytest
from django.test import Client

from tests.bulk_site import HOST
from tests.queries import warm_count

pytestmark = pytest.mark.django_db

MORE = 495
BUDGETS = {
    # events section, events with their organisation and locale
    "/en/embed/events/": 2,
    "/en/embed/events/?topic=stigma&country=FR&format=in_person&limit=10": 2,
    # (the French reader gets the English section and events: no French ones)
    "/fr/embed/events/?organisation=bench-partner-0": 2,
    # campaign with its locale, count
    "/en/embed/pledge/campaign-1/": 2,
    # + its translation looked for
    "/fr/embed/pledge/campaign-1/": 3,
    # campaign, Wagtail's redirects (looked up on every 404)
    "/en/embed/pledge/no-such-campaign/": 2,
}


def test_embeds_keep_their_query_count_from_5_to_500_items(bulk_site):
    client = Client(HTTP_HOST=HOST)
    statuses = {url: 404 if "no-such" in url else 200 for url in BUDGETS}
    few = {url: warm_count(client, url, statuses[url]) for url in BUDGETS}
    bulk_site.add(MORE)
    many = {url: warm_count(client, url, statuses[url]) for url in BUDGETS}
    assert many == few
    assert few == BUDGETS
    assert "signatures so far" in client.get("/en/embed/pledge/campaign-1/").content.decode()
    assert (
        client.get("/en/embed/events/?limit=20").content.decode().count('<li class="embed-event')
        == 20
    )
