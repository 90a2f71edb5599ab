"""Every change readers can see retires every cached page and chrome entry (one content
generation) at once and after the commit, and bans the site in the frontend cache once per
transaction; changes readers cannot see (drafts, new pledge signatures) retire nothing."""

import pytest
import wagtail_factories
from django.core.cache import cache
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, PageViewRestriction, Site

from home.cache import LOCALES_KEY, generation, locale_for_language
from home.invalidation import content_changed
from home.models import SiteSettings
from tests.campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PledgeSignatureFactory,
)
from tests.factories import (
    AudienceFactory,
    CrisisHelplineFactory,
    PartnerOrganisationFactory,
    StandardPageFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

BANS = []


class RecordingBackend:
    """A frontend cache backend that records the bans it is asked for."""

    def __init__(self, params):
        self.hostnames = ["*"]

    def ban_everything(self):
        BANS.append("ban")

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        BANS.append(("purge", tuple(urls)))


@pytest.fixture(autouse=True)
def recording_frontend_cache(settings):
    settings.OPENLY_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": f"{__name__}.RecordingBackend", "LOCATION": "http://x"}
    }
    BANS.clear()
    yield
    BANS.clear()


@pytest.fixture
def retired():
    """``retired(change)`` runs ``change`` and says whether it started a new generation."""

    def check(change):
        before = generation()
        change()
        return generation() != before

    return check


@pytest.fixture
def menu_page(home_page):
    SiteSettings.for_site(Site.objects.get())
    return StandardPageFactory(parent=home_page, title="Campaigns", show_in_menus=True)


def test_a_publication_shows_on_every_page_at_once(client, home_page, menu_page):
    other = StandardPageFactory(parent=home_page, slug="other")
    for url in ("/en/", other.url):
        client.get(url)
        assert client.get(url).headers["X-Cache"] == "HIT"
    menu_page.title = "Our campaigns"
    menu_page.save_revision().publish()
    for url in ("/en/", other.url):
        response = client.get(url)
        assert response.headers["X-Cache"] == "MISS"
        assert ">Our campaigns</a>" in response.content.decode()


def test_page_changes_retire_the_cached_content(retired, home_page, menu_page):
    other = StandardPageFactory(parent=home_page, slug="other")
    assert retired(lambda: menu_page.save_revision().publish())
    assert retired(menu_page.unpublish)
    assert retired(lambda: menu_page.save_revision().publish())
    assert retired(lambda: menu_page.move(other, pos="last-child"))
    assert retired(menu_page.delete)
    # A page added live by a script, not published through Wagtail.
    assert retired(lambda: StandardPageFactory(parent=other, slug="scripted"))


def test_drafts_retire_nothing(retired, home_page, menu_page):
    menu_page.title = "Draft title"
    assert not retired(menu_page.save_revision)
    assert not retired(lambda: StandardPageFactory(parent=home_page, live=False))
    helpline = CrisisHelplineFactory()
    helpline.name = "Draft name"
    assert not retired(helpline.save_revision)


def test_snippet_changes_retire_the_cached_content(retired, home_page, locales):
    helpline = CrisisHelplineFactory()
    assert retired(lambda: helpline.save_revision().publish())
    assert retired(helpline.unpublish)
    assert retired(helpline.delete)
    topic = TopicFactory()
    assert retired(lambda: topic.save_revision().publish())
    assert retired(lambda: AudienceFactory())
    # A translation goes live when it is published.
    french = topic.copy_for_translation(locales["fr"])
    french.live = False
    assert not retired(french.save)
    assert retired(lambda: french.save_revision().publish())


def test_a_page_translation_going_live_retires_the_cached_content(
    retired, translated_home, locales
):
    page = StandardPageFactory(parent=translated_home["en"], slug="about")
    french = page.copy_for_translation(locales["fr"])
    assert retired(lambda: french.save_revision().publish())


def test_site_wide_models_retire_the_cached_content(retired, home_page, menu_page):
    site = Site.objects.get()
    site_settings = SiteSettings.for_site(site)
    site_settings.quick_exit_url = "https://weather.example.org/"
    assert retired(site_settings.save)
    site.site_name = "Openly Europe"
    assert retired(site.save)
    assert retired(Locale.objects.get(language_code="pl").delete)
    assert retired(
        lambda: Redirect.objects.create(old_path="/old", redirect_page=menu_page, site=site)
    )
    assert retired(
        lambda: PageViewRestriction.objects.create(
            page=menu_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    )
    image = wagtail_factories.ImageFactory()
    image.title = "A new title"
    assert retired(image.save)
    assert retired(lambda: wagtail_factories.DocumentFactory())
    organisation = PartnerOrganisationFactory()
    organisation.description = "Renamed"
    assert retired(organisation.save)


def test_pledge_signatures_retire_the_cached_content_once_moderated(retired, home_page):
    index = CampaignIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(parent=index)
    waiting = None

    def sign():
        nonlocal waiting
        waiting = PledgeSignatureFactory(campaign=campaign, status="pending")

    assert not retired(sign)
    waiting.status = "approved"
    assert retired(waiting.save)
    assert retired(waiting.delete)
    pending = PledgeSignatureFactory(campaign=campaign, status="pending")
    assert not retired(pending.delete)


@pytest.mark.django_db(transaction=True)
def test_one_ban_per_commit_and_a_new_generation_after_it(home_page):
    helpline = CrisisHelplineFactory()
    BANS.clear()
    with transaction.atomic():
        helpline.name = "Renamed"
        helpline.save_revision().publish()
        helpline.unpublish()
        CrisisHelplineFactory()
        during = generation()
        assert BANS == []
    assert generation() != during
    assert BANS == ["ban"]


@pytest.mark.django_db(transaction=True)
def test_nothing_is_banned_when_the_transaction_rolls_back(home_page):
    BANS.clear()
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            CrisisHelplineFactory()
            raise RuntimeError("rolled back")
        assert BANS == []
        # The next change in the same transaction still gets its ban.
        CrisisHelplineFactory()
    assert BANS == ["ban"]


def test_locale_lookups_are_forgotten_when_a_locale_changes_not_on_every_publish(db):
    locale_for_language("en")
    assert cache.get(LOCALES_KEY) is not None
    content_changed()
    assert cache.get(LOCALES_KEY) is not None
    Locale.objects.get_or_create(language_code="de")
    assert cache.get(LOCALES_KEY) is None
