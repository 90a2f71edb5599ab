"""Event models: the index page and the event page with its inline sessions, speakers
and action points (one module per page type)."""

from events.models.event import EventActionPoint, EventPage, EventSession, EventSpeaker
from events.models.index import EventIndexPage

__all__ = ["EventActionPoint", "EventIndexPage", "EventPage", "EventSession", "EventSpeaker"]
