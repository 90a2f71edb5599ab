"""Sharing and search engines, as a browser sees them: the social card an English and an
Arabic story or event names loads as a 1200 × 630 picture, the favicon loads, the share
links are plain links, a language without its own content says so and is not indexed;
axe-core stays clean on the pages that gained share links."""

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

NATURAL_SIZE = """url => new Promise((resolve, reject) => {
    const picture = new Image();
    picture.onload = () => resolve([picture.naturalWidth, picture.naturalHeight]);
    picture.onerror = () => reject(new Error("did not load: " + url));
    picture.src = url;
})"""


@pytest.fixture
def shared_site(translated_home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    arabic = translated_home["ar"].locale
    stories = StoryIndexPageFactory(parent=translated_home["en"])
    events = EventIndexPageFactory(parent=translated_home["en"], title="Events", slug="events")
    story = StoryPageFactory(parent=stories, title="The words I found", slug="words")
    event = EventPageFactory(parent=events, title="Library talk", slug="talk")
    for page in (stories, events):
        page.copy_for_translation(arabic).save_revision().publish()
    for page, title in ((story, "الكلمات التي وجدتها"), (event, "حديث في المكتبة")):
        translation = page.copy_for_translation(arabic)
        translation.title = title
        translation.save_revision().publish()
    return translated_home


@pytest.mark.parametrize(
    "path", ["/en/stories/words/", "/ar/stories/words/", "/en/events/talk/", "/ar/events/talk/"]
)
def test_a_shared_page_names_a_card_that_loads(browser_page, live_server, shared_site, path):
    page, base = browser_page, live_server.url
    page.goto(base + path)
    card = page.get_attribute('meta[property="og:image"]', "content")
    assert card.startswith(f"{base}/social-cards/")
    assert page.evaluate(NATURAL_SIZE, card) == [1200, 630]
    assert page.get_attribute('link[rel="canonical"]', "href") == base + path
    links = page.locator(".share__link")
    assert links.count() == 6
    for index in range(links.count()):
        assert links.nth(index).get_attribute("href").startswith(("mailto:", "https://"))
    icon = page.get_attribute('link[rel="icon"][type="image/svg+xml"]', "href")
    assert page.evaluate(NATURAL_SIZE, base + icon)[0] > 0
    assert_no_axe_violations(page)


def test_a_language_without_content_says_so_and_is_not_indexed(
    browser_page, live_server, shared_site
):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/de/stories/words/")
    assert page.get_attribute('meta[name="robots"]', "content") == "noindex"
    assert page.get_attribute('link[rel="canonical"]', "href") == f"{base}/en/stories/words/"
    notice = page.locator(".untranslated-notice")
    assert notice.is_visible()
    assert notice.get_attribute("lang") == "de"
    assert "Sprache" in notice.inner_text()
