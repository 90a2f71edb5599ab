"""Stories in a real browser: share a story in French, follow the private link, withdraw
it; axe-core on the form, the thank-you page and a story with content notes (en and ar)."""

import pytest

from campaigns.stories.constants import ContributorState
from campaigns.stories.models import ContributorRecord, StoryPage
from home.cocreation.roles import setup_roles
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import CrisisHelplineFactory
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stories_site(translated_home, settings):
    """A story section in en, fr and ar with one published story with content notes."""
    settings.OPENLY_STORY_MIN_FILL_SECONDS = 0
    index = StoryIndexPageFactory(parent=translated_home["en"])
    for code in ("fr", "ar"):
        index.copy_for_translation(translated_home[code].locale).save_revision().publish()
    setup_roles()
    CrisisHelplineFactory(name="SOS Amitié", country="FR", phone="09 72 39 40 50")
    story = StoryPageFactory(
        parent=index,
        title="The call I almost did not make",
        slug="the-call",
        content_notes=["suicide"],
    )
    story.copy_for_translation(translated_home["ar"].locale).save_revision().publish()
    return index


def _share(page, base, code):
    page.goto(f"{base}/{code}/stories/share/")
    page.fill("#id_title", "Parler m'a aidé")
    page.fill(
        "#id_body",
        "J'ai longtemps pensé que je devais m'en sortir seul. En parler à une amie a été "
        "le premier pas.",
    )
    assert page.locator("[data-story-counter-output]").first.is_visible()
    page.check("#id_consent_process")
    page.check("#id_consent_publish")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/{code}/stories/share/thanks/")


def test_share_in_french_follow_the_link_and_withdraw(browser_page, live_server, stories_site):
    page, base = browser_page, live_server.url
    _share(page, base, "fr")
    assert page.get_attribute("html", "lang") == "fr"
    link = page.locator(".story-status-link__url")
    status_link = link.get_attribute("href")
    assert "/fr/stories/status/" in status_link
    link.click()
    # The token leaves the address bar (and the history) for a short private session.
    page.wait_for_url(f"{base}/fr/stories/status/")
    assert status_link.rsplit("/", 2)[-2] not in page.url
    assert ContributorRecord.objects.get().state == ContributorState.RECEIVED
    assert_no_axe_violations(page)
    page.click(".story-withdraw a.button")
    page.click(".story-withdraw__confirm")
    page.wait_for_selector(".story-done")
    record = ContributorRecord.objects.get()
    assert record.state == ContributorState.WITHDRAWN
    # Withdrawal erases: the page is gone, the record is a tombstone.
    assert record.page_id is None and record.erased_at is not None
    assert not StoryPage.objects.filter(title="Parler m'a aidé").exists()
    # Without the session (cookies cleared, or hours later) the page asks for the link.
    page.context.clear_cookies()
    page.goto(f"{base}/fr/stories/status/")
    assert page.locator("h1").inner_text() == "Rouvrez votre lien privé"
    assert_no_axe_violations(page)
    page.goto(status_link)
    page.wait_for_url(f"{base}/fr/stories/status/")
    assert page.locator(".story-done, .story-status__facts").first.is_visible()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_axe_on_form_thank_you_and_story_with_content_notes(
    browser_page, live_server, stories_site, code
):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/{code}/stories/share/")
    assert_no_axe_violations(page)
    _share(page, base, code)
    assert page.locator(".story-status-link__url").is_visible()
    assert_no_axe_violations(page)
    page.goto(f"{base}/{code}/stories/the-call/")
    assert page.locator(".content-notice").is_visible()
    assert_no_axe_violations(page)
    # The skip link takes keyboard users past the story.
    page.click(".content-notice__skip")
    assert page.evaluate("document.activeElement.id") == "story-end"


def test_form_errors_are_announced_and_linked(browser_page, live_server, stories_site):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/en/stories/share/")
    page.click("button[type=submit]")
    alert = page.locator(".story-alert[role=alert]")
    # The form first fetches its token (js/forms.js), then sends: wait for the answer.
    alert.wait_for(state="visible")
    assert alert.is_visible()
    assert alert.locator("a[href='#id_title']").count() == 1
    assert_no_axe_violations(page)
