"""The read API at /api/v2/: each endpoint lists live, public pages with their public
fields, filters by locale, topic, country and organisation, answers as a public page that
other sites may read, and refuses what it does not offer."""

import pytest
from wagtail.models import PageViewRestriction

from home.api.cors import shared_path
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PledgeSignatureFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import PartnerOrganisationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(locales):
    return {
        "fr": PartnerOrganisationFactory(name="Psycom", slug="psycom", country="FR"),
        "de": PartnerOrganisationFactory(name="Irrsinnig", slug="irrsinnig", country="DE"),
    }


@pytest.fixture
def topics(locales):
    return {
        "anxiety": TopicFactory(name="Anxiety", slug="anxiety"),
        "stigma": TopicFactory(name="Stigma", slug="stigma"),
    }


@pytest.fixture
def campaigns(home_page, organisations, topics):
    index = CampaignIndexPageFactory(parent=home_page)
    french = CampaignPageFactory(
        parent=index,
        title="Parlons-en",
        slug="parlons-en",
        organisation=organisations["fr"],
        pledge_statement="I pledge to talk openly.",
    )
    french.topics.set([topics["anxiety"]])
    french.save_revision().publish()
    german = CampaignPageFactory(
        parent=index, title="Reden hilft", slug="reden-hilft", organisation=organisations["de"]
    )
    german.topics.set([topics["stigma"]])
    german.save_revision().publish()
    return {"fr": french, "de": german, "index": index}


def items(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def titles(client, url):
    return sorted(item["title"] for item in items(client, url)["items"])


def test_the_index_lists_every_endpoint_and_its_filters(client):
    data = items(client, "/api/v2/")
    assert set(data["endpoints"]) >= {
        "pages",
        "campaigns",
        "resources",
        "stories",
        "events",
        "partners",
    }
    assert set(data["endpoints"]["campaigns"]["filters"]) == {"topic", "country", "organisation"}


def test_campaigns_carry_their_pledge_count(client, campaigns):
    PledgeSignatureFactory.create_batch(3, campaign=campaigns["fr"])
    PledgeSignatureFactory(campaign=campaigns["fr"], status="pending")
    PledgeSignatureFactory(campaign=campaigns["fr"], status="rejected")
    data = items(client, "/api/v2/campaigns/")
    counts = {item["title"]: item["pledge_count"] for item in data["items"]}
    assert counts == {"Parlons-en": 3, "Reden hilft": 0}
    detail = items(client, f"/api/v2/campaigns/{campaigns['fr'].pk}/")
    assert detail["pledge_count"] == 3
    assert detail["pledge_statement"] == "I pledge to talk openly."
    assert detail["organisation"] == {
        "name": "Psycom",
        "slug": "psycom",
        "country": "FR",
        "website": "https://partner.example.org",
    }
    assert detail["topics"] == ["anxiety"]
    assert detail["meta"]["html_url"].endswith("/en/campaigns/parlons-en/")
    assert detail["meta"]["locale"] == "en"


def test_signers_never_appear(client, campaigns):
    PledgeSignatureFactory(
        campaign=campaigns["fr"], name="Named Signer", email="signer@example.invalid"
    )
    for url in ("/api/v2/campaigns/", f"/api/v2/campaigns/{campaigns['fr'].pk}/"):
        text = client.get(url).content.decode()
        assert "Named Signer" not in text
        assert "signer@example.invalid" not in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=anxiety", ["Parlons-en"]),
        ("topic=anxiety,stigma", ["Parlons-en", "Reden hilft"]),
        ("country=de", ["Reden hilft"]),
        ("country=FR,DE", ["Parlons-en", "Reden hilft"]),
        ("organisation=psycom", ["Parlons-en"]),
        ("organisation=nobody", []),
        ("locale=en", ["Parlons-en", "Reden hilft"]),
        ("topic=stigma&country=FR", []),
    ],
)
def test_campaign_filters(client, campaigns, query, expected):
    assert titles(client, f"/api/v2/campaigns/?{query}") == expected


def test_a_partner_campaign_is_found_by_its_partners_organisation_and_country(
    client, campaigns, organisations
):
    campaigns["fr"].partners.set([organisations["de"]])
    campaigns["fr"].save_revision().publish()
    assert titles(client, "/api/v2/campaigns/?organisation=irrsinnig") == [
        "Parlons-en",
        "Reden hilft",
    ]
    assert titles(client, "/api/v2/campaigns/?country=DE") == ["Parlons-en", "Reden hilft"]


def test_locale_filter_lists_translations_only(client, campaigns, locales, translated_home):
    french = campaigns["index"].copy_for_translation(locales["fr"])
    french.save_revision().publish()
    translation = campaigns["fr"].copy_for_translation(locales["fr"])
    translation.title = "Parlons-en (fr)"
    translation.save_revision().publish()
    assert titles(client, "/api/v2/campaigns/?locale=fr") == ["Parlons-en (fr)"]
    assert len(titles(client, "/api/v2/campaigns/")) == 3


def test_drafts_and_private_sections_are_left_out(client, campaigns):
    campaigns["de"].unpublish()
    assert titles(client, "/api/v2/campaigns/") == ["Parlons-en"]
    assert client.get(f"/api/v2/campaigns/{campaigns['de'].pk}/").status_code == 404
    PageViewRestriction.objects.create(
        page=campaigns["index"], restriction_type=PageViewRestriction.LOGIN
    )
    assert titles(client, "/api/v2/campaigns/") == []
    assert client.get(f"/api/v2/campaigns/{campaigns['fr'].pk}/").status_code == 404
    assert "Parlons-en" not in client.get("/api/v2/pages/").content.decode()


