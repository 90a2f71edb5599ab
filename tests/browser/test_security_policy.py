"""The Content-Security-Policy and Permissions-Policy in a real browser (home.security): every
public page type loads in English and Arabic without a single violation, the quick exit,
the crisis banner's country swap, the pledge form's token fetch and the click-to-load video
still work under the strict policy, and the admin's page editor, preview and translation
editor work under the admin's own policy."""

import re

import pytest
from wagtail.models import Site

from campaigns.models import PledgeSignature
from home.cocreation.roles import setup_roles
from home.models import SiteSettings
from tests.browser.admin import LABEL, log_in
from tests.campaigns.factories import CampaignIndexPageFactory, CampaignPageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import CrisisHelplineFactory, GetHelpPageFactory
from tests.home import factories
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

world = factories.world  # the shared co-creation fixture: users of every role and their pages

# Reported to the test through a binding (the developer protocol's, which no page policy
# limits), from a listener added before any of the page's own scripts run.
LISTEN = """
document.addEventListener("securitypolicyviolation", function (event) {
    window.openlyPolicyViolation([
        event.effectiveDirective, event.blockedURI, event.sourceFile + ":" + event.lineNumber,
        event.sample, document.location.pathname
    ].join(" | "));
});
"""
# What Chromium writes to the console about either policy: a refused script, style, frame,
# image or connection, or a Permissions-Policy it cannot read (an unknown feature).
POLICY_MESSAGE = re.compile(
    r"Content[- ]Security[- ]Policy|Permissions[- ]Policy|Refused to", re.IGNORECASE
)


class PolicyRecorder:
    """Every policy violation and every page error a browser page meets."""

    def __init__(self, page):
        self.found = []
        page.expose_function("openlyPolicyViolation", self._violation)
        page.add_init_script(LISTEN)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.append(f"page error: {error}"))

    def _violation(self, text):
        self.found.append(f"violation: {text}")

    def _console(self, message):
        if POLICY_MESSAGE.search(message.text):
            self.found.append(f"console {message.type}: {message.text}")

    def assert_none(self, where=""):
        assert not self.found, f"{where}\n" + "\n".join(self.found)


@pytest.fixture
def recorder(browser_page):
    return PolicyRecorder(browser_page)


@pytest.fixture
def public_site(translated_home, live_server):
    """Home, get-help, a campaign with its pledge form and a video, the events listing with
    an event, and a story with the share-your-story form, in English and Arabic; helplines
    in two countries; a quick exit to a page of the live server."""
    setup_roles()
    home = translated_home["en"]
    arabic = translated_home["ar"].locale
    get_help = GetHelpPageFactory(parent=home, title="Get help now", slug="get-help")
    campaigns = CampaignIndexPageFactory(parent=home)
    campaign = CampaignPageFactory(
        parent=campaigns,
        title="Open minds at work",
        slug="work",
        pledge_statement="I pledge to talk openly about mental health.",
        body=[
            {"type": "paragraph", "value": "<p>Let's talk about it at work.</p>"},
            {
                "type": "video",
                "value": {"title": "Why we talk", "url": "https://vimeo.com/76979871"},
            },
        ],
    )
    events = EventIndexPageFactory(parent=home, title="Events", slug="events")
    event = EventPageFactory(parent=events, title="Athens walk", slug="athens-walk")
    stories = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(
        parent=stories, title="The call I almost made", slug="the-call", content_notes=["suicide"]
    )
    for page in (get_help, campaigns, campaign, events, event, stories, story):
        page.copy_for_translation(arabic).save_revision().publish()
    CrisisHelplineFactory(name="SOS Amitié", country="FR", phone="09 72 39 40 50")
    CrisisHelplineFactory(name="Lifeline Ukraine", country="UA", phone="7333")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = f"{live_server.url}/robots.txt"
    settings.save()
    return {
        "home": "",
        "get-help": "get-help/",
        "campaign": "campaigns/work/",
        "events": "events/",
        "event": "events/athens-walk/",
        "story": "stories/the-call/",
        "share": "stories/share/",
    }


@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_public_page_type_loads_without_a_violation(
    browser_page, recorder, live_server, public_site, code
):
    page, base = browser_page, live_server.url
    for name, path in public_site.items():
        response = page.goto(f"{base}/{code}/{path}")
        assert response.status == 200, (name, code)
        policy = response.headers["content-security-policy"]
        assert "'unsafe-inline'" not in policy and "script-src 'self'" in policy, policy
        assert "camera=()" in response.headers["permissions-policy"]
        assert page.get_attribute("html", "dir") == ("rtl" if code == "ar" else "ltr")
        page.wait_for_load_state("load")
        # Open the language menu and step into each form, as a reader would.
        page.click(".language-switcher summary")
        if page.locator("form[data-form-tokens]").count():
            with page.expect_response(lambda answer: "/forms/token/" in answer.url):
                page.locator(
                    "form[data-form-tokens] input:visible, form[data-form-tokens] textarea:visible"
                ).first.focus()
        recorder.assert_none(f"{code} {name}")


def test_the_json_ld_of_campaigns_and_events_is_read_not_refused(
    browser_page, recorder, live_server, public_site
):
    """JSON-LD blocks are data: the strict script-src neither runs nor refuses them, so
    they need no nonce and no hash."""
    page, base = browser_page, live_server.url
    for path in (public_site["event"], public_site["campaign"]):
        page.goto(f"{base}/en/{path}")
        data = page.eval_on_selector_all(
            'script[type="application/ld+json"]', "nodes => nodes.map(n => JSON.parse(n.text))"
        )
        assert data and all(item.get("@context") for item in data), (path, data)
    recorder.assert_none()


