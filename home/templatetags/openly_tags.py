"""Template tags for the site chrome. Each runs a fixed number of queries, whatever the
amount of content."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from home.chrome import active_locale, language_links, reader_country
from home.models import CrisisHelpline, GetHelpPage

register = template.Library()

BANNER_HELPLINES = 3


@register.simple_tag
def text_direction():
    """'rtl' for right-to-left languages, else 'ltr'."""
    return "rtl" if translation.get_language() in settings.OPENLY_RTL_LANGUAGES else "ltr"


@register.inclusion_tag("components/crisis_banner.html", takes_context=True)
def crisis_banner(context):
    """The crisis support banner: the reader's helplines and the emergency number."""
    request = context.get("request")
    locale = active_locale(request)
    country = reader_country(request)
    helplines = CrisisHelpline.objects.for_locale(locale, country) if country else []
    get_help = GetHelpPage.objects.live().filter(locale=locale).only("url_path").first()
    return {
        "helplines": helplines[:BANNER_HELPLINES],
        "emergency_number": settings.OPENLY_EMERGENCY_NUMBER,
        "get_help_url": get_help.get_url(request) if get_help else "",
        "request": request,
    }


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """Header navigation: the pages editors ticked 'show in menus' for, in this language."""
    request = context.get("request")
    locale = active_locale(request)
    items = Page.objects.live().in_menu().filter(depth=3, locale=locale).order_by("path")
    current = context.get("page")
    current_path = getattr(current, "url_path", "")
    return {
        "items": [
            {
                "title": item.title,
                "url": item.get_url(request),
                "active": bool(current_path) and current_path.startswith(item.url_path),
            }
            for item in items
        ],
        "request": request,
    }


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """The language switcher: the same page in each language, or a notice where missing."""
    return {
        "links": _links(context),
        "current_language": translation.get_language(),
    }


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel=alternate hreflang> for each language this page is published in."""
    request = context.get("request")
    links = [link for link in _links(context) if link["translated"]]
    base = request.build_absolute_uri("/")[:-1] if request is not None else ""
    default = next((x for x in links if x["code"] == settings.OPENLY_SOURCE_LANGUAGE), None)
    return {"links": links, "base": base, "default": default}


def _links(context):
    """Language links, computed once per render and shared by the switcher and hreflang."""
    cached = context.get("_openly_language_links")
    if cached is None:
        cached = language_links(context.get("request"), context.get("page"))
        # Store on the outermost context so every tag in this render reuses it.
        context.dicts[0]["_openly_language_links"] = cached
    return cached


@register.simple_tag(takes_context=True)
def page_language(context):
    """The language of the page's content when it differs from the reader's language (a
    page not translated yet is served in the source language), so the content can carry
    its own lang and dir; None when they match. Costs no query in the usual case."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.locale_id:
        return None
    if page.locale_id == active_locale(context.get("request")).pk:
        return None
    code = page.locale.language_code
    return {"code": code, "dir": "rtl" if code in settings.OPENLY_RTL_LANGUAGES else "ltr"}
