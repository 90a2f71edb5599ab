"""A contributor's personal data never enters the page cache: the thank-you page and the
status link are private, the share form's public page is the same empty form for everyone,
and what the published story shows holds no contact details."""

import pytest
from django.core.cache import cache
from django.test import Client

from campaigns.stories.models import StoryPage
from tests.sitemaps import section_urls
from tests.stories.conftest import (
    CONTRIBUTOR_EMAIL,
    form_data,
    old_form_state,
    open_link,
    publish_story,
)

pytestmark = pytest.mark.django_db

HIDDEN_NAME = "Jolanta Hiddenname"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.OPENLY_PAGE_CACHE = True


def test_no_cached_entry_holds_the_contributors_email_or_name(
    client, roles, django_capture_on_commit_callbacks
):
    state, token = old_form_state()
    data = form_data(form_state=state, name_choice="anonymous", display_name=HIDDEN_NAME)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/en/stories/share/", data).status_code == 303
    link = f"/en/stories/status/{token}/"
    for _visit in range(2):
        status_url = open_link(client, link)  # a private redirect, never cached
    for url in ("/en/stories/share/thanks/", status_url) * 2:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers.get("X-Cache") != "HIT", url
        assert "no-store" in response.headers["Cache-Control"], url
    # The empty form, after a submission from the same browser, is the one everyone gets.
    share = client.get("/en/stories/share/")
    assert "public" in share.headers["Cache-Control"]
    assert HIDDEN_NAME.encode() not in share.content
    story = publish_story(StoryPage.objects.get())
    # Other readers fill the page cache; the contributor's browser, holding its private
    # session, bypasses it.
    reader = Client()
    public_urls = [
        "/en/",
        "/en/stories/",
        "/en/stories/feed/",
        "/en/stories/share/",
        story.url,
        "/sitemap.xml",
        *section_urls(reader),
    ]
    for url in public_urls * 2:
        assert reader.get(url).status_code == 200, url
    assert reader.get(story.url).headers["X-Cache"] == "HIT"
    assert client.get(story.url).headers.get("X-Cache") != "HIT"
    assert client.get(status_url).headers.get("X-Cache") != "HIT"

    pages = [key for key in cache._cache if "openly:page" in key]
    assert len(pages) >= len(public_urls)
    for key, value in cache._cache.items():
        assert CONTRIBUTOR_EMAIL.encode() not in value, key
        assert HIDDEN_NAME.encode() not in value, key
        assert token.encode() not in value, key
