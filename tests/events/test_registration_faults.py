"""Registration when things go wrong, and the organisers' set-up: the mail server down (the
registration is kept, the email with its calendar file goes when the server is back), the
database locked (the readable 503, nothing half-stored), a form the CSRF check refused
(shown again with the answers), and more places given to the waiting list at once."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from events.registration import lifecycle
from events.registration.models import Registrant
from home.cocreation.roles import MODERATORS
from home.mail.models import Delivery
from tests.events.factories import EventPageFactory
from tests.events.registration_helpers import form_data, open_registration, register_url
from tests.home.factories import make_user
from tests.home.test_database_faults import _busy_error
from tests.home.test_mail import mail_back_and_retries_run, mail_down, queued_mail  # noqa: F401
from tests.public_forms import browser, hidden_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(event_index):
    return EventPageFactory(parent=event_index, title="Walk and talk", slug="walk-and-talk")


def test_mail_down_keeps_the_registration_and_sends_later(
    client,
    event,
    mail_down,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    open_registration(event)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(event), form_data())
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert Registrant.objects.get().status == "confirmed"
    delivery = Delivery.objects.get(kind=Delivery.Kind.EVENT_REGISTRATION)
    assert delivery.state == Delivery.State.QUEUED and mail.outbox == []
    assert mail_back_and_retries_run() == 1
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.attachments[0][0] == "walk-and-talk.ics"


def test_database_locked_is_the_readable_503_and_nothing_is_kept(event, monkeypatch, tmp_path):
    open_registration(event)
    error = _busy_error(tmp_path)

    def locked(*args, **kwargs):
        raise error

    monkeypatch.setattr(lifecycle, "register", locked)
    response = Client(raise_request_exception=False).post(register_url(event), form_data())
    assert response.status_code == 503
    assert "What you sent has not been saved" in response.content.decode()
    assert not Registrant.objects.exists()


def test_refused_by_the_csrf_check_the_form_comes_back_with_the_answers(event):
    open_registration(event)
    reader = browser()
    refused = reader.post(register_url(event), form_data(name="Ana Refused"))
    assert refused.status_code == 403
    html = refused.content.decode()
    assert "Ana Refused" in html and "send the form again" in html
    assert not Registrant.objects.exists()
    values = hidden_values(html, 'class="event-registration__form"')
    again = reader.post(register_url(event), form_data(name="Ana Refused", **values))
    assert again.status_code == 302
    assert Registrant.objects.get().name == "Ana Refused"


def test_more_places_move_the_waiting_list_up(client, event):
    setup = open_registration(event, capacity=1)
    for number in range(3):
        client.post(register_url(event), form_data(email=f"p{number}@example.org"))
    assert Registrant.objects.filter(status="waiting").count() == 2
    Group.objects.get_or_create(name=MODERATORS)
    organiser = Client()
    organiser.force_login(make_user("ours-lead", [event.organisation.leads_group.name]))
    url = reverse("registration_admin_setup", args=[event.pk])
    assert organiser.get(url).status_code == 200
    response = organiser.post(url, {"enabled": "on", "capacity": "2", "waiting_list": "on"})
    assert response.status_code == 302
    setup.refresh_from_db()
    assert setup.capacity == 2
    assert dict(Registrant.objects.values_list("email", "status")) == {
        "p0@example.org": "confirmed",
        "p1@example.org": "confirmed",
        "p2@example.org": "waiting",
    }
    assert mail.outbox[-1].to == ["p1@example.org"]
    assert "place came free" in mail.outbox[-1].subject
