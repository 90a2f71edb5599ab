"""Registrants are personal data: only the event's organisers and moderators see them; they
never reach the API, feeds, search, logs or other organisers; they are erased a set number
of days after the event (and at once on cancellation)."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from events.registration.impact import REGISTRATIONS
from events.registration.lifecycle import erase_due
from events.registration.models import Registrant
from home.cocreation.roles import MODERATORS
from home.impact.selection import Selection
from home.impact.series import count_series
from tests.events.factories import EventPageFactory
from tests.events.registration_helpers import form_data, open_registration, register_url
from tests.factories import PartnerOrganisationFactory
from tests.home.factories import make_user
from tests.stories.test_logs import all_logs  # noqa: F401 - the fixture that keeps every log line

pytestmark = pytest.mark.django_db

NAME = "Zephyrine Quillfeather"
EMAIL = "zephyrine.q@example.invalid"
NEEDS = "Sign language interpreter please"


@pytest.fixture
def world(event_index):
    ours = PartnerOrganisationFactory(name="Ours")
    theirs = PartnerOrganisationFactory(name="Theirs")
    event = EventPageFactory(parent=event_index, organisation=ours, slug="private-evening")
    setup = open_registration(event, capacity=1)
    client = Client()
    client.post(
        register_url(event),
        form_data(name=NAME, email=EMAIL, accessibility_needs=NEEDS),
    )
    Group.objects.get_or_create(name=MODERATORS)
    people = {
        "editor": make_user("ours-editor", [ours.editors_group.name]),
        "lead": make_user("ours-lead", [ours.leads_group.name]),
        "other": make_user("their-editor", [theirs.editors_group.name]),
        "moderator": make_user("moderator", [MODERATORS]),
    }
    return {"event": event, "setup": setup, "people": people}


def _get(user, url):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("editor", True), ("lead", True), ("moderator", True), ("other", False), (None, False)],
)
def test_only_organisers_and_moderators_see_and_export_registrants(world, who, allowed):
    user = world["people"][who] if who else None
    event = world["event"]
    for name in ("registration_admin_registrants", "registration_admin_export"):
        response = _get(user, reverse(name, args=[event.pk]))
        text = response.content.decode()
        if allowed:
            assert response.status_code == 200
            assert NAME in text and EMAIL in text and NEEDS in text
            assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
        else:
            assert response.status_code in (302, 403)
            assert NAME not in text and EMAIL not in text
    setup = _get(user, reverse("registration_admin_setup", args=[event.pk]))
    assert setup.status_code == (200 if allowed else setup.status_code)
    if not allowed:
        assert setup.status_code in (302, 403)


def test_other_organisers_do_not_see_the_event_in_their_list(world):
    response = _get(world["people"]["other"], reverse("registration_admin_index"))
    assert world["event"].title not in response.content.decode()
    mine = _get(world["people"]["editor"], reverse("registration_admin_index"))
    assert world["event"].title in mine.content.decode()


def test_csv_export_cannot_run_formulas(world):
    open_client = Client()
    open_client.post(
        register_url(world["event"]), form_data(name="=HYPERLINK(1)", email="f@example.org")
    )
    response = _get(
        world["people"]["moderator"], reverse("registration_admin_export", args=[world["event"].pk])
    )
    assert "'=HYPERLINK(1)" in response.content.decode()


def test_registrant_data_never_reaches_public_answers(world, client):
    event = world["event"]
    urls = [
        event.url,
        event.url + "register/thanks/",
        event.url + "event.ics",
        "/en/events/",
        "/en/events/feed.rss",
        "/en/events/feed.atom",
        "/en/events/feed.ics",
        "/api/v2/pages/?fields=*",
        f"/api/v2/pages/{event.pk}/?fields=*",
        "/api/v2/events/?fields=*",
        f"/api/v2/events/{event.pk}/",
        "/sitemap.xml",
    ]
    for url in urls:
        text = client.get(url).content.decode()
        for secret in (NAME, EMAIL, NEEDS, "zephyrine"):
            assert secret.lower() not in text.lower(), (url, secret)
    # Search echoes the words asked for, so: no result is found by a registrant's details.
    for words in (NAME.split()[1], EMAIL, "interpreter"):
        assert event.url not in client.get(f"/en/search/?q={words}").content.decode(), words


def test_cancel_link_and_addresses_never_reach_the_logs(event_index, all_logs):  # noqa: F811
    event = EventPageFactory(parent=event_index, slug="logged-evening")
    open_registration(event)
    client = Client()
    client.post(register_url(event), form_data(name=NAME, email=EMAIL))
    link = re.search(r"https?://\S+/registration/cancel/[\w-]+/", mail.outbox[0].body).group(0)
    token = link.rstrip("/").rsplit("/", 1)[1]
    client.get(link)
    client.post(link)
    client.get(event.url + "registration/cancel/" + token + "/")
    text = str(all_logs)
    for secret in (NAME, EMAIL, token):
        assert secret not in text


@override_settings(OPENLY_REGISTRATION_RETENTION_DAYS=30)
def test_personal_data_is_erased_after_the_event_and_counts_stay(world):
    person = Registrant.objects.get(email=EMAIL)
    end = world["event"].last_session.end
    assert erase_due(end + datetime.timedelta(days=29)) == 0
    assert erase_due(end + datetime.timedelta(days=31)) == 1
    person.refresh_from_db()
    assert person.name == person.email == person.accessibility_needs == person.token_hash == ""
    assert person.erased_at and person.status == "confirmed"
    month = timezone.localdate().replace(day=1)
    figures = count_series(REGISTRATIONS, Selection(period="all", today=timezone.localdate()))
    assert figures.cells == {(month.replace(month=1), "GR", "confirmed"): 1}
    call_command("erase_registrations", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_erasure_job_is_scheduled():
    from home.registry import periodic_jobs  # the registry read as the worker reads it

    assert "erase_registrations" in periodic_jobs


def test_the_event_editor_offers_registration_to_its_organisers_only(world):
    from events.registration.wagtail_hooks import registration_button  # the admin hook

    event = world["event"]
    target = reverse("registration_admin_registrants", args=[event.pk])
    for who, shown in [("editor", True), ("lead", True), ("moderator", True), ("other", False)]:
        buttons = list(registration_button(event, world["people"][who], "edit"))
        assert [button.url for button in buttons] == ([target] if shown else []), who
    admin = make_user("admin", superuser=True)
    page = _get(admin, reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert page.status_code == 200 and target in page.content.decode()
