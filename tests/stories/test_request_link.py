""" "Ask for your link again": the same answer for known and unknown addresses, a new link
by email that opens the status page, the old link dead, nothing for withdrawn stories, a
per-client limit, and a kind answer to a malformed address."""

import re

import pytest
from django.core import mail

from campaigns.stories import lifecycle
from campaigns.stories.models import ContributorRecord
from tests.stories.conftest import CONTRIBUTOR_EMAIL, STATUS_PAGE, open_link

pytestmark = pytest.mark.django_db

URL = "/en/stories/link/"
ANSWER = "If we hold a story for this address, we have sent a new link to it."
LINK = re.compile(r"https?://[^\s]+/en/stories/status/[^/\s]+/")


def ask(client, email):
    return client.post(URL, {"email": email})


def new_links():
    return [m for m in mail.outbox if "new private status link" in m.subject]


def test_the_form_is_private_with_a_csrf_token(client, story_index):
    response = client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html and 'name="email"' in html


def test_the_form_needs_its_csrf_token(story_index, submitted):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    mail.outbox.clear()
    response = strict.post(URL, {"email": CONTRIBUTOR_EMAIL})
    assert response.status_code == 403
    assert not new_links()


def test_known_and_unknown_addresses_get_the_same_answer(client, submitted):
    mail.outbox.clear()
    known = ask(client, CONTRIBUTOR_EMAIL.upper())
    unknown = ask(client, "nobody.here@example.invalid")
    assert known.status_code == unknown.status_code == 200
    assert ANSWER in known.content.decode()
    assert known.content == unknown.content
    for response in (known, unknown):
        assert "no-store" in response["Cache-Control"]
    assert len(new_links()) == 1


def test_the_new_link_opens_the_status_page_and_the_old_one_is_dead(client, submitted):
    _story, _record, old_link = submitted
    mail.outbox.clear()
    ask(client, CONTRIBUTOR_EMAIL)
    [message] = new_links()
    assert message.to == [CONTRIBUTOR_EMAIL]
    assert "Older links to your story no longer work." in message.body
    new_link = LINK.search(message.body).group(0)
    path = "/" + new_link.split("/", 3)[3]
    assert path != old_link

    fresh = type(client)()
    assert fresh.get(old_link).status_code == 404
    page = open_link(fresh, path)
    assert page == STATUS_PAGE
    assert fresh.get(page).status_code == 200


def test_a_withdrawn_contributor_gets_nothing(client, submitted):
    _story, record, _link = submitted
    lifecycle.withdraw(record)
    # Even if an address were left behind, a withdrawn record gets no link.
    ContributorRecord.objects.filter(pk=record.pk).update(email=CONTRIBUTOR_EMAIL)
    mail.outbox.clear()
    response = ask(client, CONTRIBUTOR_EMAIL)
    assert response.status_code == 200 and ANSWER in response.content.decode()
    assert not new_links()


def test_the_sixth_request_in_the_window_is_refused(client, submitted):
    mail.outbox.clear()
    for _ in range(5):
        assert ask(client, "someone@example.invalid").status_code == 200
    refused = ask(client, CONTRIBUTOR_EMAIL)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "no-store" in refused["Cache-Control"]
    assert "Please wait an hour" in refused.content.decode()
    assert not new_links()


def test_another_client_is_not_refused(client, submitted):
    for _ in range(5):
        ask(client, "someone@example.invalid")
    other = type(client)(REMOTE_ADDR="203.0.113.9")
    assert ask(other, CONTRIBUTOR_EMAIL).status_code == 200


@pytest.mark.parametrize("email", ["", "not-an-address", "a@", "x" * 300 + "@example.org"])
def test_a_malformed_address_shows_the_form_again(client, story_index, email):
    response = ask(client, email)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'name="email"' in html
    assert "Please check your answers." in html
    assert ANSWER not in html


def test_the_address_is_never_logged(client, submitted, caplog):
    caplog.set_level("DEBUG")
    ask(client, CONTRIBUTOR_EMAIL)
    ask(client, "nobody.here@example.invalid")
    logged = "\n".join(r.getMessage() for r in caplog.records).lower()
    assert CONTRIBUTOR_EMAIL.lower() not in logged
    assert "nobody.here" not in logged


def test_the_closed_status_page_links_to_the_form(client, story_index):
    response = client.get(STATUS_PAGE)
    assert response.status_code == 403
    assert URL in response.content.decode()


def test_a_new_link_through_the_durable_queue(client, submitted, settings):
    """With the site's mail queue in front of the transport, the new link is queued with
    the new token and delivered."""
    from home.mail.models import Delivery

    settings.EMAIL_BACKEND = "home.mail.backend.QueuedEmailBackend"
    settings.OPENLY_EMAIL_TRANSPORT = "tests.home.test_mail.FlakyTransport"
    settings.OPENLY_EMAIL_SEND_AT_ONCE = True
    mail.outbox.clear()
    ask(client, CONTRIBUTOR_EMAIL)
    assert Delivery.objects.filter(kind=Delivery.Kind.STATUS_LINK).exists()
