"""Security headers (home.security, django-csp, django-permissions-policy): every public page
type answers with one strict Content-Security-Policy — nothing inline, no nonce, nothing from
another site but the video players — and a Permissions-Policy; the admin has a working
policy of its own; the page cache stores the headers with the page (issue 12, point 6)."""

from urllib.parse import urlsplit

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.views.decorators.clickjacking import xframe_options_exempt
from wagtail.models import Site

from campaigns.blocks import video_embed_url
from home.models import SiteSettings
from home.security import ContentSecurityPolicyMiddleware
from tests.home import test_anonymous_html
from tests.home.test_anonymous_html import public_urls

pytestmark = pytest.mark.django_db

public_site = test_anonymous_html.public_site  # one page of every public type

UNUSED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")


def policy(response, header="Content-Security-Policy"):
    """{directive: [sources]} of ``response``'s policy (fails when it has none)."""
    value = response.headers.get(header)
    assert value, (getattr(response, "url", None), response.status_code, "no " + header)
    directives = {}
    for part in value.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} twice in {value}"
        directives[name] = sources
    return directives


def assert_strict(response):
    """The public policy: the site itself, nothing inline, no nonce, no plugins, no framing."""
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    for name in ("script-src", "style-src"):
        assert directives[name] == ["'self'"], (name, directives[name])
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert "nonce-" not in response.headers["Content-Security-Policy"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    for name, sources in directives.items():
        others = [s for s in sources if s.startswith(("http:", "https:", "*")) or s == "https:"]
        if name == "frame-src":
            assert set(others) == {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}
        else:
            assert not others, (name, sources)


def assert_permissions_policy(response):
    value = response.headers.get("Permissions-Policy", "")
    features = dict(part.strip().split("=", 1) for part in value.split(",") if part.strip())
    for feature in UNUSED_FEATURES:
        assert features.get(feature) == "()", (feature, value)
    # What the video players a reader starts may use is not switched off.
    assert not {"autoplay", "fullscreen", "picture-in-picture"} & features.keys()


def test_every_public_page_type_has_the_strict_policy_and_a_permissions_policy(public_site):
    client = Client()
    headers = set()
    for url in public_urls(public_site):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response)
        assert_permissions_policy(response)
        headers.add(
            (response["Content-Security-Policy"], response["Permissions-Policy"]),
        )
    # One policy for every public page and every reader: nothing in it varies per response,
    # and its directives come in the settings' order, the same in every process.
    assert len(headers) == 1, headers
    assert headers.pop()[0] == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "media-src 'self'; frame-src 'self' https://www.youtube-nocookie.com "
        "https://player.vimeo.com; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    )


@pytest.mark.parametrize(
    "url",
    [
        "/en/no-such-page/",
        "/en/campaigns/talk/?pledged=1",
        "/en/stories/share/thanks/",
        "/en/stories/status/not-a-real-token/",
        "/forms/token/?form=pledge",
    ],
)
def test_error_thank_you_status_and_token_answers_have_the_strict_policy(public_site, url):
    response = Client().get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    assert_strict(response)
    assert_permissions_policy(response)


def test_a_form_shown_again_after_a_post_has_the_strict_policy(public_site):
    response = Client().post(public_site["campaign"] + "pledge/", {"name": ""})
    assert response.status_code in (200, 400, 403), response.status_code
    assert_strict(response)


def test_the_admin_has_a_working_policy_of_its_own(admin_client, home_page):
    for client, url in ((Client(), "/admin/login/"), (admin_client, "/admin/")):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        # Wagtail's admin and wagtail-localize's editor write some scripts and styles inline.
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
        assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        # A nonce would make browsers ignore 'unsafe-inline' and break the admin.
        assert "nonce-" not in response["Content-Security-Policy"]
        assert directives["default-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert_permissions_policy(response)


def test_the_admin_preview_may_be_framed_by_the_admin_only(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/edit/preview/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == ["'self'"]


def respond(view, path="/en/"):
    return ContentSecurityPolicyMiddleware(view)(RequestFactory().get(path))


def test_frame_ancestors_follows_x_frame_options():
    def denied(request):
        response = HttpResponse("x")
        response["X-Frame-Options"] = "DENY"
        return response

    def same_origin(request):
        response = HttpResponse("x")
        response["X-Frame-Options"] = "sameorigin"
        return response

    assert policy(respond(denied))["frame-ancestors"] == ["'none'"]
    assert policy(respond(same_origin))["frame-ancestors"] == ["'self'"]
    exempt = respond(xframe_options_exempt(lambda request: HttpResponse("x")))
    assert "frame-ancestors" not in policy(exempt)
    # Settings are not changed by one response's framing.
    assert policy(respond(denied))["frame-ancestors"] == ["'none'"]


def test_a_preview_sets_no_policy_of_its_own():
    """Wagtail passes a stand-in request through the middleware to render a preview; the
    admin request around it sets the policy (with frame-ancestors 'self')."""
    request = RequestFactory().get("/en/")
    request.is_dummy = True
    response = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("x"))(request)
    assert "Content-Security-Policy" not in response


def test_a_view_of_its_own_policy_is_not_changed_for_others():
    from csp.decorators import csp

    own = csp({"default-src": ["'self'"], "frame-ancestors": ["'none'"]})

    @own
    def view(request):
        response = HttpResponse("x")
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    assert policy(respond(view))["frame-ancestors"] == ["'self'"]
    assert policy(respond(own(lambda request: HttpResponse("x"))))["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://m.youtube.com/shorts/dQw4w9WgXcQ",
        "https://vimeo.com/76979871",
        "https://player.vimeo.com/video/76979871",
    ],
)
def test_every_video_player_a_reader_can_start_is_allowed(settings, url):
    embed = urlsplit(video_embed_url(url))
    assert embed.scheme == "https"
    frames = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    assert f"https://{embed.netloc}" in frames
    admin_frames = settings.OPENLY_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    assert f"https://{embed.netloc}" in admin_frames


def test_the_page_cache_stores_the_headers_with_the_page(settings, public_site):
    settings.OPENLY_PAGE_CACHE = True
    # The settings row exists first: creating it would retire the page being stored.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    client = Client()
    for url in ("/en/", public_site["campaign"], "/en/stories/share/"):
        miss = client.get(url)
        hit = client.get(url)
        assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT"), url
        assert_strict(hit)
        for header in ("Content-Security-Policy", "Permissions-Policy"):
            assert hit[header] == miss[header], (url, header)
