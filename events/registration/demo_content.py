"""Demo content for registration: two upcoming demo events take registrations on this site
(one with few places, to show the waiting list). No registrant is made up: registrants are
people's personal data, and the demo holds none. The demo's past events keep what erasure
leaves of their registrations (rows without name, email or needs), as a real site would
a month after them, so the impact dashboard has registrations to count."""

import datetime
import random

from django.utils import timezone
from wagtail.models import Locale

from events.registration.models import Registrant, RegistrationSetup

CONFIRMED, WAITING = Registrant.Status.CONFIRMED, Registrant.Status.WAITING
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
    erased_history(demo)


def erased_history(demo):
    """Erased registrations (no personal data) of the demo's past events, made before each
    event started; registration is closed on them. Once per event (idempotent)."""
    now = timezone.now()
    events = (
        RegistrationSetup.event.field.related_model.objects.live()
        .filter(locale=Locale.get_default())
        .exclude(status="cancelled")
        .past(now)
        .order_by("first_start", "pk")
    )
    chance = random.Random("demo-registrations")  # noqa: S311 - demo figures, not secrets
    made = 0
    for event in events:
        setup, created = RegistrationSetup.objects.get_or_create(
            translation_key=event.translation_key, defaults={"event": event, "enabled": False}
        )
        if not created:
            continue
        opened = event.first_start - datetime.timedelta(days=30)
        rows = [
            Registrant(
                setup=setup,
                status=WAITING if number % 9 == 8 else CONFIRMED,
                created_at=opened + datetime.timedelta(hours=chance.randrange(0, 29 * 24)),
                erased_at=now,
            )
            for number in range(chance.randrange(6, 31))
        ]
        Registrant.objects.bulk_create(rows)
        made += len(rows)
    demo.say(f"Erased registrations of past events (counts only): {made}")
