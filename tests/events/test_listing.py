"""The public listing: upcoming order, archive, combinable filters with counts,
date shortcuts, pagination, languages, and bad input (never a 500)."""

import datetime
import re

import pytest
import time_machine

from tests.events.factories import EventIndexPageFactory, EventPageFactory, athens
from tests.factories import AudienceFactory, TopicFactory
from tests.sharing import shared_fixture

pytestmark = pytest.mark.django_db

# Thursday 1 October 2026, 09:00 in Athens: Mental Health Week starts on Monday 5th.
NOW = athens(2026, 10, 1, 9, 0)


@pytest.fixture(autouse=True)
def frozen():
    """Every test of the listing reads it on NOW."""
    with time_machine.travel(NOW, tick=False):
        yield


def day(number, hour=18):
    return athens(2026, 10, number, hour, 0)


def titles(response):
    html = response.content.decode()
    return re.findall(r'<h3 class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)


def session(start):
    return (start, start + datetime.timedelta(hours=2))


def test_upcoming_soonest_first_one_row_per_event(client, event_index, frozen):
    EventPageFactory(parent=event_index, title="Later", sessions=[session(day(9))])
    EventPageFactory(
        parent=event_index,
        title="Three sessions",
        sessions=[session(athens(2026, 9, 28, 18, 0)), session(day(6)), session(day(8))],
    )
    EventPageFactory(parent=event_index, title="Sooner", sessions=[session(day(3))])
    EventPageFactory(parent=event_index, title="Over", sessions=[session(day(1, 6))])
    response = client.get("/en/events/")
    assert response.status_code == 200
    assert titles(response) == ["Sooner", "Three sessions", "Later"]
    html = response.content.decode()
    assert "3 sessions" in html
    # The card shows the next session (6 October), not the first, past one.
    assert "Oct. 6, 2026" in html
    assert titles(client.get("/en/events/past/")) == ["Over"]


def test_an_event_under_way_is_still_upcoming(client, event_index, frozen):
    EventPageFactory(parent=event_index, title="Running now", sessions=[session(day(1, 8))])
    assert titles(client.get("/en/events/")) == ["Running now"]


@shared_fixture
def catalogue(home_page):
    """Four events with topics, audiences, formats, languages and prices, made on NOW
    (built once for the tests of this module that read them, each test rolled back)."""
    with time_machine.travel(NOW, tick=False):
        return _catalogue(EventIndexPageFactory(parent=home_page, title="Events", slug="events"))


def _catalogue(event_index):
    stigma = TopicFactory(slug="stigma", name="Stigma")
    anxiety = TopicFactory(slug="anxiety", name="Anxiety")
    youth = AudienceFactory(slug="young-people", name="Young people")
    paris = EventPageFactory(
        parent=event_index,
        title="Paris talk",
        city="Paris",
        country="FR",
        time_zone="Europe/Paris",
        languages=["fr"],
        accessibility=["step_free", "captions"],
        sessions=[session(day(6))],
    )
    paris.topics.add(stigma)
    paris.audiences.add(youth)
    paris.save()
    lyon = EventPageFactory(
        parent=event_index,
        title="Lyon walk",
        city="Lyon",
        country="FR",
        languages=["fr"],
        is_free=False,
        price="€3",
        accessibility=[],
        sessions=[session(day(10))],
    )
    lyon.topics.add(anxiety)
    lyon.save()
    webinar = EventPageFactory(
        parent=event_index,
        title="Webinar for teachers",
        format="online",
        online_url="https://meet.example.org/a",
        venue_name="",
        city="",
        country="",
        languages=["en"],
        accessibility=["captions"],
        sessions=[session(day(4))],
    )
    webinar.topics.add(stigma)
    webinar.save()
    EventPageFactory(
        parent=event_index,
        title="Athens open day",
        format="hybrid",
        online_url="https://meet.example.org/b",
        languages=["el", "en"],
        accessibility=["step_free"],
        sessions=[session(day(11))],
    )
    return event_index


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=FR", ["Webinar for teachers", "Paris talk", "Lyon walk"]),
        ("country=GR", ["Webinar for teachers", "Athens open day"]),
        ("country=FR&city=paris", ["Paris talk"]),
        ("format=online", ["Webinar for teachers"]),
        ("country=FR&format=online", ["Webinar for teachers"]),
        ("format=hybrid", ["Athens open day"]),
        ("topic=stigma", ["Webinar for teachers", "Paris talk"]),
        ("topic=stigma&country=FR&format=in_person", ["Paris talk"]),
        ("audience=young-people", ["Paris talk"]),
        ("language=en", ["Webinar for teachers", "Athens open day"]),
        ("free=on&country=FR", ["Webinar for teachers", "Paris talk"]),
        ("access=step_free", ["Paris talk", "Athens open day"]),
        ("access=step_free&access=captions", ["Paris talk"]),
        ("when=mhw", ["Paris talk", "Lyon walk", "Athens open day"]),
        ("when=today", []),
        ("when=weekend", ["Webinar for teachers"]),
        ("date_from=2026-10-06&date_to=2026-10-10", ["Paris talk", "Lyon walk"]),
        ("when=mhw&date_from=2026-10-10", ["Lyon walk", "Athens open day"]),
    ],
)
def test_filters_combine(client, catalogue, query, expected):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_filter_counts(client, catalogue):
    html = client.get("/en/events/").content.decode()
    # Online events count in every country.
    assert '<option value="FR">France (3)</option>' in html
    assert '<option value="GR">Greece (2)</option>' in html
    assert '<option value="online">Online (1)</option>' in html
    assert '<option value="stigma">Stigma (2)</option>' in html
    assert "Free events only (3)" in html
    assert "Step-free access (2)" in html
    # Counts follow the other filters.
    html = client.get("/en/events/?country=FR").content.decode()
    assert '<option value="stigma">Stigma (2)</option>' in html
    assert '<option value="anxiety">Anxiety (1)</option>' in html
    assert '<option value="Paris">Paris (1)</option>' in html
    assert "Athens (" not in html


