"""What search engines and link previews read in every public page's head: title, meta
description, canonical address, noindex for languages without their own content, Open
Graph and Twitter cards, share links, the site's structured data, icons and robots.txt."""

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import quote

import pytest
from django.test import override_settings
from PIL import Image

from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import StandardPageFactory
from tests.stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    return html[: html.index("</head>")]


def meta(html, attribute, name):
    """The content of <meta attribute="name">, or None."""
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return unescape(found.group(1)) if found else None


def link(html, rel):
    found = re.search(rf'<link rel="{rel}" href="([^"]*)"', html)
    return found.group(1) if found else None


def title(html):
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


def json_ld(html):
    return [
        json.loads(raw)
        for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.fixture
def site(home_page):
    """One page of every public type under the English home page."""
    campaigns = CampaignIndexPageFactory(parent=home_page)
    resources = ResourceIndexPageFactory(parent=home_page)
    stories = StoryIndexPageFactory(parent=home_page, intro="<p>Real people, real words.</p>")
    events = EventIndexPageFactory(parent=home_page, intro="<p>Mental Health Week near you.</p>")
    return {
        "home": home_page,
        "campaign": CampaignPageFactory(parent=campaigns, title="Week 2026", slug="week"),
        "resource": ResourcePageFactory(parent=resources, title="Depression", slug="depression"),
        "story": StoryPageFactory(parent=stories, title="I found words", slug="words"),
        "event": EventPageFactory(parent=events, title="Library talk", slug="talk"),
        "standard": StandardPageFactory(parent=home_page, title="About us", slug="about"),
        "campaigns": campaigns,
        "stories": stories,
        "events": events,
        "resources": resources,
    }


PAGES = {
    "home": ("/en/", "Let's talk openly about mental health · Openly"),
    "campaigns": ("/en/campaigns/", "Campaigns · Openly"),
    "campaign": ("/en/campaigns/week/", "Week 2026 · Openly"),
    "resources": ("/en/resources/", "Resources · Openly"),
    "resource": ("/en/resources/depression/", "Depression · Openly"),
    "stories": ("/en/stories/", "Stories · Openly"),
    "story": ("/en/stories/words/", "I found words · Openly"),
    "events": ("/en/events/", "Events · Openly"),
    "event": ("/en/events/talk/", "Library talk · Openly"),
    "standard": ("/en/about/", "About us · Openly"),
}


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_every_page_type_has_a_title_description_and_canonical(client, site, kind):
    path, expected_title = PAGES[kind]
    html = head(client, path)
    assert title(html) == expected_title
    description = meta(html, "name", "description")
    assert description and len(description) <= 160
    assert link(html, "canonical") == f"http://testserver{path}"
    assert meta(html, "name", "robots") is None
    assert meta(html, "property", "og:url") == f"http://testserver{path}"
    assert meta(html, "property", "og:title") == expected_title.removesuffix(" · Openly")
    assert meta(html, "property", "og:image").startswith("http://testserver/")
    assert meta(html, "name", "twitter:card") in ("summary", "summary_large_image")


def test_descriptions_come_from_what_the_editor_wrote(client, site):
    """The search description first, then the summary, then the page's own introduction."""
    assert meta(head(client, "/en/"), "name", "description") == "Campaigns, stories and events."
    assert meta(head(client, "/en/stories/"), "name", "description") == "Real people, real words."
    story = meta(head(client, "/en/stories/words/"), "name", "description")
    assert story == "I found people who listened, and that changed everything for me."
    page = site["event"]
    page.search_description = "Talk & tea at the library."
    page.save_revision().publish()
    assert meta(head(client, "/en/events/talk/"), "name", "description") == (
        "Talk & tea at the library."
    )


def test_the_home_title_is_not_the_site_name_twice(client, home_page):
    html = head(client, "/en/")
    assert "Openly · Openly" not in html
    # An SEO title naming the site alone is not doubled either.
    home_page.seo_title = "Openly"
    home_page.save_revision().publish()
    assert title(head(client, "/en/")) == "Openly"


def test_a_listing_names_its_unfiltered_address_keeping_the_page_number(client, site):
    html = head(client, "/en/events/?format=online&page=1")
    assert link(html, "canonical") == "http://testserver/en/events/"
    html = head(client, "/en/stories/?page=2&topic=x")
    # An out-of-range page is served as the last one; the address read is what counts.
    assert link(html, "canonical") == "http://testserver/en/stories/?page=2"


@pytest.mark.parametrize("code", ["de", "es", "it", "pl", "el", "ro"])
def test_a_language_without_its_own_content_says_so_and_is_not_indexed(client, site, code):
    """Its pages are the English ones: readers are told in their language, search engines
    are told not to index them and where the original is."""
    for path in (f"/{code}/", f"/{code}/stories/words/", f"/{code}/events/"):
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        header = html[: html.index("</head>")]
        assert meta(header, "name", "robots") == "noindex"
        original = path.replace(f"/{code}/", "/en/", 1)
        assert link(header, "canonical") == f"http://testserver{original}"
        notice = re.search(r'<p class="untranslated-notice" lang="(\w+)"[^>]*>(.*?)</p>', html)
        assert notice is not None and notice.group(1) == code
        assert "This page is not available in your language yet" not in notice.group(2)


def test_a_translated_page_is_indexed_under_its_own_address(client, translated_home):
    html = head(client, "/fr/")
    assert meta(html, "name", "robots") is None
    assert link(html, "canonical") == "http://testserver/fr/"
    assert meta(html, "property", "og:locale") == "fr"


def test_search_results_are_kept_out_of_search_engines(client, home_page):
    html = head(client, "/en/search/?q=stigma")
    assert meta(html, "name", "robots") == "noindex"
    assert link(html, "canonical") is None
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /*/search/" in text.splitlines()


def test_the_home_page_describes_the_organisation_and_its_search(client, translated_home):
    data = json_ld(head(client, "/uk/"))
    kinds = {item["@type"]: item for item in data[0]}
    assert kinds["Organization"]["name"] == "Openly"
    assert kinds["Organization"]["logo"] == "http://testserver/static/icons/icon-512.png"
    website = kinds["WebSite"]
    assert website["url"] == "http://testserver/uk/"
    assert website["inLanguage"] == "uk"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/uk/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert client.get("/uk/search/?q=x").status_code == 200


def test_other_pages_do_not_repeat_the_site_data(client, site):
    for path in ("/en/stories/words/", "/en/about/"):
        for data in json_ld(head(client, path)):
            items = data if isinstance(data, list) else [data]
            assert "WebSite" not in {item.get("@type") for item in items}


@pytest.mark.parametrize(
    ("kind", "path", "og_type"),
    [
        ("campaign", "/en/campaigns/week/", "website"),
        ("resource", "/en/resources/depression/", "article"),
        ("story", "/en/stories/words/", "article"),
        ("event", "/en/events/talk/", "website"),
    ],
)
def test_shared_pages_carry_their_card_and_share_links(client, site, kind, path, og_type):
    page = site[kind]
    response = client.get(path)
    html = response.content.decode()
    assert meta(html, "property", "og:type") == og_type
    image = meta(html, "property", "og:image")
    assert image == f"http://testserver/social-cards/{page.pk}.png?v=0"
    assert meta(html, "property", "og:image:width") == "1200"
    assert meta(html, "property", "og:image:height") == "630"
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert meta(html, "name", "twitter:image") == image
    shared = quote(f"http://testserver{path}", safe="")
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={shared}"' in html
    assert 'href="mailto:?subject=' in html


def test_icons_and_manifest(client, home_page):
    html = head(client, "/en/")
    assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in html
    assert link(html, "apple-touch-icon") == "/static/icons/apple-touch-icon.png"
    assert link(html, "manifest") == "/site.webmanifest"
    response = client.get("/site.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Openly"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 301 and favicon["Location"] == "/static/icons/favicon-32.png"


def test_icon_files_have_the_sizes_they_claim():
    folder = Path(__file__).resolve().parents[2] / "site" / "static" / "icons"
    for name, size in (
        ("favicon-32.png", 32),
        ("apple-touch-icon.png", 180),
        ("icon-192.png", 192),
        ("icon-512.png", 512),
    ):
        with Image.open(folder / name) as image:
            assert image.size == (size, size), name
    assert (folder / "favicon.svg").read_text().startswith("<svg")


def test_error_pages_name_no_canonical_address(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()


@override_settings(OPENLY_SITE_URL="https://mhw.example.org")
def test_the_configured_address_wins_over_the_host_asked_for(client, site):
    html = head(client, "/en/stories/words/")
    assert link(html, "canonical") == "https://mhw.example.org/en/stories/words/"
    assert meta(html, "property", "og:url") == "https://mhw.example.org/en/stories/words/"
    assert meta(html, "property", "og:image").startswith("https://mhw.example.org/social-cards/")
    assert "testserver" not in html
