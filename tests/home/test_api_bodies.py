"""The read API's bodies and the events' time filter: a campaign's body and an event's
description (with each session's programme) on their own answers as public JSON (rich text
as the HTML the site shows), never in listings and never with contributor or registrant
data; ``?when=upcoming|past`` on events, and a clear 400 for any other value."""

import datetime

import pytest
from django.utils import timezone

from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PledgeSignatureFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory, athens
from tests.stories.factories import (
    ContributorRecordFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db

SIGNER_EMAIL = "signer.person@example.invalid"
CONTRIBUTOR_EMAIL = "contributor.person@example.invalid"
REGISTRATION_EMAIL = "bookings.private@example.invalid"


@pytest.fixture
def campaign(home_page):
    stories = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(parent=stories, title="Finding my voice", display_name="Mira")
    ContributorRecordFactory(page=story, email=CONTRIBUTOR_EMAIL)
    index = CampaignIndexPageFactory(parent=home_page)
    page = CampaignPageFactory(
        parent=index,
        title="Time to talk",
        slug="time-to-talk",
        pledge_statement="I pledge to talk.",
        body=[
            ("heading", {"text": "Why it matters", "level": "h2"}),
            (
                "paragraph",
                f'<p>Read <a linktype="page" id="{story.pk}">a story</a> and talk.</p>',
            ),
        ],
    )
    page.save_revision().publish()
    PledgeSignatureFactory(campaign=page, name="Named Signer", email=SIGNER_EMAIL)
    return page


@pytest.fixture
def events(home_page):
    index = EventIndexPageFactory(parent=home_page)
    upcoming = EventPageFactory(
        parent=index,
        title="Walk and talk",
        description=[("paragraph", "<p>We walk by the sea and talk.</p>")],
        registration_email=REGISTRATION_EMAIL,
    )
    session = upcoming.sessions.get()
    session.programme = [
        (
            "item",
            {"time": datetime.time(18, 0), "title": "Welcome", "description": "", "led_by": "Ana"},
        )
    ]
    session.save()
    soon = timezone.now() + datetime.timedelta(days=3)
    EventPageFactory(
        parent=index, title="Later walk", sessions=[(soon, soon + datetime.timedelta(hours=1))]
    )
    past = EventPageFactory(
        parent=index,
        title="Last year's walk",
        sessions=[(athens(2020, 5, 1, 18), athens(2020, 5, 1, 20))],
    )
    return {"upcoming": upcoming, "past": past}


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def test_a_campaigns_body_is_on_its_own_answer_only(client, campaign):
    detail = get(client, f"/api/v2/campaigns/{campaign.pk}/")
    blocks = detail["body"]
    assert [block["type"] for block in blocks] == ["heading", "paragraph"]
    assert blocks[0]["value"]["text"] == "Why it matters"
    # Rich text as the site shows it: a link to a page is its public address.
    assert 'href="/en/stories/' in blocks[1]["value"]
    assert "linktype" not in blocks[1]["value"]
    listing = get(client, "/api/v2/campaigns/")
    assert "body" not in listing["items"][0]


def test_the_database_format_may_be_asked_for(client, campaign):
    detail = get(client, f"/api/v2/campaigns/{campaign.pk}/?rich_text_format=db_html")
    assert 'linktype="page"' in detail["body"][1]["value"]


def test_bodies_carry_no_contributor_signer_or_registrant_data(client, campaign, events):
    answers = [
        client.get(f"/api/v2/campaigns/{campaign.pk}/").content.decode(),
        client.get(f"/api/v2/events/{events['upcoming'].pk}/").content.decode(),
        client.get("/api/v2/campaigns/").content.decode(),
        client.get("/api/v2/events/").content.decode(),
    ]
    for text in answers:
        for secret in (SIGNER_EMAIL, CONTRIBUTOR_EMAIL, REGISTRATION_EMAIL, "Named Signer"):
            assert secret not in text


def test_an_events_description_and_programme_are_on_its_own_answer(client, events):
    detail = get(client, f"/api/v2/events/{events['upcoming'].pk}/")
    assert detail["description"][0]["type"] == "paragraph"
    assert "We walk by the sea" in detail["description"][0]["value"]
    programme = detail["sessions"][0]["programme"]
    assert programme[0]["value"]["title"] == "Welcome"
    listing = get(client, "/api/v2/events/")
    assert "description" not in listing["items"][0]
    assert "programme" not in listing["items"][0]["sessions"][0]


def test_events_filter_by_when(client, events):
    upcoming = get(client, "/api/v2/events/?when=upcoming")
    assert [item["title"] for item in upcoming["items"]] == ["Walk and talk", "Later walk"]
    past = get(client, "/api/v2/events/?when=past")
    assert [item["title"] for item in past["items"]] == ["Last year's walk"]
    assert get(client, "/api/v2/events/?when=PAST")["meta"]["total_count"] == 1
    assert "when" in get(client, "/api/v2/")["endpoints"]["events"]["filters"]


@pytest.mark.parametrize("value", ["soon", "", "upcoming,past", "1"])
def test_another_when_is_a_clear_400(client, events, value):
    data = get(client, f"/api/v2/events/?when={value}", status=400)
    assert data == {"message": "when: give upcoming or past"}
