"""iCalendar files for events, made with the `icalendar` library: one VEVENT per session,
stable UIDs, one SEQUENCE per event in every language, and the joining link when the event
page shows it.

Times are written in UTC ("20261025T160000Z"), with no VTIMEZONE. A TZID with its own
VTIMEZONE is read differently by different clients: vobject keeps the first definition it
meets under a name for the rest of the process (so a later file whose dates that definition
does not cover is read an hour off), dateutil-based readers use only the rules inside the
file, and the big calendar apps swap known names for their own database and ignore the
rules. A UTC time has one reading everywhere (RFC 5545, 3.3.5, form 2). The events do not
repeat (each session is its own VEVENT, with no RRULE), so nothing needs the local rules to
expand, and every calendar app shows the instant in its reader's own zone, as it would have
anyway. The event's zone stays on the page, which every entry links to.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone, TimezoneStandard
from icalendar import Event as VEvent

from events.choices import EventStatus, LinkVisibility

PRODID = "-//Openly//Mental Health Week events//EN"
UID_DOMAIN = "events.openly"
UTC = datetime.UTC

ICS_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    # The announced dates no longer hold and no new ones are known yet.
    EventStatus.POSTPONED: "TENTATIVE",
}


def session_uid(session):
    """The same UID for a session in every language and across edits: the session's
    translation key, shared by its translations and kept while it exists."""
    return f"session-{session.translation_key}@{UID_DOMAIN}"


def _all_day_range(session, zone):
    start = timezone.localtime(session.start, zone).date()
    # An all-day end at midnight belongs to the day before; DTEND is exclusive.
    last = (timezone.localtime(session.end, zone) - datetime.timedelta(microseconds=1)).date()
    return start, max(last, start) + datetime.timedelta(days=1)


def _joining(event, now):
    """(joining link or None, a line for the description or None): the link only when the
    event page shows it now, else what the page says about it."""
    if not event.is_online or event.is_cancelled:
        return None, None
    if event.joining_link_visible(now):
        return event.online_url, _("Join online: %(link)s") % {"link": event.online_url}
    if event.online_link_visibility == LinkVisibility.NEAR_START:
        return None, _(
            "The joining link appears on the event page one hour before each session starts."
        )
    if event.online_link_visibility == LinkVisibility.REGISTERED:
        return None, _("The organiser sends the joining link to people who register.")
    return None, None


def session_vevent(event, session, url, stamp, now=None):
    """The VEVENT for one session of ``event``."""
    vevent = VEvent()
    vevent.add("uid", session_uid(session))
    vevent.add("dtstamp", stamp)
    if event.all_day:
        start, end = _all_day_range(session, event.zone)
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
    else:
        vevent.add("dtstart", session.start.astimezone(UTC))
        vevent.add("dtend", session.end.astimezone(UTC))
    title = event.title
    if session.title:
        title = f"{title}: {session.title}"
    if event.is_cancelled:
        title = f"[{EventStatus.CANCELLED.label}] {title}"
    vevent.add("summary", title)
    link, link_note = _joining(event, now or timezone.now())
    parts = (event.card_summary, event.status_note, link_note, url)
    vevent.add("description", "\n\n".join(part for part in parts if part))
    location = event.location_text
    if not location and event.is_online:
        location = link or _("Online")
    if location:
        vevent.add("location", location)
    if link:
        vevent.add("conference", link, parameters={"VALUE": "URI", "FEATURE": "VIDEO"})
    if event.latitude is not None and event.longitude is not None:
        vevent.add("geo", (float(event.latitude), float(event.longitude)))
    vevent.add("url", url)
    vevent.add("status", ICS_STATUS.get(event.status, "CONFIRMED"))
    vevent.add("sequence", event.ics_sequence)
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(UTC))
    if event.organisation_id:
        vevent.add("x-openly-organiser", event.organisation.name)
    return vevent


def _utc_zone():
    """The definition of UTC: a calendar must hold at least one component (RFC 5545,
    3.6), so a calendar without events carries this one, which no reader can misread."""
    zone = Timezone()
    zone.add("tzid", "UTC")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", datetime.timedelta(0))
    standard.add("tzoffsetto", datetime.timedelta(0))
    standard.add("tzname", "UTC")
    zone.add_component(standard)
    return zone


def build_calendar(request, events, name=None):
    """A Calendar with every session of ``events`` (sessions ideally prefetched)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    now = timezone.now()
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for event in events:
        url = event.get_full_url(request)
        for session in event.ordered_sessions:
            calendar.add_component(session_vevent(event, session, url, stamp, now))
    if not calendar.subcomponents:
        calendar.add_component(_utc_zone())
    return calendar


def calendar_response(request, events, filename, name=None):
    """An HTTP response with the calendar; single events download as a file."""
    calendar = build_calendar(request, events, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "inline" if filename == "events.ics" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
