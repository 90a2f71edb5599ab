"""The demo's privacy notice: built in English and every demo language, chosen as the site's
privacy page, linked from the footer in each language, and loaded again without change."""

import io

import pytest
from wagtail.models import Site

from home.demo.building import DEMO_LOCALES
from home.demo.loading import Demo, read_data
from home.demo.privacy import load_privacy_page
from home.models import SiteSettings, StandardPage
from tests.factories import StandardPageFactory


def paragraphs(page):
    return " ".join(str(block.value) for block in page.body if block.block_type == "paragraph")


@pytest.fixture
def load(translated_home, django_capture_on_commit_callbacks):
    """Run the loader as load_demo does; wagtail-localize publishes on commit."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return load_privacy_page(Demo(stdout=io.StringIO()), translated_home["en"])

    return run


def test_the_notice_is_built_in_every_demo_language_and_linked(load, client):
    page = load()
    translations = read_data("home/demo/privacy.py")["translations"]
    assert "30 days" in paragraphs(page) and "privacy@openly.example.org" in paragraphs(page)
    for code in DEMO_LOCALES:
        translated = page.get_translation(page.locale.__class__.objects.get(language_code=code))
        assert translated.live, code
        assert translated.title == translations[code]["Privacy notice"]
        text = paragraphs(translated.specific)
        # Every paragraph is translated: none of the English text is left.
        assert "We keep" not in text and "your story" not in text, code
        assert "privacy@openly.example.org" in text, code
        footer = client.get(f"/{code}/").content.decode()
        assert f'href="/{code}/privacy/"' in footer, code
    assert SiteSettings.for_site(Site.objects.get(is_default_site=True)).privacy_page_id == page.pk


def test_a_second_run_changes_nothing_and_keeps_a_chosen_page(load, translated_home):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    chosen = StandardPageFactory(parent=translated_home["en"], slug="our-privacy")
    site_settings.privacy_page = chosen
    site_settings.save()
    first = load()
    count = StandardPage.objects.count()
    assert load() == first
    assert StandardPage.objects.count() == count == 2 + len(DEMO_LOCALES)
    assert (
        SiteSettings.for_site(Site.objects.get(is_default_site=True)).privacy_page_id == chosen.pk
    )
