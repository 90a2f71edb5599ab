"""The pages partner sites may frame, /<lang>/embed/events/ and /<lang>/embed/pledge/<campaign>/:
in every language, framable (frame-ancestors opened) where nothing else is, filtered like
the events listing, with an embeddable 404, cached as public pages and retired on change."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from home.embeds.checks import check_frame_ancestors
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PledgeSignatureFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory, athens
from tests.factories import PartnerOrganisationFactory, TopicFactory
from tests.sharing import shared_fixture

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
CSP = "Content-Security-Policy"


@shared_fixture
def embed_site(home_page):
    """An events section with three upcoming events and one past, and three campaigns: with
    an open pledge (two approved signatures, one waiting), a closed one, none."""
    psycom = PartnerOrganisationFactory(name="Psycom", slug="psycom", country="FR")
    other = PartnerOrganisationFactory(name="Irrsinnig", slug="irrsinnig", country="DE")
    stigma = TopicFactory(name="Stigma", slug="stigma")
    events = EventIndexPageFactory(parent=home_page)
    walk = EventPageFactory(parent=events, title="Walk and talk", organisation=psycom)
    walk.topics.set([stigma])
    walk.save_revision().publish()
    soon = timezone.now() + datetime.timedelta(days=3)
    EventPageFactory(
        parent=events,
        title="Webinar on anxiety",
        format="online",
        online_url="https://meet.example.org/anxiety",
        city="",
        country="",
        organisation=other,
        sessions=[(soon, soon + datetime.timedelta(hours=1))],
    )
    EventPageFactory(parent=events, title="Café in Berlin", city="Berlin", country="DE")
    EventPageFactory(
        parent=events,
        title="Last year's walk",
        sessions=[(athens(2020, 5, 1, 18), athens(2020, 5, 1, 20))],
    )
    campaigns = CampaignIndexPageFactory(parent=home_page)
    pledge = CampaignPageFactory(
        parent=campaigns,
        title="Time to talk",
        slug="time-to-talk",
        pledge_statement="I pledge to talk.",
    )
    PledgeSignatureFactory.create_batch(2, campaign=pledge)
    PledgeSignatureFactory(campaign=pledge, status="pending", name="Waiting Signer")
    closed = CampaignPageFactory(
        parent=campaigns, slug="closed", pledge_statement="I pledged.", pledge_open=False
    )
    plain = CampaignPageFactory(parent=campaigns, title="Just a campaign", slug="plain")
    return {"pledge": pledge, "closed": closed, "plain": plain, "walk": walk}


def text(response):
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_embeds_answer_in_every_language_and_may_be_framed(client, embed_site, language):
    for url in (f"/{language}/embed/events/", f"/{language}/embed/pledge/time-to-talk/"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = text(response)
        direction = "rtl" if language == "ar" else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in body
        assert "X-Frame-Options" not in response
        assert "frame-ancestors *" in response[CSP]
        assert "'unsafe-inline'" not in response[CSP]
        assert response["Cache-Control"].startswith("public")
        # No site chrome, no script.
        assert "<script" not in body
        assert "quick-exit" not in body
        assert 'target="_blank" rel="noopener"' in body


@pytest.mark.parametrize("url", ["/en/", "/en/events/", "/en/campaigns/time-to-talk/", "/api/v2/"])
def test_every_other_page_still_refuses_to_be_framed(client, embed_site, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response[CSP]


def test_the_sites_that_may_frame_embeds_are_a_setting(client, embed_site, settings):
    settings.OPENLY_EMBED_FRAME_ANCESTORS = ["https://partner.example.org", "https://*.example.net"]
    response = client.get("/en/embed/events/")
    assert "frame-ancestors https://partner.example.org https://*.example.net" in response[CSP]
    assert client.get("/en/")["X-Frame-Options"] == "DENY"


def test_the_events_embed_lists_the_next_events_soonest_first(client, embed_site):
    body = text(client.get("/en/embed/events/"))
    assert body.index("Walk and talk") < body.index("Webinar on anxiety")
    assert "Last year" not in body
    # The event's own time zone, named.
    assert "Athens" in body
    assert 'href="/en/events/"' in body


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("topic=stigma", ["Walk and talk"], ["Webinar", "Café"]),
        ("country=DE", ["Café in Berlin", "Webinar"], ["Walk and talk"]),
        ("city=berlin", ["Café in Berlin"], ["Walk and talk", "Webinar"]),
        ("format=online", ["Webinar"], ["Walk and talk", "Café"]),
        ("organisation=psycom", ["Walk and talk"], ["Webinar", "Café"]),
        ("limit=1", ["Walk and talk"], ["Webinar", "Café"]),
    ],
)
def test_the_events_embed_takes_the_listings_filters(client, embed_site, query, shown, hidden):
    response = client.get(f"/en/embed/events/?{query}")
    assert response.status_code == 200
    body = text(response)
    for title in shown:
        assert title in body
    for title in hidden:
        assert title not in body
    if not query.startswith("limit"):
        assert f'href="/en/events/?{query}"' in body


@pytest.mark.parametrize(
    "query",
    ["limit=abc", "limit=-4", "limit=100000", "country=XX", "date_from=99999-1-1", "when=soon"],
)
def test_bad_filters_never_fail(client, embed_site, query):
    assert client.get(f"/en/embed/events/?{query}").status_code == 200


def test_no_matching_events_is_said(client, embed_site):
    body = text(client.get("/en/embed/events/?country=PT&format=in_person"))
    assert "No upcoming events match these filters." in body


def test_the_pledge_embed_shows_the_live_count_and_links_to_the_form(client, embed_site):
    body = text(client.get("/en/embed/pledge/time-to-talk/"))
    assert "I pledge to talk." in body
    assert "2 signatures so far" in body
    assert 'href="/en/campaigns/time-to-talk/#pledge"' in body
    assert "Sign the pledge" in body
    # Who signed is never shown, nor a signature still waiting.
    assert "Signer" not in body


def test_a_closed_pledge_and_a_campaign_without_one_say_so(client, embed_site):
    closed = text(client.get("/en/embed/pledge/closed/"))
    assert "This pledge is closed to new signatures." in closed
    assert "#pledge" not in closed
    plain = text(client.get("/en/embed/pledge/plain/"))
    assert "This campaign has no pledge to sign." in plain
    assert 'href="/en/campaigns/plain/"' in plain


@pytest.mark.parametrize(
    "url",
    ["/en/embed/pledge/no-such-campaign/", "/ar/embed/pledge/nope/", "/en/embed/nothing/here/"],
)
def test_unknown_addresses_are_an_embeddable_404(client, embed_site, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response[CSP]
    assert "<script" not in text(response)


def test_a_draft_campaign_is_not_found(client, embed_site):
    embed_site["plain"].unpublish()
    assert client.get("/en/embed/pledge/plain/").status_code == 404


def test_without_an_events_section_the_embed_is_a_404(client, home_page):
    assert client.get("/en/embed/events/").status_code == 404


def test_a_translated_campaign_is_shown_in_the_readers_language(client, embed_site, locales):
    french = embed_site["pledge"].copy_for_translation(locales["fr"], copy_parents=True)
    french.title = "Parlons-en"
    french.pledge_statement = "Je m'engage."
    french.save_revision().publish()
    body = text(client.get("/fr/embed/pledge/time-to-talk/"))
    assert "Parlons-en" in body
    assert "Je m&#x27;engage." in body
    # Translations share one pledge: the same count.
    assert "2 signatures" in body or "2 signature" in body


def test_embeds_are_cached_and_retired_when_a_pledge_is_approved(client, embed_site, settings):
    settings.OPENLY_PAGE_CACHE = True
    url = "/en/embed/pledge/time-to-talk/"
    assert client.get(url)["X-Cache"] == "MISS"
    again = client.get(url)
    assert again["X-Cache"] == "HIT"
    assert "frame-ancestors *" in again[CSP]
    assert "X-Frame-Options" not in again
    waiting = embed_site["pledge"].pledge_signatures.get(status="pending")
    waiting.status = "approved"
    waiting.save()
    fresh = client.get(url)
    assert fresh["X-Cache"] == "MISS"
    assert "3 signatures so far" in text(fresh)


def test_the_events_embed_is_retired_when_an_event_is_published_or_unpublished(
    client, embed_site, settings
):
    settings.OPENLY_PAGE_CACHE = True
    url = "/en/embed/events/"
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"
    walk = embed_site["walk"]
    walk.title = "Walk and talk, renamed"
    walk.save_revision().publish()
    fresh = client.get(url)
    assert fresh["X-Cache"] == "MISS"
    assert "Walk and talk, renamed" in text(fresh)
    walk.unpublish()
    assert "Walk and talk" not in text(client.get(url))


def test_partners_find_the_iframe_code_on_the_campaign_and_events_pages(client, embed_site):
    campaign = text(client.get("/en/campaigns/time-to-talk/"))
    assert "Show this pledge on your website" in campaign
    assert (
        "&lt;iframe src=&quot;http://testserver/en/embed/pledge/time-to-talk/&quot; "
        "title=&quot;Time to talk&quot;"
    ) in campaign
    events = text(client.get("/fr/events/?topic=stigma"))
    assert "&lt;iframe src=&quot;http://testserver/fr/embed/events/?topic=stigma&quot;" in events
    # Shown as code to copy, never as a frame of the site inside itself.
    assert "<iframe" not in campaign + events


@pytest.mark.parametrize(
    ("sources", "wrong"),
    [
        (["*"], []),
        (["https://partner.example.org", "https://*.example.net:8443", "'self'", "https:"], []),
        (
            ["https://a.example.org,https://b.example.org"],
            ["https://a.example.org,https://b.example.org"],
        ),
        (
            ["https://a.example.org;", "'unsafe-inline'"],
            ["https://a.example.org;", "'unsafe-inline'"],
        ),
    ],
)
def test_the_framing_setting_is_checked(settings, sources, wrong):
    settings.OPENLY_EMBED_FRAME_ANCESTORS = sources
    errors = check_frame_ancestors()
    assert [error.id for error in errors] == (["openly.embeds.E001"] if wrong else [])
    if wrong:
        assert str(wrong) in errors[0].msg
