"""The registration app's settings and their defaults, read here and nowhere else."""

import os

from django.conf import settings


def retention_days():
    """How many days after an event ends its registrants' personal data is erased
    (``OPENLY_REGISTRATION_RETENTION_DAYS``, a setting or the environment; 30 by default)."""
    default = os.environ.get("OPENLY_REGISTRATION_RETENTION_DAYS", "30")
    return int(getattr(settings, "OPENLY_REGISTRATION_RETENTION_DAYS", default))


def rate_limit():
    """(registrations, seconds): at most this many sent from one client to one event within
    the window (``OPENLY_REGISTRATION_RATE_LIMIT``, 5 an hour by default)."""
    limit = getattr(settings, "OPENLY_REGISTRATION_RATE_LIMIT", (5, 60 * 60))
    return int(limit[0]), int(limit[1])


# "Few places left" is shown at or below this many places (or a tenth of the capacity).
FEW_PLACES = 5
