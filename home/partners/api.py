"""The partners' endpoint of the read API (home.api): each organisation's public section
page with the organisation's public identity (name, country, website, logo); never its
editors, groups or collection."""

from wagtail.api import APIField

from home.api.endpoints import Filter, OrganisationField, PageEndpoint, PictureField
from home.partners.models import LOGO_FILTER, PartnerPage


class PartnerEndpoint(PageEndpoint):
    """Live, public partner pages, one per organisation and language."""

    model = PartnerPage
    api_fields = [
        APIField("summary"),
        APIField("intro"),
        APIField("organisation", serializer=OrganisationField()),
        APIField("logo", serializer=PictureField(LOGO_FILTER, "organisation__logo", alt="")),
    ]
    listing_fields = ["organisation", "summary"]
    ordering = ("title", "pk")
    filters = [
        Filter("country", "organisation__country", upper=True, doc="country codes, e.g. FR,DE"),
        Filter("organisation", "organisation__slug", doc="organisation slugs"),
    ]

    def prepare(self, queryset):
        return queryset.select_related("organisation").with_renditions(
            "organisation__logo", LOGO_FILTER
        )
