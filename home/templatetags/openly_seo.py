"""Template tags for what search engines and link previews read: the head of every page
(``page_seo``), the share links of a page (``share_links``) and ``with_site_name``. They
read the page already in the context and run no query, except for an editor's share
image."""

from django import template
from wagtail.models import Page

from home import seo
from home.models import HomePage
from home.sharing import json_ld, share_links, social_meta

register = template.Library()


@register.simple_tag(takes_context=True)
def page_seo(context):
    """{"title", "description", "canonical", "noindex", "social", "site_json_ld"} for the
    page being rendered; computed once per render and shared by every tag that needs it.
    A view asks for ``noindex`` by putting it in the context."""
    cached = context.get("_openly_seo")
    if cached is not None:
        return cached
    request = context.get("request")
    page = context.get("page")
    title = seo.page_title(page)
    description = seo.page_description(page)
    found = {
        "title": title,
        "description": description,
        "canonical": "",
        "noindex": bool(context.get("noindex")),
        "social": None,
        "site_json_ld": "",
    }
    if request is not None:
        # A view that keeps its answer out of search engines (search results) names no
        # address to index instead.
        if not found["noindex"]:
            found["canonical"] = seo.canonical_url(request, page)
        if seo.is_fallback(request, page):
            found["noindex"] = True
        if isinstance(page, Page) and page.pk:
            found["social"] = social_meta(
                request, page, found["canonical"], title or page.title, description
            )
        if isinstance(page, HomePage):
            found["site_json_ld"] = json_ld(seo.site_structured_data(request))
    # Stored on the outermost context so every tag in this render reuses it.
    context.dicts[0]["_openly_seo"] = found
    return found


@register.inclusion_tag("components/share_links.html", takes_context=True)
def page_share_links(context):
    """Plain share links (email, messengers, social networks) to the page's canonical
    address."""
    found = page_seo(context)
    social = found["social"]
    if social is None:
        return {"share_links": []}
    return {"share_links": share_links(social["url"], social["title"])}


@register.filter
def with_site_name(title):
    """'<title> · Openly' (the site's name alone for a page named after the site)."""
    return seo.with_site_name(title)
