"""The demo's privacy notice: what Openly keeps when someone shares a story or signs a
pledge, in plain words, in English and every demo language, linked from the site settings
(so every page's footer and the story and pledge forms point to it).

The text is in privacy.toml beside this module; README's "Data we hold" is the operator's
version of the same facts."""

from wagtail.models import Site

from home.demo.building import DEMO_LOCALES, add_child, translate_page
from home.demo.loading import read_data
from home.models import SiteSettings, StandardPage

PRIVACY_SLUG = "privacy"


def load_privacy_page(demo, home):
    """Create the privacy notice under ``home`` and translate it into the demo languages
    (``home`` must be translated already), and make it the site's privacy page unless one is
    chosen. Idempotent: an existing page, translation or choice is kept as it is.
    Returns the English page."""
    data = read_data(__file__)
    page = add_child(home, StandardPage(**data["page"]))
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.privacy_page_id is None:
        site_settings.privacy_page = page
        site_settings.save()
    for code in DEMO_LOCALES:
        translate_page(page, code, data["translations"][code])
    demo.say(f"Privacy notice in en, {', '.join(DEMO_LOCALES)}")
    return page
