"""The events embed, /<lang>/embed/events/?…: the next events of the listing, with the
listing's own filters (topic, country, city, format, organisation, audience, language,
free, access, when, date_from, date_to) and ``limit`` (how many, 1 to
``OPENLY_EMBED_MAX_EVENTS``), for partner sites to frame (home.embeds).

Each event shows its title, next session in the reader's language and the event's time
zone, format and place; links open the site in a new tab. A fixed number of queries,
however many events there are.
"""

from django.utils.translation import gettext_lazy as _

from events.models import EventIndexPage
from home.cache import default_locale
from home.chrome import active_locale
from home.embeds import EmbedRoute
from home.embeds.conf import settings as embed_settings
from home.embeds.views import not_found, render_embed
from home.restrictions import private_q

TEMPLATE = "embeds/events.html"


def events_index(locale, source):
    """The events section in ``locale``, else in the source language (None when neither
    is live)."""
    # private_q(): the private sections from the cache (Wagtail's public() reads them).
    indexes = EventIndexPage.objects.live().exclude(private_q()).filter(locale__in={locale, source})
    found = {page.locale_id: page for page in indexes.order_by("-path")}
    return found.get(locale.pk) or found.get(source.pk)


def limit_from(request):
    """``?limit=`` within 1 and the maximum; the default for a missing or bad value."""
    try:
        limit = int(request.GET.get("limit", ""))
    except ValueError:
        return embed_settings.DEFAULT_EVENTS
    return max(1, min(limit, embed_settings.MAX_EVENTS))


def events_embed(request):
    """The next events matching the query string's filters."""
    index = events_index(active_locale(request), default_locale())
    if index is None:
        return not_found(request, _("There are no events to show here yet."))
    listing = index.listing(request)
    events = listing.results.select_related("organisation", "locale")[: limit_from(request)]
    filters = listing.querystring(limit="", page="")
    return render_embed(
        request,
        TEMPLATE,
        {
            "index": index,
            "events": list(events),
            "filtered": listing.form.active,
            "all_events_url": index.url + (f"?{filters}" if filters else ""),
        },
    )


ROUTE = EmbedRoute("", events_embed)
