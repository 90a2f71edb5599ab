"""Event models: the index page and the event page with its inline sessions, speakers
and action points (one module per page type, and one for what is edited inline on an event)."""

from events.models.event import EventPage
from events.models.index import EventIndexPage
from events.models.inline import EventActionPoint, EventSession, EventSpeaker

__all__ = ["EventActionPoint", "EventIndexPage", "EventPage", "EventSession", "EventSpeaker"]
