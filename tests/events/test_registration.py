"""Registration on this site: places, waiting list, cancellation moving the list up, the
confirmation email with the calendar file, and a form that is safe to send twice, that bots
and floods cannot fill, and that never says who registered."""

import datetime
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from events.registration.models import Registrant
from events.registration.public import fresh_fields
from tests.events.factories import EventPageFactory
from tests.events.registration_helpers import form_data, open_registration, register_url
from tests.queries import warm_count

pytestmark = pytest.mark.django_db

CANCEL_LINK = re.compile(r"https?://\S+/registration/cancel/[\w-]+/")


@pytest.fixture
def event(event_index):
    return EventPageFactory(parent=event_index, title="Open minds evening", slug="open-minds")


def post(client, event, **data):
    return client.post(register_url(event), form_data(**data))


def cancel_link(message):
    return CANCEL_LINK.search(message.body).group(0)


def test_event_page_shows_the_form_only_when_registration_is_on(client, event):
    assert 'id="registration"' not in client.get(event.url).text
    open_registration(event, capacity=50)
    page = client.get(event.url).text
    assert 'id="registration"' in page
    assert "Places available" in page
    assert 'href="#registration"' in page


def test_register_emails_the_place_with_calendar_file_and_cancel_link(client, event):
    open_registration(event)
    response = post(client, event)
    assert response.status_code == 302
    assert response["Location"].endswith("/open-minds/register/thanks/")
    person = Registrant.objects.get()
    assert person.status == "confirmed" and person.email == "ana@example.org"
    assert person.token_hash and person.consent_at
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "Open minds evening" in message.subject
    name, content, mimetype = message.attachments[0]
    assert name == "open-minds.ics" and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in (content if isinstance(content, str) else content.decode())
    assert cancel_link(message)
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "We have sent an email" in thanks.text


def test_full_event_takes_a_waiting_list_and_cancel_moves_it_up(client, event):
    open_registration(event, capacity=1)
    post(client, event, email="first@example.org")
    assert "Full: you can join the waiting list" in client.get(event.url).text
    post(client, event, email="second@example.org")
    post(client, event, email="third@example.org")
    statuses = dict(Registrant.objects.values_list("email", "status"))
    assert statuses == {
        "first@example.org": "confirmed",
        "second@example.org": "waiting",
        "third@example.org": "waiting",
    }
    assert "waiting list" in mail.outbox[1].subject
    assert not mail.outbox[1].attachments  # the calendar file comes with the place
    link = cancel_link(mail.outbox[0])
    confirm = client.get(link)
    assert confirm.status_code == 200 and "Cancel your registration?" in confirm.text
    assert confirm["Cache-Control"].startswith("private")
    mail.outbox.clear()
    done = client.post(link)
    assert done.status_code == 200 and "Your registration is cancelled" in done.text
    first = Registrant.objects.get(status="cancelled")
    assert first.email == first.name == first.accessibility_needs == "" and first.erased_at
    assert Registrant.objects.get(email="second@example.org").status == "confirmed"
    assert Registrant.objects.get(email="third@example.org").status == "waiting"
    (promoted,) = mail.outbox
    assert promoted.to == ["second@example.org"] and "place came free" in promoted.subject
    # The link worked once; it now says so, with 404, and changes nothing.
    again = client.post(link)
    assert again.status_code == 404 and "no longer works" in again.text


def test_no_waiting_list_refuses_when_full(client, event):
    open_registration(event, capacity=1, waiting_list=False)
    post(client, event, email="first@example.org")
    assert "All places are taken" in client.get(event.url).text
    response = post(client, event, email="second@example.org")
    assert response.status_code == 409 and "now full" in response.text
    assert Registrant.objects.count() == 1


def test_same_form_twice_registers_once(client, event):
    open_registration(event)
    data = form_data()
    first = client.post(register_url(event), data)
    second = client.post(register_url(event), data)
    assert first["Location"] == second["Location"]
    assert Registrant.objects.count() == 1 and len(mail.outbox) == 1


def test_same_address_again_says_the_same_and_tells_only_that_address(client, event):
    open_registration(event)
    first = post(client, event, email="Ana@Example.org")
    second = post(client, event, email="ana@example.org", name="Someone else")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Registrant.objects.count() == 1
    assert mail.outbox[1].to == ["ana@example.org"]
    assert "already registered" in mail.outbox[1].subject
    assert not mail.outbox[1].attachments


def test_honeypot_is_thanked_and_saves_nothing(client, event):
    open_registration(event)
    response = post(client, event, website="http://spam.example")
    assert response.status_code == 302
    assert not Registrant.objects.exists() and not mail.outbox


