"""Demo content for registration: two upcoming demo events take registrations on this site
(one with few places, to show the waiting list). No registrant is made up: registrants are
people's personal data, and the demo holds none."""

from django.utils import timezone
from wagtail.models import Locale

from events.registration.models import RegistrationSetup

# (places, waiting list) of the first upcoming demo events that had no registration.
DEMO_SETUPS = [(40, True), (8, True)]


def load(demo):
    """Open registration on the first upcoming events without any (idempotent)."""
    # The model is read from the set-up's relation: events.models imports this app.
    events = (
        RegistrationSetup.event.field.related_model.objects.live()
        .filter(locale=Locale.get_default(), registration="none")
        .filter(sessions__start__gt=timezone.now())
        .exclude(status="cancelled")
        .distinct()
        .order_by("sessions__start", "pk")
    )
    chosen = []
    for event in events:
        if event not in chosen:
            chosen.append(event)
        if len(chosen) == len(DEMO_SETUPS):
            break
    for event, (places, waiting_list) in zip(chosen, DEMO_SETUPS, strict=False):
        RegistrationSetup.objects.update_or_create(
            translation_key=event.translation_key,
            defaults={
                "event": event,
                "enabled": True,
                "capacity": places,
                "waiting_list": waiting_list,
            },
        )
    demo.say(f"Registration on this site: {len(chosen)} event(s)")
