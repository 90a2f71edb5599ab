"""What every embeddable page shares: the framing policy, the cache policy, the 404."""

from functools import wraps

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from home.embeds.conf import frame_ancestors
from home.http_cache import public

NOT_FOUND_TEMPLATE = "embeds/not_found.html"


def frameable(response):
    """Let the sites in ``OPENLY_EMBED_FRAME_ANCESTORS`` frame ``response``: no
    X-Frame-Options (Django's middleware skips an exempt response) and a CSP
    ``frame-ancestors`` of those sites (home.security reads ``frame_ancestors``)."""
    response.xframe_options_exempt = True
    response.frame_ancestors = frame_ancestors()
    return response


def embed_view(view):
    """Decorate an embed's view: its answers are public pages other sites may frame."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return frameable(public(view(request, *args, **kwargs)))

    return wrapped


def render_embed(request, template, context=None, status=200):
    """An embeddable page from ``template`` (which extends "embeds/base.html")."""
    return TemplateResponse(request, template, context or {}, status=status)


def not_found(request, message=None, **kwargs):
    """The embeddable 404: a partner's frame shows a short explanation, not the site's
    whole 404 page (which no other site may frame)."""
    message = message or _("There is nothing to show at this address.")
    return render_embed(request, NOT_FOUND_TEMPLATE, {"message": message}, status=404)