@override_settings(OPENLY_REGISTRATION_RATE_LIMIT=(2, 3600))
def test_rate_limited_per_client(client, event):
    open_registration(event, capacity=None)
    for number in range(2):
        assert post(client, event, email=f"p{number}@example.org").status_code == 302
    response = post(client, event, email="p9@example.org")
    assert response.status_code == 429 and "Too many registrations" in response.text
    assert Registrant.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"consent": ""}, "Tick the box so that we may keep your registration."),
        ({"name": ""}, "This field is required."),
        ({"token": "forged"}, "please check your answers and send the form again"),
    ],
)
def test_mistakes_come_back_with_clear_messages_and_answers_kept(client, event, change, message):
    open_registration(event)
    response = post(client, event, **change)
    assert response.status_code == 400
    assert message in response.text
    assert "Step-free access" in response.text
    assert response["Cache-Control"].startswith("private")
    assert not Registrant.objects.exists()


def test_bad_input_is_never_a_500(client, event):
    open_registration(event)
    assert client.get(register_url(event)).status_code == 302
    assert client.post(register_url(event), {"name": "x" * 10000}).status_code == 400
    assert client.get(event.url + "registration/cancel/" + "x" * 300 + "/").status_code == 404
    assert client.post(event.url + "registration/cancel/nope/").status_code == 404


def test_off_or_closed_registration_takes_nobody(client, event):
    setup = open_registration(event)
    setup.enabled = False
    setup.save()
    assert post(client, event).status_code == 302
    assert not Registrant.objects.exists()
    setup.enabled = True
    setup.closes_at = event.first_session.start.replace(year=2000)
    setup.save()
    assert "Registration is closed" in client.get(event.url).text
    response = post(client, event)
    assert response.status_code == 409 and "closed" in response.text


def test_public_form_hands_out_a_token(client):
    assert set(fresh_fields()) == {"token"}
    response = client.get("/forms/token/?form=event-registration")
    assert response.status_code == 200 and "token" in response.json()


def test_page_cache_is_emptied_only_when_availability_changes(client, event, monkeypatch):
    from events.registration import lifecycle  # to count its calls of content_changed

    calls = []
    monkeypatch.setattr(lifecycle, "content_changed", lambda: calls.append(1))
    open_registration(event, capacity=10)
    post(client, event, email="a@example.org")
    assert calls == []  # 9 left: still "places available"
    for number in range(5):
        post(client, event, email=f"b{number}@example.org")
    assert calls == [1]  # 4 left: "only a few places left"


@pytest.mark.parametrize("registrants", [5, 500])
def test_event_page_queries_do_not_grow_with_registrants(client, event, registrants):
    setup = open_registration(event, capacity=1000)
    Registrant.objects.bulk_create(
        Registrant(setup=setup, status="confirmed", email=f"p{n}@example.org", name="P")
        for n in range(registrants)
    )
    counts = test_event_page_queries_do_not_grow_with_registrants.counts
    counts[registrants] = warm_count(client, event.url)
    if len(counts) == 2:
        assert counts[5] == counts[500]


test_event_page_queries_do_not_grow_with_registrants.counts = {}


def test_demo_opens_registration_on_two_upcoming_events_without_any(event_index):
    from events.registration import demo_content  # the loader, run as load_demo runs it
    from events.registration.models import RegistrationSetup

    said = []
    demo = type("Demo", (), {"say": staticmethod(said.append)})()
    elsewhere = EventPageFactory(
        parent=event_index,
        registration="url",
        registration_url="https://partner.example.org/register",
    )
    for _number in range(3):
        EventPageFactory(parent=event_index)
    demo_content.load(demo)
    demo_content.load(demo)  # idempotent
    setups = RegistrationSetup.objects.order_by("capacity")
    assert len(setups) == 2
    assert elsewhere.pk not in {s.event_id for s in setups}
    assert all(s.enabled and s.waiting_list for s in setups)
    assert "Registration on this site: 2 event(s)" in said


def test_demo_past_events_keep_only_erased_registrations(event_index):
    from events.registration import demo_content  # the loader, run as load_demo runs it

    said = []
    demo = type("Demo", (), {"say": staticmethod(said.append)})()
    start = timezone.now() - datetime.timedelta(days=40)
    held = EventPageFactory(
        parent=event_index, sessions=[(start, start + datetime.timedelta(hours=2))]
    )
    demo_content.load(demo)
    rows = list(Registrant.objects.filter(setup__event=held))
    assert 6 <= len(rows) <= 30
    assert all(row.erased_at and row.created_at < start for row in rows)
    assert {(row.name, row.email, row.accessibility_needs) for row in rows} == {("", "", "")}
    assert not rows[0].setup.enabled  # the page offers no registration for a past event
    demo_content.load(demo)  # idempotent
    assert Registrant.objects.filter(setup__event=held).count() == len(rows)
