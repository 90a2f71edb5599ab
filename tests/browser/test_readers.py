"""Readers on phones, in right-to-left Arabic and with a keyboard, on every public page type
of the demo site, in English and Arabic:

- no page scrolls sideways at 320, 375 or 768 px, and axe-core finds nothing serious there;
- every part of a page in another language than the page's carries its own lang (and so
  its direction): English left untranslated in an Arabic page reads left to right;
- on a phone the event filters fold behind one button that tells the number of events;
- after a failed submit focus is on the error summary; listings offer "Skip to results";
- the quick exit offers "Esc twice" only when the script that handles it runs;
- every page has a sensible title, a description, a canonical address (search results and
  the story form: noindex; a missing page: none), Open Graph and, on the home page, the
  site's JSON-LD;
- on a desktop, every home section's cards fill their rows, in every demo language.

One test runs every check, in each language, on a copy of the run's one load of the demo
(tests/demo_database.py); browser tests commit, so the tables are emptied after it."""

import re

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (320, 375, 768)
LANGUAGES = ("en", "ar")
DEMO_LANGUAGES = ("en", "fr", "uk", "ar")

# Text of two scripts: Latin words in a run of four or more (a sentence, not a name or a
# number), and Arabic letters. Each must sit in an element of its own language, or be
# isolated (<bdi>, dir) where its language is not known (another organisation's name).
CHECK_LANGUAGES = """() => {
    const LATIN_RUN = /[A-Za-z][A-Za-z'’-]*(?:[\\s,.:;()–-]+[A-Za-z][A-Za-z'’-]*){3,}/;
    const ARABIC = /[\\u0600-\\u06FF]/;
    const main = document.querySelector("main");
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const wrong = [];
    let english = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (element.closest("script, style, template, [hidden], option")) { continue; }
        const text = node.textContent.trim();
        if (!text) { continue; }
        const language = (element.closest("[lang]") || document.documentElement).lang;
        const isolated = element.closest("bdi, [dir=auto], [dir=ltr]");
        if (ARABIC.test(text)) {
            if (!language.startsWith("ar")) { wrong.push(`Arabic in ${language}: ${text}`); }
        } else if (LATIN_RUN.test(text)) {
            if (language.startsWith("en")) {
                english += 1;
                if (getComputedStyle(element).direction !== "ltr") {
                    wrong.push(`English laid out right to left: ${text}`);
                }
            } else if (!isolated) {
                wrong.push(`English in ${language}: ${text}`);
            }
        }
    }
    return {wrong: wrong.map((line) => line.slice(0, 100)), english};
}"""

# What a search engine and a sharing site read in the head.
HEAD = """() => {
    const value = (selector, name) => document.querySelector(selector)?.getAttribute(name) || "";
    return {
        title: document.title,
        description: value('meta[name="description"]', "content"),
        canonical: value('link[rel="canonical"]', "href"),
        robots: value('meta[name="robots"]', "content"),
        ogTitle: value('meta[property="og:title"]', "content"),
        ogImage: value('meta[property="og:image"]', "content"),
        icon: value('link[rel="icon"]', "href"),
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')]
            .map((script) => JSON.parse(script.textContent))
            .map((data) => [data].flat().map((item) => item["@graph"] || item).flat())
            .flat().map((item) => item["@type"]),
    };
}"""

SIDEWAYS = """() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
})"""


def public_pages():
    """{language: {page type: address}}: one page of each public type in each language."""
    # Models are imported here, not at the top: the browser tests' conftest must load
    # without the app registry (it is collected before Django is set up).
    from campaigns.models import CampaignIndexPage, CampaignPage, ResourceIndexPage, ResourcePage
    from campaigns.stories.models import StoryIndexPage, StoryPage
    from events.models import EventIndexPage, EventPage
    from home.models import GetHelpPage, HomePage, StandardPage
    from home.partners.models import PartnerIndexPage, PartnerPage

    pages = {}
    for code in LANGUAGES:

        def first(model, code=code):
            page = model.objects.live().filter(locale__language_code=code).first()
            assert page is not None, (model, code)
            return page.url

        pledges = CampaignPage.objects.live().exclude(pledge_statement="").filter(pledge_open=True)
        story_index = first(StoryIndexPage)
        pages[code] = {
            "home": first(HomePage),
            "campaign index": first(CampaignIndexPage),
            "campaign": first(CampaignPage),
            "pledge campaign": pledges.filter(locale__language_code=code).first().url,
            "story index": story_index,
            "story": first(StoryPage),
            "story form": f"{story_index}share/",
            "event index": first(EventIndexPage),
            "event": first(EventPage),
            "resource index": first(ResourceIndexPage),
            "resource": first(ResourcePage),
            "partner index": first(PartnerIndexPage),
            "partner": first(PartnerPage),
            "get help": first(GetHelpPage),
            "standard page": first(StandardPage),
            "search": f"/{code}/search/?q=depression",
            "404": f"/{code}/no-page-here/",
        }
    return pages


