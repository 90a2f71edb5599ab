"""Who may keep a copy: public pages are shared with every anonymous reader, everything
personal is ``private, no-store`` (home.http_cache)."""

import time
from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from wagtail.models import PageViewRestriction

from home.cache import GENERATION_KEY, retire_cached_content
from home.http_cache import CachePolicyMiddleware, private, public
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


def assert_public(response):
    control = cache_control(response)
    assert "public" in control
    assert any(part.startswith("s-maxage=") for part in control)
    assert any(part.startswith("stale-while-revalidate=") for part in control)
    assert "cookie" not in response.headers.get("Vary", "").lower()
    assert not response.cookies


def assert_private(response):
    assert {"private", "no-store"} <= cache_control(response)
    assert "public" not in cache_control(response)


def test_a_public_page_is_shared_with_every_anonymous_reader(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="about")
    response = client.get(page.url)
    assert response.status_code == 200
    assert_public(response)


def test_home_search_sitemap_and_robots_are_public(client, home_page):
    for url in ("/en/", "/en/search/?q=stigma", "/sitemap.xml", "/robots.txt"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_public(response)


def test_a_reader_cookie_does_not_change_the_policy(client, home_page):
    client.cookies["openly_country"] = "FR"
    client.cookies["_ga"] = "tracking"
    assert_public(client.get("/en/"))


def test_signed_in_users_get_private_pages(admin_client, home_page):
    assert_private(admin_client.get("/en/"))


def test_the_admin_and_unknown_responses_are_private(admin_client, client, home_page):
    assert_private(admin_client.get("/admin/"))
    assert_private(client.get("/admin/login/"))


def test_a_post_is_never_public(client, home_page):
    response = client.post("/en/")
    assert "public" not in cache_control(response)


def test_a_preview_is_private(admin_client, home_page):
    page = StandardPageFactory(parent=home_page, slug="draft-me")
    response = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert_private(response)


def test_pages_under_a_view_restriction_are_private(client, home_page):
    parent = StandardPageFactory(parent=home_page, slug="members")
    child = StandardPageFactory(parent=parent, slug="inside")
    PageViewRestriction.objects.create(
        page=parent, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    # The password form itself…
    assert_private(client.get(child.url))
    # …and the page once the reader gave the password.
    restriction = PageViewRestriction.objects.get(page=parent)
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{parent.pk}/",
        {"password": "secret", "return_url": child.url},
    )
    response = client.get(child.url)
    assert response.status_code == 200
    assert_private(response)
    restriction.delete()
    assert_public(client.get(child.url))


def middleware_answer(response, method="GET"):
    request = HttpRequest()
    request.method = method
    return CachePolicyMiddleware(lambda _request: response)(request)


def test_a_response_that_sets_a_cookie_is_never_shared():
    response = public(HttpResponse("hello"))
    response.set_cookie("csrftoken", "x")
    assert_private(middleware_answer(response))


def test_an_explicit_private_answer_stays_private():
    assert_private(middleware_answer(public(private(HttpResponse("mine")))))


def test_server_errors_are_not_shared():
    assert_private(middleware_answer(public(HttpResponse("oops", status=500))))


def test_a_page_made_while_the_content_changed_is_kept_by_no_cache():
    """Rendered partly from rows older than a change, it could reach Varnish after the
    change's ban and be kept for its whole s-maxage: the reader gets it, no cache keeps it."""

    def changed_while_rendering(_request):
        response = public(HttpResponse("made from old rows"))
        # Another process published meanwhile.
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
        return response

    def changed_by_this_request(_request):
        retire_cached_content()  # a first visit creating the site's settings, say
        return public(HttpResponse("made after its own change"))

    request = HttpRequest()
    request.method = "GET"
    response = CachePolicyMiddleware(changed_while_rendering)(request)
    assert response.content == b"made from old rows"
    assert_private(response)
    assert_public(middleware_answer(public(HttpResponse("made after the change"))))
    assert_public(CachePolicyMiddleware(changed_by_this_request)(request))


def test_the_generation_the_page_cache_read_is_the_one_compared(client, home_page, settings):
    """With the page cache on, the generation is read once, when the page cache looks up; a
    change after that (while the page renders) keeps the page out of every cache."""
    settings.OPENLY_PAGE_CACHE = True
    page = StandardPageFactory(parent=home_page, slug="about")
    with patch("home.http_cache.generation", side_effect=lambda: "later"):
        response = client.get(page.url)
    assert response.status_code == 200
    assert_private(response)
    assert client.get(page.url).headers["X-Cache"] == "MISS"  # nothing was stored
    assert_public(client.get(page.url))
    assert client.get(page.url).headers["X-Cache"] == "HIT"
