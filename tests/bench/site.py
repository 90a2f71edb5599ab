"""The site every benchmark builds on: the locales and the English home page as the default
site's root (made once, then found by the next benchmark module)."""

from django.conf import settings
from wagtail.models import Locale, Page, Site


def english_home():
    """The English home page, made (with every locale) if the database has none yet."""
    from home.models import HomePage
    from tests.factories import HomePageFactory

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        root = Page.get_first_root_node()
        for placeholder in root.get_children().exact_type(Page):
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        home = HomePageFactory(parent=root, title="Openly", slug="home")
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "testserver", "port": 80, "root_page": home},
        )
    return home