@pytest.fixture
def demo(live_server, demo_site):
    """The demo site (the run's one load of it, tests/demo_database.py); the addresses of
    its pages of each public type."""
    return public_pages()


def visit(page, base, name, path):
    response = page.goto(f"{base}{path}")
    assert response.status == (404 if name == "404" else 200), (name, path)


def check_every_page_once(page, base, demo, code):
    """Each public page type, loaded once (a load is what costs: the page is laid out again
    at each width, as when a phone turns): at 320, 375 and 768 px it does not scroll
    sideways, and axe-core finds nothing serious at 375 px; every part in another language
    carries its own; its head has what search engines and sharing sites read."""
    wide, wrong, english, partial = [], [], 0, 0
    for name, path in demo[code].items():
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        visit(page, base, name, path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            size = page.evaluate(SIDEWAYS)
            if size["scroll"] > size["width"]:
                wide.append(f"{width}px {name} {path}: {size['scroll']}px wide")
            if width == 375:
                assert_no_axe_violations(page)
        found = parts_in_their_language(page, name, code)
        wrong += found["wrong"]
        english += found["english"]
        partial += found["partial"]
        check_head(name, page.evaluate(HEAD), base, code)
    assert not wide, "\n".join(wide)
    assert not wrong, "\n".join(wrong)
    # The check sees overflow when there is some.
    page.set_viewport_size({"width": 320, "height": 800})
    visit(page, base, "home", demo[code]["home"])
    assert {"Organization", "WebSite"} <= set(page.evaluate(HEAD)["jsonLd"]), code
    page.evaluate(
        "document.querySelector('main').append(Object.assign("
        "document.createElement('div'), {style: 'width: 500px; height: 1px'}))"
    )
    assert page.evaluate(SIDEWAYS)["scroll"] > 320
    if code == "ar":
        check_untranslated_parts_are_marked(page, base, demo, english, partial)


def parts_in_their_language(page, name, code):
    """The loaded page's parts in a language other than its own: those not marked, how many
    English runs there are, and how many partial-translation notices."""
    assert page.get_attribute("html", "lang") == code
    found = page.evaluate(CHECK_LANGUAGES)
    if code == "en":
        # An English page marks no part as another language.
        assert not page.locator("main [lang]:not(option)").count(), name
    return {
        "wrong": [f"{name}: {line}" for line in found["wrong"]],
        "english": found["english"],
        "partial": page.locator(".untranslated-notice--partial").count(),
    }


def check_untranslated_parts_are_marked(page, base, demo, english, partial):
    # The demo's translations are partial: English parts were found, marked, and the
    # reader was told, in Arabic.
    assert english > 10 and partial > 3, (english, partial)
    notice = page.locator(".untranslated-notice--partial")
    visit(page, base, "campaign", demo["ar"]["campaign"])
    assert re.search("[\u0600-\u06ff]", page.locator(".untranslated-notice--partial").inner_text())
    assert notice.get_attribute("lang") is None  # in the page's own language
    # "1 in 6" and the like keep their order inside Arabic text.
    marked = page.locator('main [lang="en"]').first
    assert (
        page.evaluate("element => getComputedStyle(element).direction", marked.element_handle())
        == "ltr"
    )


def check_event_filters_fold_on_a_phone(with_script, without_script, base, demo, code):
    for page in (with_script, without_script):
        page.set_viewport_size({"width": 375, "height": 800})
        visit(page, base, "event index", demo[code]["event index"])
        panel = page.locator("[data-filters-panel]")
        toggle = panel.locator("summary")
        assert panel.get_attribute("open") is None
        assert not page.locator("#filter-country").is_visible()
        # The button tells how many events there are, and the results follow it at once.
        count = page.locator("#event-results-heading").inner_text()
        assert re.search(r"\d", count) and count in toggle.inner_text()
        below = page.locator("#event-results-heading").bounding_box()["y"]
        assert below - toggle.bounding_box()["y"] < 150
        # Unfolded, the filters work, with or without JavaScript.
        toggle.click()
        country = page.locator("#filter-country option:not([value=''])").first
        page.select_option("#filter-country", country.get_attribute("value"))
        with page.expect_navigation():
            page.locator(".event-filters button[type=submit]").click()
        assert "country=" in page.url
    assert_no_axe_violations(with_script)
    # Where the filters sit beside the results they are unfolded.
    page = with_script
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, base, "event index", demo[code]["event index"])
    assert page.locator("#filter-country").is_visible()


def focused(page):
    return page.evaluate(
        "document.activeElement && document.activeElement.hasAttribute('data-error-summary')"
    )


