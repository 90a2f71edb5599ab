"""Calendar files and feeds, time zones under a frozen clock, JSON-LD, the home listing
and campaign outcomes."""

import datetime
import json
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from events.models import EventPage
from tests.events.factories import EventActionPointFactory, EventPageFactory, athens
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

ATHENS = ZoneInfo("Europe/Athens")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return calendar.walk("VEVENT")


@pytest.mark.parametrize("code", ["en", "uk"])
def test_athens_evening_on_the_day_the_clocks_change(
    client, event_index, translated_home, code, django_capture_on_commit_callbacks
):
    """Clocks go back in Athens at 04:00 on 25 October 2026: 18:00 that evening is EET
    (UTC+2), i.e. 16:00 UTC. Seen from the en and uk sites it reads 18:00, Athens time."""
    from home.demo.building import translate_page

    event = EventPageFactory(
        parent=event_index,
        title="Evening dialogue",
        slug="evening-dialogue",
        sessions=[(athens(2026, 10, 25, 18, 0), athens(2026, 10, 25, 20, 0))],
    )
    if code != "en":
        # One step at a time, as in autocommit mode: wagtail-localize publishes on commit.
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(event_index, code, {})
        with django_capture_on_commit_callbacks(execute=True):
            event = translate_page(event, code, {})
    expected = datetime.datetime(2026, 10, 25, 16, 0, tzinfo=datetime.UTC)
    with time_machine.travel(datetime.datetime(2026, 10, 24, 23, 30, tzinfo=ATHENS), tick=False):
        html = client.get(f"/{code}/events/evening-dialogue/").content.decode()
        assert "18:00" in html and "20:00" in html
        assert "EET" in html and "EEST" not in html
        assert 'datetime="2026-10-25T18:00:00+02:00"' in html
        listing = client.get(f"/{code}/events/").content.decode()
        assert 'datetime="2026-10-25T18:00:00+02:00"' in listing
        calendar = parse(client.get(f"/{code}/events/evening-dialogue/event.ics"))
    (vevent,) = vevents(calendar)
    assert vevent.decoded("dtstart") == expected
    # In UTC, with no time-zone definition for a calendar app to cache or misread.
    assert vevent["dtstart"].to_ical() == b"20261025T160000Z"
    assert "TZID" not in vevent["dtstart"].params
    assert calendar.walk("VTIMEZONE") == []
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["startDate"] == "2026-10-25T18:00:00+02:00"


def test_ics_has_one_vevent_per_session_with_stable_uids(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Three-day festival",
        sessions=[(athens(2030, 10, d, 10, 0), athens(2030, 10, d, 17, 0)) for d in (5, 6, 7)],
        latitude=Decimal("37.98"),
        longitude=Decimal("23.73"),
    )
    first = vevents(parse(client.get(f"{event.url}event.ics")))
    assert len(first) == 3
    assert all(v["location"].startswith("Town library, ") for v in first)
    assert all(str(v["url"]).endswith(event.url) for v in first)
    assert {str(v["status"]) for v in first} == {"CONFIRMED"}
    assert first[0]["geo"].latitude == pytest.approx(37.98)
    # Editing the event keeps the UIDs and raises the sequence.
    event = EventPage.objects.get(pk=event.pk)
    event.save_revision().publish()
    event.title = "Three-day festival (new programme)"
    event.save_revision().publish()
    second = vevents(parse(client.get(f"{event.url}event.ics")))
    assert [str(v["uid"]) for v in second] == [str(v["uid"]) for v in first]
    assert len({str(v["uid"]) for v in second}) == 3
    assert int(second[0]["sequence"]) > int(first[0]["sequence"])
    assert int(second[0]["sequence"]) == 2


def test_cancelled_event_is_cancelled_in_calendars(client, event_index):
    event = EventPageFactory(parent=event_index, status="cancelled")
    (vevent,) = vevents(parse(client.get(f"{event.url}event.ics")))
    assert str(vevent["status"]) == "CANCELLED"
    postponed = EventPageFactory(parent=event_index, status="postponed")
    (vevent,) = vevents(parse(client.get(f"{postponed.url}event.ics")))
    assert str(vevent["status"]) == "TENTATIVE"


