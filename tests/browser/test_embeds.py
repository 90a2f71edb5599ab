"""The embeds inside a partner's page on another origin (a second local port): they render
in the partner's frames in English and Arabic, at 300 px wide without sideways scrolling,
with axe-core finding nothing serious inside them, while any other page of the site is
refused in a frame."""

import functools
import http.server
import threading

import pytest

from tests.browser.conftest import axe_violations
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PledgeSignatureFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

HOST_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A partner's page</title></head>
<body><h1>Our partner's news</h1>
<iframe name="events" title="Upcoming events" src="{site}/{language}/embed/events/"
        width="300" height="500"></iframe>
<iframe name="pledge" title="Sign the pledge" src="{site}/{language}/embed/pledge/time-to-talk/"
        width="300" height="400"></iframe>
<iframe name="refused" title="The home page" src="{site}/{language}/"
        width="300" height="200"></iframe>
</body></html>"""


class PartnerPage(http.server.BaseHTTPRequestHandler):
    """Answers every GET with the partner's page framing the live server's addresses."""

    def __init__(self, *args, site, **kwargs):
        self.site = site
        super().__init__(*args, **kwargs)

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        language = self.path.strip("/") or "en"
        body = HOST_PAGE.format(site=self.site, language=language).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def partner_site(live_server):
    """A partner's web server on another local port (another origin) for the test's life."""
    handler = functools.partial(PartnerPage, site=live_server.url)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def partner_page(browser, live_server, partner_site):
    """A browser page that may reach the live server and the partner's server, nothing else."""
    context = browser.new_context(viewport={"width": 1000, "height": 1200})
    page = context.new_page()
    page.set_default_timeout(15_000)
    allowed = (live_server.url, partner_site, "data:")
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(allowed) else route.abort(),
    )
    yield page
    context.close()


@pytest.fixture
def embed_content(home_page):
    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=events, title="Walk and talk")
    campaigns = CampaignIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(
        parent=campaigns,
        title="Time to talk",
        slug="time-to-talk",
        pledge_statement="I pledge to talk openly about mental health.",
    )
    PledgeSignatureFactory.create_batch(3, campaign=campaign)


def frame(page, name):
    found = page.frame(name=name)
    assert found is not None, name
    found.wait_for_load_state()
    return found


@pytest.mark.parametrize("language", ["en", "ar"])
def test_embeds_render_in_a_partners_page_and_nothing_else_does(
    partner_page, partner_site, embed_content, language
):
    messages = []
    partner_page.on("console", lambda message: messages.append(message.text))
    partner_page.goto(f"{partner_site}/{language}/")
    partner_page.wait_for_load_state("load")
    events = frame(partner_page, "events")
    assert "Walk and talk" in events.locator(".embed__events").inner_text()
    pledge = frame(partner_page, "pledge")
    assert pledge.locator(".embed-pledge__count").inner_text().strip()[0] in "3٣"
    sign = pledge.locator("a.embed__button")
    assert sign.get_attribute("target") == "_blank"
    assert sign.get_attribute("href").endswith("/campaigns/time-to-talk/#pledge")
    for embedded in (events, pledge):
        direction = embedded.evaluate("document.documentElement.dir")
        assert direction == ("rtl" if language == "ar" else "ltr")
        # Readable at 300 px: nothing scrolls sideways.
        assert embedded.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        violations = axe_violations(embedded)
        assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]
    # The home page refuses to be framed: the browser says why, and the frame holds no
    # page of the site.
    assert any("frame-ancestors 'none'" in message for message in messages), messages
    refused = partner_page.frame(name="refused")
    assert refused is None or refused.locator(".site-header").count() == 0
