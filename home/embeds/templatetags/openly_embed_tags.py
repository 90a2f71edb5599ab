"""The "show this on your website" snippet: the <iframe> code a partner copies to frame an
embed (home.embeds) in the reader's language."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

register = template.Library()

HEIGHTS = {"events": 460, "pledge": 320}


@register.simple_tag(takes_context=True)
def embed_code(context, name, title, query="", **kwargs):
    """The <iframe> code of the embed ``name`` (its route's arguments in ``kwargs``, e.g.
    ``campaign=page.slug``) with ``title`` and the query string ``query``, as text to show
    (escaped); "" when that embed is not installed."""
    request = context.get("request")
    try:
        path = reverse(f"embeds:{name}", kwargs=kwargs or None)
    except NoReverseMatch:
        return ""
    address = request.build_absolute_uri(path) if request is not None else path
    if query:
        address = f"{address}?{query}"
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" style="border:0" '
        'loading="lazy"></iframe>',
        address,
        title,
        HEIGHTS.get(name, 400),
    )
