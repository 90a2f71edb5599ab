"""The events' endpoint of the read API (home.api): each event with its sessions.

The joining link of an online event is given only while the event's page shows it (its
visibility setting, e.g. "near the start" or "registered people only"); the registration
address and any registrant data are never given here.
"""

from rest_framework.fields import Field, ReadOnlyField
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError

from events.models import EventPage
from events.querysets import CARD_IMAGE_SPEC
from home.api.endpoints import (
    CountryCode,
    Filter,
    OrganisationField,
    PageEndpoint,
    PictureField,
    TermSlugs,
    topic_filter,
)


class WhenFilter:
    """``?when=upcoming``: events with a session still to come or running, soonest next
    session first; ``?when=past``: events whose sessions have all ended, latest first. Any
    other value is a 400 that says which are taken."""

    name = "when"
    doc = "upcoming (soonest first) or past (latest first)"
    CHOICES = {"upcoming": "upcoming", "past": "past"}

    def apply(self, queryset, raw):
        method = self.CHOICES.get(raw.strip().lower())
        if method is None:
            raise BadRequestError("when: give upcoming or past")
        return getattr(queryset, method)()


class SessionsField(Field):
    """The event's sessions, earliest first (prefetched), as ISO 8601 times with offsets;
    on an event's own answer (not in listings) each with its programme."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, value):
        view = self.context.get("view")
        detail = getattr(view, "action", None) == "detail_view"
        sessions = []
        for session in value.ordered_sessions:
            data = {
                "title": session.title,
                "start": session.local(session.start, value.zone).isoformat(),
                "end": session.local(session.end, value.zone).isoformat(),
            }
            if detail:
                programme = session.programme
                data["programme"] = programme.stream_block.get_api_representation(
                    programme, self.context
                )
            sessions.append(data)
        return sessions


class JoiningLinkField(Field):
    """The online joining link, only while the event page shows it."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value.online_url if value.joining_link_visible() else None


class EventEndpoint(PageEndpoint):
    """Live, public events with sessions, place, access and organiser."""

    model = EventPage
    api_fields = [
        APIField("summary"),
        APIField("status"),
        APIField("status_note"),
        APIField("sessions", serializer=SessionsField()),
        APIField("all_day"),
        APIField("time_zone"),
        APIField("format"),
        APIField("venue_name"),
        APIField("address"),
        APIField("city"),
        APIField("country", serializer=CountryCode()),
        APIField("latitude"),
        APIField("longitude"),
        APIField("online_url", serializer=JoiningLinkField()),
        APIField("languages"),
        APIField("accessibility"),
        APIField("accessibility_notes"),
        APIField("is_free"),
        APIField("price"),
        APIField("registration"),
        APIField("registration_url"),
        APIField("campaign_id"),
        APIField("organisation", serializer=OrganisationField()),
        APIField("topics", serializer=TermSlugs()),
        APIField("audiences", serializer=TermSlugs()),
        APIField("picture", serializer=PictureField(CARD_IMAGE_SPEC)),
        APIField("is_cancelled", serializer=ReadOnlyField()),
        APIField("description"),
    ]
    listing_fields = ["summary", "status", "sessions", "format", "city", "country", "topics"]
    detail_only_fields = [*PageEndpoint.detail_only_fields, "description"]
    filters = [
        WhenFilter(),
        topic_filter(),
        Filter("country", "country", upper=True, doc="country codes, e.g. FR,DE"),
        Filter("organisation", "organisation__slug", doc="organisation slugs"),
        Filter("city", "city", doc="city names as the events spell them"),
        Filter("format", "format", doc="in_person, online or hybrid"),
    ]

    def prepare(self, queryset):
        return (
            queryset.select_related("organisation")
            .with_renditions("image", CARD_IMAGE_SPEC)
            .prefetch_related("sessions", "topics", "audiences")
        )
