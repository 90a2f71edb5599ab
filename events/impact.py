"""What events count on the impact dashboard (home.impact): events held.

Live, public events that were not cancelled and whose sessions have all ended, each once
whatever the number of translations, by the month of their first session and their
country (online events have none)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.choices import EventStatus
from events.models import EventPage
from home.impact.series import ImpactSeries, first_of_translations


def events_held():
    held = EventPage.objects.live().public().exclude(status=EventStatus.CANCELLED)
    return first_of_translations(held.past(timezone.now()))


EVENTS_HELD = ImpactSeries(
    key="events",
    label=_("Events held"),
    description=_(
        "Events that took place (not cancelled), by the month they started and their country."
    ),
    rows=events_held,
    date_field="first_start",
    country_field="country",
    no_country=_("Online"),
)
