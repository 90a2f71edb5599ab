"""What the site chrome (header, crisis banner, language switcher, footer) needs to know,
computed once per request with a fixed number of queries."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from home.cache import current_locale

COUNTRY_COOKIE = "openly_country"


def active_locale(request=None):
    """The Locale for the active language, from the cache and remembered on the request."""
    if request is not None and getattr(request, "_openly_locale", None) is not None:
        return request._openly_locale
    locale = current_locale()
    if request is not None:
        request._openly_locale = locale
    return locale


def localized(page):
    """``page`` in the active language, as Wagtail's ``page.localized``: its live
    translation there, else the page itself; the active Locale from the cache, so a page
    already in that language costs no query."""
    if not isinstance(page, Page):
        return page
    locale = current_locale()
    if page.locale_id == locale.pk:
        return page
    translation_ = page.get_translation_or_none(locale)
    return translation_ if translation_ is not None and translation_.live else page


def reader_country(request):
    """The country whose helplines to show: the reader's own choice, else the language's."""
    chosen = request.COOKIES.get(COUNTRY_COOKIE, "") if request is not None else ""
    if len(chosen) == 2 and chosen.isalpha():
        return chosen.upper()
    return settings.OPENLY_LOCALE_DEFAULT_COUNTRY.get(translation.get_language() or "", "")


def _strip_language(path):
    """'/en/campaigns/x/' -> '/campaigns/x/'."""
    parts = path.split("/", 2)
    return "/" + parts[2] if len(parts) > 2 else "/"


def language_links(request, page=None):
    """One entry per language for the switcher and hreflang alternates.

    For a page, translated languages link to the translation; the others link to the same
    address in that language, where the not-translated notice offers the original.
    """
    current = translation.get_language()
    names = dict(settings.LANGUAGES)
    translated = {}
    source_path = None
    if isinstance(page, Page) and page.pk:
        versions = page.get_translations(inclusive=True).live().select_related("locale")
        for version in versions:
            url = version.get_url(request)
            if not url:
                continue
            translated[version.locale.language_code] = url
        source_url = translated.get(settings.OPENLY_SOURCE_LANGUAGE) or page.get_url(request)
        source_path = _strip_language(source_url or "/")
    links = []
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page) and page.pk:
            url = translated.get(code) or f"/{code}{source_path}"
            is_translated = code in translated
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
            is_translated = True
        else:
            url, is_translated = f"/{code}/", True
        links.append(
            {
                "code": code,
                "name": names[code],
                "url": url,
                "current": code == current,
                "translated": is_translated,
                "rtl": code in settings.OPENLY_RTL_LANGUAGES,
            }
        )
    return links
