"""What the site chrome (header, crisis banner, language switcher, footer) needs to know,
computed once per request with a fixed number of queries."""

from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation
from wagtail.models import Page, Site

from home.cache import cached_chrome, cached_html, current_locale
from home.content_language import text_direction
from home.models import CrisisHelpline

# Helplines kept per country for the crisis banner and the stories' helplines.
HELPLINES_PER_COUNTRY = 3


def active_locale(request=None):
    """The Locale for the active language, from the cache and remembered on the request."""
    if request is not None and getattr(request, "_openly_locale", None) is not None:
        return request._openly_locale
    locale = current_locale()
    if request is not None:
        request._openly_locale = locale
    return locale


def site_id(request):
    """The id of the request's site (Wagtail remembers the site on the request), or None."""
    site = Site.find_for_request(request) if request is not None else None
    return site.pk if site else None


# A shared fragment is renewed on every publish, and at least this often: some depend on
# the time (events that have ended, campaigns that started).
FRAGMENT_SECONDS = 5 * 60


def shared_html(request, name, parts, render):
    """HTML of a part of a page every reader sees alike (related content, an empty form, a
    home listing): ``render()`` once per content generation, site, language and day for
    ``parts``, kept at most FRAGMENT_SECONDS (home.cache.cached_html). Previews and answers
    to a reader's own POST are always rendered afresh."""
    if (
        request is None
        or getattr(request, "is_preview", False)
        or request.method not in ("GET", "HEAD")
    ):
        return render()
    key = (site_id(request), translation.get_language(), timezone.localdate(), *parts)
    return cached_html(f"fragment:{name}", key, render, timeout=FRAGMENT_SECONDS)


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


def language_country():
    """The country whose helplines a page shows first: the active language's own country
    (OPENLY_LOCALE_DEFAULT_COUNTRY), or "" for a language many countries share (English).

    Never the reader's own choice: pages are the same for every reader so that caches can
    share them. The country a reader picks on the get-help page stays in their browser, and
    a script swaps in its helplines from the data every page carries (``country_helplines``).
    """
    return settings.OPENLY_LOCALE_DEFAULT_COUNTRY.get(translation.get_language() or "", "")


def country_helplines(request=None):
    """Every country with published helplines in the active language (source-language
    versions where no translation is published), in display order, each with its first
    ``HELPLINES_PER_COUNTRY`` helplines: a list of {"code", "name", "helplines"} as plain
    data, from the site-chrome cache. The same for every reader of the language."""
    locale = active_locale(request)

    def build():
        countries = {}
        for helpline in CrisisHelpline.objects.for_locale(locale):
            code = helpline.country.code
            entry = countries.setdefault(
                code, {"code": code, "name": str(helpline.country.name), "helplines": []}
            )
            if len(entry["helplines"]) < HELPLINES_PER_COUNTRY:
                entry["helplines"].append(
                    {
                        "name": helpline.name,
                        "phone": helpline.phone,
                        "phone_href": helpline.phone_href,
                        "hours": helpline.hours,
                        "country_name": entry["name"],
                        # A helpline not translated yet is shown in its own language.
                        "lang": ""
                        if helpline.locale_id == locale.pk
                        else helpline.locale.language_code,
                        "dir": text_direction(helpline.locale.language_code),
                    }
                )
        return list(countries.values())

    return cached_chrome("helplines", (locale.pk,), build)


def helplines_choice(request=None, fallback=0):
    """What a helpline list shows, the same for every reader of a language: the language's
    own country's helplines, the other countries' for the script that swaps in the one the
    reader chose, and the country shown ("" when none). A language without a country of
    its own (English) shows nothing but the emergency number and the get-help link, or with
    ``fallback`` its first ``fallback`` helplines of every country."""
    countries = country_helplines(request)
    own = language_country()
    shown = next((entry for entry in countries if entry["code"] == own), None)
    if shown is not None:
        helplines = shown["helplines"]
    else:
        own = ""
        every = [helpline for entry in countries for helpline in entry["helplines"]]
        helplines = every[:fallback]
    return {
        "country": own,
        "helplines": helplines,
        "other_countries": [entry for entry in countries if entry["code"] != own],
    }


def _strip_language(path):
    """'/en/campaigns/x/' -> '/campaigns/x/'."""
    parts = path.split("/", 2)
    return "/" + parts[2] if len(parts) > 2 else "/"


def page_translations(request, page):
    """{language code: URL} of the live versions of ``page`` (itself included), as the
    request's site links them; from the chrome cache, renewed on every publish."""

    def build():
        versions = page.get_translations(inclusive=True).live().select_related("locale")
        urls = ((version.locale.language_code, version.get_url(request)) for version in versions)
        return {code: url for code, url in urls if url}

    return cached_chrome("translations", (site_id(request), page.pk), build)


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
        translated = page_translations(request, page)
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
