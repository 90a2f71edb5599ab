"""The thank-you page tells the truth about the email carrying the private status link:
sent, still being sent (first attempt waiting or failed with a retry planned), failed (the
link shown as the only way back), or nothing when no email was given."""

import smtplib

import pytest
from django.core import mail
from django.db import DatabaseError

from campaigns.stories import notifications
from home.mail.models import Delivery
from tests.home.test_mail import FlakyTransport
from tests.stories.conftest import CONTRIBUTOR_EMAIL, form_data

pytestmark = pytest.mark.django_db

SENT = "We have sent this link to the email address you gave."
QUEUED = "We are sending this link to the email address you gave; it can take a few minutes."
FAILED = "We could not send the email. Keep this link: it is the only way back to your story."
OLD_CLAIM = "We have also sent this link"


@pytest.fixture
def queued_mail(settings):
    """The durable queue in front of a transport that can be made to fail."""
    settings.EMAIL_BACKEND = "home.mail.backend.QueuedEmailBackend"
    settings.OPENLY_EMAIL_TRANSPORT = "tests.home.test_mail.FlakyTransport"
    settings.OPENLY_EMAIL_SEND_AT_ONCE = True
    FlakyTransport.failure = None
    yield
    FlakyTransport.failure = None


def share_and_thank(client, django_capture_on_commit_callbacks, **overrides):
    """Send a story like a browser, let its commit callbacks run (the at-once attempt), and
    return the thank-you page's HTML."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/stories/share/", form_data(**overrides))
    assert response.status_code == 303
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert "/en/stories/status/" in html
    assert OLD_CLAIM not in html
    return html


def status_link_delivery():
    return Delivery.objects.get(kind=Delivery.Kind.STATUS_LINK)


def test_sent(client, roles, queued_mail, django_capture_on_commit_callbacks):
    html = share_and_thank(client, django_capture_on_commit_callbacks)
    assert 'href="/en/stories/link/"' not in html
    assert status_link_delivery().state == Delivery.State.SENT
    assert [m.to for m in mail.outbox if m.to == [CONTRIBUTOR_EMAIL]]
    assert SENT in html
    assert QUEUED not in html and FAILED not in html


def test_queued_for_the_worker(
    client, roles, queued_mail, settings, django_capture_on_commit_callbacks
):
    settings.OPENLY_EMAIL_SEND_AT_ONCE = False
    html = share_and_thank(client, django_capture_on_commit_callbacks)
    assert status_link_delivery().state == Delivery.State.QUEUED
    assert QUEUED in html
    assert SENT not in html and FAILED not in html


def test_first_attempt_failed_and_a_retry_waits(
    client, roles, queued_mail, django_capture_on_commit_callbacks
):
    FlakyTransport.failure = lambda: ConnectionRefusedError(111, "Connection refused")
    html = share_and_thank(client, django_capture_on_commit_callbacks)
    delivery = status_link_delivery()
    assert (delivery.state, delivery.attempts) == (Delivery.State.QUEUED, 1)
    assert QUEUED in html
    assert SENT not in html and FAILED not in html


def test_failed_for_good_shows_the_link_as_the_only_way_back(
    client, roles, queued_mail, django_capture_on_commit_callbacks
):
    FlakyTransport.failure = lambda: smtplib.SMTPRecipientsRefused(
        {CONTRIBUTOR_EMAIL: (550, b"No such mailbox")}
    )
    html = share_and_thank(client, django_capture_on_commit_callbacks)
    assert status_link_delivery().state == Delivery.State.FAILED
    assert FAILED in html
    assert "story-status-link--only-copy" in html
    assert 'href="/en/stories/link/"' in html
    assert SENT not in html and QUEUED not in html


def test_email_that_could_not_even_be_queued_is_told_as_failed(
    client, roles, queued_mail, monkeypatch, django_capture_on_commit_callbacks
):
    def broken_send_mail(*args, **kwargs):
        raise DatabaseError("the queue's table is locked")

    monkeypatch.setattr(notifications, "send_mail", broken_send_mail)
    html = share_and_thank(client, django_capture_on_commit_callbacks)
    assert FAILED in html
    assert not Delivery.objects.filter(kind=Delivery.Kind.STATUS_LINK).exists()


def test_nothing_about_email_when_none_was_given(
    client, roles, queued_mail, django_capture_on_commit_callbacks
):
    html = share_and_thank(client, django_capture_on_commit_callbacks, email="")
    for sentence in (SENT, QUEUED, FAILED, "data-email-state"):
        assert sentence not in html
    assert not Delivery.objects.filter(kind=Delivery.Kind.STATUS_LINK).exists()


def test_the_cookie_cannot_be_forged_to_name_another_delivery(
    client, roles, queued_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/stories/share/", form_data())
    signed = client.cookies["openly_story_thanks"].value
    client.cookies["openly_story_thanks"] = signed.replace("|", "|x", 1)
    html = client.get(response["Location"]).content.decode()
    assert "/en/stories/status/" not in html
