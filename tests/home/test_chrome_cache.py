"""Site chrome served from the cache: what readers see changes on the very next request
after an editor's change, and the crisis banner still follows each reader's country."""

import pytest
from django.core.cache import cache
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
    client.cookies["openly_country"] = "FR"
    helpline = CrisisHelplineFactory(name="Ligne d'origine", country="FR")
    assert "Ligne d&#x27;origine" in header(client)
    helpline.name = "Ligne renommée"
    helpline.save()
    assert "Ligne renommée" in header(client)
    helpline.unpublish()
    assert "Ligne renommée" not in header(client)


def test_a_deleted_helpline_leaves_the_banner_on_the_next_request(client, home_page):
    client.cookies["openly_country"] = "FR"
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


def test_the_banner_follows_each_readers_country_from_one_cache(client, home_page, locales):
    CrisisHelplineFactory(name="Ligne 3114", country="FR")
    CrisisHelplineFactory(name="Lifeline Ukraine", country="UA")
    client.cookies["openly_country"] = "UA"
    assert "Lifeline Ukraine" in header(client)
    assert "Ligne 3114" not in header(client)
    client.cookies["openly_country"] = "FR"
    assert "Ligne 3114" in header(client)
    assert "Lifeline Ukraine" not in header(client)
    # Without a choice the language's country is used: English has none, Ukrainian has UA.
    del client.cookies["openly_country"]
    assert "Ligne 3114" not in header(client) and "Lifeline Ukraine" not in header(client)
    ukrainian = home_page.copy_for_translation(locales["uk"])
    ukrainian.save_revision().publish()
    assert "Lifeline Ukraine" in header(client, "/uk/")


def test_the_cached_chrome_is_plain_data(client, home_page):
    client.cookies["openly_country"] = "FR"
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
