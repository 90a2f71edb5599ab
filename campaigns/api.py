"""The campaigns' and resources' endpoints of the read API (home.api): public fields only.

A campaign's pledge count is the number of approved signatures of its pledge in every
language (translations share one pledge, as on the page); who signed is never shown here.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from rest_framework import fields as api_fields
from wagtail.api import APIField

from campaigns.models import CampaignPage, PledgeSignature, ResourcePage
from campaigns.models.campaign import CARD_IMAGE_SPEC
from home.api.endpoints import (
    Filter,
    OrganisationField,
    OrganisationsField,
    PageEndpoint,
    PictureField,
    TermSlugs,
    topic_filter,
)


def approved_signatures_count():
    """A subquery: the approved signatures of the outer campaign's pledge, in any language."""
    signatures = (
        PledgeSignature.objects.approved()
        .filter(campaign__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("campaign__translation_key")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(signatures[:1]), 0, output_field=IntegerField())


class CampaignEndpoint(PageEndpoint):
    """Live, public campaigns with their dates, organisations, topics and pledge count."""

    model = CampaignPage
    api_fields = [
        APIField("summary"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status", serializer=api_fields.ReadOnlyField(source="status_key")),
        APIField("organisation", serializer=OrganisationField()),
        APIField("partners", serializer=OrganisationsField()),
        APIField("topics", serializer=TermSlugs()),
        APIField("audiences", serializer=TermSlugs()),
        APIField(
            "picture", serializer=PictureField(CARD_IMAGE_SPEC, "hero_image", "hero_image_alt")
        ),
        APIField("pledge_statement"),
        APIField("pledge_open"),
        APIField("pledge_count", serializer=api_fields.IntegerField(read_only=True)),
        APIField("body"),
    ]
    listing_fields = ["summary", "start_date", "end_date", "status", "topics", "pledge_count"]
    detail_only_fields = [*PageEndpoint.detail_only_fields, "body"]
    filters = [
        topic_filter(),
        Filter(
            "country",
            "organisation__country",
            "partners__country",
            upper=True,
            doc="country codes of the running or partner organisations, e.g. FR,DE",
        ),
        Filter(
            "organisation",
            "organisation__slug",
            "partners__slug",
            doc="slugs of the running or partner organisations",
        ),
    ]

    def prepare(self, queryset):
        return (
            queryset.select_related("organisation")
            .with_renditions("hero_image", CARD_IMAGE_SPEC)
            .prefetch_related("partners", "topics", "audiences")
            .annotate(pledge_count=approved_signatures_count())
        )


class ResourceEndpoint(PageEndpoint):
    """Live, public literacy resources."""

    model = ResourcePage
    api_fields = [
        APIField("summary"),
        APIField("format"),
        APIField("reading_time"),
        APIField("organisation", serializer=OrganisationField()),
        APIField("topics", serializer=TermSlugs()),
        APIField("audiences", serializer=TermSlugs()),
        APIField("picture", serializer=PictureField(CARD_IMAGE_SPEC)),
        APIField("review_due"),
    ]
    listing_fields = ["summary", "format", "topics", "organisation"]
    filters = [
        topic_filter(),
        Filter("country", "organisation__country", upper=True, doc="country codes, e.g. FR,DE"),
        Filter("organisation", "organisation__slug", doc="organisation slugs"),
    ]

    def prepare(self, queryset):
        return (
            queryset.select_related("organisation")
            .with_renditions("image", CARD_IMAGE_SPEC)
            .prefetch_related("topics", "audiences")
        )
