"""Forms: the editor's event form (session times in the event's zone, session checks) and
the public listing's filter form."""

import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Locale

from events.choices import (
    ACCESSIBILITY_CHOICES,
    LANGUAGE_CHOICES,
    TIME_ZONE_CHOICES,
    EventFormat,
)
from events.session_form import EARLIEST_YEAR, LATEST_YEAR, TIMES
from events.zones import current_name
from home.cocreation.forms import OpenlyPageForm


def session_problems(sessions, zone=None):
    """Problems with a list of sessions, as (session, field, message) triples: a session
    that ends before it starts, or that overlaps another (its times shown in ``zone``, the
    event's)."""
    problems = []
    timed = []
    for session in sessions:
        if not (session.start and session.end):
            continue
        if session.end <= session.start:
            problems.append((session, "end", _("The session must end after it starts.")))
        else:
            timed.append(session)
    timed.sort(key=lambda s: s.start)
    for earlier, later in zip(timed, timed[1:], strict=False):
        if later.start < earlier.end:
            problems.append(
                (
                    later,
                    "start",
                    _(
                        "This session starts before the previous one (%(previous)s) ends. "
                        "Sessions may not overlap: change the times or merge them."
                    )
                    % {
                        "previous": formats.date_format(
                            timezone.localtime(earlier.start, zone), "DATETIME_FORMAT"
                        )
                    },
                )
            )
    return problems


def session_errors(sessions, zone=None):
    """The session problems as a list of messages (for model validation)."""
    return [message for _session, _field, message in session_problems(sessions, zone)]


