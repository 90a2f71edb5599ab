"""Event index and event pages: tree rules, rendering, the editor round-trip with inline
sessions, and the validation editors see."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage, EventPage, EventSession
from home.models import HomePage, StandardPage
from tests.events.factories import (
    EventActionPointFactory,
    EventIndexPageFactory,
    EventPageFactory,
    EventSpeakerFactory,
    athens,
)
from tests.factories import PartnerOrganisationFactory, StandardPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_tree_rules(home_page, event_index):
    assert EventIndexPage.parent_page_types == ["home.HomePage"]
    assert not EventIndexPage.can_create_at(home_page)  # one per home page
    assert EventPage.can_create_at(event_index)
    assert not EventPage.can_create_at(home_page)
    assert not EventPage.allowed_subpage_models()
    assert list(EventIndexPage.allowed_subpage_models()) == [EventPage]
    standard = StandardPageFactory(parent=home_page)
    assert not EventIndexPage.can_create_at(standard)
    assert not HomePage.can_create_at(event_index)
    assert not StandardPage.can_create_at(event_index)


def test_index_can_be_created_under_a_fresh_home(home_page):
    assert EventIndexPage.can_create_at(home_page)


def test_event_page_renders_details_in_the_events_zone(client, event_index):
    topic = TopicFactory(slug="stigma", name="Stigma")
    event = EventPageFactory(
        parent=event_index,
        title="Policy dialogue on stigma at work",
        sessions=[(athens(2030, 10, 6, 18, 0), athens(2030, 10, 6, 20, 30))],
        accessibility=["step_free", "captions"],
        is_free=False,
        price="€5, free for students",
        registration="email",
        registration_email="dialogue@example.org",
        capacity=40,
    )
    event.topics.add(topic)
    event.save()
    EventSpeakerFactory(page=event, name="Dr Ana Popescu", role="moderator")
    response = client.get("/en/events/" + event.slug + "/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "pages/event_page.html" in [t.name for t in response.templates]
    assert html.count("<h1") == 1
    assert "Policy dialogue on stigma at work" in html
    assert "18:00" in html and "20:30" in html
    assert "Athens time, EEST" in html
    assert "Live captions" in html and "Step-free access" in html
    assert "€5, free for students" in html
    assert "mailto:dialogue@example.org" in html
    assert "Dr Ana Popescu" in html and "Moderator" in html
    assert 'href="/en/events/?topic=stigma"' in html
    assert f'href="/en/events/{event.slug}/event.ics"' in html
    assert '"@type": "Event"' in html


def test_cancelled_and_postponed_banners(client, event_index):
    cancelled = EventPageFactory(parent=event_index, status="cancelled", status_note="Sorry!")
    postponed = EventPageFactory(parent=event_index, status="postponed")
    html = client.get(cancelled.url).content.decode()
    assert "This event is cancelled." in html and "Sorry!" in html
    html = client.get(postponed.url).content.decode()
    assert "This event is postponed." in html
    listing = client.get("/en/events/").content.decode()
    assert "event-badge--cancelled" in listing and "event-badge--postponed" in listing


def test_past_event_shows_its_summary_report(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        sessions=[(athens(2025, 10, 6, 10, 0), athens(2025, 10, 6, 16, 0))],
        report_key_insights="<ul><li>Stigma is the first barrier to care.</li></ul>",
        report_outcomes="<p>Three municipalities signed the concordat.</p>",
    )
    owner = PartnerOrganisationFactory(name="Stimme e.V.")
    EventActionPointFactory(page=event, action="Train school nurses", owner=owner, status="done")
    html = client.get(event.url).content.decode()
    assert "This event has taken place." in html
    assert "Stigma is the first barrier to care." in html
    assert "Three municipalities signed the concordat." in html
    assert "Train school nurses" in html and "Stimme e.V." in html and "Done" in html


def test_joining_link_visibility(event_index):
    now = datetime.datetime(2030, 10, 6, 12, tzinfo=datetime.UTC)
    event = EventPageFactory(
        parent=event_index,
        format="online",
        online_url="https://meet.example.org/room",
        online_link_visibility="near_start",
        sessions=[(now + datetime.timedelta(hours=3), now + datetime.timedelta(hours=4))],
    )
    event = EventPage.objects.get(pk=event.pk)
    assert not event.joining_link_visible(now)
    assert event.joining_link_visible(now + datetime.timedelta(hours=2, minutes=30))
    assert not event.joining_link_visible(now + datetime.timedelta(hours=5))
    event.online_link_visibility = "registered"
    assert not event.joining_link_visible(now + datetime.timedelta(hours=3, minutes=30))
    event.online_link_visibility = "public"
    assert event.joining_link_visible(now)
    assert not event.joining_link_visible(now + datetime.timedelta(hours=5))  # over


def session(title, start, end, **extra):
    """One session's form data (programme empty)."""
    return {"title": title, "start": start, "end": end, "programme": streamfield([]), **extra}


