"""Shared set-up for the registration tests: an event with registration on this site."""

import uuid

from events.registration.models import RegistrationSetup


def open_registration(event, capacity=2, waiting_list=True, **fields):
    """Turn registration on this site on for ``event``."""
    return RegistrationSetup.objects.create(
        event=event,
        translation_key=event.translation_key,
        enabled=True,
        capacity=capacity,
        waiting_list=waiting_list,
        **fields,
    )


def form_data(name="Ana Pop", email="ana@example.org", **extra):
    """What a reader sends, with a fresh one-time token."""
    return {
        "token": str(uuid.uuid4()),
        "name": name,
        "email": email,
        "accessibility_needs": "Step-free access",
        "consent": "on",
        "website": "",
        **extra,
    }


def register_url(event):
    return event.url + "register/"
