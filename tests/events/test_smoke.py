import pytest

from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def test_listing_and_page_render(client, event_index):
    event = EventPageFactory(parent=event_index, title="Walk and talk")
    response = client.get("/en/events/")
    assert response.status_code == 200, response.content[:3000]
    assert "Walk and talk" in response.content.decode()
    response = client.get(event.url)
    assert response.status_code == 200
    response = client.get(event.url + "event.ics")
    assert response.status_code == 200
    for url in (
        "/en/events/feed.ics",
        "/en/events/feed.rss",
        "/en/events/feed.atom",
        "/en/events/past/",
    ):
        assert client.get(url).status_code == 200
