"""What only a browser sees on the event listing: filtering without JavaScript tricks,
opening an event, downloading its calendar file, and axe-core in English and Arabic."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import EventPage
from tests.browser.conftest import assert_no_axe_violations
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _soon(days, hour=18):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )
    return [(start, start + datetime.timedelta(hours=2))]


@pytest.fixture
def events_site(translated_home):
    index = EventIndexPageFactory(parent=translated_home["en"], title="Events", slug="events")
    EventPageFactory(parent=index, title="Athens walk", slug="athens-walk", sessions=_soon(2))
    EventPageFactory(
        parent=index,
        title="Paris talk",
        slug="paris-talk",
        city="Paris",
        country="FR",
        time_zone="Europe/Paris",
        sessions=_soon(3),
    )
    webinar = EventPageFactory(
        parent=index,
        title="Webinar on anxiety",
        slug="webinar-on-anxiety",
        format="online",
        online_url="https://meet.example.org/anxiety",
        venue_name="",
        city="",
        country="",
        sessions=_soon(4, 19),
    )
    arabic = translated_home["ar"].locale
    index.copy_for_translation(arabic).save_revision().publish()
    webinar.copy_for_translation(arabic).save_revision().publish()
    return index


def test_filter_by_country_and_online_then_download_the_calendar(
    browser_page, live_server, events_site, tmp_path
):
    page = browser_page
    page.goto(f"{live_server.url}/en/events/")
    assert page.locator(".event-card").count() == 3
    page.select_option("#filter-country", "FR")
    page.select_option("#filter-format", "online")
    page.get_by_role("button", name="Show events").click()
    page.wait_for_url("**/en/events/?*")
    assert "country=FR" in page.url and "format=online" in page.url
    cards = page.locator(".event-card")
    assert cards.count() == 1
    assert "Webinar on anxiety" in cards.first.inner_text()
    # The card links the event and, by name, its organiser's page.
    cards.first.get_by_role("link", name="Webinar on anxiety").click()
    page.wait_for_url("**/en/events/webinar-on-anxiety/")
    assert page.locator("h1").inner_text() == "Webinar on anxiety"
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "webinar-on-anxiety.ics"
    target = tmp_path / "event.ics"
    download.save_as(target)
    calendar = Calendar.from_ical(Path(target).read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == "Webinar on anxiety"
    # In UTC, which every calendar client reads alike (events/ics.py), at the session's
    # own instant.
    start = vevent["dtstart"].dt
    assert "TZID" not in vevent["dtstart"].params and start.utcoffset() == datetime.timedelta(0)
    event = EventPage.objects.get(slug="webinar-on-anxiety", locale__language_code="en")
    assert start == event.sessions.order_by("start").first().start


@pytest.mark.parametrize("language", ["en", "ar"])
def test_listing_and_event_page_pass_axe(browser_page, live_server, events_site, language):
    page = browser_page
    page.goto(f"{live_server.url}/{language}/events/")
    assert page.get_attribute("html", "lang") == language
    assert page.locator(".event-card").count() == 3
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/{language}/events/?country=FR&format=online&free=on")
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/{language}/events/webinar-on-anxiety/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
