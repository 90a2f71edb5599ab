"""Loaders for the home page's campaign and resource sections (see home/sections.py)."""

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from campaigns.listing import annotate_cards
from campaigns.models import CampaignPage, ResourcePage
from campaigns.taxonomy import Vocabulary


def featured_campaigns(request, locale, count):
    """Running campaigns first (newest start first), then the next upcoming ones."""
    today = timezone.localdate()
    campaigns = (
        CampaignPage.objects.live()
        .public()
        .filter(locale_id=locale.pk)
        .exclude(end_date__lt=today)
        .annotate(
            upcoming=Case(
                When(start_date__gt=today, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("upcoming", "-start_date")
        .for_cards()[:count]
    )
    return annotate_cards(list(campaigns), Vocabulary(locale))


def featured_resources(request, locale, count):
    """The newest resources in the reader's language."""
    resources = (
        ResourcePage.objects.live().public().filter(locale_id=locale.pk).newest().for_cards()
    )
    return annotate_cards(list(resources[:count]), Vocabulary(locale))