def test_the_recorder_sees_what_the_policy_refuses(
    browser_page, recorder, live_server, public_site
):
    """The check can fail: an inline style and an inline script are refused and reported."""
    page = browser_page
    page.goto(f"{live_server.url}/en/")
    page.evaluate(
        """() => {
            document.querySelector("main").insertAdjacentHTML(
                "beforeend", '<p style="color: red">styled</p>');
            const script = document.createElement("script");
            script.textContent = "window.openlyRan = true;";
            document.body.appendChild(script);
        }"""
    )
    page.wait_for_function("() => true")
    assert page.evaluate("window.openlyRan === undefined")
    with pytest.raises(AssertionError) as failure:
        recorder.assert_none()
    assert "style-src" in str(failure.value) and "script-src" in str(failure.value)


def test_the_quick_exit_works_under_the_policy(browser_page, recorder, live_server, public_site):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/en/get-help/")
    page.goto(f"{base}/ar/")
    with page.expect_navigation():
        page.click("#quick-exit")
    assert page.url == f"{base}/robots.txt"
    page.go_back()
    assert page.url == f"{base}/en/get-help/"
    page.goto(f"{base}/en/")
    with page.expect_navigation():
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    assert page.url == f"{base}/robots.txt"
    recorder.assert_none()


def test_the_crisis_banner_swaps_country_under_the_policy(
    browser_page, recorder, live_server, public_site
):
    page, base = browser_page, live_server.url
    page.goto(f"{base}/en/get-help/")
    page.select_option("#country-picker", "UA")
    page.click(".country-picker button[type=submit]")
    page.wait_for_url(f"{base}/en/get-help/?country=UA")
    for path in ("/fr/", "/ar/", "/ar/campaigns/work/"):
        page.goto(f"{base}{path}")
        helplines = page.locator(".crisis-banner [data-helpline]").all_inner_texts()
        assert len(helplines) == 1 and "Lifeline Ukraine" in helplines[0], (path, helplines)
    recorder.assert_none()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_pledge_form_fetches_its_token_and_signs_under_the_policy(
    browser_page, recorder, live_server, public_site, code
):
    page, base = browser_page, live_server.url
    answered = []
    page.on("response", lambda answer: answered.append((answer.url, answer.status)))
    page.goto(f"{base}/{code}/campaigns/work/")
    page.fill("#id_name", "Marta")
    page.select_option("#id_country", "ES")
    page.click(".pledge__form button[type=submit]")
    page.wait_for_url(f"{base}/{code}/campaigns/work/?pledged=1#pledge")
    assert (f"{base}/forms/token/?form=pledge", 200) in answered
    assert page.locator(".pledge__thanks").is_visible()
    assert PledgeSignature.objects.filter(name="Marta", country="ES").count() == 1
    recorder.assert_none()


def test_the_video_player_may_be_framed_once_asked_for(
    browser_page, recorder, live_server, public_site
):
    page = browser_page
    page.goto(f"{live_server.url}/en/campaigns/work/")
    assert page.locator("iframe").count() == 0
    page.click("[data-video-load]")
    assert page.locator("iframe").get_attribute("src").startswith("https://player.vimeo.com/")
    # (The test's network guard refuses the player itself; the policy let it be asked for.)
    page.wait_for_timeout(200)
    recorder.assert_none()


def test_the_page_editor_and_its_preview_work_under_the_admin_policy(
    browser_page, recorder, live_server, world
):
    page, base = browser_page, live_server.url
    edited = world.pages_a[LABEL]
    log_in(page, live_server, world.editor_a)
    response = page.goto(f"{base}/admin/pages/{edited.pk}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.fill("#id_summary", "A calm summary written in the editor.")
    # The preview panel frames the preview from the admin itself (frame-ancestors 'self').
    page.click('[data-side-panel-toggle="preview"]')
    # (Wagtail loads each preview in a second frame, then puts it in the first one's place.)
    page.frame_locator("#w-preview-iframe").get_by_text("A calm summary").first.wait_for()
    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    assert "A calm summary" in page.input_value("#id_summary")
    # Signed in, the public page shows Wagtail's user bar under the strict policy.
    page.goto(f"{base}{edited.url}")
    page.click("wagtail-userbar [data-wagtail-userbar-trigger]")
    page.locator("wagtail-userbar #wagtail-userbar-items").wait_for()
    # Its accessibility checker (axe-core, run by Wagtail's own script) reports its findings.
    page.wait_for_load_state("networkidle")
    recorder.assert_none()


def test_the_translation_editor_works_under_the_admin_policy(
    browser_page, recorder, live_server, world
):
    from home.demo.building import translate_page

    french = translate_page(world.pages_a[LABEL], "fr", {}, publish_now=False)
    french.save_revision(user=world.translator)
    log_in(browser_page, live_server, world.translator)
    browser_page.goto(f"{live_server.url}/admin/pages/{french.pk}/edit/")
    # wagtail-localize's editor (a script-built page) lists the segments to translate.
    browser_page.locator("[data-openly-submit-translation]").wait_for()
    assert browser_page.locator(".js-translation-editor *").count() > 10
    recorder.assert_none()
