"""Language switching, hreflang alternates and the 'not translated yet' page."""

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_switcher_links_to_translations_and_flags_missing_ones(client, translated_home):
    about = StandardPageFactory(parent=translated_home["en"], slug="about", title="About")
    french_about = about.copy_for_translation(translated_home["fr"].locale)
    french_about.slug = "a-propos"
    french_about.save_revision().publish()
    html = client.get("/en/about/").content.decode()
    assert 'href="/fr/a-propos/" lang="fr"' in html
    assert 'href="/uk/about/" lang="uk"' in html
    switcher = html[html.index('class="language-switcher"') :]
    uk_item = switcher[switcher.index('lang="uk"') : switcher.index('lang="ar"')]
    assert "not translated yet" in uk_item
    # hreflang only for the published languages, with an x-default.
    assert 'hreflang="fr" href="http://testserver/fr/a-propos/"' in html
    assert 'rel="alternate" hreflang="uk"' not in html
    assert 'hreflang="x-default" href="http://testserver/en/about/"' in html


def test_untranslated_page_says_so_and_offers_the_original(client, translated_home):
    StandardPageFactory(parent=translated_home["en"], slug="about", title="About Openly")
    response = client.get("/uk/about/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "pages/not_translated.html" in [t.name for t in response.templates]
    assert '<html lang="uk" dir="ltr">' in html
    assert 'href="/en/about/"' in html


def test_unknown_page_is_a_plain_404(client, translated_home):
    response = client.get("/fr/nothing-here/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]


def test_draft_original_is_not_offered(client, translated_home):
    page = StandardPageFactory(parent=translated_home["en"], slug="secret", title="Draft")
    page.unpublish()
    response = client.get("/fr/secret/")
    assert response.status_code == 404
    assert "Draft" not in response.content.decode()


def test_search_page_switcher_keeps_the_query(client, translated_home):
    html = client.get("/en/search/?q=help").content.decode()
    assert 'href="/fr/search/?q=help"' in html


def test_language_without_a_home_translation_marks_the_content_language(client, home_page):
    """German has no translated home page yet: Wagtail serves the English one, and the
    content says it is English while the site chrome stays German."""
    html = client.get("/de/").content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert '<main id="main" tabindex="-1" lang="en" dir="ltr">' in html
    assert "untranslated-notice" in html


def test_english_content_in_an_arabic_page_is_left_to_right(client, home_page, locales):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="en" dir="ltr"' in html


def test_translated_page_has_no_notice(client, translated_home):
    html = client.get("/fr/").content.decode()
    assert "untranslated-notice" not in html
    assert '<main id="main" tabindex="-1">' in html
