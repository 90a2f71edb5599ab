"""The tracker's calendar feed: one all-day entry on each action's due date, for the
tracker's current filters, made with the `icalendar` library as the events' feeds are
(events.ics). Each action keeps one UID in every language and across edits (from its
key), so a calendar that subscribed moves the entry when the due date moves."""

import datetime
import hashlib

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from events.choices import ActionStatus
from events.ics import _utc_zone

PRODID = "-//Openly//Action tracker due dates//EN"
UID_DOMAIN = "actions.openly"


def action_uid(action):
    """The same UID for an action in every language: a digest of its key."""
    digest = hashlib.sha256(action.key.encode()).hexdigest()[:32]
    return f"action-{digest}@{UID_DOMAIN}"


def action_vevent(request, action, stamp):
    """The all-day VEVENT on ``action``'s due date."""
    vevent = VEvent()
    vevent.add("uid", action_uid(action))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", action.due)
    vevent.add("dtend", action.due + datetime.timedelta(days=1))
    summary = action.action
    if action.status == ActionStatus.DONE:
        summary = f"[{ActionStatus.DONE.label}] {summary}"
    vevent.add("summary", summary)
    url = action.source_page.get_full_url(request)
    lines = [
        _("Status: %(status)s") % {"status": action.get_status_display()},
        action.organisation.name if action.organisation_id else "",
        _("Lead: %(lead)s") % {"lead": action.lead} if action.lead else "",
        url or "",
    ]
    vevent.add("description", "\n\n".join(line for line in lines if line))
    if url:
        vevent.add("url", url)
    vevent.add("transp", "TRANSPARENT")
    vevent.add("last-modified", action.updated_at.astimezone(datetime.UTC))
    return vevent


def calendar_response(request, actions, name):
    """The calendar of ``actions`` (with due dates) as an HTTP response."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for action in actions:
        calendar.add_component(action_vevent(request, action, stamp))
    if not calendar.subcomponents:
        calendar.add_component(_utc_zone())
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="actions.ics"'
    return response