def test_filters_work_without_javascript_and_keep_state(client, catalogue):
    html = client.get("/en/events/?country=FR&free=on").content.decode()
    assert '<form class="event-filters" method="get"' in html
    assert '<option value="FR" selected>' in html
    assert 'name="free" value="on" checked' in html
    assert 'href="/en/events/feed.ics?country=FR&amp;free=on"' in html
    assert "Clear all filters" in html


def test_pagination_keeps_filters(client, event_index, frozen):
    for number in range(14):
        EventPageFactory(
            parent=event_index, title=f"Event {number:02}", sessions=[session(day(2, 8 + number))]
        )
    first = client.get("/en/events/?format=in_person")
    assert len(titles(first)) == 12
    assert 'href="?format=in_person&amp;page=2"' in first.content.decode()
    second = client.get("/en/events/?format=in_person&page=2")
    assert titles(second) == ["Event 12", "Event 13"]


def test_mental_health_week_shortcut_needs_dates_on_the_index(client, event_index, frozen):
    assert "Mental Health Week" in client.get("/en/events/").content.decode()
    event_index.week_start = event_index.week_end = None
    event_index.save_revision().publish()
    html = client.get("/en/events/?when=mhw").content.decode()
    assert "Mental Health Week</a>" not in html
    assert client.get("/en/events/?when=mhw").status_code == 200


BAD_QUERIES = [
    "country=ZZ",
    "country=<script>alert(1)</script>",
    "format=teleport",
    "topic=nope&audience=nope&language=xx",
    "access=jetpack",
    "date_from=2026-13-45",
    "date_from=yesterday&date_to=tomorrow",
    "date_from=2026-10-11&date_to=2026-10-01",
    "date_from=0001-01-01&date_to=9999-12-31",
    "date_from=1900-01-01",
    "when=someday",
    "page=abc",
    "page=-1",
    "page=99999999999999999999",
    "page=0&free=maybe",
    "city=" + "x" * 500,
    "country=FR&country=DE",
    "date_from=%00",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_never_fails(client, catalogue, query):
    for path in ("/en/events/", "/en/events/past/", "/en/events/feed.ics", "/en/events/feed.rss"):
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 400, 404), path
        assert b"<script>alert(1)</script>" not in response.content


def test_bad_filters_are_explained_and_ignored(client, catalogue):
    response = client.get("/en/events/?format=teleport&date_from=2026-10-11&date_to=2026-10-01")
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert "The end date is before the start date." in html
    assert len(titles(response)) == 4


def test_listing_renders_in_every_language_and_falls_back_to_source(
    client, catalogue, translated_home, django_capture_on_commit_callbacks
):
    from events.models import EventPage
    from home.demo.building import translate_page

    paris = EventPage.objects.get(title="Paris talk")
    # wagtail-localize publishes translations when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(paris, "fr", {"Paris talk": "Conférence à Paris"})
    response = client.get("/fr/events/")
    assert response.status_code == 200
    found = titles(response)
    assert "Conférence à Paris" in found and "Paris talk" not in found
    assert "Lyon walk" in found  # not translated yet: shown in English, marked as such
    assert "Not translated yet" in response.content.decode() or "Pas encore" in (
        response.content.decode()
    )
    # Without a translated index the reader is offered the English listing...
    response = client.get("/uk/events/")
    assert response.status_code == 404
    assert "pages/not_translated.html" in [t.name for t in response.templates]
    # ...and with one, every event shows, in English until translated.
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(catalogue, "uk", {"Events": "Події"})
    response = client.get("/uk/events/")
    assert response.status_code == 200
    assert len(titles(response)) == 4
