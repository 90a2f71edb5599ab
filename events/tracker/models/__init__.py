"""The tracker's models: its index of published actions with their history and the
reminders sent (``index``), and the tracker page itself (``page``)."""

from events.tracker.models.index import (
    ActionReminder,
    ActionStatusChange,
    TrackedAction,
    TrackedActionTopic,
)
from events.tracker.models.page import ActionTrackerPage

__all__ = [
    "ActionReminder",
    "ActionStatusChange",
    "ActionTrackerPage",
    "TrackedAction",
    "TrackedActionTopic",
]
