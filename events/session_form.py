"""Session times as editors type them: on the clocks of the place where the event happens.

Django's date-and-time field reads a typed time in the *admin's* time zone (and refuses a
time that is missing or repeated there); converting it to the event's zone afterwards then
gets the nights the clocks change wrong, in the event's zone and in the admin's. Here the
session form keeps the typed time as a plain wall-clock reading, and the event's form places
it in the event's zone (``EventSessionForm.place_in_zone``): a time the clocks skip there is
refused with the change named, and for a time that happens twice the editor is asked which
one they mean (``RepeatedTimePanel`` shows that choice only then)."""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.panels.base import get_form_for_model

from events.zones import read_wall_clock, utc_offset

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
TIMES = ("start", "end")

MISSING_TIME = _(
    "%(day)s %(start)s–%(end)s does not exist in %(zone)s: that night the clocks go forward "
    "from %(start)s (%(old)s) to %(end)s (%(new)s). Enter a time before %(start)s or from "
    "%(end)s."
)
REPEATED_TIME = _(
    "%(day)s %(time)s happens twice in %(zone)s: that night the clocks go back from "
    "%(start)s (%(old)s) to %(end)s (%(new)s), so the times in between come twice. Choose "
    "which one you mean below."
)
FIRST_OCCURRENCE = _("The first %(time)s (%(abbreviation)s, %(offset)s), before the change")
SECOND_OCCURRENCE = _("The second %(time)s (%(abbreviation)s, %(offset)s), after the change")
WHICH_TIME = {"start": _("Which start time?"), "end": _("Which end time?")}
WHICH_TIME_HELP = _(
    "This time happens twice on the night the clocks go back. Choose the one you mean."
)


def _clock(value):
    return formats.time_format(value, "H:i")


class WallClockField(forms.DateTimeField):
    """A date and time kept as typed, with no time zone: the event's form places it in the
    event's zone. (Django's own field would read it in the admin's zone.)"""

    def to_python(self, value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return value
        # UTC has no missing or repeated times, so Django's parsing accepts every
        # reading; the zone is dropped again at once.
        with timezone.override(datetime.UTC):
            result = super().to_python(value)
        return None if result is None else result.replace(tzinfo=None)


def _fold_field(which):
    """The choice of which occurrence of a time that happens twice ``which`` ("start" or
    "end") means; shown only when it does."""
    return forms.TypedChoiceField(
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        label=WHICH_TIME[which],
        help_text=WHICH_TIME_HELP,
    )


class EventSessionForm(WagtailAdminModelForm):
    """One session: start and end read as wall-clock times, and, only when one of them
    happens twice, a choice of which (``start_fold`` / ``end_fold``: 0 the first, 1 the
    second, as in Python's ``datetime.fold``)."""

    start_fold = _fold_field("start")
    end_fold = _fold_field("end")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The names of the times that happen twice, whose choice the form shows.
        self.repeated_times = set()
        for name in TIMES:
            field = self.fields.get(name)
            if field is not None:
                self.fields[name] = WallClockField(
                    label=field.label,
                    help_text=field.help_text,
                    required=field.required,
                    widget=field.widget,
                )
            # Labelled by offer_choice, when the time happens twice (else not shown).
            self.fields[f"{name}_fold"].choices = [(0, "0"), (1, "1")]

    def offer_choice(self, name, reading):
        """Show the choice between the two occurrences of the repeated time ``reading``."""
        change = reading.change
        time = _clock(reading.wall)

        def label(template, moment):
            return template % {
                "time": time,
                "abbreviation": moment.tzname(),
                "offset": utc_offset(moment),
            }

        self.fields[f"{name}_fold"].choices = [
            (0, label(FIRST_OCCURRENCE, change.before)),
            (1, label(SECOND_OCCURRENCE, change.after)),
        ]
        self.repeated_times.add(name)

    def show_in_zone(self, zone):
        """Show the stored times as the clocks of ``zone`` read them (with the choice of
        occurrence already made for a time that happens twice)."""
        for name in TIMES:
            value = getattr(self.instance, name, None)
            if value is None or timezone.is_naive(value):
                continue
            local = timezone.localtime(value, zone)
            self.initial[name] = local.replace(tzinfo=None, fold=0)
            reading = read_wall_clock(local, zone)
            if reading.repeated:
                self.offer_choice(name, reading)
                self.initial[f"{name}_fold"] = local.fold

    def place_in_zone(self, zone):
        """Read the typed times in ``zone``: refuse a time the clocks skip, ask which one is
        meant for a time that happens twice, and keep the rest as aware times in UTC (so
        that sessions compare correctly even across the change)."""
        zone_name = getattr(zone, "key", str(zone))
        for name in TIMES:
            value = self.cleaned_data.get(name)
            if value is None:
                continue
            if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
                self.add_error(name, _("Check the year: it looks wrong."))
                continue
            if timezone.is_naive(value):
                value = self._read(name, value, zone, zone_name)
                if value is None:
                    continue
            value = value.astimezone(datetime.UTC)
            self.cleaned_data[name] = value
            setattr(self.instance, name, value)

    def _read(self, name, wall, zone, zone_name):
        reading = read_wall_clock(wall, zone)
        change = reading.change
        if change is None:
            return reading.aware()
        names = {
            "day": formats.date_format(wall.date(), "DATE_FORMAT"),
            "zone": zone_name,
            "old": change.before.tzname(),
            "new": change.after.tzname(),
            "start": _clock(change.from_time),
            "end": _clock(change.to_time),
            "time": _clock(wall),
        }
        if reading.missing:
            self.add_error(name, MISSING_TIME % names)
            return None
        self.offer_choice(name, reading)
        fold = self.cleaned_data.get(f"{name}_fold")
        if fold not in (0, 1):
            self.add_error(name, REPEATED_TIME % names)
            return None
        return reading.aware(fold)


class RepeatedTimePanel(FieldPanel):
    """The choice of occurrence of a session time, shown only when the time happens twice
    (the form says so); not a model field, so it has nothing to compare between
    revisions."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            name = self.field_name.removesuffix("_fold")
            return super().is_shown() and name in getattr(self.form, "repeated_times", ())

        def get_comparison(self):
            return []


class SessionsPanel(InlinePanel):
    """The event's sessions, edited with ``EventSessionForm`` (InlinePanel builds its forms
    from Wagtail's default form, with no way to name another)."""

    def get_form_options(self):
        options = super().get_form_options()
        child = self.child_edit_handler.get_form_options()
        options["formsets"][self.relation_name]["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=EventSessionForm,
            defer_required_on_fields=child.get("defer_required_on_fields", []),
        )
        return options
