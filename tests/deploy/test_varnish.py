"""The repository's VCL (deploy/varnish/openly.vcl) in a real Varnish in front of Django's
live server: anonymous pages are cached, a publication shows on the next request, private
pages never come from the cache, readers' cookies neither bypass nor split it, and only
allowed addresses may purge.

One varnishd for the module, on a free 127.0.0.1 port, in a temporary working folder. Without
varnishd the tests are skipped on a developer's machine (apt-get install varnish) but fail
on CI (CI=true), so a skip never hides a failure there.
"""

import http.client
import os
import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Site

from campaigns.stories.tokens import hash_token, new_status_token
from home.frontend_cache import VarnishBackend
from home.models import SiteSettings
from tests.factories import StandardPageFactory
from tests.stories.factories import (
    ContributorRecordFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from tests.varnish import VARNISHD, running_varnish

pytestmark = pytest.mark.django_db(transaction=True)

# Varnish reads its ACL at compile time: 127.0.0.1 may purge, 127.0.0.2 (also this
# machine's loopback, but not in the ACL) may not.
OUTSIDER = "127.0.0.2"
MALFORMED_IF_NONE_MATCH = ['"unterminated', "W/", ",,,", 'W/"a", junk "b', "x" * 3000]


@pytest.fixture(scope="module")
def varnish(live_server, tmp_path_factory):
    """varnishd with the repository's VCL in front of the live server; its port."""
    if VARNISHD is None:
        if os.environ.get("CI"):
            pytest.fail("The Varnish tests need varnishd (apt-get install varnish)")
        pytest.skip("varnishd is not installed (apt-get install varnish)")
    backend_host, backend_port = live_server.url.removeprefix("http://").rsplit(":", 1)
    with running_varnish(tmp_path_factory.mktemp("varnish"), backend_host, backend_port) as port:
        yield port


@pytest.fixture(autouse=True)
def through_varnish(varnish, settings, home_page):
    """Django purges this Varnish; every test starts with it empty."""
    settings.OPENLY_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "home.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{varnish}",
        }
    }
    SiteSettings.for_site(Site.objects.get())
    assert VarnishBackend({"LOCATION": f"http://127.0.0.1:{varnish}"}).ban_everything()


def request(port, path, method="GET", headers=None, source=None):
    """(status, headers, body) of one request to 127.0.0.1:``port``."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(source, 0) if source else None
    )
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def x_cache(port, path, **kwargs):
    status, headers, _body = request(port, path, **kwargs)
    assert status < 500, (path, status)
    return headers.get("X-Cache")


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About us", slug="about")


def test_the_second_anonymous_get_is_a_hit(varnish, about):
    status, headers, first = request(varnish, about.url)
    assert (status, headers["X-Cache"]) == (200, "MISS")
    status, headers, second = request(varnish, about.url)
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert second == first
    assert "public" in headers["Cache-Control"]
    assert x_cache(varnish, about.url, method="HEAD") == "HIT"


def test_a_hit_carries_the_security_headers_the_page_was_stored_with(varnish, about):
    _status, miss, _body = request(varnish, about.url)
    _status, hit, _body = request(varnish, about.url)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    for header in ("Content-Security-Policy", "Permissions-Policy"):
        assert hit[header] and hit[header] == miss[header], header
    assert "'unsafe-inline'" not in hit["Content-Security-Policy"]


def test_a_publication_shows_on_the_next_request(varnish, home_page, about):
    menu = StandardPageFactory(parent=home_page, title="Campaigns", show_in_menus=True)
    for url in ("/en/", about.url):
        request(varnish, url)
        assert x_cache(varnish, url) == "HIT"
    menu.title = "Our campaigns"
    menu.save_revision().publish()  # commits, then bans the site in Varnish
    published = time.monotonic()
    for url in ("/en/", about.url):
        _status, headers, body = request(varnish, url)
        assert ">Our campaigns</a>" in body.decode(), url
        assert headers["X-Cache"] == "MISS"
    assert time.monotonic() - published < 1


def test_admin_preview_status_and_thank_you_pages_are_never_hits(varnish, home_page, about):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    browser = Client()
    browser.force_login(editor)
    session = f"sessionid={browser.cookies['sessionid'].value}"
    index = StoryIndexPageFactory(parent=home_page)
    story = StoryPageFactory(parent=index)
    token = new_status_token()
    ContributorRecordFactory(page=story, token_hash=hash_token(token))
    request(varnish, about.url)  # an anonymous copy is in the cache
    private = [
        ("/admin/login/", {}),
        ("/admin/", {"Cookie": session}),
        (f"/admin/pages/{about.pk}/edit/preview/", {"Cookie": session}),
        (about.url, {"Cookie": session}),
        (f"/en/stories/status/{token}/", {}),
        ("/en/stories/status/", {}),
        ("/forms/token/?form=pledge", {}),
        ("/en/stories/share/thanks/", {"Cookie": "openly_story_thanks=signed"}),
        ("/en/stories/share/thanks/", {}),
    ]
    for _round in range(2):
        for path, headers in private:
            assert x_cache(varnish, path, headers=headers) != "HIT", path
    assert x_cache(varnish, about.url, method="POST") != "HIT"
    # The empty share-your-story form is the same for everyone, so it is shared.
    request(varnish, "/en/stories/share/")
    assert x_cache(varnish, "/en/stories/share/") == "HIT"


def test_reader_cookies_neither_bypass_nor_split_the_cache(varnish, about):
    cookies = {"Cookie": "openly_country=FR; _ga=GA1.2.3; csrftoken=abcdef"}
    _status, _headers, plain = request(varnish, about.url)
    status, headers, with_cookies = request(varnish, about.url, headers=cookies)
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert with_cookies == plain
    request(varnish, "/en/", headers=cookies)
    assert x_cache(varnish, "/en/") == "HIT"


def test_only_allowed_addresses_may_purge_or_ban(varnish, about):
    request(varnish, about.url)
    for method in ("PURGE", "BAN"):
        status, _headers, _body = request(varnish, about.url, method=method, source=OUTSIDER)
        assert status == 403, method
    assert x_cache(varnish, about.url) == "HIT"
    status, _headers, _body = request(varnish, about.url, method="PURGE")
    assert status == 200
    assert x_cache(varnish, about.url) == "MISS"


def test_a_malformed_if_none_match_gets_a_normal_answer(varnish, live_server, about):
    direct = int(live_server.url.rsplit(":", 1)[1])
    for port in (varnish, direct):
        for path in (about.url, "/en/", "/sitemap.xml"):
            for value in MALFORMED_IF_NONE_MATCH * 2:
                status, _headers, _body = request(port, path, headers={"If-None-Match": value})
                assert status in (200, 304), (port, path, value, status)