def test_unknown_parameters_are_refused(client, campaigns):
    for query in ("colour=red", "search=talk", "type=wagtailcore.Page", "child_of=2"):
        response = client.get(f"/api/v2/campaigns/?{query}")
        assert response.status_code == 400, query
        assert "message" in response.json()


def test_resources_filter_by_organisation_country_and_topic(
    client, home_page, organisations, topics
):
    index = ResourceIndexPageFactory(parent=home_page)
    guide = ResourcePageFactory(parent=index, title="Guide", organisation=organisations["fr"])
    guide.topics.set([topics["anxiety"]])
    guide.save_revision().publish()
    ResourcePageFactory(parent=index, title="Leitfaden", organisation=organisations["de"])
    assert titles(client, "/api/v2/resources/?country=FR") == ["Guide"]
    assert titles(client, "/api/v2/resources/?topic=anxiety") == ["Guide"]
    assert titles(client, "/api/v2/resources/?organisation=irrsinnig") == ["Leitfaden"]


def test_events_come_with_their_sessions(client, home_page, organisations, topics):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, title="Walk and talk", organisation=organisations["fr"])
    EventPageFactory(parent=index, title="Webinar", country="DE", organisation=organisations["de"])
    data = items(client, "/api/v2/events/?country=GR&organisation=psycom")
    assert [item["title"] for item in data["items"]] == ["Walk and talk"]
    sessions = data["items"][0]["sessions"]
    assert len(sessions) == 1
    assert sessions[0]["start"].endswith("+02:00") or sessions[0]["start"].endswith("+03:00")
    detail = items(client, f"/api/v2/events/{event.pk}/")
    assert detail["city"] == "Athens"
    assert detail["organisation"]["slug"] == "psycom"
    assert "registration_email" not in detail


def test_partners_are_listed_with_their_organisation(client, home_page, organisations):
    data = items(client, "/api/v2/partners/?country=DE")
    assert [item["organisation"]["name"] for item in data["items"]] == ["Irrsinnig"]


def test_answers_are_public_and_readable_from_other_sites(client, campaigns):
    response = client.get("/api/v2/campaigns/", HTTP_ORIGIN="https://partner.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert "Access-Control-Allow-Credentials" not in response
    head = client.head("/api/v2/campaigns/")
    assert head.status_code == 200
    assert head["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_is_answered_for_the_api(client):
    response = client.options(
        "/api/v2/events/",
        HTTP_ORIGIN="https://partner.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_other_addresses_send_no_cross_origin_header(client, campaigns):
    response = client.get("/en/campaigns/", HTTP_ORIGIN="https://partner.example.org")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    posted = client.post("/api/v2/campaigns/", HTTP_ORIGIN="https://partner.example.org")
    assert posted.status_code == 405
    assert "Access-Control-Allow-Origin" not in posted


def test_the_page_cache_keeps_answers_until_a_publish(client, settings, campaigns):
    settings.OPENLY_PAGE_CACHE = True
    first = client.get("/api/v2/campaigns/")
    assert first["X-Cache"] == "MISS"
    again = client.get("/api/v2/campaigns/")
    assert again["X-Cache"] == "HIT"
    assert again["Access-Control-Allow-Origin"] == "*"
    assert again.content == first.content
    campaigns["de"].title = "Reden hilft immer"
    campaigns["de"].save_revision().publish()
    fresh = client.get("/api/v2/campaigns/")
    assert fresh["X-Cache"] == "MISS"
    assert "Reden hilft immer" in fresh.content.decode()


def test_a_signed_in_reader_gets_a_private_answer(client, campaigns, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    response = client.get("/api/v2/campaigns/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url",
    ["/en/events/feed.ics", "/en/events/feed.rss", "/en/events/feed.atom", "/en/resources/feed/"],
)
def test_feeds_are_readable_from_other_sites(client, home_page, url):
    EventIndexPageFactory(parent=home_page)
    ResourceIndexPageFactory(parent=home_page)
    response = client.get(url, HTTP_ORIGIN="https://partner.example.org")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_event_calendar_file_is_readable_from_other_sites(client, home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), slug="walk")
    response = client.get("/en/events/walk/event.ics", HTTP_ORIGIN="https://partner.example.org")
    assert response.status_code == 200, event
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("path", "shared"),
    [
        ("/api/v2/", True),
        ("/api/v2/stories/3/", True),
        ("/en/events/feed.ics", True),
        ("/ar/events/walk/event.ics", True),
        ("/fr/stories/feed/", True),
        ("/en/resources/feed/atom/", True),
        ("/en/stories/share/", False),
        ("/en/stories/status/abc/", False),
        ("/admin/", False),
        ("/en/campaigns/feedback/", False),
        ("/api/v1/", False),
    ],
)
def test_which_addresses_other_sites_may_read(path, shared):
    assert shared_path(path) is shared


def test_no_password_is_tried(client, campaigns, django_user_model):
    django_user_model.objects.create_user("editor", password="right-password")
    response = client.get(
        "/api/v2/campaigns/", HTTP_AUTHORIZATION="Basic ZWRpdG9yOndyb25nLXBhc3N3b3Jk"
    )
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
