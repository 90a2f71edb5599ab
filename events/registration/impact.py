"""What registration counts on the impact dashboard (home.impact): registrations for
events.

Registrations with a place or on the waiting list (cancellations left out) for live,
public events, by the month they were made and the event's country (online events have
none). Erasure blanks a registrant's personal data but keeps the row, so the counts stay
right after the details are gone; only counts ever leave the database."""

from django.utils.translation import gettext_lazy as _

from events.models import EventPage
from events.registration.models import Registrant
from home.impact.series import ImpactSeries


def registrations():
    public_events = EventPage.objects.live().public().values("pk")
    return Registrant.objects.exclude(status=Registrant.Status.CANCELLED).filter(
        setup__event__in=public_events
    )


REGISTRATIONS = ImpactSeries(
    key="registrations",
    label=_("Event registrations"),
    description=_(
        "People who registered for our events on this site, by the month they registered "
        "and the event's country."
    ),
    rows=registrations,
    date_field="created_at",
    country_field="setup__event__country",
    part_field="status",
    parts=(
        (Registrant.Status.CONFIRMED, _("With a place")),
        (Registrant.Status.WAITING, _("On the waiting list")),
    ),
    no_country=_("Online"),
)
