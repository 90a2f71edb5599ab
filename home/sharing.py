"""Share links, Open Graph / Twitter card data and schema.org JSON-LD for public pages.

Share links are plain addresses: nothing from a social network loads on our pages. The
picture a page is shared with is the editor's share image when there is one, else the
page's social card (home.social_cards), else the site's icon."""

import json
from urllib.parse import quote

from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from home.site_address import absolute
from home.social_cards.drawing import HEIGHT, WIDTH
from home.social_cards.store import card_url, has_card

OG_IMAGE_FILTER = "fill-1200x630"
SITE_ICON = "icons/icon-512.png"


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
    return absolute(rendition.url, request)


def share_picture(request, page):
    """{"url", "alt", "width", "height"} of the picture ``page`` is shared with: the
    editor's share image, else its social card, else the site's icon. No query unless
    the editor chose a share image."""
    if getattr(page, "share_image_id", None):
        return {
            "url": og_image(request, page.share_image),
            "alt": page.share_image_alt,
            "width": WIDTH,
            "height": HEIGHT,
        }
    if has_card(page):
        return {
            "url": absolute(card_url(page), request),
            "alt": page.title,
            "width": WIDTH,
            "height": HEIGHT,
        }
    return {"url": absolute(static(SITE_ICON), request), "alt": "", "width": 512, "height": 512}


def social_meta(request, page, url, title, description):
    """What the Open Graph / Twitter card tags of ``page`` need; ``url`` is its canonical
    address."""
    picture = share_picture(request, page)
    return {
        "url": url,
        "title": title,
        "description": description,
        "image": picture["url"],
        "image_alt": picture["alt"],
        "image_width": picture["width"],
        "image_height": picture["height"],
        "large": picture["width"] > picture["height"],
        "kind": getattr(page, "og_type", "website"),
        "locale": page.locale.language_code,
    }
