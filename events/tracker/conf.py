"""The tracker's settings and their defaults, read here and nowhere else."""

from django.conf import settings


def reminder_days():
    """How many days before an action's due date its owners get a reminder
    (``OPENLY_ACTION_REMINDER_DAYS``, 14 by default)."""
    return int(getattr(settings, "OPENLY_ACTION_REMINDER_DAYS", 14))


# Actions per page of the tracker, and at most this many in one calendar feed.
ACTIONS_PER_PAGE = 20
FEED_MAX_ACTIONS = 500
# "Due soon" is the next this many days (the due-window filter).
SOON_DAYS = 30