def _event_form_data(organisation, **overrides):
    data = {
        "title": "Walk and talk in the park",
        "slug": "walk-and-talk",
        "summary": "A gentle walk with peer supporters.",
        "organisation": organisation.pk,
        "description": streamfield([]),
        "status": "scheduled",
        "time_zone": "Europe/Athens",
        "format": "in_person",
        "venue_name": "Pedion tou Areos park, main gate",
        "address": "Leoforos Alexandras",
        "city": "Athens",
        "country": "GR",
        "online_link_visibility": "public",
        "languages": ("el", "en"),  # a tuple: several values for one field
        "accessibility": ("step_free",),
        "is_free": "on",
        "registration": "none",
        "sessions": inline_formset(
            [
                session("Morning walk", "2030-10-05 10:00", "2030-10-05 11:30"),
                session("Evening walk", "2030-10-06 18:00", "2030-10-06 19:30"),
            ]
        ),
        "speakers": inline_formset([{"name": "Eleni K.", "role": "facilitator"}]),
        "action_points": inline_formset([]),
        "report_documents": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_an_event_with_inline_sessions(admin_client, event_index):
    organisation = PartnerOrganisationFactory()
    url = f"/admin/pages/add/events/eventpage/{event_index.pk}/"
    form = admin_client.get(url)
    assert form.status_code == 200
    assert "Europe/Athens" in form.content.decode()  # the time-zone menu
    response = admin_client.post(url, _event_form_data(organisation))
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="walk-and-talk")
    assert event.live and event.organisation == organisation
    assert event.languages == ["el", "en"]
    sessions = list(event.sessions.order_by("start"))
    assert [s.title for s in sessions] == ["Morning walk", "Evening walk"]
    # Typed as Athens wall-clock times, whatever the editor's own time zone.
    zone = ZoneInfo("Europe/Athens")
    assert sessions[0].start == datetime.datetime(2030, 10, 5, 10, 0, tzinfo=zone)
    assert sessions[1].end == datetime.datetime(2030, 10, 6, 19, 30, tzinfo=zone)
    assert event.speakers.get().name == "Eleni K."
    assert event.ics_sequence == 1

    # The edit form shows the times as typed, in Athens time.
    edit = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="2030-10-05 10:00"' in edit
    # Editing again keeps the sessions (same rows) and bumps the calendar sequence.
    data = _event_form_data(
        organisation,
        title="Walk and talk (new route)",
        sessions=inline_formset(
            [
                session("Morning walk", "2030-10-05 10:00", "2030-10-05 11:30", id=sessions[0].pk),
                session("Evening walk", "2030-10-06 18:00", "2030-10-06 19:30", id=sessions[1].pk),
            ],
            initial=2,
        ),
    )
    response = admin_client.post(f"/admin/pages/{event.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(pk=event.pk)
    assert event.title == "Walk and talk (new route)"
    assert sorted(event.sessions.values_list("pk", flat=True)) == sorted(s.pk for s in sessions)
    assert event.ics_sequence == 2


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"sessions": inline_formset([session("", "2030-10-05 10:00", "2030-10-05 09:00")])},
            "The session must end after it starts.",
        ),
        (
            {
                "sessions": inline_formset(
                    [
                        session("", "2030-10-05 10:00", "2030-10-05 12:00"),
                        session("", "2030-10-05 11:00", "2030-10-05 13:00"),
                    ]
                )
            },
            "Sessions may not overlap",
        ),
        ({"format": "online", "online_url": ""}, "Online and hybrid events need a joining link"),
        ({"venue_name": "", "city": ""}, "In-person and hybrid events need the venue"),
        ({"is_free": "", "price": ""}, "Give the price"),
        ({"registration": "url", "registration_url": ""}, "Give the web address"),
        ({"sessions": inline_formset([])}, ""),
    ],
)
def test_editor_sees_clear_validation_messages(admin_client, event_index, overrides, message):
    organisation = PartnerOrganisationFactory()
    url = f"/admin/pages/add/events/eventpage/{event_index.pk}/"
    response = admin_client.post(url, _event_form_data(organisation, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EventPage.objects.filter(slug="walk-and-talk").exists()


def test_model_validation_messages(event_index):
    event = EventPageFactory.build(
        format="hybrid",
        online_url="",
        venue_name="",
        latitude=37.9,
        organisation=PartnerOrganisationFactory(),
    )
    event.sessions = [
        EventSession(start=athens(2030, 1, 1, 10), end=athens(2030, 1, 1, 12)),
        EventSession(start=athens(2030, 1, 1, 11), end=athens(2030, 1, 1, 13)),
    ]
    with pytest.raises(ValidationError) as error:
        event.clean()
    errors = error.value.message_dict
    assert {"online_url", "venue_name", "longitude"} <= set(errors)


def test_session_overlap_is_checked_in_model_clean(event_index):
    event = EventPageFactory.build(organisation=PartnerOrganisationFactory())
    event.sessions = [
        EventSession(start=athens(2030, 1, 1, 10), end=athens(2030, 1, 1, 12)),
        EventSession(start=athens(2030, 1, 1, 11), end=athens(2030, 1, 1, 13)),
    ]
    with pytest.raises(ValidationError, match="Sessions may not overlap"):
        event.clean()


def test_image_needs_alt_text(event_index):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    event = EventPageFactory(parent=event_index)
    event.image = Image.objects.create(title="walk", file=get_test_image_file())
    event.image_alt = ""
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "image_alt" in error.value.message_dict


def test_index_week_must_be_complete(home_page):
    index = EventIndexPageFactory.build(week_start=datetime.date(2026, 10, 5), week_end=None)
    with pytest.raises(ValidationError):
        index.clean()


def test_page_tree_root_is_untouched(event_index):
    assert Page.objects.type(EventIndexPage).count() == 1


@pytest.mark.parametrize("existing", [False, True])
def test_editor_preview(admin_client, event_index, existing):
    organisation = PartnerOrganisationFactory()
    if existing:
        event = EventPageFactory(parent=event_index, organisation=organisation)
        url = f"/admin/pages/{event.pk}/edit/preview/"
    else:
        url = f"/admin/pages/add/events/eventpage/{event_index.pk}/preview/"
    response = admin_client.post(url, _event_form_data(organisation))
    assert response.status_code == 200
    assert response.json()["is_valid"], response.content
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Walk and talk in the park" in response.content.decode()
    assert "Morning walk" in response.content.decode()
