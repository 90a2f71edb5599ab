"""The address a social card is served at: ``/social-cards/<page id>.png``."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from home.http_cache import public
from home.social_cards.store import card_png, live_page


@require_safe
def social_card(request, page_id):
    """The card of the live, public page ``page_id`` (404 for any other page), shared
    with every reader and cache like the page itself: every publication bans the caches."""
    page = live_page(page_id)
    if page is None:
        raise Http404
    response = HttpResponse(card_png(page), content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    return public(response)
