"""What search engines and link previews read in a page's head: its title, description,
canonical address, whether it may be indexed, and the site's own structured data.

A page served in a language it has no translation in (a language with no content of its
own yet shows the source-language pages under its prefix) says so to readers (base.html),
and to search engines with ``noindex`` and a canonical address pointing at the source
page, so the copy never competes with the original."""

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_from_path
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.chrome import active_locale
from home.models import HomePage
from home.site_address import absolute, base_url

# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160
SITE_DESCRIPTION = _(
    "Openly: campaigns, stories, events and resources for mental health and against "
    "stigma, in your language."
)


def site_name():
    return settings.WAGTAIL_SITE_NAME


def with_site_name(title):
    """'<title> · Openly', or the site's name alone for a page named after the site."""
    title = " ".join(str(title or "").split())
    name = site_name()
    if not title or title.casefold() == name.casefold():
        return name
    return f"{title} · {name}"


def page_title(page):
    """The title a page's head carries: the editor's SEO title, else the home page's
    heading (the page itself is named after the site), else the page's title."""
    if not isinstance(page, Page):
        return ""
    if page.seo_title:
        return page.seo_title
    if isinstance(page, HomePage) and page.hero_heading:
        return page.hero_heading
    return page.title


def describe(text):
    """``text`` (plain or HTML) as one line of at most DESCRIPTION_LENGTH characters."""
    plain = " ".join(strip_tags(str(text or "")).split())
    return Truncator(plain).chars(DESCRIPTION_LENGTH)


def page_description(page):
    """The search description, else the summary, else what the page type describes itself
    with (``description_fields``); the site's description for anything else."""
    text = ""
    if isinstance(page, Page):
        text = getattr(page, "search_description", "") or getattr(page, "summary", "")
        for name in getattr(page, "description_fields", ()):
            if text:
                break
            text = getattr(page, name, "")
    return describe(text) or str(SITE_DESCRIPTION)


def is_fallback(request, page):
    """Is ``page`` served to readers of another language (not translated there yet)?"""
    return (
        isinstance(page, Page)
        and page.locale_id is not None
        and page.locale_id != active_locale(request).pk
    )


def canonical_url(request, page):
    """The address search engines should index for this response: its own path without
    filters (a listing's later pages keep their number); for a page shown in a language
    it is not translated into, the same path in the page's own language."""
    path = request.path
    if is_fallback(request, page):
        prefix = get_language_from_path(path)
        if prefix:
            path = f"/{page.locale.language_code}/{path[len(prefix) + 2 :]}"
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        path = f"{path}?page={int(number)}"
    return absolute(path, request)


def site_structured_data(request):
    """schema.org Organization and WebSite (with its search) for the home page."""
    base = base_url(request)
    language = get_language()
    home = f"{base}/{language}/"
    return [
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "@id": f"{base}/#organization",
            "name": site_name(),
            "url": f"{base}/",
            "logo": absolute(static("icons/icon-512.png"), request),
        },
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "@id": f"{home}#website",
            "name": site_name(),
            "url": home,
            "inLanguage": language,
            "publisher": {"@id": f"{base}/#organization"},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{home}search/?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        },
    ]
