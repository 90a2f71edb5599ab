"""The stories' endpoint of the read API (home.api).

Only what the published story page itself shows: its title, the display name the contributor
chose (or null for "Anonymous"), country, topics, content notes, picture and text. Nothing
from the contributor record (contact details, consent, status) and nothing of a story that is
not live: a draft, a story waiting for review, a declined, withdrawn or erased one is simply
not in the queryset, so neither its title nor its existence shows.
"""

from rest_framework.fields import CharField
from wagtail.api import APIField

from campaigns.stories.models import StoryPage
from home.api.endpoints import (
    CountryCode,
    Filter,
    PageEndpoint,
    PictureField,
    TermSlugs,
    topic_filter,
)

STORY_IMAGE_SPEC = "fill-640x360"


class StoryEndpoint(PageEndpoint):
    """Live, public success stories."""

    model = StoryPage
    api_fields = [
        APIField("excerpt", serializer=CharField(read_only=True)),
        APIField("display_name"),
        APIField("country", serializer=CountryCode()),
        APIField("topics", serializer=TermSlugs()),
        APIField("content_notes"),
        APIField("campaign_id"),
        APIField("picture", serializer=PictureField(STORY_IMAGE_SPEC)),
        APIField("body"),
    ]
    listing_fields = ["excerpt", "display_name", "country", "topics", "content_notes"]
    detail_only_fields = [*PageEndpoint.detail_only_fields, "body"]
    filters = [
        topic_filter(),
        Filter("country", "country", upper=True, doc="country codes, e.g. FR,DE"),
        Filter(
            "campaign",
            "campaign__slug",
            doc="slugs of the campaigns the stories belong to",
        ),
        Filter(
            "organisation",
            "campaign__organisation__slug",
            doc="slugs of the organisations running the stories' campaigns",
        ),
    ]

    def prepare(self, queryset):
        return queryset.with_renditions("image", STORY_IMAGE_SPEC).prefetch_related("topics")
