"""Routing in two queries (home/routing.py) gives exactly the answers of Wagtail's own
routing; the Site comes from the cache and private sections still stay private."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from home.routing import NOT_HANDLED, SITE_FIELDS, pick_site, route_for_request
from tests.events.factories import EventIndexPageFactory
from tests.factories import StandardPageFactory
from tests.queries import warm_count
from tests.stories.factories import StoryIndexPageFactory

pytestmark = pytest.mark.django_db

PATHS = [
    "",
    "about/",
    "about/team/",
    "about/team/nope/",
    "about/draft/",
    "nope/",
    "events/",
    "events/past/",
    "events/feed.ics",
    "events/feed.ics/more/",
    "events/nope/",
    "stories/",
    "stories/share/",
    "stories/status/some-token/",
    "stories/status/",
    "stories/share/nope/",
]


def _describe(route):
    """What a route decides: the page, and for a routable page the view and arguments."""
    if route is None:
        return None
    page, args, kwargs = route
    if args:
        view, view_args, view_kwargs = args
        args = (view.__name__, tuple(view_args), dict(view_kwargs))
    return (page.pk, type(page).__name__, args, kwargs)


@pytest.fixture
def tree(translated_home):
    home = translated_home["en"]
    about = StandardPageFactory(parent=home, title="About", slug="about")
    StandardPageFactory(parent=about, title="Team", slug="team")
    StandardPageFactory(parent=about, title="Draft", slug="draft", live=False)
    EventIndexPageFactory(parent=home)
    StoryIndexPageFactory(parent=home)
    return translated_home


@pytest.mark.parametrize("language", ["en", "fr"])
def test_routes_are_the_ones_wagtail_finds(tree, language):
    factory = RequestFactory(HTTP_HOST="localhost")
    with translation.override(language):
        for path in PATHS:
            ours = route_for_request(factory.get(f"/{language}/{path}"), path)
            theirs = Page.route_for_request(factory.get(f"/{language}/{path}"), path)
            assert ours is not NOT_HANDLED, path
            assert _describe(ours) == _describe(theirs), path


def test_a_language_whose_home_is_a_draft_is_left_to_wagtail(tree):
    Page.objects.filter(pk=tree["fr"].pk).update(live=False)
    request = RequestFactory(HTTP_HOST="localhost").get("/fr/about/")
    with translation.override("fr"):
        assert route_for_request(request, "about/") is NOT_HANDLED
    # Wagtail then serves the source-language page at the French address.
    assert Client().get("/fr/about/").status_code == 200


def test_a_deep_page_is_routed_in_two_queries(client, tree):
    about = Page.objects.get(slug="about")
    for depth in range(4):
        about = StandardPageFactory(parent=about, title=f"Level {depth}", slug=f"level-{depth}")
    shallow = warm_count(client, "/en/about/")
    assert warm_count(client, about.url) == shallow


def test_a_private_section_stays_private_and_leaves_listings(client, tree):
    about = Page.objects.get(slug="about")
    assert warm_count(client, "/en/about/team/") >= 1
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Insiders"))
    response = client.get("/en/about/team/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Page.objects.live().public().filter(slug="team").exists()
    from home.querysets import PublicPageQuerySet

    public = PublicPageQuerySet(Page).live().public()
    assert not public.filter(slug="team").exists()
    assert public.filter(slug="events").exists()
    restriction.delete()
    assert client.get("/en/about/team/").status_code == 200


HOSTS = [("localhost", 80), ("localhost", 8000), ("a.example", 80), ("a.example", 8080)]
HOSTS += [("b.example", 80), ("b.example", 443), ("unknown.example", 80), ("", None)]


@pytest.mark.parametrize(
    "sites",
    [
        [("localhost", 80, True)],
        [("localhost", 80, True), ("a.example", 80, False), ("a.example", 8080, False)],
        [("localhost", 80, False), ("a.example", 8080, True), ("b.example", 80, False)],
        [("a.example", 80, False), ("a.example", 8080, False)],
        [("a.example", 80, False), ("b.example", 443, False), ("b.example", 80, True)],
    ],
)
def test_the_site_is_the_one_wagtail_picks(home_page, sites):
    Site.objects.all().delete()
    for hostname, port, default in sites:
        Site.objects.create(
            hostname=hostname, port=port, is_default_site=default, root_page=home_page
        )
    rows = list(Site.objects.values(*SITE_FIELDS))
    for hostname, port in HOSTS:
        try:
            expected = get_site_for_hostname(hostname, port).pk
        except Site.DoesNotExist:
            expected = None
        picked = pick_site(rows, hostname, port)
        assert (picked["id"] if picked else None) == expected, (hostname, port)
