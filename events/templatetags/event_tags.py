"""Template tags for events, including the ones other sections use to show events."""

import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template

from events.models import EventPage
from events.zones import changes_on_day, utc_offset
from home.chrome import active_locale
from home.listing import first

register = template.Library()

OUTCOMES_SECONDS = 5 * 60


@register.inclusion_tag("components/event_campaign_outcomes.html", takes_context=True)
def campaign_event_outcomes(context, campaign):
    """The outcomes of ``campaign``'s past events (summary reports and action points), in
    the reader's language; two queries however many events (one once cached)."""
    request = context.get("request")
    locale = active_locale(request)
    events = EventPage.objects.outcomes_for_campaign(campaign, locale=locale)
    # Which events they are is kept in the cache (events join the list as they end).
    key = ("event-outcomes", campaign.pk, locale.pk)
    return {"events": first(events, None, key=key, timeout=OUTCOMES_SECONDS), "request": request}


@register.filter
def last_day(end):
    """The last day an all-day session covers: one ending at midnight ends the day before."""
    return end - datetime.timedelta(microseconds=1) if end else end


def _zone(zone_name):
    try:
        return ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return None


@register.filter
def zone_abbreviation(value, zone_name):
    """The abbreviation of the zone's time at ``value`` ("EEST", "EET"). Django's "T" date
    format leaves it out for a time that happens twice, exactly where it tells the two
    apart."""
    zone = _zone(zone_name)
    return value.astimezone(zone).tzname() if value and zone else ""


@register.filter
def offset_on_change_day(value, zone_name):
    """The UTC offset of ``value`` in the zone ``zone_name`` ("UTC+03:00") when the clocks
    change there that day, so a time that happens twice, or a session across the change,
    reads unambiguously; "" on every other day."""
    zone = _zone(zone_name)
    if not value or zone is None or not changes_on_day(value, zone):
        return ""
    return utc_offset(value.astimezone(zone))
