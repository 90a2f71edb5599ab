"""Site chrome served from the cache: what readers see changes on the very next request
after an editor's change, and the crisis banner carries every country's helplines from one
cached entry per language."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from home.cache import LOCALES_KEY, locale_for_language
from home.models import SiteSettings
from tests.factories import CrisisHelplineFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def html(client, url="/en/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def header(client, url="/en/"):
    page = html(client, url)
    return page[page.index('<header class="site-header">') : page.index("</header>")]


def test_a_changed_helpline_shows_on_the_next_request(client, home_page):
    helpline = CrisisHelplineFactory(name="Ligne d'origine", country="FR")
    assert "Ligne d&#x27;origine" in header(client)
    helpline.name = "Ligne renommée"
    helpline.save()
    assert "Ligne renommée" in header(client)
    helpline.unpublish()
    assert "Ligne renommée" not in header(client)


def test_a_deleted_helpline_leaves_the_banner_on_the_next_request(client, home_page):
    helpline = CrisisHelplineFactory(name="Ligne 3114", country="FR")
    assert "Ligne 3114" in header(client)
    helpline.delete()
    assert "Ligne 3114" not in header(client)


def test_changed_site_settings_show_on_the_next_request(client, home_page):
    privacy = StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    assert 'href="https://www.bbc.com/weather"' in html(client)
    assert "/en/privacy/" not in html(client)
    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.quick_exit_url = "https://weather.example.org/"
    site_settings.privacy_page = privacy
    site_settings.save()
    page = html(client)
    assert 'href="https://weather.example.org/"' in page
    assert 'href="/en/privacy/"' in page


def test_a_footer_page_deep_in_the_tree_follows_its_published_slug(client, home_page):
    parent = StandardPageFactory(parent=home_page, slug="about")
    privacy = StandardPageFactory(parent=parent, slug="privacy")
    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.privacy_page = privacy
    site_settings.save()
    assert 'href="/en/about/privacy/"' in html(client)
    privacy.slug = "our-privacy-notice"
    privacy.save_revision().publish()
    assert 'href="/en/about/our-privacy-notice/"' in html(client)


def test_publishing_and_unpublishing_a_menu_page_show_on_the_next_request(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Campaigns", show_in_menus=True)
    assert ">Campaigns</a>" in header(client)
    page.title = "Our campaigns"
    page.save_revision().publish()
    assert ">Our campaigns</a>" in header(client)
    page.unpublish()
    assert "Our campaigns" not in header(client)
    page.save_revision().publish()
    assert ">Our campaigns</a>" in header(client)


def test_moving_a_menu_page_out_of_the_top_level_shows_on_the_next_request(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Wandering", show_in_menus=True)
    other = StandardPageFactory(parent=home_page, title="Other")
    assert ">Wandering</a>" in header(client)
    page.move(other, pos="last-child")
    assert "Wandering" not in header(client)


def test_each_language_has_its_own_menu(client, translated_home, locales):
    english = StandardPageFactory(parent=translated_home["en"], title="Help", show_in_menus=True)
    french = english.copy_for_translation(locales["fr"])
    french.title = "Aide"
    french.save_revision().publish()
    assert ">Help</a>" in header(client, "/en/")
    assert ">Aide</a>" in header(client, "/fr/")
    assert ">Help</a>" in header(client, "/en/")


def shown(banner):
    """The banner as a reader without JavaScript sees it (templates are not shown)."""
    return "".join(part.split("</template>")[-1] for part in banner.split("<template"))


def test_the_banner_carries_every_country_from_one_cache(client, home_page, locales):
    CrisisHelplineFactory(name="Ligne 3114", country="FR")
    CrisisHelplineFactory(name="Lifeline Ukraine", country="UA")
    # English has no country of its own: only the templates carry the helplines.
    english = header(client)
    assert '<template data-country="FR">' in english
    assert '<template data-country="UA">' in english
    assert "Ligne 3114" not in shown(english) and "Lifeline Ukraine" not in shown(english)
    # Ukrainian shows Ukraine's and keeps France's for a reader who chose it, whatever
    # cookie they send.
    ukrainian = home_page.copy_for_translation(locales["uk"])
    ukrainian.save_revision().publish()
    client.cookies["openly_country"] = "FR"
    banner = header(client, "/uk/")
    assert "Lifeline Ukraine" in shown(banner) and "Ligne 3114" not in shown(banner)
    assert '<template data-country="FR">' in banner
    assert '<template data-country="UA">' not in banner
    # Every country comes from the one cached entry of the language: a warm render reads
    # no helpline.
    with CaptureQueriesContext(connection) as captured:
        header(client, "/uk/")
    assert not [q for q in captured.captured_queries if "crisishelpline" in q["sql"]]


def test_the_cached_chrome_is_plain_data(client, home_page):
    CrisisHelplineFactory(country="FR")
    StandardPageFactory(parent=home_page, show_in_menus=True)
    html(client)
    plain = (str, int, float, bool, type(None))

    def is_plain(value):
        if isinstance(value, dict):
            return all(isinstance(k, plain) and is_plain(v) for k, v in value.items())
        if isinstance(value, list | tuple | set):
            return all(is_plain(item) for item in value)
        return isinstance(value, plain)

    keys = [key for key in cache._cache if "openly:chrome" in key]
    assert len(keys) >= 4
    assert all(is_plain(cache.get(key.split(":", 2)[2])) for key in keys)


def test_locale_lookups_are_cached_and_forgotten_when_a_locale_changes(db):
    Locale.objects.filter(language_code="fr").delete()
    with pytest.raises(Locale.DoesNotExist):
        locale_for_language("fr")
    assert cache.get(LOCALES_KEY) is not None
    french = Locale.objects.create(language_code="fr")
    assert cache.get(LOCALES_KEY) is None
    assert locale_for_language("fr").pk == french.pk
