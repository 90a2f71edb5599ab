"""Home-page sections: listings appear when an app provides them and are simply absent
when it does not."""

import pytest

from home import registry as home_registry
from home import sections
from home.registry import Registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_with_sections(home_page):
    home_page.sections = [
        ("listing", {"heading": "Upcoming events", "kind": "upcoming_events", "count": 2}),
        ("listing", {"heading": "Latest stories", "kind": "latest_stories", "count": 3}),
    ]
    home_page.save_revision().publish()
    return home_page


@pytest.fixture
def only_events_registered(monkeypatch):
    registry = Registry("home listings")
    monkeypatch.setattr(home_registry, "home_listings", registry)

    def loader(request, locale, count):
        return [f"Event {n} in {locale.language_code}" for n in range(1, count + 1)]

    sections.register_listing(
        "upcoming_events", "Upcoming events", "components/test_listing.html", loader
    )
    return registry


def test_unregistered_listing_kinds_are_absent(client, home_with_sections, only_events_registered):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Upcoming events" in html
    assert "Event 1 in en" in html and "Event 2 in en" in html
    assert "Event 3 in en" not in html
    assert "Latest stories" not in html


def test_home_renders_when_no_app_provides_listings(client, home_with_sections, monkeypatch):
    monkeypatch.setattr(home_registry, "home_listings", Registry("home listings"))
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Upcoming events" not in response.content.decode()
