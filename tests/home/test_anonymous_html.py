"""Every public page is the same for every anonymous reader and sets no cookie, so browsers,
the page cache and Varnish may share it: the crisis banner's country, the forms' tokens and
the thank-you notices are kept out of the shared HTML (issue 11, point 1)."""

import re
import secrets

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PledgeSignatureFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import (
    CrisisHelplineFactory,
    GetHelpPageFactory,
    PartnerOrganisationFactory,
    StandardPageFactory,
    TopicFactory,
)
from tests.home.test_cache_policy import assert_private, assert_public
from tests.sharing import shared_fixture
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

# What different anonymous readers send: nothing, the old country cookie, a CSRF cookie
# from an earlier form, an analytics cookie.
READERS = {
    "nothing": {},
    "country": {"openly_country": "FR"},
    "csrf": {"csrftoken": secrets.token_hex(16)},
    "analytics": {"_ga": "GA1.2.1234567890.1700000000", "_pk_id.1.1fff": "abc.1700000000."},
}


@shared_fixture
def public_site(translated_home, locales):
    """One page of every public type, in English (and home and get-help in fr, uk, ar),
    with helplines in three countries, a pledge open for signatures and a published story."""
    home = translated_home["en"]
    get_help = GetHelpPageFactory(parent=home, title="Get help now", slug="get-help")
    for code in ("fr", "uk", "ar"):
        get_help.copy_for_translation(locales[code]).save_revision().publish()
    CrisisHelplineFactory(name="Ligne 3114", country="FR", phone="3114")
    CrisisHelplineFactory(name="Lifeline Ukraine", country="UA", phone="7333")
    CrisisHelplineFactory(name="Samaritans", country="GB", phone="116 123")
    stigma = TopicFactory(name="Stigma", slug="stigma")
    StandardPageFactory(parent=home, title="About", slug="about")
    organisation = PartnerOrganisationFactory(name="Open Minds", slug="open-minds")
    campaigns = CampaignIndexPageFactory(parent=home)
    campaign = CampaignPageFactory(
        parent=campaigns,
        slug="talk",
        organisation=organisation,
        pledge_statement="I pledge to talk openly about mental health.",
    )
    campaign.topics.add(stigma)
    campaign.save_revision().publish()
    PledgeSignatureFactory(campaign=campaign, name="Ana", country="PT")
    resources = ResourceIndexPageFactory(parent=home)
    resource = ResourcePageFactory(
        parent=resources, title="Talking about stigma", slug="stigma-guide", format="guide"
    )
    resource.topics.add(stigma)
    resource.save_revision().publish()
    stories = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(parent=stories, slug="after-the-hospital", content_notes=["self-harm"])
    events = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=events, slug="conversation", organisation=organisation)
    # Published as an editor would: the feeds date themselves by their newest item.
    event.save_revision().publish()
    return {
        "campaign": campaign.url,
        "resource": resource.url,
        "story": story.url,
        "event": event.url,
        "partner": f"/en/partners/{organisation.slug}/",
    }


def public_urls(site):
    return [
        "/en/",
        "/fr/",
        "/uk/",
        "/ar/",
        "/en/get-help/",
        "/en/get-help/?country=UA",
        "/fr/get-help/?country=FR",
        "/en/about/",
        "/en/campaigns/",
        "/en/campaigns/?topic=stigma",
        site["campaign"],
        "/en/resources/",
        "/en/resources/?topic=stigma&format=guide",
        site["resource"],
        "/en/resources/feed/",
        "/en/resources/feed/atom/",
        "/en/stories/",
        site["story"],
        "/en/stories/share/",
        "/en/stories/feed/",
        "/en/events/",
        site["event"],
        site["event"] + "event.ics",
        "/en/events/feed.ics",
        "/en/events/feed.rss",
        "/en/events/feed.atom",
        "/en/partners/",
        site["partner"],
        "/en/search/?q=stigma",
        "/sitemap.xml",
        "/robots.txt",
    ]


