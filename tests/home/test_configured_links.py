"""With OPENLY_SITE_URL set, every absolute link Openly writes carries that address: never
Wagtail's default ``http://localhost/`` nor the Host a proxy or client sent (the test
client's ``testserver``)."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.campaigns.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.sitemaps import sitemap_text
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

SITE = "https://mhw.example.org"
OUR_HOSTS = {"mhw.example.org", "localhost", "testserver", "127.0.0.1"}


@pytest.fixture
def configured(home_page):
    """A site with an event, a story and a resource, its address configured and written
    into the Site record as ``migrate`` does."""
    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=events, title="Library talk", slug="talk", online_url="")
    stories = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=stories, title="My words", slug="words")
    resources = ResourceIndexPageFactory(parent=home_page)
    ResourcePageFactory(parent=resources, title="Depression", slug="depression")
    with override_settings(OPENLY_SITE_URL=SITE):
        call_command("migrate", verbosity=0, interactive=False)
        yield


def absolute_links(text):
    return re.findall(r"https?://[^\s\"'<>\\]+", text)


def assert_only_site_links(text, where):
    assert "localhost" not in text, where
    assert "testserver" not in text, where
    # Links to the site, whatever host they name (partners' and schema.org's are not).
    ours = [url for url in absolute_links(text) if urlsplit(url).hostname in OUR_HOSTS]
    assert ours, f"{where}: no absolute link to the site"
    assert all(url.startswith(SITE + "/") for url in ours), (where, ours)


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/feed.rss",
        "/en/events/feed.atom",
        "/en/events/feed.ics",
        "/en/events/talk/event.ics",
        "/en/stories/feed/",
        "/en/resources/feed/",
        "/en/resources/feed/atom/",
        "/robots.txt",
    ],
)
def test_feeds_calendars_and_robots_carry_the_configured_address(client, configured, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert_only_site_links(response.content.decode(), path)


def test_the_sitemap_carries_the_configured_address(client, configured):
    assert_only_site_links(sitemap_text(client), "sitemap")


@pytest.mark.parametrize("path", ["/en/", "/en/events/talk/", "/en/stories/words/", "/de/"])
def test_pages_carry_the_configured_address(client, configured, path):
    html = client.get(path).content.decode()
    head = html[: html.index("</head>")]
    assert_only_site_links(head, path)


def test_event_data_carries_the_configured_address(client, configured):
    html = client.get("/en/events/talk/").content.decode()
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert f'"url": "{SITE}/en/events/talk/"' in data
    assert_only_site_links(data, "event JSON-LD")