def test_all_day_events_use_dates(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        all_day=True,
        sessions=[(athens(2030, 10, 5, 0, 0), athens(2030, 10, 7, 0, 0))],
    )
    (vevent,) = vevents(parse(client.get(f"{event.url}event.ics")))
    assert vevent.decoded("dtstart") == datetime.date(2030, 10, 5)
    assert vevent.decoded("dtend") == datetime.date(2030, 10, 7)
    html = client.get(event.url).content.decode()
    assert '<time datetime="2030-10-05">' in html and '<time datetime="2030-10-06">' in html
    assert "Athens time" not in html  # no clock times for whole days
    one_day = EventPageFactory(
        parent=event_index,
        all_day=True,
        sessions=[(athens(2030, 10, 9, 0, 0), athens(2030, 10, 10, 0, 0))],
    )
    html = client.get(one_day.url).content.decode()
    assert '<time datetime="2030-10-09">' in html and '<time datetime="2030-10-10">' not in html


def test_feed_honours_the_listing_filters(client, event_index):
    EventPageFactory(parent=event_index, title="Athens walk")
    EventPageFactory(
        parent=event_index,
        title="Paris talk",
        city="Paris",
        country="FR",
        time_zone="Europe/Paris",
    )
    EventPageFactory(
        parent=event_index,
        title="Webinar",
        format="online",
        online_url="https://meet.example.org/w",
        city="",
        country="",
        venue_name="",
    )
    summaries = {str(v["summary"]) for v in vevents(parse(client.get("/en/events/feed.ics")))}
    assert summaries == {"Athens walk", "Paris talk", "Webinar"}
    calendar = parse(client.get("/en/events/feed.ics?country=FR"))
    assert {str(v["summary"]) for v in vevents(calendar)} == {"Paris talk", "Webinar"}
    assert calendar.walk("VTIMEZONE") == []
    rss = client.get("/en/events/feed.rss?format=online")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert b"<title>Webinar</title>" in rss.content and b"Paris talk" not in rss.content
    atom = client.get("/en/events/feed.atom?country=FR")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert b"Paris talk" in atom.content and b"Athens walk" not in atom.content


def test_json_ld(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        format="hybrid",
        online_url="https://meet.example.org/h",
        status="postponed",
        is_free=False,
        price="€10",
        registration="url",
        registration_url="https://tickets.example.org/",
    )
    html = client.get(event.url).content.decode()
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    types = {location["@type"] for location in data["location"]}
    assert types == {"Place", "VirtualLocation"}
    assert data["organizer"]["name"] == event.organisation.name
    assert data["offers"]["url"] == "https://tickets.example.org/"
    online = EventPageFactory(
        parent=event_index, format="online", online_url="https://x.example.org/", venue_name=""
    )
    html = client.get(online.url).content.decode()
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["offers"]["price"] == 0


def test_home_page_lists_upcoming_events(client, event_index):
    home = event_index.get_parent().specific
    home.sections = [
        ("listing", {"heading": "Upcoming events", "kind": "upcoming_events", "count": 2})
    ]
    home.save_revision().publish()
    EventPageFactory(parent=event_index, title="Soonest walk")
    EventPageFactory(
        parent=event_index,
        title="Past walk",
        sessions=[(athens(2020, 1, 1, 10), athens(2020, 1, 1, 11))],
    )
    html = client.get("/en/").content.decode()
    assert "Soonest walk" in html and "Past walk" not in html


def test_campaign_outcomes(client, event_index, home_page, translated_home):
    from django.template import Context, Template
    from django.test import RequestFactory

    from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory

    campaigns = CampaignIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(parent=campaigns, title="Mental Health Week 2026")
    past = EventPageFactory(
        parent=event_index,
        title="Policy dialogue",
        campaign=campaign,
        sessions=[(athens(2025, 10, 6, 10), athens(2025, 10, 6, 12))],
        report_outcomes="<p>Five schools adopted the concordat.</p>",
    )
    EventActionPointFactory(page=past, owner=PartnerOrganisationFactory(name="Hromada"))
    EventPageFactory(parent=event_index, title="No report yet", campaign=campaign)
    outcomes = list(EventPage.objects.outcomes_for_campaign(campaign))
    assert outcomes == [past]
    # A translated campaign page lists the same outcomes (events link the source campaign).
    french = campaign.copy_for_translation(translated_home["fr"].locale, copy_parents=True)
    french_outcomes = EventPage.objects.outcomes_for_campaign(french, locale=french.locale)
    assert list(french_outcomes) == [past]
    request = RequestFactory().get("/en/campaigns/")
    request.LANGUAGE_CODE = "en"
    html = Template("{% load event_tags %}{% campaign_event_outcomes campaign %}").render(
        Context({"campaign": campaign, "request": request})
    )
    assert "Five schools adopted the concordat." in html and "Hromada" in html
