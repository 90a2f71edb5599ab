"""What readers are told about an event's time, status, format and place, derived from
its fields and sessions (no queries beyond the prefetched sessions). Mixed into EventPage."""

import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.utils import formats, timezone
from django.utils.functional import cached_property

from events.choices import (
    ACCESSIBILITY_CHOICES,
    LANGUAGE_CHOICES,
    EventFormat,
    EventStatus,
    LinkVisibility,
)
from events.zones import current_name

# How long before a session the joining link appears, for "near the start" visibility.
JOIN_LINK_LEAD = datetime.timedelta(hours=1)


class EventSchedule:
    """Time zone, sessions, status, format and place of an event, as readers see them."""

    # -- time -------------------------------------------------------------------------

    @cached_property
    def zone(self):
        """The event's time zone as a ZoneInfo (the site's zone if the name is unknown)."""
        try:
            return ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo(settings.TIME_ZONE)

    @property
    def zone_label(self):
        """The zone named for readers, e.g. 'Athens' for Europe/Athens (and 'Kyiv' for an
        event saved under the old name Europe/Kiev)."""
        return current_name(self.time_zone).rsplit("/", 1)[-1].replace("_", " ")

    @cached_property
    def ordered_sessions(self):
        """The sessions, earliest first (uses prefetched sessions when present)."""
        return sorted(self.sessions.all(), key=lambda s: (s.start, s.pk or 0))

    def next_session(self, now=None):
        """The first session that has not ended yet, or None."""
        now = now or timezone.now()
        return next((s for s in self.ordered_sessions if s.end > now), None)

    def is_past(self, now=None):
        now = now or timezone.now()
        sessions = self.ordered_sessions
        return bool(sessions) and all(s.end <= now for s in sessions)

    @property
    def first_session(self):
        return self.ordered_sessions[0] if self.ordered_sessions else None

    @property
    def last_session(self):
        sessions = self.ordered_sessions
        return max(sessions, key=lambda s: s.end) if sessions else None

    # -- status and format -----------------------------------------------------------

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def has_venue(self):
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def is_online(self):
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    def joining_link_visible(self, now=None):
        """Whether the page may show the online joining link now."""
        if not self.online_url or not self.is_online or self.is_cancelled:
            return False
        if self.online_link_visibility == LinkVisibility.REGISTERED:
            return False
        now = now or timezone.now()
        if self.online_link_visibility == LinkVisibility.PUBLIC:
            return not self.is_past(now)
        return any(s.start - JOIN_LINK_LEAD <= now < s.end for s in self.ordered_sessions)

    def joining_link_changed_at(self, now=None):
        """The last moment up to ``now`` when the page may have started or stopped showing
        the joining link (an hour before a session, or its end), or None: calendar files
        that carry the link are new from then on."""
        now = now or timezone.now()
        moments = [
            moment
            for session in self.ordered_sessions
            for moment in (session.start - JOIN_LINK_LEAD, session.end)
            if moment <= now
        ]
        return max(moments, default=None)

    @property
    def language_names(self):
        names = dict(LANGUAGE_CHOICES)
        return [names.get(code, code) for code in self.languages]

    @property
    def accessibility_labels(self):
        labels = dict(ACCESSIBILITY_CHOICES)
        return [labels[code] for code in self.accessibility if code in labels]

    @property
    def location_text(self):
        """Venue, address, city and country on one line (for calendars and feeds)."""
        parts = [self.venue_name, " ".join(self.address.split()), self.city]
        if self.country:
            parts.append(str(self.country.name))
        return ", ".join(part for part in parts if part)

    def social_card_note(self):
        """The first day and the city (or the format, online) under the title of the
        event's social card, in the active language."""
        parts = []
        if self.first_session is not None:
            start = timezone.localtime(self.first_session.start, self.zone)
            parts.append(formats.date_format(start, "DATE_FORMAT"))
        place = self.city if self.has_venue else ""
        parts.append(place or (self.get_format_display() if self.is_online else ""))
        return " · ".join(part for part in parts if part)