def reader(cookies):
    client = Client()
    for name, value in cookies.items():
        client.cookies[name] = value
    return client


def test_every_public_page_is_the_same_for_every_anonymous_reader(public_site):
    """Byte for byte, under a stopped clock: calendars stamp themselves with the time they
    are made, which is the same for everyone at one moment."""
    with time_machine.travel(timezone.now(), tick=False):
        compare_readers(public_urls(public_site))


def compare_readers(urls):
    sitemap = reader({}).get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>https?://[^/]+(/[^<]+)</loc>", sitemap)
    assert sections, sitemap
    different = []
    for url in urls + sections:
        bodies = {}
        for name, cookies in READERS.items():
            response = reader(cookies).get(url)
            assert response.status_code == 200, (url, name, response.status_code)
            assert_public(response)
            assert not response.cookies, (url, name, response.cookies)
            bodies[name] = response.content
        if len(set(bodies.values())) != 1:
            different.append(url)
    assert not different, f"pages that differ between readers: {different}"


def test_the_banner_carries_every_country_and_shows_the_languages_own(public_site):
    """The language's own country's helplines are shown (none for English); the other
    countries' wait in templates for the reader's choice, whatever cookie they send."""
    french = reader({"openly_country": "UA"}).get("/fr/").content.decode()
    banner = french[french.index('class="crisis-banner"') : french.index("</header>")]
    shown, _, waiting = banner.partition("<template")
    assert "Ligne 3114" in shown and "Lifeline Ukraine" not in shown
    assert '<template data-country="UA">' in banner and "Lifeline Ukraine" in waiting
    assert '<template data-country="GB">' in banner
    assert '<template data-country="FR">' not in banner
    english = reader({}).get("/en/").content.decode()
    banner = english[english.index('class="crisis-banner"') : english.index("</header>")]
    shown = banner.partition("<template")[0]
    assert 'href="tel:112"' in shown and "/en/get-help/" in shown
    assert "Ligne 3114" not in shown and "Samaritans" not in shown
    for code in ("FR", "GB", "UA"):
        assert f'<template data-country="{code}">' in banner


def test_forms_on_public_pages_carry_no_token(public_site):
    for url in (public_site["campaign"], "/en/stories/share/"):
        html = reader({}).get(url).content.decode()
        assert '<input type="hidden" name="csrfmiddlewaretoken" value="">' in html
        assert "data-form-tokens=" in html
        for hidden in re.findall(r'<input type="hidden" name="(?:token|form_state)"[^>]*>', html):
            assert "value=" not in hidden, hidden


@pytest.mark.parametrize(
    "url",
    [
        "/en/campaigns/talk/?pledged=1",
        "/en/stories/share/thanks/",
        "/en/stories/status/not-a-real-token/",
    ],
)
def test_thank_you_and_status_pages_are_private(public_site, url):
    response = reader({}).get(url)
    assert response.status_code in (200, 404)
    assert_private(response)


def test_the_token_endpoint_is_private_and_sets_the_csrf_cookie(public_site):
    client = Client()
    response = client.get("/forms/token/?form=pledge")
    assert response.status_code == 200
    assert_private(response)
    values = response.json()
    assert set(values) == {"csrfmiddlewaretoken", "token"}
    assert "csrftoken" in response.cookies
    story = client.get("/forms/token/?form=story-share").json()
    assert set(story) == {"csrfmiddlewaretoken", "form_state"}
    # Each reader gets their own one-time values.
    assert client.get("/forms/token/?form=pledge").json()["token"] != values["token"]


@pytest.mark.parametrize("query", ["", "?form=nothing", "?form=" + "x" * 5000])
def test_the_token_endpoint_refuses_unknown_forms(public_site, query):
    response = Client().get(f"/forms/token/{query}")
    assert response.status_code == 400
    assert_private(response)
    assert not response.cookies


def test_the_token_endpoint_answers_only_gets(public_site):
    response = Client().post("/forms/token/?form=pledge")
    assert response.status_code in (403, 405)
    assert "csrfmiddlewaretoken" not in response.content.decode()
