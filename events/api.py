"""The events' endpoint of the read API (home.api): each event with its sessions.

The joining link of an online event is given only while the event's page shows it (its
visibility setting, e.g. "near the start" or "registered people only"); the registration
address and any registrant data are never given here.
"""

from rest_framework.fields import Field, ReadOnlyField
from wagtail.api import APIField

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


class SessionsField(Field):
    """The event's sessions, earliest first (prefetched), as ISO 8601 times with offsets."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [
            {
                "title": session.title,
                "start": session.local(session.start, value.zone).isoformat(),
                "end": session.local(session.end, value.zone).isoformat(),
            }
            for session in value.ordered_sessions
        ]


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
    ]
    listing_fields = ["summary", "status", "sessions", "format", "city", "country", "topics"]
    filters = [
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
