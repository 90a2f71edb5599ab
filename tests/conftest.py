"""Fixtures shared by the whole suite: locales, the site and its home page."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Site

from tests.factories import GetHelpPageFactory, HomePageFactory


@pytest.fixture(autouse=True, scope="session")
def _clean_test_media():
    """Uploaded test files go to a throwaway folder, removed after the run."""
    yield
    shutil.rmtree(Path(settings.MEDIA_ROOT), ignore_errors=True)


@pytest.fixture
def locales(db):
    """A Locale for every configured language, by language code."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def home_page(locales):
    """The English home page, as the root of the default site."""
    root = Page.get_first_root_node()
    if root is None:
        # Transactional tests (the browser tests) flush the tree that migrations made.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["en"]))
    for placeholder in root.get_children().exact_type(Page):
        Site.objects.filter(root_page=placeholder).delete()
        placeholder.delete()
    home = HomePageFactory(parent=root, title="Openly", slug="home")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Openly"},
    )
    return home


@pytest.fixture
def translated_home(home_page, locales):
    """Home pages in fr, uk and ar as translations of the English one, all live."""
    homes = {"en": home_page}
    for code in ("fr", "uk", "ar"):
        page = home_page.copy_for_translation(locales[code])
        page.hero_heading = f"{code} heading"
        page.save_revision().publish()
        homes[code] = page.specific
    return homes


@pytest.fixture
def get_help_page(home_page):
    """The English get-help page."""
    return GetHelpPageFactory(parent=home_page, title="Get help now", slug="get-help")
