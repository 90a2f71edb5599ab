"""The embedded page cache (home.page_cache): anonymous readers' public pages come from
Django's cache, keyed by content generation, host, path and query string; nothing private
is ever stored."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Site

from home.cache import generation, retire_cached_content
from home.http_cache import CachePolicyMiddleware, public
from home.models import SiteSettings
from home.page_cache import PageCacheMiddleware, storable
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

MALFORMED_IF_NONE_MATCH = [
    '"unterminated',
    "W/",
    ",,,",
    "*, *",
    'W/"a", junk "b',
    "\u00ff\u00fe",
    "x" * 5000,
]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.OPENLY_PAGE_CACHE = True


@pytest.fixture(autouse=True)
def site_settings(request):
    """The site settings row exists (the first page that reads them would create it, and
    that change retires the page it is part of)."""
    if "home_page" in request.fixturenames or "about" in request.fixturenames:
        request.getfixturevalue("home_page")
        SiteSettings.for_site(Site.objects.get())


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About us", slug="about")


def x_cache(response):
    return response.headers.get("X-Cache")


def test_the_second_anonymous_get_is_a_hit(client, about):
    first = client.get(about.url)
    second = client.get(about.url)
    assert (x_cache(first), x_cache(second)) == ("MISS", "HIT")
    assert second.content == first.content
    assert second.headers["Cache-Control"] == first.headers["Cache-Control"]
    assert "public" in second.headers["Cache-Control"]
    assert int(second.headers["Age"]) >= 0


def test_a_hit_runs_no_query(client, about, django_assert_num_queries):
    client.get(about.url)
    with django_assert_num_queries(0):
        assert x_cache(client.get(about.url)) == "HIT"


def test_head_is_served_from_the_cache_too(client, about):
    assert x_cache(client.head(about.url)) == "MISS"
    assert x_cache(client.head(about.url)) == "HIT"
    client.get("/en/")
    response = client.head("/en/")
    assert x_cache(response) == "HIT"
    assert response.content == b""


def test_reader_cookies_neither_bypass_nor_split_the_cache(client, about):
    assert x_cache(client.get(about.url)) == "MISS"
    client.cookies["openly_country"] = "FR"
    client.cookies["_ga"] = "GA1.2.3"
    client.cookies["csrftoken"] = "x" * 32
    assert x_cache(client.get(about.url)) == "HIT"


def test_a_session_cookie_bypasses_the_cache(client, about):
    client.cookies["sessionid"] = "whoever"
    response = client.get(about.url)
    assert response.status_code == 200
    assert x_cache(response) is None
    del client.cookies["sessionid"]
    # Nothing was stored for the reader with a session.
    assert x_cache(client.get(about.url)) == "MISS"


def test_signed_in_editors_neither_get_nor_fill_the_cache(admin_client, client, about):
    client.get(about.url)
    response = admin_client.get(about.url)
    assert x_cache(response) is None
    assert response.status_code == 200
    assert "private" in response.headers["Cache-Control"]


def test_host_path_and_query_string_each_have_their_own_entry(client, about):
    assert x_cache(client.get("/en/search/?q=stigma")) == "MISS"
    assert x_cache(client.get("/en/search/?q=anxiety")) == "MISS"
    assert x_cache(client.get("/en/search/?q=stigma")) == "HIT"
    assert x_cache(client.get("/en/search/?q=stigma&page=2")) == "MISS"
    assert x_cache(client.get(about.url, HTTP_HOST="other.example.org")) == "MISS"
    assert x_cache(client.get(about.url)) == "MISS"
    assert x_cache(client.get(about.url, HTTP_HOST="other.example.org")) == "HIT"


def test_each_language_has_its_own_entry(client, translated_home):
    english = client.get("/en/").content
    french = client.get("/fr/")
    assert x_cache(french) == "MISS"
    assert french.content != english
    assert x_cache(client.get("/fr/")) == "HIT"
    assert client.get("/en/").content == english


def test_a_new_generation_retires_every_page(client, about):
    client.get(about.url)
    client.get("/en/")
    retire_cached_content()
    assert x_cache(client.get(about.url)) == "MISS"
    assert x_cache(client.get("/en/")) == "MISS"


def test_a_response_that_sets_a_cookie_is_never_stored(client, home_page):
    # The one Openly answer that sets a cookie for anonymous readers: the forms' token.
    for _ in range(2):
        response = client.get("/forms/token/?form=pledge")
        assert response.cookies
        assert x_cache(response) != "HIT"
    # Even marked public by mistake, a response that sets a cookie is not stored.
    response = public(HttpResponse("mine"))
    response.set_cookie("csrftoken", "x")
    assert not storable(response)


def test_private_and_unsafe_answers_are_never_stored(client, admin_client, about):
    for _ in range(2):
        assert x_cache(client.get("/admin/login/")) == "MISS"
        assert x_cache(client.post(about.url)) is None
        assert x_cache(client.get("/en/no-such-page/")) == "MISS"


def test_purge_and_ban_are_refused_by_the_application(client, about):
    client.get(about.url)
    for method in ("PURGE", "BAN"):
        response = client.generic(method, about.url)
        assert response.status_code == 405
        assert "private" in response.headers["Cache-Control"]
    assert x_cache(client.get(about.url)) == "HIT"


@pytest.mark.parametrize("value", MALFORMED_IF_NONE_MATCH)
def test_a_malformed_if_none_match_gets_a_normal_page(client, about, value):
    for url in (about.url, "/en/", "/sitemap.xml"):
        for _ in range(2):  # a miss, then a hit
            response = client.get(url, HTTP_IF_NONE_MATCH=value)
            assert response.status_code == 200, (url, value)


def test_a_hit_answers_a_matching_if_none_match_with_304(client, about):
    response = public(HttpResponse("feed"))
    response.headers["ETag"] = '"v1"'
    middleware = PageCacheMiddleware(CachePolicyMiddleware(lambda _request: response))
    factory = RequestFactory()
    assert x_cache(middleware(factory.get("/en/feed/"))) == "MISS"
    hit = middleware(factory.get("/en/feed/", HTTP_IF_NONE_MATCH='"v1"'))
    assert (hit.status_code, x_cache(hit)) == (304, "HIT")
    assert middleware(factory.get("/en/feed/", HTTP_IF_NONE_MATCH='"v0"')).status_code == 200


def test_a_page_rendered_across_a_change_is_not_served_after_it():
    """A request that began before a change stores its page under the generation it read
    then, which the change retired: the next reader gets a fresh page."""
    rendered = []

    def view(_request):
        rendered.append(generation())
        retire_cached_content()  # the change commits while this page renders
        return public(HttpResponse(f"page {len(rendered)}"))

    middleware = PageCacheMiddleware(CachePolicyMiddleware(view))
    factory = RequestFactory()
    assert middleware(factory.get("/en/")).content == b"page 1"
    second = middleware(factory.get("/en/"))
    assert (second.content, x_cache(second)) == (b"page 2", "MISS")


def test_nothing_is_stored_when_the_page_cache_is_off(client, about, settings):
    settings.OPENLY_PAGE_CACHE = False
    client.get(about.url)
    assert x_cache(client.get(about.url)) is None
    assert not [key for key in cache._cache if "openly:page" in key]
