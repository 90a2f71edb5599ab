"""iCalendar files for events, made with the `icalendar` library: one VEVENT per session,
stable UIDs, the event's own time zone (TZID with its VTIMEZONE), and a SEQUENCE that
grows with every publication so calendar apps replace their copy."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from events.choices import EventStatus

PRODID = "-//Openly//Mental Health Week events//EN"
UID_DOMAIN = "events.openly"

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


def session_vevent(event, session, url, stamp):
    """The VEVENT for one session of ``event``."""
    zone = event.zone
    vevent = VEvent()
    vevent.add("uid", session_uid(session))
    vevent.add("dtstamp", stamp)
    if event.all_day:
        start, end = _all_day_range(session, zone)
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
    else:
        vevent.add("dtstart", timezone.localtime(session.start, zone))
        vevent.add("dtend", timezone.localtime(session.end, zone))
    title = event.title
    if session.title:
        title = f"{title}: {session.title}"
    if event.is_cancelled:
        title = f"[{EventStatus.CANCELLED.label}] {title}"
    vevent.add("summary", title)
    description = "\n\n".join(part for part in (event.card_summary, event.status_note, url) if part)
    vevent.add("description", description)
    location = event.location_text
    if event.format != "in_person" and event.online_url and not location:
        location = _("Online")
    if location:
        vevent.add("location", location)
    if event.latitude is not None and event.longitude is not None:
        vevent.add("geo", (float(event.latitude), float(event.longitude)))
    vevent.add("url", url)
    vevent.add("status", ICS_STATUS.get(event.status, "CONFIRMED"))
    vevent.add("sequence", event.ics_sequence)
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    if event.organisation_id:
        vevent.add("x-openly-organiser", event.organisation.name)
    return vevent


def build_calendar(request, events, name=None):
    """A Calendar with every session of ``events`` (sessions ideally prefetched)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    first = last = None
    for event in events:
        url = event.get_full_url(request)
        for session in event.ordered_sessions:
            calendar.add_component(session_vevent(event, session, url, stamp))
            first = min(first, session.start) if first else session.start
            last = max(last, session.end) if last else session.end
    if first is not None:
        # VTIMEZONE rules covering only the years the calendar needs keep the file small.
        calendar.add_missing_timezones(
            first_date=(first - datetime.timedelta(days=366)).date(),
            last_date=(last + datetime.timedelta(days=366)).date(),
        )
    return calendar


def calendar_response(request, events, filename, name=None):
    """An HTTP response with the calendar; single events download as a file."""
    calendar = build_calendar(request, events, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "inline" if filename == "events.ics" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
