"""Loaders for the campaign and resource sections of the home page and of partner
organisations' pages (registered in CampaignsConfig.ready(); see home/sections.py)."""

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from campaigns.models import CampaignPage, ResourcePage
from home.listing import Vocabulary, first


def _published(model, locale):
    """Live, public pages of ``model`` in ``locale``."""
    return model.objects.live().public().filter(locale_id=locale.pk)


def _cards(queryset, locale, count, key):
    """The first ``count`` pages of ``queryset``, ready for their cards in ``locale``;
    ``key`` names the selection (which pages they are is cached, see ``first``)."""
    items = first(queryset.for_cards(), count, key=(*key, locale.pk))
    return Vocabulary(locale).label_cards(items) if items else items


def featured_campaigns(request, locale, count):
    """Running campaigns first (newest start first), then the next upcoming ones."""
    today = timezone.localdate()
    campaigns = (
        _published(CampaignPage, locale)
        .exclude(end_date__lt=today)
        .annotate(
            upcoming=Case(
                When(start_date__gt=today, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("upcoming", "-start_date")
    )
    return _cards(campaigns, locale, count, ("featured-campaigns", today))


def featured_resources(request, locale, count):
    """The newest resources in the reader's language."""
    return _cards(_published(ResourcePage, locale).newest(), locale, count, ("new-resources",))


def organisation_campaigns(request, locale, organisation, count):
    """The campaigns ``organisation`` runs (as owner or partner) in ``locale``: running,
    then upcoming, then ended ones."""
    campaigns = _published(CampaignPage, locale).with_organisations([organisation.slug])
    key = ("organisation-campaigns", organisation.pk, timezone.localdate())
    return _cards(campaigns.by_status(), locale, count, key)


def organisation_resources(request, locale, organisation, count):
    """The newest resources ``organisation`` published in ``locale``."""
    resources = _published(ResourcePage, locale).with_organisations([organisation.slug])
    return _cards(resources.newest(), locale, count, ("organisation-resources", organisation.pk))
