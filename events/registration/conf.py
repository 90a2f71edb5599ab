"""The registration app's settings and their defaults, read here and nowhere else."""

from django.conf import settings


def retention_days():
    """How many days after an event ends its registrants' personal data is erased
    (``OPENLY_REGISTRATION_RETENTION_DAYS``, 30 by default)."""
    return int(getattr(settings, "OPENLY_REGISTRATION_RETENTION_DAYS", 30))


def rate_limit():
    """(registrations, seconds): at most this many sent from one client to one event within
    the window (``OPENLY_REGISTRATION_RATE_LIMIT``, 5 an hour by default)."""
    limit = getattr(settings, "OPENLY_REGISTRATION_RATE_LIMIT", (5, 60 * 60))
    return int(limit[0]), int(limit[1])


# "Few places left" is shown at or below this many places (or a tenth of the capacity).
FEW_PLACES = 5
