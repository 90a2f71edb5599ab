"""Signing in to the admin in a browser test, as the co-creation roles' demo users."""

from urllib.parse import quote

from tests.home.factories import CONTENT_TYPES, PASSWORD

# The content type the browser tests edit: campaigns where that app is installed.
LABEL = "campaign" if "campaign" in [label for label, *_rest in CONTENT_TYPES] else "event"


def log_in(page, live_server, user, next_path=""):
    """Sign ``user`` in through the admin's login form, in a fresh set of cookies; the
    browser then shows ``next_path`` (an admin path), or the dashboard."""
    page.context.clear_cookies()
    query = f"?next={quote(next_path)}" if next_path else ""
    page.goto(f"{live_server.url}/admin/login/{query}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit], form input[type=submit]").first.click()
