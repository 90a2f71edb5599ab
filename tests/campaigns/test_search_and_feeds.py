"""Site search across page types, the home-page listings and the resource feeds."""

import pytest
from django.utils import translation

from home.sections import get_listing
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db


def test_site_search_finds_campaigns_and_resources_with_type_labels(
    client, campaign_index, resource_index
):
    CampaignPageFactory(parent=campaign_index, title="Workplace wellbeing campaign")
    ResourcePageFactory(parent=resource_index, title="Wellbeing at work: a guide")
    response = client.get("/en/search/?q=wellbeing")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Workplace wellbeing campaign" in html
    assert "Wellbeing at work: a guide" in html
    assert '<span class="search-result__type">Campaign</span>' in html
    assert '<span class="search-result__type">Resource</span>' in html


def test_site_search_filters_by_kind(client, campaign_index, resource_index):
    CampaignPageFactory(parent=campaign_index, title="Wellbeing campaign")
    ResourcePageFactory(parent=resource_index, title="Wellbeing guide")
    response = client.get("/en/search/?q=wellbeing&type=resources")
    titles = [result.title for result in response.context["results"]]
    assert titles == ["Wellbeing guide"]


@pytest.mark.parametrize(
    "query",
    [
        "q=" + "a" * 10_000,
        "q=wellbeing&page=-1",
        "q=wellbeing&page=abc",
        "q=wellbeing&type=spaceships",
        "q=%00",
        "q=wellbeing&page=" + "9" * 50,
    ],
)
def test_site_search_survives_bad_input(client, campaign_index, query):
    CampaignPageFactory(parent=campaign_index, title="Wellbeing campaign")
    response = client.get(f"/en/search/?{query}", follow=True)
    assert response.status_code == 200


def test_site_search_is_in_the_readers_language(client, translated_home, locales):
    english_index = CampaignIndexPageFactory(parent=translated_home["en"])
    campaign = CampaignPageFactory(parent=english_index, title="Wellbeing week", slug="week")
    english_index.copy_for_translation(locales["fr"]).save_revision().publish()
    french = campaign.copy_for_translation(locales["fr"])
    french.title = "Semaine du bien-être wellbeing"
    french.save_revision().publish()
    response = client.get("/fr/search/?q=wellbeing")
    html = response.content.decode()
    assert "Semaine du bien-être" in html
    assert "Wellbeing week" not in html
    # The type label is the page type's name in the reader's language.
    with translation.override("fr"):
        expected = str(type(french)._meta.verbose_name).capitalize()
    assert f'<span class="search-result__type">{expected}</span>' in html


def test_rss_feed_lists_new_resources_in_that_language(client, translated_home, locales):
    index = ResourceIndexPageFactory(parent=translated_home["en"])
    ResourcePageFactory(parent=index, title="Understanding depression", slug="depression")
    index.copy_for_translation(locales["fr"]).save_revision().publish()
    response = client.get("/en/resources/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "<title>Understanding depression</title>" in body
    assert "<language>en</language>" in body
    assert "http://testserver/en/resources/depression/" in body
    french = client.get("/fr/resources/feed/").content.decode()
    assert "<language>fr</language>" in french
    assert "Understanding depression" not in french


def test_atom_feed(client, resource_index):
    ResourcePageFactory(parent=resource_index, title="Easy read: what is anxiety?")
    response = client.get("/en/resources/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Easy read: what is anxiety?" in response.content.decode()


def test_resource_index_links_its_feeds(client, resource_index):
    html = client.get("/en/resources/").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/en/resources/feed/"' in html


def test_home_listings_are_registered(rf, campaign_index, resource_index, locales):
    CampaignPageFactory(parent=campaign_index, title="Now", end_date=None)
    ResourcePageFactory(parent=resource_index, title="Newest resource")
    request = rf.get("/en/")
    campaigns = get_listing("featured_campaign")
    resources = get_listing("featured_resources")
    assert campaigns.template == "components/campaign_home_listing.html"
    assert [page.title for page in campaigns.loader(request, locales["en"], 3)] == ["Now"]
    items = resources.loader(request, locales["en"], 3)
    assert [page.title for page in items] == ["Newest resource"]


@pytest.mark.parametrize("url", ["/en/resources/feed/", "/en/resources/feed/atom/"])
def test_resource_feeds_answer_conditional_gets(client, resource_index, url):
    resource = ResourcePageFactory(parent=resource_index, title="Understanding depression")
    resource.save_revision().publish()
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    resource.title = "Understanding low mood"
    resource.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Understanding low mood" in changed.content.decode()
    for headers in (
        {"HTTP_IF_NONE_MATCH": '"unclosed, \x7f'},
        {"HTTP_IF_MODIFIED_SINCE": "not a date"},
    ):
        assert client.get(url, **headers).status_code == 200
