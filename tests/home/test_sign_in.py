"""Sign-in throttling (django-axes): wrong passwords pause signing in to an account from
one client address, even with the right password; the pause page is clear, translated and
never a 500; clients behind the trusted proxy are counted apart, and a forged header
changes nothing without one."""

import pytest
import time_machine
from django.conf import settings as django_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db

LIMIT = django_settings.AXES_FAILURE_LIMIT
LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password="the-right-password", is_staff=True, is_superuser=True
    )


def sign_in(client, password, username="editor", **meta):
    return client.post(LOGIN, {"username": username, "password": password}, **meta)


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_wrong_passwords_pause_signing_in_even_with_the_right_one(client, editor):
    for _attempt in range(LIMIT - 1):
        response = sign_in(client, "a-wrong-guess")
        assert response.status_code == 200  # the form again, with Wagtail's message
    paused = sign_in(client, "a-wrong-guess")
    assert paused.status_code == 429
    refused = sign_in(client, "the-right-password")
    assert refused.status_code == 429
    assert not signed_in(client)
    html = refused.content.decode()
    assert "Signing in is paused" in html
    assert "paused for 15 minutes" in html
    assert "Even the right password is refused" in html
    assert 'href="/admin/password_reset/"' in html
    assert int(refused["Retry-After"]) == 15 * 60
    assert "editor" not in html  # the name typed is not echoed


def test_the_pause_ends_when_announced(client, editor):
    for _attempt in range(LIMIT):
        sign_in(client, "a-wrong-guess")
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=5)):
        # Trying during the pause is refused and does not make it longer.
        assert sign_in(client, "the-right-password").status_code == 429
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16)):
        assert sign_in(client, "the-right-password").status_code == 302
        assert signed_in(client)


def test_a_successful_sign_in_forgets_earlier_typos(client, editor):
    for _round in range(2):
        for _attempt in range(LIMIT - 1):
            sign_in(client, "a-typo")
        assert sign_in(client, "the-right-password").status_code == 302
        client.logout()


def test_a_colleague_at_the_same_address_can_still_sign_in(client, editor, django_user_model):
    django_user_model.objects.create_user("colleague", password="another-password")
    for _attempt in range(LIMIT):
        sign_in(client, "a-wrong-guess")
    assert sign_in(client, "the-right-password").status_code == 429
    assert sign_in(client, "another-password", username="colleague").status_code == 302


def test_behind_the_trusted_proxy_two_clients_are_counted_apart(client, editor, settings):
    settings.OPENLY_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    guesser = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_REAL_IP": "203.0.113.66"}
    owner = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_REAL_IP": "203.0.113.1"}
    for _attempt in range(LIMIT):
        sign_in(client, "a-wrong-guess", **guesser)
    assert sign_in(client, "the-right-password", **guesser).status_code == 429
    assert sign_in(client, "the-right-password", **owner).status_code == 302
    assert signed_in(client)


def test_without_a_trusted_proxy_a_forged_header_does_not_escape_the_pause(
    client, editor, settings
):
    settings.OPENLY_CLIENT_IP_HEADER = ""
    for attempt in range(LIMIT):
        sign_in(client, "a-wrong-guess", HTTP_X_REAL_IP=f"203.0.113.{attempt}")
    refused = sign_in(client, "the-right-password", HTTP_X_REAL_IP="198.51.100.1")
    assert refused.status_code == 429


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", "La connexion est suspendue"),
        ("uk", "Вхід призупинено"),
        ("ar", "تم إيقاف تسجيل الدخول مؤقتًا"),
    ],
)
def test_the_pause_page_is_in_the_persons_language(client, editor, language, words):
    for _attempt in range(LIMIT):
        sign_in(client, "a-wrong-guess", HTTP_ACCEPT_LANGUAGE=language)
    refused = sign_in(client, "the-right-password", HTTP_ACCEPT_LANGUAGE=language)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert words in html
    assert "Signing in is paused" not in html


def test_nothing_held_names_the_address_in_the_logs(client, editor, caplog):
    for _attempt in range(LIMIT):
        sign_in(client, "a-wrong-guess", REMOTE_ADDR="198.51.100.23")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "198.51.100.23" not in logged
    assert "editor" not in logged
