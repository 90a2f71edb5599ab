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


def banner_helplines(page):
    return page.locator(".crisis-banner [data-helpline]").all_inner_texts()


def test_the_country_chosen_on_get_help_shows_in_every_banner(browser_page, live_server, site):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/fr/")
    assert any("SOS Amitié" in text for text in banner_helplines(page))
    page.goto(f"{base}/en/get-help/")
    page.select_option("#country-picker", "UA")
    page.click(".country-picker button[type=submit]")
    page.wait_for_url(f"{base}/en/get-help/?country=UA")
    # Kept in the browser only: no cookie reaches the server.
    assert not [c for c in page.context.cookies() if c["name"] == "openly_country"]
    for path in ("/en/", "/fr/", "/ar/"):
        page.goto(f"{base}{path}")
        texts = banner_helplines(page)
        assert len(texts) == 1 and "Lifeline Ukraine" in texts[0], (path, texts)
        assert page.locator(".crisis-banner").get_attribute("data-country") == "UA"
        # The emergency number and the get-help link stay; focus has not moved.
        assert page.locator('.crisis-banner a[href="tel:112"]').is_visible()
        assert page.locator('.crisis-banner a[href$="/get-help/"]').is_visible()
        assert page.evaluate("document.activeElement === document.body")
    assert_no_axe_violations(page)
    # The first Tab still goes to the quick exit.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    # "All countries" forgets the choice: each language's own helplines come back.
    page.goto(f"{base}/en/get-help/?country=")
    page.goto(f"{base}/fr/")
    assert any("SOS Amitié" in text for text in banner_helplines(page))
    page.goto(f"{base}/en/")
    assert banner_helplines(page) == []


def test_without_javascript_the_banner_shows_the_languages_helplines(
    browser_page_without_javascript, live_server, site
):
    page = browser_page_without_javascript
    page.goto(f"{live_server.url}/en/get-help/?country=UA")
    page.goto(f"{live_server.url}/fr/")
    texts = banner_helplines(page)
    assert len(texts) == 1 and "SOS Amitié" in texts[0]
    assert page.locator('.crisis-banner a[href="tel:112"]').is_visible()
    assert page.locator('.crisis-banner a[href$="/get-help/"]').is_visible()


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
