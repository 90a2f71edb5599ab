"""The read API's listings keep a fixed number of queries: the same with 5 items of each
content type as with 500 (built in bulk, tests.bulk_site), and at most their budget. A
change that adds a query must raise the pin here, in review."""

import pytest
from django.test import Client

from tests.bulk_site import HOST
from tests.queries import warm_count

pytestmark = pytest.mark.django_db

MORE = 495
BUDGETS = {
    # count, page, organisations, partners, topics, audiences, renditions
    "/api/v2/campaigns/": 6,
    # + the locale
    "/api/v2/campaigns/?topic=stigma&country=FR&organisation=bench-partner-1&locale=en": 7,
    # count, page, topics, audiences, renditions
    "/api/v2/resources/": 5,
    "/api/v2/resources/?topic=anxiety": 5,
    # count, page, topics, renditions
    "/api/v2/stories/": 4,
    "/api/v2/stories/?topic=stigma&country=FR": 4,
    # count, page, sessions, topics, audiences
    "/api/v2/events/": 5,
    "/api/v2/events/?organisation=bench-partner-0&locale=en": 6,
    "/api/v2/events/?when=upcoming": 5,
    "/api/v2/events/?when=past&topic=stigma": 5,
    # count, page, logo renditions
    "/api/v2/partners/": 3,
    # count, page
    "/api/v2/pages/": 2,
    "/api/v2/": 0,
}


def test_listings_keep_their_query_count_from_5_to_500_items(bulk_site):
    client = Client(HTTP_HOST=HOST)
    few = {url: warm_count(client, url) for url in BUDGETS}
    bulk_site.add(MORE)
    many = {url: warm_count(client, url) for url in BUDGETS}
    assert many == few
    assert few == BUDGETS
    for url in BUDGETS:
        if url != "/api/v2/":
            assert client.get(url).json()["meta"]["total_count"] > 0, url


# An item's own answer, with its body: the same queries however much content there is.
DETAIL_BUDGETS = {
    # as a listing's item (page, organisations, partners, topics, audiences, renditions), with
    # its parent (meta.parent); the body and the pledge count need none of their own
    "campaign": 7,
    # page, sessions, topics, audiences, renditions, parent; the description none
    "event": 6,
}


def test_an_items_own_answer_keeps_its_query_count_from_5_to_500_items(bulk_site):
    client = Client(HTTP_HOST=HOST)
    urls = {
        "campaign": f"/api/v2/campaigns/{bulk_site.campaign.pk}/",
        "event": f"/api/v2/events/{bulk_site.event.pk}/",
    }
    few = {name: warm_count(client, url) for name, url in urls.items()}
    bulk_site.add(MORE)
    many = {name: warm_count(client, url) for name, url in urls.items()}
    assert many == few
    assert few == DETAIL_BUDGETS
    assert client.get(urls["campaign"]).json()["body"][0]["type"] == "paragraph"
