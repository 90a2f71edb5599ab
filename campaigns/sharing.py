"""Share links, Open Graph data and schema.org JSON-LD for campaign and resource pages.

Share links are plain addresses: nothing from a social network loads on our pages."""

import json
from urllib.parse import quote

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

OG_IMAGE_FILTER = "fill-1200x630"


def share_links(url, title):
    """[(label, href)] for email, WhatsApp, Bluesky, Mastodon, Facebook and X."""
    text = quote(title)
    link = quote(url, safe="")
    both = quote(f"{title} {url}")
    return [
        (_("Email"), f"mailto:?subject={text}&body={link}"),
        ("WhatsApp", f"https://wa.me/?text={both}"),
        ("Bluesky", f"https://bsky.app/intent/compose?text={both}"),
        # Mastodon has no single server: this chooser lets readers pick their own.
        ("Mastodon", f"https://toot.kytta.dev/?text={both}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={link}"),
        ("X", f"https://x.com/intent/post?text={text}&url={link}"),
    ]


def json_ld(data):
    """A <script type="application/ld+json"> body that cannot break out of the tag."""
    encoded = json.dumps(data, ensure_ascii=False, default=str)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        encoded = encoded.replace(char, escape)
    return mark_safe(encoded)  # noqa: S308 - escaped above, JSON inside a script element


def og_image(request, image):
    """Absolute address of the image's sharing rendition, or ''."""
    if image is None:
        return ""
    rendition = image.get_rendition(OG_IMAGE_FILTER)
    return request.build_absolute_uri(rendition.url)


def social_meta(request, page, image, image_alt, kind="website"):
    """What the Open Graph / Twitter card tags need."""
    return {
        "url": request.build_absolute_uri(page.get_url(request) or "/"),
        "title": page.seo_title or page.title,
        "description": page.search_description or page.summary,
        "image": og_image(request, image),
        "image_alt": image_alt,
        "kind": kind,
        "locale": page.locale.language_code,
    }
