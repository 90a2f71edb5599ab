"""Three independent iCalendar readers (icalendar, vobject and ics-py), each giving every
VEVENT of a file as {uid: (start, end)}, so tests can check they all read the same."""

import datetime
import warnings

import ics
import vobject
from icalendar import Calendar


def _instant(value):
    """A datetime as a UTC instant, a date as itself (all-day events)."""
    if isinstance(value, datetime.datetime):
        assert value.tzinfo is not None, f"a floating time: {value}"
        return value.astimezone(datetime.UTC)
    return value


def with_icalendar(content):
    calendar = Calendar.from_ical(content)
    return {
        str(vevent["uid"]): (
            _instant(vevent.decoded("dtstart")),
            _instant(vevent.decoded("dtend")),
        )
        for vevent in calendar.walk("VEVENT")
    }


def with_vobject(content):
    calendar = vobject.readOne(content.decode())
    return {
        vevent.uid.value: (_instant(vevent.dtstart.value), _instant(vevent.dtend.value))
        for vevent in getattr(calendar, "vevent_list", [])
    }


def with_ics(content):
    with warnings.catch_warnings():
        # ics-py warns about its own future API changes.
        warnings.simplefilter("ignore", FutureWarning)
        calendar = ics.Calendar(content.decode())
    read = {}
    for event in calendar.events:
        if event.all_day:
            read[event.uid] = (event.begin.date(), event.end.date())
        else:
            read[event.uid] = (
                _instant(event.begin.datetime),
                _instant(event.end.datetime),
            )
    return read


READERS = {"icalendar": with_icalendar, "vobject": with_vobject, "ics": with_ics}


def read_alike(content):
    """{uid: (start, end)} as all three readers read ``content``; fails where any two
    disagree (an event missing, or read at another instant)."""
    readings = {name: read(content) for name, read in READERS.items()}
    first = readings["icalendar"]
    for name, reading in readings.items():
        assert reading == first, f"{name} reads the file differently: " + str(
            {uid: (first.get(uid), reading.get(uid)) for uid in first.keys() | reading.keys()}
        )
    return first
