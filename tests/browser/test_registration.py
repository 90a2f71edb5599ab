"""Registration in a real browser: register, the event fills up, the next person joins the
waiting list, the first cancels with their private link and the waiting person gets the
place; axe-core on the form, the thank-you and cancel pages, in en and ar."""

import re

import pytest
from django.core import mail

from events.registration.models import Registrant
from tests.browser.conftest import assert_no_axe_violations
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.events.registration_helpers import open_registration

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def event(translated_home):
    index = EventIndexPageFactory(parent=translated_home["en"], slug="events")
    event = EventPageFactory(parent=index, title="Open minds evening", slug="open-minds")
    open_registration(event, capacity=1)
    arabic = translated_home["ar"].locale
    ar_event = event.copy_for_translation(arabic, copy_parents=True)
    ar_event.title = "أمسية العقول المنفتحة"
    ar_event.save_revision().publish()
    return event


def register(page, url, name, email):
    page.goto(url + "#registration")
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_accessibility_needs").fill("Step-free access")
    page.locator("#id_consent").check()
    page.locator("#registration button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/register/thanks/(#.*)?$"))


def test_register_fill_up_wait_cancel_and_move_up(browser_page, live_server, event):
    page = browser_page
    url = live_server.url + event.url
    page.goto(url)
    assert page.locator("#registration").get_by_text("Only a few places left").is_visible()
    assert_no_axe_violations(page)
    register(page, url, "Ana Pop", "ana@example.org")
    assert page.get_by_role("heading", name="Thank you for registering").is_visible()
    assert_no_axe_violations(page)

    page.goto(url)
    assert page.get_by_text("Full: you can join the waiting list").is_visible()
    assert page.get_by_role("button", name="Join the waiting list").is_visible()
    register(page, url, "Ben Ode", "ben@example.org")
    assert dict(Registrant.objects.values_list("email", "status")) == {
        "ana@example.org": "confirmed",
        "ben@example.org": "waiting",
    }

    link = re.search(r"https?://\S+/registration/cancel/[\w-]+/", mail.outbox[0].body).group(0)
    page.goto(live_server.url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    assert page.get_by_role("heading", name="Cancel your registration?").is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Yes, cancel my registration").click()
    # The answer comes from a form sent after the click: wait for it, do not only look once.
    page.get_by_role("heading", name="Your registration is cancelled").wait_for()
    assert Registrant.objects.get(email="ben@example.org").status == "confirmed"
    assert any("ben@example.org" in m.to and "place came free" in m.subject for m in mail.outbox)

    page.goto(url)
    assert page.get_by_text("Full: you can join the waiting list").is_visible()


def test_arabic_event_page_with_the_form_has_no_serious_violations(
    browser_page, live_server, event
):
    page = browser_page
    page.goto(live_server.url + "/ar/events/open-minds/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#registration form").is_visible()
    assert_no_axe_violations(page)
    page.locator("#registration button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/register/(#.*)?$"))
    assert page.locator("#registration [data-error-summary]").is_visible()
    assert_no_axe_violations(page)