class EventPageForm(OpenlyPageForm):  # OpenlyPageForm: partners pick only their organisations
    """The event editor (on top of the shared page form, which limits the organisation
    to the editor's own). Editors type session times as clocks show them where the event
    happens; this form reads and shows them in the event's time zone, whatever the
    editor's own zone (events.session_form), and checks the sessions together. The zone
    menu offers current zone names only; an event saved with an old name (Europe/Kiev)
    shows, and is saved with, the current one (Europe/Kyiv)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_terms_to_locale()
        if "time_zone" in self.fields and self.instance.time_zone:
            self.initial["time_zone"] = current_name(self.instance.time_zone)
        sessions = self.formsets.get("sessions")
        zone = _zone(self.instance.time_zone)
        if sessions is None or zone is None:
            return
        for form in sessions.forms:
            if hasattr(form, "show_in_zone"):
                form.show_in_zone(zone)

    def _limit_terms_to_locale(self):
        locale_id = getattr(self.instance, "locale_id", None) or Locale.get_default().pk
        for name in ("topics", "audiences"):
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)

    def clean_time_zone(self):
        name = current_name(self.cleaned_data.get("time_zone") or "")
        if name not in dict(TIME_ZONE_CHOICES):
            raise forms.ValidationError(
                _("Choose the time zone from the list, e.g. Europe/Athens."), code="invalid"
            )
        return name

    def clean(self):
        cleaned_data = super().clean()
        sessions = self.formsets.get("sessions")
        zone = _zone(cleaned_data.get("time_zone") or self.instance.time_zone)
        if sessions is None or zone is None:
            return cleaned_data
        sessions.is_valid()  # clean the session forms now, to read their values here
        kept = []
        for form in sessions.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            if hasattr(form, "place_in_zone"):
                form.place_in_zone(zone)
            kept.append(form)
        by_instance = {id(form.instance): form for form in kept}
        # Only sessions whose times were both read (a refused time is left out of
        # cleaned_data by add_error) are compared.
        placed = [form.instance for form in kept if all(n in form.cleaned_data for n in TIMES)]
        for session, field, message in session_problems(placed, zone):
            form = by_instance[id(session)]
            if field in form.cleaned_data:
                form.add_error(field, message)
        return cleaned_data


def _zone(name):
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


class EventFilterForm(forms.Form):
    """The listing's filters, read from the query string. Every field is optional; a value
    the form rejects is ignored (and explained) rather than failing the page."""

    WHEN_TODAY = "today"
    WHEN_WEEKEND = "weekend"
    WHEN_WEEK = "week"
    WHEN_MHW = "mhw"

    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[
            ("", _("Any time")),
            (WHEN_TODAY, _("Today")),
            (WHEN_WEEKEND, _("This weekend")),
            (WHEN_WEEK, _("Next 7 days")),
            (WHEN_MHW, _("Mental Health Week")),
        ],
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    city = forms.CharField(label=_("City or town"), required=False, max_length=100)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Any format")), *EventFormat.choices],
    )
    organisation = forms.ChoiceField(label=_("Organiser"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    audience = forms.ChoiceField(label=_("For"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *LANGUAGE_CHOICES],
    )
    free = forms.BooleanField(label=_("Free events only"), required=False)
    access = forms.MultipleChoiceField(
        label=_("Accessibility needs"),
        required=False,
        choices=ACCESSIBILITY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )

    FACETS = (
        "country",
        "city",
        "format",
        "organisation",
        "topic",
        "audience",
        "language",
        "free",
        "access",
    )

    def __init__(
        self, data=None, *, topics=(), audiences=(), organisations=(), week=None, **kwargs
    ):
        super().__init__(data, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *countries]
        self.fields["organisation"].choices = [("", _("Any organiser"))] + [
            (organisation.slug, organisation.name) for organisation in organisations
        ]
        self.fields["topic"].choices = [("", _("Any topic"))] + [
            (term.slug, term.name) for term in topics
        ]
        self.fields["audience"].choices = [("", _("Anyone"))] + [
            (term.slug, term.name) for term in audiences
        ]
        self.week = week  # (first day, last day) of Mental Health Week, or None
        if week is None:
            self.fields["when"].choices = [
                choice for choice in self.fields["when"].choices if choice[0] != self.WHEN_MHW
            ]

    def _clean_date(self, name):
        value = self.cleaned_data.get(name)
        if value and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise forms.ValidationError(
                _("Choose a date between %(first)s and %(last)s."),
                params={"first": EARLIEST_YEAR, "last": LATEST_YEAR},
            )
        return value

    def clean_date_from(self):
        return self._clean_date("date_from")

    def clean_date_to(self):
        return self._clean_date("date_to")

    def clean_city(self):
        return " ".join(self.cleaned_data.get("city", "").split())

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if start and end and end < start:
            # Neither date can be trusted: ignore the range rather than guess.
            self.add_error("date_to", _("The end date is before the start date."))
            cleaned_data.pop("date_from", None)
        return cleaned_data

    @property
    def filters(self):
        """The valid filters, as a dict; invalid values are left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "", [], False)
        }

    @property
    def active(self):
        """Whether any filter is in use (for "clear filters")."""
        return bool(self.filters)

    def date_window(self, today=None):
        """The (start, end) aware datetimes the reader asked for, either may be None."""
        filters = self.filters
        zone = ZoneInfo(settings.TIME_ZONE)
        today = today or timezone.localdate(timezone=zone)
        first = last = None
        when = filters.get("when")
        if when == self.WHEN_TODAY:
            first = last = today
        elif when == self.WHEN_WEEKEND:
            saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7)
            if today.weekday() == 6:
                saturday = today - datetime.timedelta(days=1)
            first, last = max(saturday, today), saturday + datetime.timedelta(days=1)
        elif when == self.WHEN_WEEK:
            first, last = today, today + datetime.timedelta(days=6)
        elif when == self.WHEN_MHW and self.week:
            first, last = self.week
        if filters.get("date_from"):
            first = max(first, filters["date_from"]) if first else filters["date_from"]
        if filters.get("date_to"):
            last = min(last, filters["date_to"]) if last else filters["date_to"]

        def start_of(day):
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time()), zone)

        start = start_of(first) if first else None
        end = start_of(last + datetime.timedelta(days=1)) if last else None
        return start, end

    def apply(self, queryset, exclude=()):
        """Apply every valid filter except those named in ``exclude`` (for facet counts)."""
        filters = self.filters
        if "country" in filters and "country" not in exclude:
            queryset = queryset.in_country(filters["country"])
        if "city" in filters and "city" not in exclude:
            queryset = queryset.in_city(filters["city"])
        if "format" in filters and "format" not in exclude:
            queryset = queryset.of_format(filters["format"])
        if "organisation" in filters and "organisation" not in exclude:
            queryset = queryset.by_organisation(filters["organisation"])
        if "topic" in filters and "topic" not in exclude:
            queryset = queryset.about_topic(filters["topic"])
        if "audience" in filters and "audience" not in exclude:
            queryset = queryset.for_audience(filters["audience"])
        if "language" in filters and "language" not in exclude:
            queryset = queryset.in_language(filters["language"])
        if filters.get("free") and "free" not in exclude:
            queryset = queryset.free()
        if filters.get("access") and "access" not in exclude:
            queryset = queryset.with_accessibility(filters["access"])
        return queryset