def check_focus_goes_to_the_error_summary(page, base, demo, code):
    forms = {
        "story form": "form.story-form button[type=submit]",
        "pledge campaign": ".pledge__form button[type=submit]",
    }
    for name, button in forms.items():
        visit(page, base, name, demo[code][name])
        # The form first fetches its token (js/forms.js), then sends: wait for the answer.
        with page.expect_navigation():
            page.click(button)
        page.locator("[data-error-summary]:focus").wait_for()
        summary = page.locator("[data-error-summary]")
        assert summary.get_attribute("role") == "alert"
        # Its links lead to the fields to fix.
        link = summary.locator("a[href^='#id_']").first
        target = link.get_attribute("href")
        link.click()
        assert page.evaluate("'#' + document.activeElement.id") == target, name
        assert_no_axe_violations(page)
    # Filters that cannot be used are a summary too.
    visit(
        page,
        base,
        "event index",
        demo[code]["event index"] + "?date_from=2026-10-11&date_to=2026-10-01",
    )
    assert focused(page)


def check_listings_offer_a_skip_to_results(page, base, demo, code):
    listings = {
        "event index": demo[code]["event index"] + "?format=online",
        "resource index": demo[code]["resource index"],
        "search": demo[code]["search"],
    }
    for name, path in listings.items():
        visit(page, base, name, path)
        # Quick exit, skip to main content, skip to results.
        for _ in range(3):
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#results", name
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "results", name
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "document.getElementById('results').contains(document.activeElement)"
        )
        assert inside, name
    # A page without results has no such link.
    visit(page, base, "story", demo[code]["story"])
    assert not page.locator("a.skip-link[href='#results']").count()


def check_quick_exit_offers_esc_only_with_javascript(with_script, without_script, base, demo, code):
    with_script.goto(f"{base}{demo[code]['home']}")
    assert with_script.locator("#quick-exit .quick-exit__hint").is_visible()
    without_script.goto(f"{base}{demo[code]['home']}")
    exit_button = without_script.locator("#quick-exit")
    assert exit_button.is_visible() and exit_button.inner_text().strip()
    assert not exit_button.locator(".quick-exit__hint").is_visible()


# For every card list in the page: its width, and per row of cards (cards at the same
# height) the width from the first card's outer edge to the last one's.
ROWS = """() => [...document.querySelectorAll("main ul.cards")].map((list) => {
    const rows = {};
    for (const item of list.children) {
        const box = item.getBoundingClientRect();
        const row = (rows[Math.round(box.top)] ||= {left: box.left, right: box.right});
        row.left = Math.min(row.left, box.left);
        row.right = Math.max(row.right, box.right);
    }
    const heading = list.closest("section")?.querySelector("h2")?.textContent.trim();
    return {
        heading,
        cards: list.children.length,
        width: list.getBoundingClientRect().width,
        rows: Object.values(rows).map((row) => row.right - row.left),
    };
})"""


def check_head(name, head, base, code):
    title = head["title"]
    assert title and title.count("Openly") == 1 and len(title) < 120, (name, title)
    assert len(head["description"]) >= 20, (name, head)
    assert head["icon"], (name, head)
    if name == "404":  # its status keeps it out of search engines
        assert not head["canonical"], (name, head)
        return
    if name == "search":
        assert "noindex" in head["robots"] and not head["canonical"], (name, head)
        return
    if name == "story form":  # a form for one reader, kept out of search engines
        assert "noindex" in head["robots"], (name, head)
        return
    assert head["canonical"].startswith(base + f"/{code}/"), (name, head)
    assert "noindex" not in head["robots"], (name, head)
    assert head["ogTitle"] and head["ogImage"].startswith(base), (name, head)


def check_home_sections_fill_their_rows(page, base, code):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/{code}/")
    sections = page.evaluate(ROWS)
    assert len(sections) >= 4, code
    for section in sections:
        assert section["cards"] >= 3, (code, section)
        # Every row of cards spans the section: no card alone beside empty columns.
        assert all(row >= section["width"] - 2 for row in section["rows"]), (code, section)


# Slow by nature (minutes): it reads the whole demo as phone, keyboard
# and desktop readers would, in each language.
def test_readers_on_phones_in_their_language_and_with_a_keyboard(
    browser_page, browser_page_without_javascript, live_server, demo
):
    page, base, without_script = browser_page, live_server.url, browser_page_without_javascript
    for code in LANGUAGES:
        check_every_page_once(page, base, demo, code)
        check_quick_exit_offers_esc_only_with_javascript(page, without_script, base, demo, code)
        check_listings_offer_a_skip_to_results(page, base, demo, code)
        check_focus_goes_to_the_error_summary(page, base, demo, code)
        check_event_filters_fold_on_a_phone(page, without_script, base, demo, code)
    for code in DEMO_LANGUAGES:
        check_home_sections_fill_their_rows(page, base, code)
