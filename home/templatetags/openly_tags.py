"""Template tags for the site chrome. Each runs a fixed number of queries, whatever the
amount of content."""

from django import template
from django.conf import settings
from django.template.backends.utils import csrf_input
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home.cache import cached_chrome
from home.chrome import (
    active_locale,
    helplines_choice,
    language_links,
    localized,
    shared_html,
    site_id,
)
from home.content_language import content_language
from home.models import GetHelpPage, SiteSettings
from home.site_address import base_url

register = template.Library()


@register.simple_tag
def text_direction():
    """'rtl' for right-to-left languages, else 'ltr'."""
    return "rtl" if translation.get_language() in settings.OPENLY_RTL_LANGUAGES else "ltr"


@register.inclusion_tag("components/crisis_banner.html", takes_context=True)
def crisis_banner(context):
    """The crisis support banner, the same for every reader of a language: the emergency
    number, the language's own country's helplines and the get-help link, plus the other
    countries' helplines for the script that shows the country the reader chose. Every
    piece comes from the chrome cache; the reader's cookies are never read."""
    request = context.get("request")
    locale = active_locale(request)

    def get_help_url():
        page = GetHelpPage.objects.live().filter(locale=locale).only("url_path").first()
        return (page.get_url(request) if page else "") or ""

    return {
        **helplines_choice(request),
        "emergency_number": settings.OPENLY_EMERGENCY_NUMBER,
        "get_help_url": cached_chrome("get-help", (site_id(request), locale.pk), get_help_url),
        "request": request,
    }


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """Header navigation: the pages editors ticked 'show in menus' for, in this language."""
    request = context.get("request")
    locale = active_locale(request)

    def menu():
        pages = Page.objects.live().in_menu().filter(depth=3, locale=locale).order_by("path")
        return [
            {"title": page.title, "url": page.get_url(request), "url_path": page.url_path}
            for page in pages
        ]

    current = context.get("page")
    current_path = getattr(current, "url_path", "")
    items = cached_chrome("menu", (site_id(request), locale.pk), menu)
    return {
        "items": [
            {
                "title": item["title"],
                "url": item["url"],
                "active": bool(current_path) and current_path.startswith(item["url_path"]),
            }
            for item in items
        ],
        "request": request,
    }


@register.simple_tag(takes_context=True)
def site_links(context):
    """The quick-exit address and the footer's privacy and accessibility links from the
    site settings, in the reader's language."""
    request = context.get("request")
    locale = active_locale(request)

    def links():
        site_settings = SiteSettings.for_request(request)
        urls = {"quick_exit_url": site_settings.quick_exit_url}
        for name in ("privacy", "accessibility"):
            page = getattr(site_settings, f"{name}_page")
            urls[f"{name}_url"] = (page.localized.get_url(request) if page else "") or ""
        return urls

    if request is None:
        return {"quick_exit_url": "", "privacy_url": "", "accessibility_url": ""}
    return cached_chrome("site-links", (site_id(request), locale.pk), links)


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
    base = base_url(request) if request is not None else ""
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


CONTENT_LANGUAGE_KEY = "_openly_content_language"


@register.simple_tag(takes_context=True)
def page_translation(context):
    """The translation state of the page (home.content_language.ContentLanguage), or None
    for a page in its source language. Computed once per render (base.html asks first) and
    shared with every block template the page includes."""
    if CONTENT_LANGUAGE_KEY not in context:
        state = content_language(context.get("page"), context.get("request"))
        context.dicts[0][CONTENT_LANGUAGE_KEY] = state
    return context[CONTENT_LANGUAGE_KEY]


@register.simple_tag(takes_context=True)
def lang_of(context, *keys):
    """`` lang="en" dir="ltr"`` on a part of the page still in the source language (a field
    name, or a block's id and a child's name: ``{% lang_of block_id "heading" %}``), for
    the element that shows it; "" when it is in the page's language."""
    state = page_translation(context)
    return state.attributes(*keys) if state is not None else ""


@register.simple_tag(takes_context=True)
def object_lang(context, obj, *keys):
    """As ``lang_of``, for a snippet the page shows (a helpline): from the page's
    ``object_languages`` (home.content_language.object_languages)."""
    state = (context.get("object_languages") or {}).get(getattr(obj, "pk", None))
    return state.attributes(*keys) if state is not None else ""


@register.simple_tag(takes_context=True)
def isolate(context, value, *keys):
    """``value`` (a name, a figure) isolated from the text around it in ``<bdi>``, so its
    own direction holds inside a sentence of the other direction ("Mira" or "1 in 6" in
    Arabic); with lang and dir when the field ``keys`` name is in the source language."""
    return format_html("<bdi{}>{}</bdi>", lang_of(context, *keys), value)


@register.filter(name="localized")
def localized_filter(page):
    """``page|localized``: the page in the reader's language (see home.chrome.localized),
    without the Locale query Wagtail's ``page.localized`` makes."""
    return localized(page)


@register.simple_tag(takes_context=True)
def form_token(context):
    """The CSRF field of a form. On a page every reader shares (a GET) it is empty, so the
    page sets no cookie and caches may keep it; js/forms.js fills it from /forms/token/
    (home.public_forms). A form shown in answer to the reader's own POST is theirs alone and
    carries the token itself."""
    request = context.get("request")
    if request is not None and request.method == "POST":
        return csrf_input(request)
    return mark_safe('<input type="hidden" name="csrfmiddlewaretoken" value="">')  # noqa: S308 - fixed text


@register.tag("shared_fragment")
def shared_fragment(parser, token):
    """``{% shared_fragment "name" part … %}…{% endshared_fragment %}``: a part of a page
    that is the same for every reader (related content, an empty form), rendered once per
    content generation, site, language and day for the ``part`` values given (the page's
    id, say), and kept at most FRAGMENT_SECONDS. Previews and answers to a reader's own
    POST are always rendered afresh."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits])


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        name, *parts = (part.resolve(context) for part in self.parts)
        return shared_html(
            context.get("request"), name, parts, lambda: self.nodelist.render(context)
        )
