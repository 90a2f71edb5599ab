"""Home, get-help and standard pages: tree rules, rendering, editor round-trips."""

import pytest
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import GetHelpPage, HomePage, StandardPage
from tests.factories import CrisisHelplineFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_tree_rules(home_page):
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert GetHelpPage.can_create_at(home_page)
    assert StandardPage.can_create_at(home_page)
    assert not GetHelpPage.allowed_subpage_models()
    assert not HomePage.can_create_at(home_page)
    assert not GetHelpPage.can_create_at(StandardPageFactory(parent=home_page))


def test_only_one_get_help_page_per_home(get_help_page, home_page):
    assert not GetHelpPage.can_create_at(home_page)


def test_home_page_renders_hero_and_chrome(client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "pages/home_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert home_page.hero_heading.replace("'", "&#x27;") in html
    assert html.count("<h1") == 1
    assert 'id="quick-exit"' in html
    assert "crisis-banner" in html
    assert 'href="tel:112"' in html


def test_root_redirects_to_a_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(("code", "direction"), [("fr", "ltr"), ("uk", "ltr"), ("ar", "rtl")])
def test_translated_home_pages_have_lang_and_dir(client, translated_home, code, direction):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}">' in response.content.decode()
    assert f"{code} heading" in response.content.decode()


def test_quick_exit_goes_to_the_neutral_site_from_settings(client, home_page):
    from wagtail.models import Site

    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get())
    settings.quick_exit_url = "https://weather.example.org/"
    settings.save()
    html = client.get("/en/").content.decode()
    exit_link = html.index('id="quick-exit"')
    assert 'href="https://weather.example.org/"' in html[exit_link - 200 : exit_link + 200]
    # It is the first focusable element of the page.
    assert html.index("<a ") == html.index('<a class="quick-exit"')


def test_get_help_lists_helplines_by_country(client, get_help_page):
    CrisisHelplineFactory(name="Ligne 3114", country="FR", phone="3114")
    CrisisHelplineFactory(name="Lifeline Ukraine", country="UA", phone="7333")
    response = client.get("/en/get-help/")
    html = response.content.decode()
    assert response.status_code == 200
    main = html[html.index("<main") :]
    assert "Ligne 3114" in main and "Lifeline Ukraine" in main
    assert main.index("France") < main.index("Ukraine")
    assert 'href="tel:3114"' in html


def test_get_help_country_choice_filters_and_sets_no_cookie(client, get_help_page):
    CrisisHelplineFactory(name="Ligne 3114", country="FR", phone="3114")
    CrisisHelplineFactory(name="Lifeline Ukraine", country="UA", phone="7333")
    response = client.get("/en/get-help/?country=ua")
    html = response.content.decode()
    assert "Lifeline Ukraine" in html
    assert '<h2 id="country-FR">' not in html
    assert '<option value="UA" selected>' in html
    # The address stays the same for every reader: the page's script remembers the choice
    # in the reader's browser (tests/browser/test_foundation.py), the server sets nothing.
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    home = client.get("/en/").content.decode()
    banner = home[home.index('class="crisis-banner"') : home.index("</header>")]
    assert "Lifeline Ukraine" not in banner.partition("<template")[0]


def test_get_help_ignores_an_unknown_country(client, get_help_page):
    response = client.get("/en/get-help/?country=<script>")
    assert response.status_code == 200
    assert "openly_country" not in response.cookies
    assert "<script>" not in response.content.decode()


def test_banner_prefers_the_readers_language_and_falls_back_to_source(
    client, translated_home, locales
):
    helpline = CrisisHelplineFactory(name="SOS Amitié", country="FR", hours="24 hours")
    french = helpline.copy_for_translation(locales["fr"])
    french.hours = "24 h/24"
    french.save()
    CrisisHelplineFactory(name="Ligne 3114", country="FR", hours="always")
    html = client.get("/fr/").content.decode()
    assert "24 h/24" in html
    assert "Ligne 3114" in html  # not translated yet: shown in the source language
    assert html.count("SOS Amitié") == 1


def test_banner_falls_back_to_112_without_helplines(client, translated_home):
    html = client.get("/ar/").content.decode()
    assert 'href="tel:112"' in html


def test_standard_page_renders_body(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="privacy", title="Privacy notice")
    page.body = [("paragraph", RichText("<p>We collect as little as we can.</p>"))]
    page.save_revision().publish()
    response = client.get("/en/privacy/")
    assert response.status_code == 200
    assert "We collect as little as we can." in response.content.decode()


def test_editor_can_create_standard_page(admin_client, home_page):
    data = nested_form_data(
        {
            "title": "About Openly",
            "slug": "about",
            "summary": "Who we are.",
            "body": streamfield([("paragraph", rich_text("<p>We are a coalition.</p>"))]),
            "action-publish": "publish",
        }
    )
    url = f"/admin/pages/add/home/standardpage/{home_page.pk}/"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug="about")
    assert page.live
    assert "We are a coalition." in str(page.body)


def test_home_hero_image_needs_alt_text(home_page):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="hero", file=get_test_image_file())
    home_page.hero_image = image
    home_page.hero_image_alt = "  "
    with pytest.raises(ValidationError) as error:
        home_page.full_clean()
    assert "hero_image_alt" in error.value.message_dict
