"""What only a browser sees on the site chrome: quick exit, language switching,
keyboard order, right-to-left layout and axe-core."""

import pytest
from wagtail.models import Site

from home.models import SiteSettings
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import CrisisHelplineFactory, GetHelpPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(translated_home, live_server):
    """Home and get-help pages in en, fr, uk and ar, helplines, and a quick exit that
    leads to a page of the live server (tests never reach the internet)."""
    get_help = GetHelpPageFactory(parent=translated_home["en"])
    for code in ("fr", "uk", "ar"):
        get_help.copy_for_translation(translated_home[code].locale).save_revision().publish()
    CrisisHelplineFactory(name="SOS Amitié", country="FR", phone="09 72 39 40 50")
    CrisisHelplineFactory(name="Lifeline Ukraine", country="UA", phone="7333")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = f"{live_server.url}/robots.txt"
    settings.save()
    return translated_home


def test_home_page_in_english_and_arabic(browser_page, live_server, site):
    browser_page.goto(f"{live_server.url}/en/")
    assert browser_page.get_attribute("html", "lang") == "en"
    assert browser_page.get_attribute("html", "dir") == "ltr"
    assert browser_page.locator("h1").count() == 1
    assert browser_page.locator(".crisis-banner").is_visible()
    browser_page.goto(f"{live_server.url}/ar/")
    assert browser_page.get_attribute("html", "dir") == "rtl"
    # Mirrored layout: the quick-exit button sits on the left in Arabic.
    box = browser_page.locator("#quick-exit").bounding_box()
    assert box["x"] < 1280 / 2


def test_quick_exit_is_first_in_keyboard_order(browser_page, live_server, site):
    browser_page.goto(f"{live_server.url}/en/")
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.id") == "quick-exit"
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.activeElement.className") == "skip-link"


def test_quick_exit_by_pressing_escape_twice_replaces_history(browser_page, live_server, site):
    browser_page.goto(f"{live_server.url}/en/get-help/")
    browser_page.goto(f"{live_server.url}/en/")
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Escape")
        browser_page.keyboard.press("Escape")
    assert browser_page.url == f"{live_server.url}/robots.txt"
    # The page the reader left is gone from history: Back skips over it.
    browser_page.go_back()
    assert browser_page.url == f"{live_server.url}/en/get-help/"


def test_single_escape_does_not_exit(browser_page, live_server, site):
    browser_page.goto(f"{live_server.url}/en/")
    browser_page.keyboard.press("Escape")
    browser_page.wait_for_timeout(300)
    assert browser_page.url == f"{live_server.url}/en/"


def test_quick_exit_by_click(browser_page, live_server, site):
    browser_page.goto(f"{live_server.url}/en/get-help/")
    browser_page.goto(f"{live_server.url}/fr/")
    with browser_page.expect_navigation():
        browser_page.click("#quick-exit")
    assert browser_page.url == f"{live_server.url}/robots.txt"
    browser_page.go_back()
    assert browser_page.url == f"{live_server.url}/en/get-help/"


def test_language_switcher_leads_to_the_same_page(browser_page, live_server, site):
    browser_page.goto(f"{live_server.url}/en/get-help/")
    browser_page.click(".language-switcher summary")
    browser_page.click('.language-switcher a[lang="uk"]')
    browser_page.wait_for_url(f"{live_server.url}/uk/get-help/")
    assert browser_page.get_attribute("html", "lang") == "uk"
    browser_page.click(".language-switcher summary")
    browser_page.click('.language-switcher a[lang="ar"]')
    browser_page.wait_for_url(f"{live_server.url}/ar/get-help/")
    assert browser_page.get_attribute("html", "dir") == "rtl"


@pytest.mark.parametrize("path", ["/en/", "/ar/", "/en/get-help/", "/ar/get-help/"])
def test_axe_finds_no_serious_violations(browser_page, live_server, site, path):
    browser_page.goto(f"{live_server.url}{path}")
    assert_no_axe_violations(browser_page)
    # The open language menu is checked too.
    browser_page.click(".language-switcher summary")
    assert_no_axe_violations(browser_page)


def test_axe_check_detects_a_real_violation(browser_page, live_server, site):
    """The accessibility check can fail: an unlabeled form field is reported."""
    from tests.browser.conftest import axe_violations

    browser_page.goto(f"{live_server.url}/en/")
    browser_page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')"
    )
    assert "label" in {v["id"] for v in axe_violations(browser_page)}
