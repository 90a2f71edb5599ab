"""Template tags for events, including the ones other sections use to show events."""

import datetime

from django import template

from events.models import EventPage
from home.chrome import active_locale

register = template.Library()


@register.inclusion_tag("components/event_campaign_outcomes.html", takes_context=True)
def campaign_event_outcomes(context, campaign):
    """The outcomes of ``campaign``'s past events (summary reports and action points), in
    the reader's language; three queries however many events."""
    request = context.get("request")
    events = EventPage.objects.outcomes_for_campaign(campaign, locale=active_locale(request))
    return {"events": events, "request": request}


@register.filter
def last_day(end):
    """The last day an all-day session covers: one ending at midnight ends the day before."""
    return end - datetime.timedelta(microseconds=1) if end else end
